import Foundation
import JixiaoDiagnostics
import Testing
@testable import JixiaoModel
@testable import JixiaoScore

/// Every finding of decoding and scoring a results file, as headlines, in order.
private func findings(_ resultsText: String, project p: Project) throws -> [String] {
    let decoded = ResultsDecoder.decodeProject(SourceFile(path: "r.yaml", text: resultsText))
    let results = try #require(decoded.value)
    return (decoded.diagnostics + ProjectScorer.score(p, results).1).map(\.headline)
}

/// A results file for the seven indicators of `project()`, all met, with `body` for 发放人数.
private func resultsText(发放人数 body: String, extra: String = "") -> String {
    """
    项目名称: 测试项目
    全年预算数: 100万元
    全年执行数: 100万元
    实际完成情况: 完成
    \(extra)指标:
      发放人数:
    \(body)
      完成率:
        实际完成值: 100%
      项目完成时限:
        实际完成值: 按时完成
      信访人次:
        实际完成值: 0人次
      在岗率:
        实际完成值: 95%
      宣传效果:
        实际完成值: 到位
      满意度:
        实际完成值: 90%

    """
}

@Suite("Results: what is ignored, missing or inconsistent")
struct ResultsFindingsTests {
    /// 得分 on a number target and on a deadline met is the printed score, verified against the
    /// computed one (JX621, both numbers); 达成情况 on either is not used, and said so (JX617).
    @Test func printedScoresAreVerifiedAndAchievementIgnored() throws {
        let (_, quantitative) = ProjectScorer.score(try project(), try results(["发放人数": "实际完成值: 70\n    得分: 9\n    达成情况: 达成"]))
        // 70 ÷ 74 × 12.5 = 11.824… → 11.82.
        #expect(quantitative.map(\.headline) == [
            "r.yaml:9:11: 警告 JX617: 定量指标按实际完成值计算得分，这里写的“达成情况” 达成 不起作用",
            "r.yaml:8:9: 错误 JX621: 印出的指标“发放人数”的得分 9 与按规则算得的 11.82 不符",
        ])
        let (_, onTime) = ProjectScorer.score(try project(), try results(["项目完成时限": "实际完成值: 按时完成\n    得分: 12"]))
        #expect(onTime.map(\.headline) == ["r.yaml:12:9: 错误 JX621: 印出的指标“项目完成时限”的得分 12 与按规则算得的 12.50 不符"])
        let (score, agreeing) = ProjectScorer.score(try project(), try results(["发放人数": "实际完成值: 70\n    得分: 11.82"]))
        #expect(agreeing.isEmpty)
        #expect(scores(score)["发放人数"] == "12.5/11.82", "the score is still computed from the actual value")
    }

    /// 0.9 against 85%以上 is read as 0.9 %, and said so; an actual whose unit the name states is fine.
    @Test func unitlessActualIsWarned() throws {
        let (score, diagnostics) = ProjectScorer.score(try project(), try results(["满意度": "实际完成值: 0.9"]))
        #expect(diagnostics.map(\.headline) == ["r.yaml:23:12: 警告 JX618: 实际完成值“0.9”没有单位，按指标值的单位读作 0.9%"])
        #expect(scores(score)["满意度"] == "10/0.11")  // 0.9 × 10 ÷ 85 = 0.1058…
        let named = try project([("名称: 发放人数\n        描述: 发放人数\n        指标值: 74", "名称: 人均投入（元）\n        描述: 人均\n        指标值: 不超过5750元")])
        let text = resultsText(发放人数: "", extra: "").replacingOccurrences(of: "  发放人数:\n\n", with: "  人均投入（元）:\n    实际完成值: 5000\n")
        #expect(try findings(text, project: named).isEmpty)
    }

    /// 财预〔2020〕10号 names the bands in full; tables copy either form.
    @Test func officialBandNamesAreRead() throws {
        for achievement in Achievement.allCases {
            #expect(Achievement(text: achievement.officialName) == achievement)
            #expect(Achievement(text: achievement.rawValue) == achievement)
        }
        let r = try results(["宣传效果": "实际完成值: 部分\n    达成情况: 部分达成年度指标并具有一定效果\n    得分: 10"])
        #expect(r.indicators.first { $0.name.value == "宣传效果" }?.achievement?.value == .partial)
        #expect(scores(ProjectScorer.score(try project(), r).0)["宣传效果"] == "15/10")
        let wrong = ResultsDecoder.decodeProject(SourceFile(path: "r.yaml", text: resultsText(发放人数: "    实际完成值: 74\n    达成情况: 达到")))
        #expect(wrong.diagnostics.map(\.headline) == ["r.yaml:8:11: 错误 JX203: 达成情况只能是：达成、部分达成、未达成"])
    }

    /// A table without 满意度 that writes 产出 60 and 效益 30 keeps 预算执行率 at its default 10.
    @Test func unwrittenWeightsKeepTheirDefaults() throws {
        let p = try project([("  满意度指标:\n    服务对象满意度指标:\n      - 名称: 满意度\n        描述: 满意度\n        指标值: 85%以上\n        依据: 经验\n", "")])
        let (score, diagnostics) = ProjectScorer.score(p, try results(["满意度": "删除"], extra: "权重:\n  产出指标: 60\n  效果指标: 30\n"))
        #expect(diagnostics.isEmpty)
        #expect(score.budget.weight == 10)
        #expect(scores(score)["完成率"] == "15/15")
        #expect(scores(score)["在岗率"] == "15/15")
    }

    /// A blank 实际完成值 is one finding (empty value), not also "no result"; its 分值 still counts,
    /// so the given weights of its heading still add up.
    @Test func blankActualIsOneFinding() throws {
        let given = "权重:\n  产出指标: 50\n"
        var text = resultsText(发放人数: "    实际完成值:\n    分值: 20", extra: given)
        for value in ["100%", "按时完成", "0人次"] {
            text = text.replacingOccurrences(of: "实际完成值: \(value)\n", with: "实际完成值: \(value)\n    分值: 10\n")
        }
        #expect(try findings(text, project: try project()) == ["r.yaml:9:11: 错误 JX204: “实际完成值”的值是空的"])
        #expect(try findings(resultsText(发放人数: ""), project: try project()) == ["r.yaml:6:8: 错误 JX204: “发放人数”是空的，需要填写内容"])
        #expect(try findings(resultsText(发放人数: "    实际完成值: 待填写"), project: try project())
            == ["r.yaml:7:12: 错误 JX212: “实际完成值”尚未填写"])
        #expect(try findings(resultsText(发放人数: "    实际完成值: 74\n    分值: 待填写"), project: try project())
            == ["r.yaml:8:9: 错误 JX212: “分值”尚未填写"], "not also “分值应当是数字”")
    }

    /// A goal-table row with a blank cell is reported once and kept: dropped, its result would
    /// be "not in the goal table" (JX602) and the 分值 written for 产出 would no longer add up
    /// (JX606, "分值合计 37.5" where the file gives 4 × 12.5).
    @Test func blankGoalTableCellKeepsItsRow() throws {
        let decoded = decodedProject([("指标值: 100%\n        依据: 经验", "指标值: 100%\n        依据:")])
        #expect(decoded.diagnostics.map(\.headline) == ["p.yaml:19:12: 错误 JX204: “依据”的值是空的"])
        let given = ["发放人数": "实际完成值: 70\n    分值: 12.5", "完成率": "实际完成值: 100%\n    分值: 12.5",
                     "项目完成时限": "实际完成值: 按时完成\n    分值: 12.5", "信访人次": "实际完成值: 0人次\n    分值: 12.5"]
        let (score, diagnostics) = ProjectScorer.score(try #require(decoded.value), try results(given))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.headline))")
        #expect(scores(score)["完成率"] == "12.5/12.5")
    }

    /// The 其中 rows are parts of 年度资金总额: a real table printed 0 / 0 / 0 above a row of
    /// 90 / 89.974 / 89.974.
    @Test func fundingRowsMustAddUpToTheTotal() throws {
        let rows = """
        年初预算数: 90万元
        资金构成:
          当年财政拨款:
            年初预算数: 90万元
            全年预算数: 89.974万元
            全年执行数: 89.974万元

        """
        let text = resultsText(发放人数: "    实际完成值: 74", extra: rows)
        #expect(try findings(text, project: try project()) == [
            "r.yaml:2:8: 错误 JX619: 资金构成的全年预算数合计 89.974万元 与年度资金总额的全年预算数 100万元 不符",
            "r.yaml:3:8: 错误 JX619: 资金构成的全年执行数合计 89.974万元 与年度资金总额的全年执行数 100万元 不符",
        ])
        let agreeing = text.replacingOccurrences(of: "89.974万元", with: "60万元")
            .replacingOccurrences(of: "  当年财政拨款:\n", with: "  其他资金:\n    全年预算数: 40万元\n    全年执行数: 40万元\n  当年财政拨款:\n")
        #expect(try findings(agreeing, project: try project()).isEmpty)
    }

    /// The scoring rules page states the rules itself and sends the reader to no file a clone
    /// of the repository lacks.
    @Test func scoringRulesPageCitesNothingOutsideTheRepository() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("docs/评分规则.md"), encoding: .utf8)
        #expect(!page.contains("REFERENCE"))
        for rule in ["乘后再除", "未写的权重取默认值", "精确比较", "达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差",
                     "JX617", "JX618", "JX619"] {
            #expect(page.contains(rule), "docs/评分规则.md does not state: \(rule)")
        }
    }
}
