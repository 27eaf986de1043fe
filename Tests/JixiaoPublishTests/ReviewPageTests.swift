import Foundation
import Testing

/// The review page of the published 2021 data (templates/review.xsl), linked from the index.
@Suite("Review page")
struct ReviewPageTests {
    @Test func indexLinksTheReview() throws {
        let index = try Published.page("2021/index.html")
        let links = index.elements("a").map { (index.attribute($0, "href") ?? "", XHTMLPage.content($0)) }
        #expect(links.contains { $0 == ("绩效目标审核.html", "2021年度绩效目标审核意见") })
    }

    @Test func reviewCountsByRuleAndListsEachProjectsFindings() throws {
        let page = try Published.page("2021/绩效目标审核.html")
        #expect(page.grid(ofTableWithClass: "review-tally") == [
            ["代码", "审核要点", "条数"],
            ["JX803", "成本指标没有以金额计量的经济成本", "8"],
            ["JX810", "定量指标值没有计量单位", "18"],
        ])
        let sections = page.elements("section")
        #expect(sections.count == 13)
        let first = try #require(sections.first)
        let heading = try #require(page.elements("a", under: first).first)
        #expect(page.attribute(heading, "href") == "项目/村干部工资、保险和聘用人员工资.html")
        let findings = page.elements("li", under: first).map { XHTMLPage.content($0) }
        #expect(findings.count == 2)
        #expect(findings[0].hasPrefix("JX810 定量指标值没有计量单位（第 32 行）：指标值“12”只有数字"))
        #expect(findings[1].hasPrefix("JX803 成本指标没有以金额计量的经济成本（第 47 行）：成本指标“该项目预算资金的完成率 95%”不以元或万元计量"))
        #expect(findings[1].contains("提示：预算资金的执行（完成）率不是成本"))
        let text = XHTMLPage.content(try #require(page.elements("body").first))
        #expect(text.contains("审核了 14 个项目的绩效目标表：26 条审核意见，涉及 13 个项目。没有 2020 年度的数据，未与上年比较。"))
    }
}
