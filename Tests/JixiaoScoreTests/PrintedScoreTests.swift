import Foundation
import JixiaoDiagnostics
import Testing
@testable import JixiaoModel
@testable import JixiaoScore

/// A stand-alone 自评 file (its own 绩效指标), decoded without a finding, and scored on its own.
private func scored(_ text: String) throws -> (ProjectScore, [String]) {
    let decoded = ResultsDecoder.decodeProject(SourceFile(path: "r.yaml", text: text))
    #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics.map(\.headline))")
    let results = try #require(decoded.value)
    let (score, diagnostics) = ProjectScorer.score(try #require(results.standaloneProject), results)
    return (score, diagnostics.map(\.headline))
}

/// Three indicators met: 产出 户数, 效益 覆盖率, 满意度 满意度.
private func standalone(head: String, weights: String = "", indicators: String = "", tail: String = "") -> String {
    """
    项目名称: 甲
    \(head)实际完成情况: 完成
    \(weights)绩效指标:
      产出指标:
        数量指标:
          - 名称: 户数
            年度指标值: 10户
            实际完成值: 10户
    \(indicators)  效益指标:
        社会效益指标:
          - 名称: 覆盖率
            年度指标值: ≥90%
            实际完成值: 95%
      满意度指标:
        服务对象满意度指标:
          - 名称: 满意度
            年度指标值: ≥90%
            实际完成值: 92%
    \(tail)
    """
}

@Suite("Printed scores verified; 不适用 rescaled")
struct PrintedScoreTests {
    /// 预算执行率 83.5 %, weight 20: 83.5 × 20 ÷ 100 = 16.70, printed 18 (a real table's slip).
    @Test func budgetScorePrinted18Against16_70() throws {
        let head = "全年预算数: 100万元\n全年执行数: 83.5万元\n预算执行得分: 18{sic}\n"
        let weights = "权重:\n  产出指标: 50\n  效益指标: 20\n  满意度指标: 10\n  预算执行率: 20\n"
        let (score, found) = try scored(standalone(head: head.replacingOccurrences(of: "{sic}", with: ""), weights: weights))
        #expect(found == ["r.yaml:4:9: 错误 JX622: 印出的预算执行得分 18 与按规则算得的 16.70 不符"])
        #expect(score.budget.score == Decimal(string: "16.7") && score.budget.printedScore == nil)
        #expect(score.total == Decimal(string: "96.7"), "50 + 20 + 10 + 16.70: the computed figures")
        // Marked 原文如此: the page shows 18, the review page lists both.
        let (sic, _) = try scored(standalone(head: head.replacingOccurrences(of: "{sic}", with: "  # 原文如此"), weights: weights))
        #expect(sic.budget.printedScore == .number(18))
        #expect(sic.review.map { "\($0.what) \($0.line) \($0.printed) \($0.computed)" } == ["预算执行得分 4 18 16.70"])
        #expect(sic.total == Decimal(string: "96.7"), "the total stays the computed one")
        // Printed as computed: nothing to say.
        #expect(try scored(standalone(head: "全年预算数: 100万元\n全年执行数: 83.5万元\n预算执行得分: 16.7\n", weights: weights)).1 == [])
    }

    /// Weights printed 70 / 20 / 10 with 预算执行率 10 add to 110, under a 总分 of 100.
    @Test func weightsOf110UnderATotalOf100() throws {
        let text = standalone(head: "全年预算数: 100万元\n全年执行数: 100万元\n", tail: "总分:\n  分值: 100\n  得分: 110\n")
            .replacingOccurrences(of: "  产出指标:", with: "  产出指标(70分):")
            .replacingOccurrences(of: "  效益指标:", with: "  效益指标(20分):")
            .replacingOccurrences(of: "  满意度指标:", with: "  满意度指标(10分):")
        let (score, found) = try scored(text)
        #expect(found == [
            "r.yaml:6:3: 错误 JX605: 权重之和为 110，应为 100（产出指标 70 + 效益指标 20 + 满意度指标 10 + 预算执行率 10）",
            "r.yaml:22:7: 错误 JX623: 印出的总分分值 100 与按规则算得的 110.00 不符",
        ])
        #expect(score.weightSum == 110 && score.total == 110, "every row met: 70 + 20 + 10 + 10")
    }

    /// A real table printed its total 0 / 0 / 0 above a 其中 row of 90 / 89.974 / 89.974.
    @Test func zeroTotalOverItsPartsIsJX619() throws {
        let head = """
        年初预算数: 0
        全年预算数: 0
        全年执行数: 0
        资金构成:
          当年财政拨款:
            年初预算数: 90万元
            全年预算数: 89.974万元
            全年执行数: 89.974万元

        """
        #expect(try scored(standalone(head: head)).1 == [
            "r.yaml:3:8: 错误 JX626: 全年预算数为 0，无法计算预算执行率",
            "r.yaml:2:8: 错误 JX619: 资金构成的年初预算数合计 90万元 与年度资金总额的年初预算数 0万元 不符",
            "r.yaml:3:8: 错误 JX619: 资金构成的全年预算数合计 89.974万元 与年度资金总额的全年预算数 0万元 不符",
            "r.yaml:4:8: 错误 JX619: 资金构成的全年执行数合计 89.974万元 与年度资金总额的全年执行数 0万元 不符",
        ])
    }

    /// A printed 得分 where the rules compute one: a number target, a deadline met, no actual (0).
    @Test func indicatorScoresAreVerified() throws {
        let rows = """
              - 名称: 完成时限
                年度指标值: 2021年12月底前
                实际完成值: 已完成
                得分: 16
              - 名称: 空着
                年度指标值: 5个
                实际完成值: ""   # 原文如此
                得分: 16.66      # 原文如此

        """
        let text = standalone(head: "全年预算数: 100万元\n全年执行数: 100万元\n", indicators: rows)
            .replacingOccurrences(of: "实际完成值: 10户\n", with: "实际完成值: 8户\n        得分: 14\n")
        let decoded = ResultsDecoder.decodeProject(SourceFile(path: "r.yaml", text: text))
        #expect(decoded.diagnostics.map(\.headline) == ["r.yaml:18:16: 错误 JX204: “实际完成值”的值是空的"])
        let results = try #require(decoded.value)
        let (score, found) = ProjectScorer.score(try #require(results.standaloneProject), results)
        // 产出 50 over three rows: 16.67, 16.67, 16.66. 户数 8 ÷ 10 × 16.67 = 13.336 → 13.34;
        // 完成时限 on time: 16.67; 空着 no actual: 0.
        #expect(found.map(\.headline) == [
            "r.yaml:11:13: 错误 JX621: 印出的指标“户数”的得分 14 与按规则算得的 13.34 不符",
            "r.yaml:15:13: 错误 JX621: 印出的指标“完成时限”的得分 16 与按规则算得的 16.67 不符",
            "r.yaml:19:13: 错误 JX621: 印出的指标“空着”的得分 16.66 与按规则算得的 0.00 不符",
        ])
        #expect(score.indicators.map { $0.printedScore?.text ?? "-" } == ["-", "-", "16.66", "-", "-"], "only the marked one is shown")
        #expect(score.indicators[1].met && score.indicators[1].score == Decimal(string: "16.67"), "已完成 is on time")
    }

    /// An actual written with a comparator, as a real table wrote ≥266米, reads as its number.
    @Test func actualWithAComparatorReadsAsItsNumber() throws {
        let text = standalone(head: "全年预算数: 100万元\n全年执行数: 100万元\n")
            .replacingOccurrences(of: "年度指标值: 10户\n        实际完成值: 10户", with: "年度指标值: ≥260米\n        实际完成值: ≥266米")
        let (score, found) = try scored(text)
        #expect(found == [])
        #expect(score.indicators[0].met && score.indicators[0].working.description == "达成（266米 ≥ 260米），得满分 50")
    }

    /// The worked example of docs/评分规则.md §9: 产出 A 25 met, B 25 不适用; 效益 30 met; 满意度
    /// 90% against 80%: 80 × 10 ÷ 90 = 8.888… → 8.89; budget 90 %: 9.00. Applicable weights
    /// 25 + 30 + 10 + 10 = 75; (25 + 30 + 8.89 + 9.00) × 100 ÷ 75 = 72.89 × 100 ÷ 75 = 97.1866… → 97.19.
    @Test func notApplicableRowIsListedNotScoredAndTheTotalRescaled() throws {
        let text = """
        项目名称: 乙
        全年预算数: 100万元
        全年执行数: 90万元
        实际完成情况: 完成
        绩效指标:
          产出指标:
            数量指标:
              - 名称: A
                年度指标值: 10户
                实际完成值: 10户
                分值: 25
              - 名称: B
                年度指标值: 5个
                实际完成值: /
                分值: 25
                不适用: 是
          效益指标:
            社会效益指标:
              - 名称: C
                年度指标值: ≥90%
                实际完成值: 95%
          满意度指标:
            服务对象满意度指标:
              - 名称: D
                年度指标值: 90%
                实际完成值: 80%
        总分:
          分值: 100
          得分: 97.19

        """
        let (score, found) = try scored(text)
        #expect(found == [])
        #expect(score.indicators.map { "\($0.indicator.name.value) \($0.applicable) \($0.score.plain)" }
            == ["A true 25", "B false 0", "C true 30", "D true 8.89"])
        #expect(score.rescaled && score.total == Decimal(string: "97.19") && score.grade == .excellent)
        #expect(score.weightSum == 100 && score.hasNotApplicable)
        // Without 不适用 the row of "/" under a target of 5个 is an actual that cannot be read.
        let (plain, unread) = try scored(text.replacingOccurrences(of: "        不适用: 是\n", with: "").replacingOccurrences(of: "得分: 97.19", with: "得分: 72.89"))
        #expect(unread == ["r.yaml:14:16: 错误 JX611: 实际完成值“/”不是数值"])
        #expect(!plain.rescaled && plain.total == Decimal(string: "72.89"))
        // A row of "/" in every cell is 不适用 too, and weighs nothing when it prints no 分值.
        let slashes = text.replacingOccurrences(of: "        年度指标值: 5个\n", with: "        年度指标值: /\n")
            .replacingOccurrences(of: "        分值: 25\n        不适用: 是\n", with: "")
            .replacingOccurrences(of: "        分值: 25\n", with: "")
            .replacingOccurrences(of: "得分: 97.19", with: "得分: 97.89")
        let (byRow, none) = try scored(slashes)
        #expect(none == [], "A takes the whole 50, B nothing: 50 + 30 + 8.89 + 9 = 97.89 over 100 is not rescaled")
        #expect(!byRow.rescaled && byRow.indicators[1].weight == 0 && byRow.indicators[0].weight == 50)
    }

    /// With a goal table too, a stand-alone file's 年度指标值 must read as the goal table's 指标值.
    @Test func targetsMustAgreeWithTheGoalTable() throws {
        let project = try #require(ProjectDecoder.decode(SourceFile(path: "p.yaml", text: goalTable)).value)
        let results = try #require(ResultsDecoder.decodeProject(SourceFile(path: "r.yaml", text:
            standalone(head: "全年预算数: 100万元\n全年执行数: 100万元\n"))).value)
        // 10户 reads as =10户 (agrees); ≥90% is not 95%以上 (JX625, at the 自评 file's cell).
        #expect(ProjectScorer.score(project, results).1.map(\.headline)
            == ["r.yaml:14:16: 错误 JX625: 年度指标值“≥90%”与目标表的指标值“95%以上”不符"])
    }

    // MARK: - Printed 预算执行率, cells printed blank, 原因

    /// 65.07 ÷ 65.66 = 99.1014…%: printed 99% is the same figure to the form's precision (a real
    /// table's); 98% is not (JX627). 199 ÷ 200 = 99.5% rounds half up to 100%.
    @Test func budgetRateIsCheckedAtItsPrintedPrecision() throws {
        func rate(_ printed: String, spent: String = "65.07万元", annual: String = "65.66万元") throws -> (ProjectScore, [String]) {
            let decoded = ResultsDecoder.decodeProject(SourceFile(path: "r.yaml", text:
                standalone(head: "全年预算数: \(annual)\n全年执行数: \(spent)\n预算执行率: \(printed)\n")))
            let results = try #require(decoded.value)
            let (score, found) = ProjectScorer.score(try #require(results.standaloneProject), results)
            return (score, (decoded.diagnostics + found).map(\.headline))
        }
        let (same, none) = try rate("99%")
        #expect(none == [] && same.budget.printedRate?.text == "99%" && same.budget.ratePercent == Decimal(string: "99.1"))
        #expect(same.review.isEmpty, "not marked: the form's own rounding, printed as it is")
        #expect(try rate("99.1%").1 == [] && rate("99.10%").1 == [])
        #expect(try rate("98%").1 == ["r.yaml:4:8: 错误 JX627: 印出的预算执行率 98% 与按规则算得的 99.10% 不符（按印出的位数取整为 99%）"])
        #expect(try rate("99.2%").1.map { $0.contains("JX627") && $0.contains("取整为 99.1%") } == [true])
        #expect(try rate("100%", spent: "199万元", annual: "200万元").1 == [], "99.5 half up is 100")
        #expect(try rate("99%", spent: "199万元", annual: "200万元").1.count == 1)
        // Marked 原文如此: listed on the review page beside the computed rate, a finding or not.
        let (sic, quiet) = try rate("99%   # 原文如此")
        #expect(quiet == [] && sic.review.map { "\($0.what) \($0.line) \($0.printed) \($0.computed)" } == ["预算执行率 4 99% 99.10%"])
        let (slip, warned) = try rate("98%   # 原文如此")
        #expect(warned.count == 1 && slip.budget.printedRate?.text == "98%" && slip.review.map(\.printed) == ["98%"])
        #expect(try rate("99").1 == ["r.yaml:4:8: 错误 JX205: “预算执行率”应当是百分数，这里是“99”"])
    }

    /// The 其中 rows: each has its rate (0.00% where its budget is 0, none without figures), and a
    /// printed one is checked as the 总额's; 原因 is kept on the row it is written on.
    @Test func fundingRowsCarryRatesAndReasons() throws {
        let head = """
        全年预算数: 100万元
        全年执行数: 90万元
        原因: 结余用于下年
        资金构成:
          财政资金:
            全年预算数: 100万元
            全年执行数: 90万元
            预算执行率: 91%
            原因: 项目结余
          单位资金:
            全年预算数: 0.00
            全年执行数: 0.00
          其他资金:
            原因: 未安排

        """
        let (score, found) = try scored(standalone(head: head))
        #expect(found == ["r.yaml:9:12: 错误 JX627: 印出的资金构成“财政资金”的预算执行率 91% 与按规则算得的 90.00% 不符（按印出的位数取整为 90%）"])
        #expect(score.budget.parts.map { $0.ratePercent?.fixed(2) ?? "-" } == ["90.00", "0.00", "-"])
        #expect(score.budget.parts.map { $0.printedRate?.text ?? "-" } == ["91%", "-", "-"])
        #expect(score.results.budgetReason == "结余用于下年" && score.results.fundingRows.map(\.reason) == ["项目结余", "", "未安排"])
    }

    /// `得分: ""`: the form printed the cell blank. No finding; the page shows it blank, the review
    /// page lists the computed score, and the total is the computed one.
    @Test func scoresPrintedBlankAreShownBlank() throws {
        let text = standalone(head: "全年预算数: 100万元\n全年执行数: 100万元\n预算执行得分: \"\"\n", tail: "总分:\n  得分: \"\"\n")
            .replacingOccurrences(of: "实际完成值: 10户\n", with: "实际完成值: 10户\n        得分: \"\"\n")
            .replacingOccurrences(of: "年度指标值: ≥90%\n        实际完成值: 92%", with: "年度指标值: 满意\n        实际完成值: 满意\n        得分: \"\"")
        let (score, found) = try scored(text)
        #expect(found == [])
        #expect(score.budget.printedScore == .blank && score.printedTotalScore == .blank)
        #expect(score.indicators.map { $0.printedScore?.text ?? "-" } == ["", "-", ""], "户数 and the qualitative 满意度")
        #expect(score.review.map { "\($0.what) \($0.line) [\($0.printed)] \($0.computed)" } == [
            "指标“户数”的得分 12 [] 50.00", "指标“满意度”的得分 23 [] 10.00", "预算执行得分 4 [] 10.00", "总分得分 25 [] 100.00",
        ])
        #expect(score.total == 100 && score.grade == .excellent, "the computed figures stand")
    }
}

private let goalTable = """
项目名称: 甲
资金用途: 用途
预算:
  合计: 100万元
  来源:
    财政资金: 100万元
资金支出计划: [10%, 40%, 70%, 100%]
绩效目标: [完成]
绩效指标:
  产出指标:
    数量指标:
      - 名称: 户数
        描述: 户数
        指标值: =10户
        依据: 计划
  效益指标:
    社会效益指标:
      - 名称: 覆盖率
        描述: 覆盖率
        指标值: 95%以上
        依据: 计划
  满意度指标:
    服务对象满意度指标:
      - 名称: 满意度
        描述: 满意度
        指标值: ≥90%
        依据: 计划

"""
