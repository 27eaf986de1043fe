import Foundation
import JixiaoDiagnostics
import JixiaoModel
import JixiaoPublish
import Testing
import JixiaoData
import JixiaoImport
import JixiaoExport
import JixiaoRender

@Suite("jixiao new")
struct ScaffoldTests {
    @Test func newProjectHasEveryFieldAndOnlyPlaceholdersToFill() throws {
        let text = Scaffold.project(name: "测试: 项目", year: 2022)
        let decoded = ProjectDecoder.decode(SourceFile(path: "p.yaml", text: text))
        #expect(Set(decoded.diagnostics.map(\.code)) == [.placeholder], "\(decoded.diagnostics.map(\.headline))")
        // Filled in, the same skeleton decodes cleanly with the standard headings.
        var filled = text
        for (placeholder, value) in [("合计: 待填写", "合计: 10万元"), ("财政资金: 待填写", "财政资金: 10万元"),
                                     ("金额: 待填写", "金额: 10万元")] {
            filled = filled.replacingOccurrences(of: placeholder, with: value)
        }
        filled = filled.replacingOccurrences(of: "待填写", with: "85%")
        let done = ProjectDecoder.decode(SourceFile(path: "p.yaml", text: filled))
        #expect(done.diagnostics.isEmpty, "\(done.diagnostics.map(\.headline))")
        let project = try #require(done.value)
        #expect(project.name.value == "测试: 项目")
        #expect(project.indicators.map(\.name.value) == ["产出指标", "效益指标", "满意度指标"])
        #expect(project.indicators[0].subgroups.map(\.name.value) == ["数量指标", "质量指标", "时效指标", "成本指标"])
    }

    @Test func newResultsListEveryIndicatorOfTheProject() throws {
        let source = SourceFile(path: "p.yaml", text: try String(contentsOf: Published.repository.appendingPathComponent("data/2021/项目/村级组织经费.yaml"), encoding: .utf8))
        let project = try #require(ProjectDecoder.decode(source).value)
        let text = Scaffold.results(for: project)
        let decoded = ResultsDecoder.decodeProject(SourceFile(path: "r.yaml", text: text))
        #expect(Set(decoded.diagnostics.map(\.code)) == [.placeholder])
        let listed = decoded.value?.indicators.map(\.name.value) ?? []
        #expect(listed.isEmpty || listed == project.indicators.flatMap(\.indicators).map(\.name.value))
        #expect(text.components(separatedBy: "实际完成值: 待填写").count - 1 == project.indicators.flatMap(\.indicators).count)
    }
}
