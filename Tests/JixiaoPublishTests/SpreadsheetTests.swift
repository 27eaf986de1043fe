import Foundation
import JixiaoModel
import JixiaoPublish
import Testing
import JixiaoData
import JixiaoImport
import JixiaoExport
import JixiaoRender

/// `--xlsx`: the forms as spreadsheets, read back from the zip: the merges of the printed
/// form, numbers stored as numbers with their formats, data text kept as text.
@Suite("Spreadsheets")
struct SpreadsheetTests {
    static let goalTable = "2021/项目/村级组织经费.xlsx"
    static let assessment = "2021/自评/村级组织经费.xlsx"

    /// The number formats built into every spreadsheet program (ECMA-376 §18.8.30).
    enum BuiltInFormat {
        static let general = 0, twoDecimals = 2, percent = 9, percentTwoDecimals = 10
    }

    @Test func everyFormHasASpreadsheetBesideItsPage() throws {
        let (directory, report) = try Published.output.get()
        #expect(report.spreadsheets.count == 42, "14 目标表, 14 自评表 and 14 监控表")
        for path in report.spreadsheets {
            #expect(report.pages.contains((path as NSString).deletingPathExtension + ".html"), "\(path) has no page")
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path), "\(path) missing")
        }
    }

    @Test func packageHasTheOfficePartsInOrderWithFixedDates() throws {
        let sheet = try Published.spreadsheet(Self.goalTable)
        #expect(sheet.entries.map(\.path) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                                              "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"])
        let dates = Set(sheet.entries.compactMap { $0.fileAttributes[.modificationDate] as? Date })
        #expect(dates == [Date(timeIntervalSince1970: 315_532_800)], "1980-01-01 on every entry, never the publish time")
        let workbook = String(decoding: sheet.parts["xl/workbook.xml"] ?? Data(), as: UTF8.self)
        #expect(workbook.contains("<sheet name=\"项目绩效目标表\""))
    }

    /// Hand-checked against the page: title, 编码/名称, 用途, 资金支出计划 (two rows, the 4th
    /// quarter two columns wide), 绩效目标, then 产出指标 over its five rows 8–12, of which
    /// 成本指标 has the last two.
    @Test func goalTableMergesAsTheForm() throws {
        let sheet = try Published.spreadsheet(Self.goalTable)
        #expect(sheet.merges == ["A1:F1", "B2:C2", "E2:F2", "B3:F3", "A4:A5", "E4:F4", "E5:F5", "B6:F6", "A8:A12", "B11:B12"])
        #expect(sheet.cells["A8"]?.text == "产出指标")
        #expect(sheet.cells["C8"]?.text == "基层党组织活动覆盖村庄数量")
        #expect(sheet.cells["C12"]?.text == "村党组织服务群众专项经费每村投入")
        #expect(sheet.cells["A13"]?.text == "效果指标")
        // A merge's covered cells exist with the border style of the merge.
        #expect(sheet.cells["A12"]?.style == sheet.cells["A8"]?.style && sheet.cells["A12"]?.text == nil)
    }

    /// Every 一级 and 二级 cell of every project spans exactly the rows of its indicators.
    @Test func indicatorGroupsSpanExactlyTheirRowsInEveryProject() throws {
        let projects = try DataSetLoader.load(directory: Published.repository.appendingPathComponent("data").path).years.flatMap { $0.entries.map(\.project) }
        #expect(projects.count == 14)
        for project in projects {
            let path = "2021/项目/\(project.name.value).xlsx"
            let sheet = try Published.spreadsheet(path)
            var row = try #require(sheet.row(where: "C", is: "三级指标"), "\(path): no header row") + 1
            var expected: [String] = []
            for group in project.indicators {
                let count = group.subgroups.reduce(0) { $0 + $1.indicators.count }
                #expect(sheet.cells["A\(row)"]?.text == group.name.value, "\(path) A\(row)")
                if count > 1 { expected.append("A\(row):A\(row + count - 1)") }
                for subgroup in group.subgroups {
                    #expect(sheet.cells["B\(row)"]?.text == subgroup.name.value, "\(path) B\(row)")
                    if subgroup.indicators.count > 1 { expected.append("B\(row):B\(row + subgroup.indicators.count - 1)") }
                    for indicator in subgroup.indicators {
                        #expect(sheet.cells["C\(row)"]?.text == indicator.name.value, "\(path) C\(row)")
                        #expect(sheet.cells["D\(row)"]?.text == indicator.description, "\(path) D\(row)")
                        row += 1
                    }
                }
            }
            let header = try #require(sheet.row(where: "C", is: "三级指标"))
            let indicatorMerges = sheet.merges.filter { Spreadsheet.row(of: String($0.prefix { $0 != ":" })) > header }
            #expect(indicatorMerges == expected, "\(path)")
        }
    }

    /// 指标值 and 资金支出计划: pure numbers and percentages are numbers, the rest text as written.
    @Test func goalTableValuesAreNumbersOnlyWhenPurelyNumeric() throws {
        let sheet = try Published.spreadsheet(Self.goalTable)
        for (reference, value, format) in [("B5", "0.25", BuiltInFormat.percent), ("E5", "1", BuiltInFormat.percent),
                                           ("E8", "9", BuiltInFormat.general), ("E9", "0.85", BuiltInFormat.percent),
                                           ("E13", "0.8", BuiltInFormat.percent)] {
            let cell = try #require(sheet.cells[reference])
            #expect(cell.type == nil && cell.value == value, "\(reference) is the number \(value)")
            #expect(sheet.numberFormat(reference) == format, "\(reference) format")
        }
        for (reference, text) in [("E10", "2021年12月底前"), ("E11", "200元"), ("E12", "5万元"), ("E14", "85%以上")] {
            #expect(sheet.cells[reference]?.type == "inlineStr" && sheet.cells[reference]?.text == text, "\(reference) stays text")
        }
    }

    /// 年度资金总额 of 村级组织经费: 71 and 69.8 万元 as numbers, 执行率 98.31% as 0.9831,
    /// 分值 and 得分 with two decimals; the 其中 rows print "—" as text.
    @Test func assessmentFiguresAreNumbers() throws {
        let sheet = try Published.spreadsheet(Self.assessment)
        let funds = try #require(sheet.row(where: "B", is: "年度资金总额"))
        for (column, value, format) in [("C", "71", BuiltInFormat.general), ("D", "71", BuiltInFormat.general),
                                        ("E", "69.8", BuiltInFormat.general), ("F", "10", BuiltInFormat.twoDecimals),
                                        ("G", "0.9831", BuiltInFormat.percentTwoDecimals), ("H", "9.83", BuiltInFormat.twoDecimals)] {
            let cell = try #require(sheet.cells["\(column)\(funds)"])
            #expect(cell.type == nil && cell.value == value, "\(column)\(funds) is the number \(value)")
            #expect(sheet.numberFormat("\(column)\(funds)") == format, "\(column)\(funds) format")
        }
        #expect(sheet.cells["D\(funds + 1)"]?.text == "—")
        let total = try #require(sheet.row(where: "A", is: "总分"))
        #expect(sheet.cells["G\(total)"]?.value == "99.83" && sheet.numberFormat("G\(total)") == BuiltInFormat.twoDecimals)
        #expect(sheet.cells["H\(total)"]?.text == "等级：优")
        #expect(sheet.merges.contains("A\(funds - 1):A\(funds + 3)"), "项目资金（万元） spans its header and four rows")
        let text = sheet.cells.values.compactMap(\.text).joined()
        #expect(text.contains("示例数据"), "sample data says so in the spreadsheet too")
    }
}

/// Data text reaches the spreadsheet as text, whatever it holds.
@Suite("Spreadsheets with hostile data")
struct SpreadsheetHostileDataTests {
    @Test(arguments: [
        "<script>alert(1)</script>", "]]> &amp; \"双引号\" '单引号' <!-- x -->", "_x0041_ 与 a_x 与 _x005F_",
        "\u{202E}右到左覆盖", "=1+1", String(repeating: "长", count: 40_000),
    ])
    func textStaysTextAndTheFileStaysValid(_ text: String) throws {
        let project = HostileDataTests.base.replacingOccurrences(of: "描述: 村委会办公场所租赁费使用村庄数",
                                                                 with: "描述: \(HostileDataTests.quoted(text))")
        let hostile = try HostileDataTests()
        let root = try hostile.dataRoot(["村委会办公场所租赁费.yaml": project])
        var options = PublishOptions(dataDirectory: root.appendingPathComponent("data").path,
                                     outputDirectory: root.appendingPathComponent("output").path,
                                     templatesDirectory: Published.repository.appendingPathComponent("templates").path)
        options.xlsx = true
        _ = try Publisher.publish(options)
        let sheet = try Spreadsheet(path: root.appendingPathComponent("output/2021/项目/村委会办公场所租赁费.xlsx").path)
        let row = try #require(sheet.row(where: "C", is: "村委会办公场所租赁费使用村庄数"))
        let cell = try #require(sheet.cells["D\(row)"])
        #expect(cell.type == "inlineStr")
        // Excel refuses a cell longer than 32,767 characters: longer text is cut there.
        #expect(cell.text == String(text.prefix(32_767)))
    }
}
