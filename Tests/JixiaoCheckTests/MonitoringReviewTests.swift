import Foundation
import JixiaoDiagnostics
import JixiaoModel
import Testing
@testable import JixiaoCheck

/// A goal table of 100万元 in two sources, with the usual plan; each test writes the monitoring
/// file it needs and expects exactly its figures and findings.
private let project = """
项目名称: 测试项目
资金用途: 预算数100万元。
预算:
  合计: 100万元
  来源:
    财政资金: 80万元
    其他资金: 20万元
资金支出计划: [25%, 50%, 75%, 100%]
绩效目标:
  - 及时足额发放
绩效指标:
  产出指标:
    数量指标:
      - 名称: 发放人数
        描述: 发放人数
        指标值: 74
        依据: 工作经验
  满意度指标:
    服务对象满意度指标:
      - 名称: 满意度
        描述: 满意度
        指标值: 85%以上
        依据: 工作经验

"""

/// Line 12 is 执行数, line 7 the first indicator's 完成目标可能性, line 11 the second's.
private func monitoring(spent: String = "48.42万元", asOf: String = "2021年7月31日", first: String = "确定能",
                        second: String = "确定能", extra: String = "") -> String {
    """
    项目名称: 测试项目
    截至: \(asOf)
    指标:
      发放人数:
        实际完成值: 74
        全年预计完成值: 74
        完成目标可能性: \(first)
      满意度:
        实际完成值: 年底调查
        全年预计完成值: 85%
        完成目标可能性: \(second)
    执行数: \(spent)
    \(extra)
    """
}

private func reviewed(_ text: String, plan: String = "[25%, 50%, 75%, 100%]", threshold: Decimal? = nil,
                    year: Int = 2021) throws -> (MonitoringReview, [Diagnostic]) {
    let goals = project.replacingOccurrences(of: "[25%, 50%, 75%, 100%]", with: plan)
    let decodedProject = ProjectDecoder.decode(SourceFile(path: "p.yaml", text: goals))
    let decoded = MonitoringDecoder.decode(SourceFile(path: "m.yaml", text: text))
    #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics.map(\.headline))")
    return MonitoringChecks.review(try #require(decodedProject.value), try #require(decoded.value), year: year, threshold: threshold)
}

private func codes(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.code.rawValue)@\($0.mark?.line ?? 0):\($0.mark?.column ?? 0)" }.sorted()
}

@Suite("Monitoring review")
struct MonitoringReviewTests {
    /// The plan's share by the end of a day: the quarter's start share plus its increase times
    /// the days gone over the days of the quarter, rounded half up to 0.01 %.
    @Test(arguments: [
        // Q1 2021 has 31 + 28 + 31 = 90 days: 25 × 1 ÷ 90 = 0.2777… → 0.28
        ("2021年1月1日", "[25%, 50%, 75%, 100%]", "0.28"),
        ("2021年3月31日", "[25%, 50%, 75%, 100%]", "25.00"),
        // Q2 has 30 + 31 + 30 = 91 days: 25 + 25 × 1 ÷ 91 = 25.2747… → 25.27
        ("2021年4月1日", "[25%, 50%, 75%, 100%]", "25.27"),
        // Q3 has 31 + 31 + 30 = 92 days: 50 + 25 × 31 ÷ 92 = 50 + 8.4239… = 58.4239… → 58.42
        ("2021年7月31日", "[25%, 50%, 75%, 100%]", "58.42"),
        ("2021年12月31日", "[25%, 50%, 75%, 100%]", "100.00"),
        // Exactly halfway: 50 + 24.98 × 23 ÷ 92 = 50 + 6.245 = 56.245 → 56.25 (half up; to even would be 56.24)
        ("2021年7月23日", "[25%, 50%, 74.98%, 100%]", "56.25"),
        // An uneven plan, Q4 of 92 days: 80 + 20 × 46 ÷ 92 = 90
        ("2021年11月15日", "[10%, 30%, 80%, 100%]", "90.00"),
        // A leap year's Q1 has 91 days: 30 × 60 ÷ 91 = 19.7802… → 19.78
        ("2024年2月29日", "[30%, 50%, 75%, 100%]", "19.78"),
    ])
    func planShareIsInterpolatedByDay(_ date: String, _ plan: String, _ expected: String) throws {
        let year = Int(date.prefix(4))!
        let (review, _) = try reviewed(monitoring(asOf: date), plan: plan, year: year)
        #expect(review.plannedPercent?.fixed(2) == expected, "\(date) \(plan)")
    }

    @Test func planOfOtherThanFourPercentagesHasNoShare() throws {
        let (review, _) = try reviewed(monitoring(), plan: "[25%, 50%, 待定, 100%]")
        #expect(review.plannedPercent == nil && review.gap == nil && !review.isBehind)
    }

    /// 执行数 ÷ 预算 in percent to 0.01, half up: 1 ÷ 800 = 0.125 % → 0.13 % (to even: 0.12 %).
    @Test func rateIsRoundedHalfUp() {
        #expect(MonitoringChecks.rate(Amount(1, .yuan), of: Amount(800, .yuan)) == Decimal(string: "0.13"))
        // 41.5 ÷ 71 = 0.584507… → 58.45 %; 元 against 万元 converted.
        #expect(MonitoringChecks.rate(Amount(415000, .yuan), of: Amount(71, .wanYuan))?.fixed(2) == "58.45")
        #expect(MonitoringChecks.rate(Amount(0, .yuan), of: Amount(0, .wanYuan)) == nil)
    }

    /// With the plan at 58.42 % on 7月31日 and a budget of 100万元, the rate is the 执行数 in
    /// 万元: the gap is 58.42 − rate, behind above 10 points, far behind above 20.
    @Test(arguments: [
        ("58.42万元", "0.00", false, false),
        ("60万元", "-1.58", false, false),
        ("48.42万元", "10.00", false, false),   // exactly the threshold: not behind
        ("48.41万元", "10.01", true, false),
        ("38.42万元", "20.00", true, false),    // exactly twice: not far behind
        ("38.41万元", "20.01", true, true),
        ("0万元", "58.42", true, true),
    ])
    func behindAndFarBehind(_ spent: String, _ gap: String, _ behind: Bool, _ far: Bool) throws {
        let (review, diagnostics) = try reviewed(monitoring(spent: spent))
        #expect(review.gap?.fixed(2) == gap)
        #expect(review.isBehind == behind && review.isFarBehind == far, "\(spent)")
        // JX707 at 执行数 (line 12, column 6); JX708 at the first 确定能 (line 7, column 14).
        #expect(codes(diagnostics) == (behind ? ["JX707@12:6"] : []) + (far ? ["JX708@7:14"] : []), "\(spent)")
    }

    @Test func behindPlanSaysByHowMuch() throws {
        let (_, diagnostics) = try reviewed(monitoring(spent: "30万元"))
        // 30 ÷ 100 = 30.00 %; 58.42 − 30.00 = 28.42 > 2 × 10.
        #expect(diagnostics.map(\.message) == [
            "截至2021年7月31日执行率 30.00%，按资金支出计划应达到 58.42%，落后 28.42 个百分点（预警线 10 个百分点）",
            "执行进度落后计划 28.42 个百分点（超过预警线的 2 倍），却有 2 个指标填报“确定能”完成",
        ])
        #expect(diagnostics.map(\.severity) == [.warning, .warning])
    }

    /// The department's 执行进度预警 replaces the default of 10: at 5, a gap of 10 is behind,
    /// and far behind only above 10.
    @Test func thresholdIsASetting() throws {
        let (review, diagnostics) = try reviewed(monitoring(spent: "48.42万元"), threshold: 5)
        #expect(review.threshold == 5 && review.isBehind && !review.isFarBehind)
        #expect(codes(diagnostics) == ["JX707@12:6"])
        #expect(diagnostics.first?.message.hasSuffix("（预警线 5 个百分点）") == true)
    }

    /// No indicator claims 确定能: far behind is reported as behind only.
    @Test func farBehindWithoutACertainClaim() throws {
        let extra = "" // both at risk, each with its reason and measures
        let text = monitoring(spent: "0万元", first: "有可能", second: "完全不可能", extra: extra)
            .replacingOccurrences(of: "    完成目标可能性: 有可能", with: "    完成目标可能性: 有可能\n    偏差原因:\n      类别: 经费保障\n    纠偏措施: 加快拨付")
            .replacingOccurrences(of: "    完成目标可能性: 完全不可能", with: "    完成目标可能性: 完全不可能\n    偏差原因:\n      类别: [其他]\n    纠偏措施: 调整目标")
        let (review, diagnostics) = try reviewed(text)
        #expect(codes(diagnostics) == ["JX707@18:6"])
        // The least likely first.
        #expect(review.atRisk.map(\.indicator.name.value) == ["满意度", "发放人数"])
    }

    @Test func targetAtRiskNeedsItsReasonAndMeasures() throws {
        let (_, diagnostics) = try reviewed(monitoring(spent: "58.42万元", second: "有可能"))
        #expect(codes(diagnostics) == ["JX709@11:14"])
        #expect(diagnostics.first?.message == "“满意度”填报“有可能”完成目标，却没有写偏差原因和纠偏措施")
    }

    @Test func spentBeyondTheBudget() throws {
        let (review, diagnostics) = try reviewed(monitoring(spent: "120万元"))
        #expect(review.ratePercent?.fixed(2) == "120.00")
        #expect(diagnostics.map(\.message) == ["执行数 120万元 超过预算 100万元（多 20万元）"])
    }

    /// Sources by the goal table's names: each within its budget, together the total.
    @Test func spentBySource() throws {
        let sources = "执行数:\n  合计: 50万元\n  来源:\n    财政资金: 20万元\n    其他资金: 30万元"
        let (review, diagnostics) = try reviewed(monitoring(spent: "").replacingOccurrences(of: "执行数: ", with: sources))
        // 其他资金 30 of 20 is over (line 16); 20 ÷ 80 = 25.00 %, 30 ÷ 20 = 150.00 %.
        #expect(codes(diagnostics) == ["JX704@16:11"])
        #expect(review.sources.map { "\($0.name) \($0.ratePercent?.fixed(2) ?? "")" } == ["财政资金 25.00", "其他资金 150.00"])

        let unknown = "执行数:\n  合计: 50万元\n  来源:\n    财政资金: 20万元\n    自筹资金: 20万元"
        let (_, found) = try reviewed(monitoring(spent: "").replacingOccurrences(of: "执行数: ", with: unknown))
        // An unknown source (line 16), and 20 + 20 = 40 against the total of 50 (line 13).
        #expect(codes(found) == ["JX705@13:7", "JX705@16:11"])
        #expect(found.map(\.message).contains("各来源执行数之和 40万元 与执行数合计 50万元 不符（差 10万元）"))
    }

    @Test func dateOutsideTheBudgetYear() throws {
        let (review, diagnostics) = try reviewed(monitoring(asOf: "2020年7月31日"))
        #expect(codes(diagnostics) == ["JX706@2:5"])
        #expect(review.plannedPercent == nil)
    }

    @Test func indicatorNamesMustMatchTheGoalTable() throws {
        let text = monitoring().replacingOccurrences(of: "  满意度:", with: "  满意程度:")
        let (review, diagnostics) = try reviewed(text)
        // 满意程度 names nothing (line 8); 满意度 then has no row (reported at 项目名称, line 1).
        #expect(codes(diagnostics) == ["JX702@8:3", "JX703@1:7"])
        #expect(diagnostics.first?.hint == "是不是想写“满意度”？")
        #expect(review.rows.map { $0.progress == nil } == [false, true])
    }

    @Test func indicatorNamedTwiceInTheGoalTableCannotBeMatched() throws {
        let twice = project.replacingOccurrences(of: "      - 名称: 满意度\n", with: "      - 名称: 发放人数\n")
        let decodedProject = try #require(ProjectDecoder.decode(SourceFile(path: "p.yaml", text: twice)).value)
        let decoded = try #require(MonitoringDecoder.decode(SourceFile(path: "m.yaml", text: monitoring())).value)
        let (_, diagnostics) = MonitoringChecks.review(decodedProject, decoded, year: 2021, threshold: nil)
        #expect(codes(diagnostics) == ["JX614@4:3", "JX702@8:3"])
    }
}
