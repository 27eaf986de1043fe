import Foundation
import JixiaoDiagnostics
import Testing
@testable import JixiaoModel
@testable import JixiaoScore

private let goals = """
项目名称: 测试项目
资金用途: 预算数100万元。
预算:
  合计: 100万元
资金支出计划: [25%, 50%, 75%, 100%]
绩效目标:
  - 完成
绩效指标:
  产出指标:
    数量指标:
      - {名称}
    质量指标:
      - 名称: 完成率
        描述: 完成率
        指标值: 100%
        依据: 经验
    时效指标:
      - 名称: 项目完成时限
        描述: 时限
        指标值: 2021年12月底前
        依据: 经验
    成本指标:
      - 名称: 信访人次
        描述: 信访人次
        指标值: 低于1人次
        依据: 经验
  效果指标:
    社会效益指标:
      - 名称: 在岗率
        描述: 在岗率
        指标值: 90%
        依据: 经验
      - 名称: 宣传效果
        描述: 宣传效果
        指标值: 效果明显
        依据: 经验
  满意度指标:
    服务对象满意度指标:
      - 名称: 满意度
        描述: 满意度
        指标值: 85%以上
        依据: 经验

"""

private let firstIndicator = """
名称: 发放人数
        描述: 发放人数
        指标值: 74
        依据: 经验
"""

/// The goal table with `replace` applied, decoded whatever it holds.
func decodedProject(_ replace: [(String, String)] = []) -> Decoded<Project> {
    var text = goals.replacingOccurrences(of: "{名称}", with: firstIndicator)
    for (old, new) in replace { text = text.replacingOccurrences(of: old, with: new) }
    return ProjectDecoder.decode(SourceFile(path: "p.yaml", text: text))
}

func project(_ replace: [(String, String)] = []) throws -> Project {
    let decoded = decodedProject(replace)
    #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics.map(\.headline))")
    return try #require(decoded.value)
}

/// Results for every indicator; `lines` replaces an indicator's lines, "删除" leaves it out.
func results(_ lines: [String: String] = [:], extra: String = "") throws -> ProjectResults {
    let indicators: [(String, String)] = [
        ("发放人数", "实际完成值: 70"), ("完成率", "实际完成值: 100%"),
        ("项目完成时限", "实际完成值: 2022年1月15日\n    偏差原因: 工程验收推迟\n    得分: 9"),
        ("信访人次", "实际完成值: 2人次"), ("在岗率", "实际完成值: 95%"),
        ("宣传效果", "实际完成值: 宣传覆盖部分村庄\n    达成情况: 部分达成\n    得分: 10"), ("满意度", "实际完成值: 85%"),
    ]
    var text = "项目名称: 测试项目\n全年预算数: 100万元\n全年执行数: 96.5万元\n实际完成情况: 基本完成\n" + extra + "指标:\n"
    for (name, body) in indicators where lines[name] != "删除" {
        text += "  \(name):\n    " + (lines[name] ?? body) + "\n"
    }
    let decoded = ResultsDecoder.decodeProject(SourceFile(path: "r.yaml", text: text))
    #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics.map(\.headline))")
    return try #require(decoded.value)
}

func scores(_ score: ProjectScore) -> [String: String] {
    Dictionary(uniqueKeysWithValues: score.indicators.map { ($0.indicator.name.value, "\($0.weight.plain)/\($0.score.plain)") })
}

@Suite("Project scoring")
struct ProjectScorerTests {
    @Test func weightSplitAddsUpExactly() {
        #expect(splitWeight(50, into: 4) == [12.5, 12.5, 12.5, 12.5])
        #expect(splitWeight(50, into: 3).map(\.plain) == ["16.67", "16.67", "16.66"])
        #expect(splitWeight(30, into: 7).map(\.plain) == ["4.29", "4.29", "4.29", "4.29", "4.28", "4.28", "4.28"])
        #expect(splitWeight(30, into: 7).reduce(0, +) == 30)
        #expect(splitWeight(10, into: 3).reduce(0, +) == 10)
    }

    /// Every branch at once, computed by hand:
    ///   产出 50 over four indicators = 12.5 each; 效益 30 over two = 15 each; 满意度 10.
    ///   发放人数 70 vs 74 (positive, missed):   70 ÷ 74 × 12.5 = 11.824… → 11.82
    ///   完成率 100% vs 100% (met):              12.5
    ///   时限 2022-01-15 vs 2021-12-31 (missed): evaluator 9 (cap 80% × 12.5 = 10) → 9
    ///   信访人次 2 vs 低于1 (negative, missed):  1 ÷ 2 × 12.5 = 6.25
    ///   在岗率 95% vs 90% (met):                15
    ///   宣传效果 部分达成 (band 9 ≤ s < 12):      10
    ///   满意度 85% vs 85%以上 (met, inclusive):  10
    ///   预算执行率 96.5 ÷ 100 = 96.50 % × 10:    9.65
    ///   total 11.82 + 12.5 + 9 + 6.25 + 15 + 10 + 10 + 9.65 = 84.22 → 良
    @Test func everyBranchByHand() throws {
        let (score, diagnostics) = ProjectScorer.score(try project(), try results())
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.headline))")
        let s = score
        #expect(scores(s) == ["发放人数": "12.5/11.82", "完成率": "12.5/12.5", "项目完成时限": "12.5/9", "信访人次": "12.5/6.25",
                              "在岗率": "15/15", "宣传效果": "15/10", "满意度": "10/10"])
        #expect(s.budget.ratePercent == Decimal(string: "96.5")!)
        #expect(s.budget.score == Decimal(string: "9.65")!)
        #expect(s.total == Decimal(string: "84.22")!)
        #expect(s.grade == .good)
        #expect(s.indicators.reduce(s.budget.score) { $0 + $1.score } == s.total, "printed scores add up to the total")
    }

    /// How each score came about, as the 自评表 words it, for every kind of row.
    @Test func workingIsWordedForEveryKindOfRow() throws {
        func working(_ score: ProjectScore?) -> [String: String] {
            Dictionary(uniqueKeysWithValues: (score?.indicators ?? []).map { ($0.indicator.name.value, $0.working.description) })
        }
        let all = working(ProjectScorer.score(try project(), try results()).0)
        #expect(all == [
            "发放人数": "未达成：70 ÷ 74 × 12.5 = 11.82", "完成率": "达成（100% ≥ 100%），得满分 12.5",
            "项目完成时限": "未按时完成，评价得分 9（上限 10）", "信访人次": "未达成：1 ÷ 2 × 12.5 = 6.25",
            "在岗率": "达成（95% ≥ 90%），得满分 15", "宣传效果": "部分达成，评价得分 10", "满意度": "达成（85% ≥ 85%），得满分 10",
        ])
        let capped = working(ProjectScorer.score(try project([("指标值: 低于1人次", "指标值: 低于10%")]),
                                                 try results(["信访人次": "实际完成值: 10%"])).0)
        #expect(capped["信访人次"] == "未达成：10 ÷ 10 × 12.5 = 12.5，未达成最多得 12.49")
        let zero = working(ProjectScorer.score(try project([("指标值: 低于1人次", "指标值: 不超过0人次")]), try results()).0)
        #expect(zero["信访人次"] == "未达成：目标为 0，未达成得 0 = 0")
        let others = working(ProjectScorer.score(try project(), try results([
            "项目完成时限": "实际完成值: 按时完成", "宣传效果": "实际完成值: 宣传到位", "满意度": "删除", "在岗率": "实际完成值: 很高",
        ])).0)
        #expect(others["项目完成时限"] == "按时完成，得满分 12.5")
        #expect(others["宣传效果"] == "达成年度指标，得满分 15")
        #expect(others["满意度"] == "无实际完成值")
        #expect(others["在岗率"] == "实际完成值无法比较")
        let unscored = working(ProjectScorer.score(try project(), try results([
            "项目完成时限": "实际完成值: 2022年1月15日\n    偏差原因: 推迟", "宣传效果": "实际完成值: 一般\n    达成情况: 部分达成",
        ])).0)
        #expect(unscored["项目完成时限"] == "未按时完成，缺少评价得分")
        #expect(unscored["宣传效果"] == "部分达成，缺少评价得分")
        let unreadable = working(ProjectScorer.score(try project(), try results(["项目完成时限": "实际完成值: 年底"])).0)
        #expect(unreadable["项目完成时限"] == "完成时间无法识别")
    }

    @Test func gradeBoundaries() {
        #expect(Grade(total: 90) == .excellent)
        #expect(Grade(total: Decimal(string: "89.99")!) == .good)
        #expect(Grade(total: 80) == .good)
        #expect(Grade(total: Decimal(string: "79.99")!) == .fair)
        #expect(Grade(total: 60) == .fair)
        #expect(Grade(total: Decimal(string: "59.99")!) == .poor)
    }

    /// 低于10% with an actual of exactly 10%: missed, 10 ÷ 10 × 12.5 = 12.5, printed at most 12.49.
    @Test func missedTargetNeverPrintsFullMarks() throws {
        let p = try project([("指标值: 低于1人次", "指标值: 低于10%")])
        let (score, _) = ProjectScorer.score(p, try results(["信访人次": "实际完成值: 10%"]))
        #expect(scores(score)["信访人次"] == "12.5/12.49")
    }

    /// 以下/不超过 include the number; 低于 excludes it.
    @Test func inclusiveAndExclusiveBounds() throws {
        let inclusive = try project([("指标值: 低于1人次", "指标值: 不超过1人次")])
        #expect(scores(ProjectScorer.score(inclusive, try results(["信访人次": "实际完成值: 1人次"])).0)["信访人次"] == "12.5/12.5")
        let exclusive = try project()
        #expect(scores(ProjectScorer.score(exclusive, try results(["信访人次": "实际完成值: 1人次"])).0)["信访人次"] == "12.5/12.49")
    }

    /// 不超过0人次 missed scores 0 (target 0).
    @Test func zeroTargetMissedScoresZero() throws {
        let p = try project([("指标值: 低于1人次", "指标值: 不超过0人次")])
        #expect(scores(ProjectScorer.score(p, try results()).0)["信访人次"] == "12.5/0")
    }

    /// 执行率 above 100 % is capped: 110 ÷ 100 → 110.00 %, score min(1, 1.1) × 10 = 10.
    @Test func executionRateAbove100IsCapped() throws {
        let r = try results().with { $0.spent = Located(Amount(110, .wanYuan), at: $0.spent.mark) }
        let s = ProjectScorer.score(try project(), r).0
        #expect(s.budget.ratePercent == 110)
        #expect(s.budget.score == 10)
    }

    @Test func overshootWarnsUnlessExplained() throws {
        let (_, plain) = ProjectScorer.score(try project(), try results(["发放人数": "实际完成值: 100"]))
        #expect(plain.map(\.headline).contains { $0.contains("警告 JX610: 实际完成值 100 超出目标 74 30% 以上") })
        let (_, explained) = ProjectScorer.score(try project(), try results(["发放人数": "实际完成值: 100\n    偏差原因: 新增发放对象"]))
        #expect(explained.isEmpty)
    }

    @Test func evaluatorScoresMustLieInTheirBand() throws {
        let (_, high) = ProjectScorer.score(try project(), try results(["宣传效果": "实际完成值: 部分\n    达成情况: 部分达成\n    得分: 12"]))
        #expect(high.map(\.code) == [.scoreOutOfBand])
        let (_, deadline) = ProjectScorer.score(try project(), try results(["项目完成时限": "实际完成值: 2022年1月15日\n    偏差原因: 推迟\n    得分: 11"]))
        #expect(deadline.map(\.code) == [.scoreOutOfBand])
        let (_, missing) = ProjectScorer.score(try project(), try results(["项目完成时限": "实际完成值: 2022年1月15日"]))
        #expect(Set(missing.map(\.code)) == [.missingReason, .missingEvaluatorScore])
    }

    @Test func everyIndicatorNeedsAResultAndEveryResultAnIndicator() throws {
        let (_, missing) = ProjectScorer.score(try project(), try results(["满意度": "删除"]))
        #expect(missing.map(\.message) == ["三级指标“满意度”没有实际完成值"])
        let stray = try results(extra: "").with {
            $0.indicators.append(IndicatorResult(name: Located("发放人", at: SourceMark(line: 20, column: 3)),
                                                 actualText: Located("1", at: SourceMark(line: 21, column: 5)),
                                                 deviationReason: nil, weight: nil, score: nil, achievement: nil))
        }
        let (_, unknown) = ProjectScorer.score(try project(), stray)
        #expect(unknown.map(\.headline) == ["r.yaml:20:3: 错误 JX602: 目标表中没有三级指标“发放人”"])
        #expect(unknown.first?.hint == "是不是想写“发放人数”？")
    }

    /// Names are matched byte for byte first, and a name that only looks alike (力 typed as the
    /// compatibility ideograph U+F98A, which a converted document can carry) still matches.
    @Test func aNameAlikeAsTextMatches() throws {
        let goals = try project([("名称: 在岗率\n        描述: 在岗率", "名称: 人力在岗率\n        描述: 人力在岗率")])
        let alike = try results(["在岗率": "删除"]).with {
            $0.indicators.append(IndicatorResult(name: Located("人\u{F98A}在岗率", at: SourceMark(line: 20, column: 3)),
                                                 actualText: Located("95%", at: SourceMark(line: 21, column: 5)),
                                                 deviationReason: nil, weight: nil, score: nil, achievement: nil))
        }
        #expect("人\u{F98A}在岗率".utf8.count == "人力在岗率".utf8.count && !"人\u{F98A}在岗率".utf8.elementsEqual("人力在岗率".utf8))
        let (score, diagnostics) = ProjectScorer.score(goals, alike)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.headline))")
        #expect(score.indicators.first { $0.indicator.name.value == "人力在岗率" }?.result?.actualText.value == "95%")
    }

    /// Two 三级 indicators of one name: a result for it cannot be told to one of them.
    @Test func aResultForAnIndicatorNamedTwiceIsAmbiguous() throws {
        let twice = try project([("名称: 在岗率\n        描述: 在岗率", "名称: 完成率\n        描述: 在岗率")])
        let (_, diagnostics) = ProjectScorer.score(twice, try results(["在岗率": "删除"]))
        #expect(diagnostics.filter { $0.code == .ambiguousIndicatorName }.map(\.message) == ["目标表中有多个三级指标叫“完成率”，无法对应"])
        let (_, once) = ProjectScorer.score(try project(), try results())
        #expect(!once.contains { $0.code == .ambiguousIndicatorName })
    }

    @Test func actualInAnotherUnitIsAnError() throws {
        let (_, diagnostics) = ProjectScorer.score(try project(), try results(["在岗率": "实际完成值: 95人"]))
        #expect(diagnostics.map(\.code) == [.actualUnitMismatch])
    }

    @Test func weightsMustAddUpTo100() throws {
        let p = try project([("  满意度指标:\n    服务对象满意度指标:\n      - 名称: 满意度\n        描述: 满意度\n        指标值: 85%以上\n        依据: 经验\n", "")])
        let (_, diagnostics) = ProjectScorer.score(p, try results(["满意度": "删除"]))
        #expect(diagnostics.map(\.message) == ["权重之和为 90，应为 100（产出指标 50 + 效益指标 30 + 预算执行率 10）"])
        // 效益 35 over two = 17.5 each, so 部分达成 now needs 10.5 ≤ s < 14.
        let custom = try results(["满意度": "删除", "宣传效果": "实际完成值: 部分\n    达成情况: 部分达成\n    得分: 11"],
                                 extra: "权重:\n  产出指标: 55\n  效果指标: 35\n")
        let (score, none) = ProjectScorer.score(p, custom)
        #expect(none.isEmpty)
        #expect(scores(score)["发放人数"] == "13.75/13.01")  // 55 ÷ 4 = 13.75; 70 ÷ 74 × 13.75 = 13.006…
    }

    @Test func givenIndicatorWeightsStandAndTheRestIsSplit() throws {
        let r = try results(["完成率": "实际完成值: 100%\n    分值: 20"])
        let s = ProjectScorer.score(try project(), r).0
        // 50 − 20 = 30 over the other three: 10 each.
        #expect(scores(s)["完成率"] == "20/20")
        #expect(scores(s)["发放人数"] == "10/9.46")  // 70 ÷ 74 × 10 = 9.459…
    }
}

extension ProjectResults {
    func with(_ change: (inout ProjectResults) -> Void) -> ProjectResults {
        var copy = self
        change(&copy)
        return copy
    }
}
