import Foundation
import JixiaoData
import JixiaoDiagnostics
import JixiaoPublish
import JixiaoScore
import Testing

/// The acceptance data of issue 22: tables published by units in Sichuan, Anhui, Shanxi and Fujian,
/// transcribed as printed, slips marked 原文如此 (Tests/Fixtures/real-tables; each file names its
/// source). The expected findings and scores are the hand-computed oracle of that folder's README,
/// worked there step by step; the line numbers are the files'.
@Suite("Real tables as printed")
struct RealTablesTests {
    static let root = Published.repository.appendingPathComponent("Tests/Fixtures/real-tables")

    /// The one table of a folder: its findings as `code@line` (warnings only: every slip is
    /// marked, so none may stay an error) and its score.
    static func load(_ folder: String) -> (findings: [String], errors: [String], score: ProjectScore?) {
        let data = DataSetLoader.load(directory: root.appendingPathComponent(folder).path)
        let line = { (d: Diagnostic) in "\(d.code)@\(d.mark?.line ?? 0)" }
        return (data.diagnostics.filter { $0.severity == .warning }.map(line),
                data.diagnostics.filter { $0.severity == .error }.map(line),
                data.years.first?.entries.first?.assessment?.score)
    }

    static func review(_ score: ProjectScore?) -> [String] {
        (score?.review ?? []).map { "\($0.line): \($0.printed.plain) / \($0.computed.fixed(2))" }
    }

    /// Published into a scratch folder: the page as written.
    static func html(_ folder: String, _ path: String) throws -> String {
        let scratch = Scratch("real-tables")
        let out = scratch.appendingPathComponent("out")
        _ = try Publisher.publish(PublishOptions(dataDirectory: root.appendingPathComponent(folder).path, outputDirectory: out.path,
                                                 templatesDirectory: Published.repository.appendingPathComponent("templates").path))
        return try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
    }

    /// The page's text, a cell's text whole (its last characters are kept together in a span)
    /// and every other tag a `|`: what the form prints.
    static func page(_ folder: String, _ path: String) throws -> String {
        try html(folder, path)
            .replacingOccurrences(of: "<span class=\"tail\">([^<]*)</span>", with: "$1", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]+>", with: "|", options: .regularExpression)
    }

    /// 青神县 2023, the Sichuan form: two blank 完成值 score nothing; 251.89 ÷ 251.89 × 10 = 10.00.
    @Test func qingshenSichuanForm() throws {
        let (findings, errors, score) = Self.load("青神县发展和改革局-2023")
        #expect(errors.isEmpty)
        #expect(findings.sorted() == ["JX204@54", "JX204@62", "JX406@48"])
        #expect(score?.budget.score.fixed(2) == "10.00" && score?.total.fixed(2) == "10.00" && score?.grade == .poor)
        let page = try Self.page("青神县发展和改革局-2023", "2023/自评/工资性支出.html")
        #expect(page.contains("部门预算项目支出绩效自评表") && page.contains("510000_0013zp"))
        #expect(page.contains("51000021R000000019951-工资性支出") && page.contains("调整后预算数") && page.contains("财政专户管理资金"))
    }

    /// 天长市 2022: six rows print 10 with both value cells blank (0.00 by the rules), the "/" row is
    /// not applicable; computed (10 + 10 + 6 × 0 + 10) + 10 = 40.00 against a printed 100.
    @Test func tianchangBlankRowsAndNotApplicable() throws {
        let (findings, errors, score) = Self.load("天长市水利局-2022")
        #expect(errors.isEmpty)
        let blanks = [47, 48, 53, 54, 59, 60, 66, 67, 72, 73, 83, 84].map { "JX204@\($0)" }
        let printed = [50, 56, 62, 69, 75, 86].map { "JX621@\($0)" }
        #expect(findings.sorted() == (blanks + printed + ["JX624@96"]).sorted())
        #expect(score?.total.fixed(2) == "40.00")
        #expect(score?.indicators.filter { !$0.applicable }.map(\.indicator.name.value) == ["指标1:/"])
        #expect(Self.review(score) == [50, 56, 62, 69, 75, 86].map { "\($0): 10 / 0.00" } + ["96: 100 / 40.00"])
    }

    /// 中江县 2022: weights 70 + 20 + 10 + 10 = 110 under a printed 总分 of 100; every row reproduced,
    /// actuals written `≥266米`, `≥50厘米`.
    @Test func zhongjiangWeightsAddTo110() throws {
        let (findings, errors, score) = Self.load("中江县水利局-2022")
        #expect(errors.isEmpty)
        #expect(findings == ["JX605@31", "JX623@86", "JX624@87"])
        #expect(score?.indicators.allSatisfy { $0.printedScore == nil || $0.printedScore == $0.score } == true)
        #expect(score?.indicators.map { $0.score.fixed(2) } == ["10.00", "10.00", "20.00", "10.00", "10.00", "10.00", "10.00", "10.00", "10.00"])
        #expect(Self.review(score) == ["86: 100 / 110.00", "87: 100 / 110.00"])
    }

    /// 稷山县 2020: five printed slips, each with both numbers (65.07 × 10 ÷ 65.66 = 9.91;
    /// 8676 × 15 ÷ 8755 = 14.86; total 99.77); the page prints what the table printed.
    @Test func jishanPrintedSlips() throws {
        let (findings, errors, score) = Self.load("稷山县医疗保障局-2020")
        #expect(errors.isEmpty)
        #expect(findings.sorted() == ["JX621@36", "JX621@62", "JX621@69", "JX622@22", "JX624@72"])
        #expect(score?.total.fixed(2) == "99.77" && score?.budget.ratePercent.fixed(2) == "99.10")
        #expect(Self.review(score).sorted() == ["22: 9 / 9.91", "36: 13 / 14.86", "62: 27 / 30.00", "69: 9 / 10.00", "72: 94 / 99.77"])
        let page = try Self.page("稷山县医疗保障局-2020", "2020/自评/建档立卡个人缴费县级配套资金.html")
        #expect(page.contains("|94|") && !page.contains("99.77"), "the form shows the printed total")
        let review = try Self.page("稷山县医疗保障局-2020", "2020/核对.html")
        #expect(review.contains("99.77") && review.contains("14.86"))
    }

    /// 秀屿区 2025, a goal table with 指标方向 and a value per town (partly transcribed: the stored
    /// copy stops at 社会效益指标); `是/否` reads as 定性.
    @Test func xiuyuRecipients() throws {
        let (findings, errors, _) = Self.load("秀屿区水利局-2025")
        #expect(errors.isEmpty)
        #expect(findings == ["JX406@26"], "the 效益/满意度 rows were lost with the copy's end")
        let page = try Self.page("秀屿区水利局-2025", "2025/项目/省级第七批水利专项资金.html")
        #expect(page.contains("笏石街道办") && page.contains("埭头镇"))
        let html = try Self.html("秀屿区水利局-2025", "2025/项目/省级第七批水利专项资金.html")
        #expect(html.contains("class=\"sheet landscape\""), "a value column per town needs the landscape sheet")
    }

    /// 棠溪镇 2022 (partly transcribed): 总额 printed 0 / 0 / 0 over a funded 其中 row, marked.
    @Test func tangxiZeroTotal() {
        let (findings, _, score) = Self.load("贵池区棠溪镇人民政府-2022")
        for line in [19, 20, 21] { #expect(findings.contains("JX619@\(line)")) }
        #expect(findings.contains("JX626@20"))
        #expect(score?.budget.score.fixed(2) == "0.00")
    }

    /// 大英县 2023 (partly transcribed, Sichuan): the budget row, 3.36 ÷ 3.36 × 10 = 10.00.
    @Test func dayingBudgetRow() {
        let (_, _, score) = Self.load("大英县司法局-2023")
        #expect(score?.budget.score.fixed(2) == "10.00" && score?.budget.ratePercent.fixed(2) == "100.00")
    }
}
