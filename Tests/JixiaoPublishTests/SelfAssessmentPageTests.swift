import CLibXML
import Foundation
import Testing

/// The rendered 自评表 of three sample projects, every score checked against arithmetic done
/// by hand (written out below), and the report's summary rows for the same projects.
/// Default weights: 产出 50 over four indicators = 12.5 each, 效益 30 over one, 满意度 10,
/// 预算执行率 10; a weight is printed whole where it is whole (30, not 30.00). Missed positive:
/// actual ÷ target × weight; missed negative: target ÷ actual × weight; each printed to 0.01
/// half up; the total is the sum of the printed scores.
@Suite("Self-assessment pages")
struct SelfAssessmentPageTests {
    struct Expected {
        let project: String
        /// 三级指标 → (分值, 得分) as printed.
        let scores: [String: (String, String)]
        /// 年度资金总额 row: 年初, 全年, 执行, 分值, 执行率, 得分.
        let funds: [String]
        let total: String
        let grade: String
    }

    static let expectations = [
        Expected(project: "马家屯遮荫款", scores: [
            "马家屯遮荫款的发放户数": ("12.50", "7.50"),          // 6 ÷ 10 × 12.5 = 7.5
            "马家屯遮荫款发放完成率": ("12.50", "7.50"),          // 60 ÷ 100 × 12.5 = 7.5
            "项目完成时限": ("12.50", "5.00"),                    // missed: evaluator 5 (≤ 80% × 12.5 = 10)
            "该项目预算资金的完成率": ("12.50", "7.45"),          // 59.62 ÷ 100 × 12.5 = 7.4525 → 7.45
            "马家屯遮荫群体信访人次": ("30", "7.50"),          // 低于1人次, actual 4: 1 ÷ 4 × 30 = 7.5
            "马家屯遮荫群体满意度": ("10", "5.88"),            // 50 ÷ 85 × 10 = 5.882… → 5.88
        ], funds: ["年度资金总额", "5.2", "5.2", "3.1", "10", "59.62%", "5.96"],  // 3.1 ÷ 5.2 = 59.615…% → 5.96
           total: "46.79", grade: "差"),  // 7.5 + 7.5 + 5 + 7.45 + 7.5 + 5.88 + 5.96 = 46.79
        Expected(project: "信访维稳专项资金", scores: [
            "维护和谐稳定的村居数量（个）": ("12.50", "9.62"),    // 20 ÷ 26 × 12.5 = 9.615… → 9.62
            "群众对信访政策的知晓率": ("12.50", "10.94"),         // 70 ÷ 80 × 12.5 = 10.9375 → 10.94
            "项目完成时限": ("12.50", "8.00"),                    // missed: evaluator 8
            "该项目预算资金的完成率": ("12.50", "11.18"),         // 85 ÷ 95 × 12.5 = 11.184… → 11.18
            "突发事件和重大事件的发生率": ("30", "15.00"),     // 低于10%, actual 20%: 10 ÷ 20 × 30 = 15
            "辖区群众满意度": ("10", "7.06"),                  // 60 ÷ 85 × 10 = 7.0588… → 7.06
        ], funds: ["年度资金总额", "30", "30", "25.5", "10", "85.00%", "8.50"],   // 25.5 ÷ 30 = 85% → 8.5
           total: "70.30", grade: "中"),  // 9.62 + 10.94 + 8 + 11.18 + 15 + 7.06 + 8.5 = 70.30
        Expected(project: "社区目标考核奖", scores: [
            "社区目标考核奖发放人数": ("12.50", "12.50"),         // 135 ≥ 102: met (30 % over, reason given)
            "社区目标考核奖发放完成率": ("12.50", "12.50"),
            "项目完成时限": ("12.50", "12.50"),                   // 2021-12-20 ≤ 2021-12-31
            "该项目预算资金的完成率": ("12.50", "12.50"),         // 95% ≥ 95%
            "社区工作者在岗率": ("30", "26.67"),               // 80 ÷ 90 × 30 = 26.666… → 26.67
            "社区工作者群体满意度": ("10", "9.18"),            // 78 ÷ 85 × 10 = 9.176… → 9.18
        ], funds: ["年度资金总额", "43.7", "43.7", "43.7", "10", "100.00%", "10.00"],
           total: "95.85", grade: "优"),  // 12.5 × 4 + 26.67 + 9.18 + 10 = 95.85
    ]

    @Test(arguments: 0..<3)
    func renderedTableMatchesHandComputation(index: Int) throws {
        let expected = Self.expectations[index]
        let page = try Published.page("2021/自评/\(expected.project).html")
        #expect(page.text.contains("示例数据"), "sample pages say so")
        let grid = page.grid(ofTableWithClass: "assessment-table").map { $0.map(squeezed) }
        for (name, (weight, score)) in expected.scores {
            let row = try #require(grid.first { $0.count == 8 && $0[2] == name }, "\(expected.project): no row \(name)")
            #expect([row[5], row[6]] == [weight, score], "\(expected.project) / \(name)")
        }
        let indicatorRows = grid.filter { $0.count == 8 && expected.scores[$0[2]] != nil }
        #expect(indicatorRows.count == expected.scores.count, "\(expected.project): every indicator appears once")
        #expect(grid.contains([""] + expected.funds), "\(expected.project): 年度资金总额 row")  // "" under 项目资金（万元）
        let total = try #require(grid.first { $0.first == "总分" })
        #expect(total == ["总分", "100", expected.total, "等级：\(expected.grade)"])
    }

    @Test func reportSummaryRowsForTheSameProjects() throws {
        let page = try Published.page("2021/绩效自评报告.html")
        #expect(page.text.contains("示例数据"))
        let grid = page.grid(ofTableWithClass: "summary").map { $0.map(squeezed) }
        #expect(grid.contains(["7", "马家屯遮荫款", "5.2", "3.1", "59.62%", "46.79", "差"]))
        #expect(grid.contains(["5", "信访维稳专项资金", "30", "25.5", "85.00%", "70.30", "中"]))
        #expect(grid.contains(["4", "社区目标考核奖", "43.7", "43.7", "100.00%", "95.85", "优"]))
        // Budget total of the 14 goal tables, all assessed: 5098.3万元.
        #expect(grid.last?.first == "合计（14个已自评项目）")
        #expect(grid.last?[1] == "5098.3")
        #expect(page.elements("svg").count == 2, "two figures, drawn inline")
        // Styled by their own attributes (the PDF engine applies no page CSS inside SVG), and
        // as wide as the page: 14 projects, so 14 bars in each, 马家屯遮荫款 the one in red.
        for svg in page.elements("svg") { #expect(page.attribute(svg, "width") == "100%") }
        let bars = page.elements("rect").filter { (page.attribute($0, "class") ?? "").hasPrefix("bar ") }
        #expect(bars.count == 14)
        #expect(bars.filter { page.attribute($0, "fill") == "#a33" }.count == 1)
        #expect(page.elements("rect").allSatisfy { page.attribute($0, "fill") != nil })
        // Amounts in 万元, said once above the table, not in each header.
        #expect(page.grid(ofTableWithClass: "summary").first == ["序号", "项目名称", "全年预算数", "全年执行数", "执行率", "得分", "等级"])
        #expect(page.elements("p").contains { page.attribute($0, "class") == "table-unit" && XHTMLPage.content($0) == "单位：万元" })
    }

    /// Figure 1 draws execution rates on one axis (0 to 100 %, a tick every 20 %), figure 2 the
    /// scores over the grade bands (a tick every 10 points, a line at each band's lower edge),
    /// both in a serif simplified-Chinese face the PDF engine finds (it reads no page CSS in SVG).
    @Test func reportFiguresHaveAxesBandsAndASerifFont() throws {
        let page = try Published.page("2021/绩效自评报告.html")
        let figures = page.elements("svg")
        try #require(figures.count == 2)
        for svg in figures { #expect(page.attribute(svg, "font-family")?.hasPrefix("AR PL UMing CN,Noto Serif CJK SC") == true) }
        func labels(_ svg: xmlNodePtr, _ className: String) -> [String] {
            page.elements("text", under: svg).filter { page.attribute($0, "class") == className }.map(XHTMLPage.content)
        }
        #expect(labels(figures[0], "tick-label") == ["0%", "20%", "40%", "60%", "80%", "100%"])
        #expect(labels(figures[1], "tick-label") == (0...10).map { String($0 * 10) })
        #expect(labels(figures[1], "band-label") == ["优", "良", "中", "差"])
        let edges = page.elements("line", under: figures[1]).filter { page.attribute($0, "class") == "band-edge" }
        #expect(edges.compactMap { page.attribute($0, "x1") } == ["500", "470", "410"], "at 90, 80 and 60 of 300 units from 230")
        // 马家屯遮荫款 spent 59.62 % of its budget: 59.62 % of the 300-unit axis.
        let rates = page.elements("rect", under: figures[0]).filter { page.attribute($0, "class") == "bar" }
        #expect(rates.count == 14)
        #expect(rates.contains { page.attribute($0, "width") == "178.86" })
        let captions = page.elements("figcaption").map(XHTMLPage.content)
        #expect(captions.first?.hasPrefix("图1　各项目预算执行率（全年执行数÷全年预算数") == true)
        #expect(captions.last == "图2　各项目自评得分（满分100分；底色为等级区间：差＜60≤中＜80≤良＜90≤优）")
    }

    /// Section 五 lists every indicator that fell short, under its 一级 heading, in project
    /// order; sections 六 and 七 each project's problems and improvements with its grade.
    @Test func reportListsShortfallsAndProjectNotes() throws {
        let page = try Published.page("2021/绩效自评报告.html")
        let headings = page.elements("h3").map(XHTMLPage.content).filter { $0.hasSuffix("未达成的指标") }
        #expect(headings == ["（一）产出指标未达成的指标", "（二）效果指标未达成的指标", "（三）满意度指标未达成的指标"],
                "named as the tables name them (效果指标), numbered in order")
        #expect(page.elements("h3").map(XHTMLPage.content).contains("（四）部门整体绩效目标中评为差的标准"))
        let tables = page.elements("table").filter { page.attribute($0, "class") == "shortfalls" }
        #expect(tables.count == 4, "three headings and the department's 差 measures")
        let output = page.grid(ofTableWithClass: "shortfalls").map { $0.map(squeezed) }
        #expect(output.first == ["项目", "三级指标", "年度指标值", "实际完成值", "得分/分值", "偏差原因"])
        #expect(output.dropFirst().first == ["村干部及村官考核奖和离任村干部补贴", "村干部和村官考核奖发放人数", "74", "60", "8.11/10",
                                              "14名村干部年中离任，未参加年终考核"])
        #expect(output.contains(["信访维稳专项资金", "维护和谐稳定的村居数量（个）", "26", "20", "9.62/12.50", "6个村居发生信访事项"]))
        #expect(output.contains(["信访维稳专项资金", "该项目预算资金的完成率", "95%", "85%", "11.18/12.50", ""]))
        try #require(tables.count > 1)
        let benefit = page.elements("tr", under: tables[1]).map { page.elements("td", under: $0).map(XHTMLPage.content) }
        #expect(benefit.contains(["信访维稳专项资金", "突发事件和重大事件的发生率", "低于10%", "20%", "15.00/30", "征地拆迁引发多起群体性事件"]))

        let notes = page.elements("ul").filter { page.attribute($0, "class") == "project-notes" }
            .map { page.elements("li", under: $0).map(XHTMLPage.content) }
        #expect(notes.count == 2)
        // A text several projects wrote word for word is printed once, naming them all in order.
        #expect(notes.first?.contains("信访维稳专项资金（中）、征地拆迁补偿款（中）、综合服务中心建设经费（良）：项目推进慢于计划，部分资金跨年支付，目标管理不够精细。") == true)
        #expect(notes.last?.contains("马家屯遮荫款（差）：重新核定补偿方案，加强与群众沟通，年中开展绩效运行监控。") == true)
        #expect(notes.map(\.count) == [4, 4], "14 projects, 4 different texts in each section")
        let grades = ["（优）", "（良）", "（中）", "（差）"]
        let named = (notes.first ?? []).map { note in grades.map { note.components(separatedBy: $0).count - 1 }.reduce(0, +) }
        #expect(named.reduce(0, +) == 14, "every project named once, with its grade: \(named)")
    }

    @Test func everyGradeAppearsInTheSample() throws {
        let grades = try Published.page("2021/绩效自评报告.html").grid(ofTableWithClass: "summary").compactMap { $0.count == 7 ? $0[6] : nil }
        for grade in ["优", "良", "中", "差"] {
            #expect(grades.contains(grade), "no project graded \(grade)")
        }
    }
}
