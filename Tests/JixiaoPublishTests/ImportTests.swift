import Foundation
import JixiaoDiagnostics
import JixiaoModel
import JixiaoPublish
import Testing
import JixiaoData
import JixiaoImport
import JixiaoExport
import JixiaoRender

/// `jixiao import` on the seed's 第二部分 gives back the hand transcription in data/2021:
/// every cell of all 14 tables, and the budget total and sources read from the prose.
@Suite("Import from table text")
struct ImportTests {
    static let seed = try! String(contentsOf: Bundle.module.url(forResource: "seed", withExtension: "txt", subdirectory: "Fixtures")!,
                                  encoding: .utf8)

    static func decode(_ text: String, path: String) throws -> Project {
        let decoded = ProjectDecoder.decode(SourceFile(path: path, text: text))
        #expect(decoded.diagnostics.isEmpty, "\(path): \(decoded.diagnostics.map(\.headline))")
        return try #require(decoded.value)
    }

    /// Everything a reader sees in the table, plus the budget read from 资金用途.
    static func cells(_ project: Project) -> [String] {
        var cells = [project.code, project.name.value, project.purpose ?? "", project.budget.total.value.description]
        cells += project.budget.sources.map { "\($0.name)=\($0.amount.value)" }
        cells += project.plan.map(\.value.text) + project.goals
        for group in project.indicators {
            for subgroup in group.subgroups {
                for indicator in subgroup.indicators {
                    cells += [group.name.value, subgroup.name.value, indicator.name.value, indicator.description ?? "",
                              indicator.valueText.value, indicator.basis ?? ""]
                }
            }
        }
        return cells
    }

    /// Every table of `document`, imported, has the cells and the order of its hand
    /// transcription in data/2021.
    static func expectTheHandTranscription(_ document: ImportedDocument) throws {
        #expect(document.tables.count == 14)
        #expect(document.year == 2021)
        for (number, table) in document.tables.enumerated() {
            let imported = try decode(try GoalTableImporter.dataFile(for: table, order: number + 1), path: table.projectName)
            let handPath = Published.repository.appendingPathComponent("data/2021/项目/\(table.projectName).yaml")
            let hand = try decode(try String(contentsOf: handPath, encoding: .utf8), path: handPath.lastPathComponent)
            #expect(cells(imported) == cells(hand), "\(table.projectName)")
            #expect(imported.order == hand.order, "\(table.projectName)")
        }
    }

    @Test func seedImportsToTheHandTranscription() throws {
        let document = try TableTextReader.read(Self.seed)
        try Self.expectTheHandTranscription(document)
        #expect(try DocumentImporter.dataFiles(for: document).map(\.fileName) == document.tables.map { "\($0.projectName).yaml" })
    }

    /// One table whose 资金用途 states no amount.
    static let minimalTable = "测试项目绩效目标表\n\n\t项目编码\n\t\n\t项目名称\n\t测试\n\n\t项目资金主要用途\n\t主要用于测试。\n\n\t资金支出计划\n\t第一季度\n\t第二季度\n\t第三季度\n\t第四季度\n\n\t\n\t25%\n\t50%\n\t75%\n\t100%\n\n\t绩效目标\n\t目标1完成测试\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\t指标值确定依据\n\n\t产出指标\n\t数量指标\n\t测试次数\n\t测试次数\n\t3\n\t经验\n"

    @Test func whatTheProseDoesNotStateIsLeftToFillIn() throws {
        let table = try #require(try TableTextReader.read(Self.minimalTable).tables.first)
        let file = try GoalTableImporter.dataFile(for: table, order: 1)
        #expect(file.contains("合计: 待填写"))
        let decoded = ProjectDecoder.decode(SourceFile(path: "t.yaml", text: file))
        #expect(decoded.diagnostics.map(\.code) == [.placeholder])
    }

    @Test func textWithoutTables() {
        #expect(throws: ImportFailure.noTablesInText) { try TableTextReader.read("2021年部门整体绩效目标\n\t评定指标\n") }
    }

    @Test func fileNamesStayInTheFolder() throws {
        let text = Self.minimalTable.replacingOccurrences(of: "测试项目绩效目标表", with: "../../etc/测试项目绩效目标表")
            .replacingOccurrences(of: "\t项目名称\n\t测试\n", with: "\t项目名称\n\t\n")
        #expect(try DocumentImporter.dataFiles(for: try TableTextReader.read(text)).map(\.fileName) == ["_._.._etc_测试.yaml"])
    }

    @Test func twoTablesOfOneProjectAreRefused() throws {
        let document = try TableTextReader.read(Self.minimalTable + "\n" + Self.minimalTable)
        #expect(throws: ImportFailure.duplicateProject("测试")) { try DocumentImporter.dataFiles(for: document) }
    }
}
