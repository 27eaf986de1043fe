import Foundation
import JixiaoDiagnostics
import JixiaoModel
import Testing
@testable import JixiaoCheck

/// A small valid project; each test changes one thing and expects exactly its finding.
private let base = """
项目名称: 测试项目
资金用途: 预算数43.3万元。
预算:
  合计: 43.3万元
  来源:
    财政资金: 43.3万元
    其他资金: 0万元
  明细:
    - 名称: 考核奖
      金额: 7.2万元
      计算: 10000元/人 × 3人 + 7000元/人 × 6人
    - 名称: 绩效奖金
      金额: 36.1万元
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
    时效指标:
      - 名称: 项目完成时限
        描述: 项目完成时限
        指标值: 2021年12月底前
        依据: 工作经验
    成本指标:
      - 名称: 人均投入金额（元）
        描述: 人均投入
        指标值: 3000
        依据: 工作经验
  效果指标:
    社会效益指标:
      - 名称: 在岗率
        描述: 在岗率
        指标值: 90%
        依据: 工作经验
  满意度指标:
    服务对象满意度指标:
      - 名称: 满意度
        描述: 满意度
        指标值: 85%以上
        依据: 工作经验

"""

private func findings(_ text: String, year: Int = 2021) throws -> [String] {
    let decoded = ProjectDecoder.decode(SourceFile(path: "p.yaml", text: text))
    #expect(decoded.diagnostics.isEmpty, "decoding: \(decoded.diagnostics.map(\.headline))")
    let project = try #require(decoded.value)
    return Checker.check(project, year: year).map(\.headline)
}

private func replacing(_ old: String, _ new: String) -> String {
    precondition(base.contains(old), "fixture lacks \(old)")
    return base.replacingOccurrences(of: old, with: new)
}

@Suite("Checker: money")
struct MoneyCheckTests {
    @Test func consistentTableHasNoFindings() throws {
        #expect(try findings(base) == [])
    }

    @Test func breakdownNotAddingUp() throws {
        #expect(try findings(replacing("金额: 36.1万元", "金额: 36.01万元")) == [
            "p.yaml:4:7: 错误 JX301: 明细合计 43.21万元 与预算合计 43.3万元 不符（差 0.09万元）",
        ])
    }

    @Test func sourcesNotAddingUp() throws {
        #expect(try findings(replacing("其他资金: 0万元", "其他资金: 0.5万元")) == [
            "p.yaml:4:7: 错误 JX302: 资金来源合计 43.8万元 与预算合计 43.3万元 不符（差 0.5万元）",
        ])
    }

    @Test func formulaNotGivingTheAmount() throws {
        #expect(try findings(replacing("7000元/人 × 6人", "7000元/人 × 5人")) == [
            "p.yaml:10:11: 错误 JX303: 计算“10000元/人 × 3人 + 7000元/人 × 5人”得 6.5万元，与金额 7.2万元 不符（差 0.7万元）",
        ])
    }

    @Test func amountInYuanWhereTheFormulaGivesWanYuan() throws {
        // Sums still add up: the amount counts as the 7.2万元 its formula gives.
        #expect(try findings(replacing("金额: 7.2万元", "金额: 7.2元")) == [
            "p.yaml:10:11: 错误 JX304: 金额写作 7.2元，但计算“10000元/人 × 3人 + 7000元/人 × 6人”得 7.2万元：单位应为“万元”",
        ])
    }

    @Test func formulaInYuanWhereWanYuanIsMeant() throws {
        let text = replacing("金额: 7.2万元\n      计算: 10000元/人 × 3人 + 7000元/人 × 6人", "金额: 7.2万元\n      计算: 6人 × 1.2元/年")
        #expect(try findings(text) == [
            "p.yaml:11:11: 错误 JX304: 计算“6人 × 1.2元/年”中的单位“元”应为“万元”：按“元”计算只得 7.2元，与金额 7.2万元 相差上万倍",
        ])
    }

    @Test func unreadableFormula() throws {
        #expect(try findings(replacing("10000元/人 × 3人 + 7000元/人 × 6人", "3人 × 6人")) == [
            "p.yaml:11:11: 错误 JX305: 无法读懂计算式“3人 × 6人”：“3人 × 6人”中没有以元或万元计的单价或金额",
        ])
    }

    @Test func subtractionInFormula() throws {
        let text = replacing("10000元/人 × 3人 + 7000元/人 × 6人", "427.8万元 + 183万元 - 400万元").replacingOccurrences(of: "金额: 7.2万元", with: "金额: 210万元")
        #expect(try findings(text).first == "p.yaml:10:11: 错误 JX303: 计算“427.8万元 + 183万元 - 400万元”得 210.8万元，与金额 210万元 不符（差 0.8万元）")
    }
}

@Suite("Checker: indicators and plan")
struct IndicatorCheckTests {
    @Test func percentAbove100() throws {
        #expect(try findings(replacing("指标值: 90%", "指标值: 120%")) == ["p.yaml:38:14: 错误 JX402: 比率“120%”超过 100%"])
    }

    @Test func unitInNameDisagreesWithValue() throws {
        #expect(try findings(replacing("指标值: 3000", "指标值: 3000平方米")) == [
            "p.yaml:32:14: 错误 JX403: 指标名称注明单位“元”，指标值却是“3000平方米”",
        ])
        #expect(try findings(replacing("指标值: 3000", "指标值: 0.3万元")) == [], "money units convert")
    }

    @Test func deadlineOutsideTheYear() throws {
        #expect(try findings(replacing("2021年12月底前", "2022年12月底前")) == [
            "p.yaml:27:14: 错误 JX404: 完成时限“2022年12月底前”不在预算年度 2021 年内",
        ])
    }

    @Test func satisfactionMustBeAPercentage() throws {
        #expect(try findings(replacing("指标值: 85%以上", "指标值: 满意")) == [
            "p.yaml:44:14: 错误 JX405: 满意度指标的指标值应为百分比，这里是“满意”",
        ])
    }

    @Test func missingBenefitIndicators() throws {
        let text = replacing("  效果指标:\n    社会效益指标:\n      - 名称: 在岗率\n        描述: 在岗率\n        指标值: 90%\n        依据: 工作经验\n", "")
        #expect(try findings(text) == ["p.yaml:18:3: 警告 JX406: 绩效指标缺少效益指标（或效果指标）"])
    }

    @Test func duplicateIndicatorName() throws {
        #expect(try findings(replacing("名称: 在岗率", "名称: 发放人数")) == [
            "p.yaml:36:13: 错误 JX407: 三级指标“发放人数”在本表中出现了两次（第一次在第 20 行）",
        ])
    }

    @Test func fullWidthDigitsAreNamed() throws {
        let result = try findings(replacing("指标值: 90%", "指标值: ９０％"))
        #expect(result == ["p.yaml:38:14: 错误 JX409: 指标值“９０％”中有全角字符“９”"])
    }

    @Test func numbersThatReadAsNothing() throws {
        #expect(try findings(replacing("指标值: 74", "指标值: 全区前3名")) == [
            "p.yaml:22:14: 警告 JX401: 指标值“全区前3名”含有数字，却不是可识别的比较值或时限，将按定性指标处理",
        ])
    }

    /// What follows a number is taken as its unit only when it is one: `2025年年中` is no `=2025 年年中`
    /// read in silence; a period is no deadline; `2025年年底前` is the deadline 2025-12-31.
    @Test func wordsAfterANumberAreNotSilentlyAUnit() throws {
        #expect(try findings(replacing("指标值: 74", "指标值: 2021年年中")) == [
            "p.yaml:22:14: 警告 JX401: 指标值“2021年年中”读作 =2021，单位“年年中”不是已知的计量单位",
        ])
        #expect(try findings(replacing("指标值: 74", "指标值: 74台次")) == [], "a known unit")
        #expect(try findings(replacing("指标值: 2021年12月底前", "指标值: 2021.07-2022.01")) == [
            "p.yaml:27:14: 警告 JX401: 指标值“2021.07-2022.01”是一段期间，不是可核对的时限，将按定性指标处理",
        ])
        #expect(try findings(replacing("指标值: 2021年12月底前", "指标值: 2021年年底前")) == [])
        #expect(IndicatorValue(parsing: "2025年年底前") == .deadline(Deadline(year: 2025, month: 12, day: 31)))
        #expect(IndicatorValue(parsing: "2025年年中") == .comparison(Comparison(.equal, 2025, unit: "年年中")))
    }

    /// A number with a hedging word is not a measurable target, whichever form it would
    /// otherwise read as (12次左右 reads as 12 with the unit 次左右): one warning, nothing else.
    @Test func hedgedValuesAreWarned() throws {
        #expect(try findings(replacing("指标值: 74", "指标值: 大约十二次吧")) == [
            "p.yaml:22:14: 警告 JX410: 指标值“大约十二次吧”带有“大约”“吧”，数值不确定，无法据以评价",
        ])
        #expect(try findings(replacing("指标值: 74", "指标值: 74人左右")) == [
            "p.yaml:22:14: 警告 JX410: 指标值“74人左右”带有“左右”，数值不确定，无法据以评价",
        ])
        #expect(try findings(replacing("指标值: 90%", "指标值: 力争90%")) == [
            "p.yaml:38:14: 警告 JX410: 指标值“力争90%”带有“力争”，数值不确定，无法据以评价",
        ])
        // Words are found as Foundation finds text, canonical equivalents included: U+F98A is 力.
        #expect(try findings(replacing("指标值: 90%", "指标值: \u{F98A}争90%")) == [
            "p.yaml:38:14: 警告 JX410: 指标值“\u{F98A}争90%”带有“力争”，数值不确定，无法据以评价",
        ])
        #expect(try findings(replacing("指标值: 90%", "指标值: 基本完成")).isEmpty, "hedging without a number is qualitative text")
        #expect(try findings(replacing("指标值: 90%", "指标值: 效果明显")).isEmpty)
    }

    /// Every 待填写 that `jixiao new` writes is reported once, as JX212, wherever it stands;
    /// an unfilled source is not also summed into a misleading JX302, nor an unfilled quarter
    /// into a JX408.
    @Test func everyPlaceholderIsReportedOnce() throws {
        func all(_ text: String) throws -> [String] {
            let decoded = ProjectDecoder.decode(SourceFile(path: "p.yaml", text: text))
            let project = try #require(decoded.value)
            return (decoded.diagnostics + Checker.check(project, year: 2021)).map(\.headline)
        }
        #expect(try all(replacing("  - 及时足额发放", "  - 待填写")) == ["p.yaml:16:5: 错误 JX212: “绩效目标”中的一项尚未填写"])
        #expect(try all(replacing("财政资金: 43.3万元", "财政资金: 待填写")) == ["p.yaml:6:11: 错误 JX212: “财政资金”尚未填写"])
        #expect(try all(replacing("[25%, 50%, 75%, 100%]", "[待填写, 50%, 75%, 100%]"))
            == ["p.yaml:14:10: 错误 JX212: “资金支出计划”中的一项尚未填写"])
        #expect(try all(replacing("描述: 在岗率", "描述: 待填写")) == ["p.yaml:37:13: 错误 JX212: “描述”尚未填写"])
        #expect(try all(replacing("    其他资金: 0万元", "    待填写: 0万元")) == ["p.yaml:7:5: 错误 JX212: “来源”中的名称尚未填写"])
        let unnamed = replacing("名称: 在岗率", "名称: 待填写").replacingOccurrences(of: "名称: 满意度", with: "名称: 待填写")
        #expect(try all(unnamed) == ["p.yaml:36:13: 错误 JX212: “名称”尚未填写", "p.yaml:42:13: 错误 JX212: “名称”尚未填写"],
                "two unfilled names are not one name twice")
    }

    @Test func planMustBeCumulativeAndEndAt100() throws {
        #expect(try findings(replacing("[25%, 50%, 75%, 100%]", "[25%, 20%, 75%, 90%]")) == [
            "p.yaml:14:15: 错误 JX408: 资金支出计划是累计比例，第2季度 20% 小于上一季度 25%",
            "p.yaml:14:25: 错误 JX408: 第四季度的累计支出比例应为 100%，这里是 90%",
        ])
    }
}

@Suite("Checker: department criteria")
struct CriteriaCheckTests {
    private func findings(excellent: String, poor: String) throws -> [String] {
        let text = """
        单位: 街道办事处
        年度: 2021
        总体绩效目标: 做好工作
        分项绩效目标:
          - 类别: 安全
            目标:
              - 名称: 安全生产
                内容: 做好巡查。
                评定: 考核。
                标准:
                  - 指标: 考核成绩
                    优秀: \(excellent)
                    差: \(poor)

        """
        let decoded = DepartmentDecoder.decode(SourceFile(path: "d.yaml", text: text))
        let department = try #require(decoded.value)
        return Checker.check(department).map(\.headline)
    }

    @Test func statutoryBoundsDoNotOverlap() throws {
        #expect(try findings(excellent: "90分以上", poor: "60分以下") == [])
        #expect(try findings(excellent: "100%", poor: "低于100%") == [])
        #expect(try findings(excellent: "大于90%", poor: "低于90%") == [])
        #expect(try findings(excellent: "2个工作日内", poor: "超2个工作日") == [])
        #expect(try findings(excellent: "100%", poor: "否则") == [])
    }

    @Test func overlappingConditions() throws {
        #expect(try findings(excellent: "90分以上", poor: "90分以下") == [
            "d.yaml:13:16: 错误 JX502: “考核成绩”的条件重叠：实际值为 90分 时既是优秀（90分以上）又是差（90分以下）",
        ])
        #expect(try findings(excellent: "80%以上", poor: "低于90%") == [
            "d.yaml:13:16: 错误 JX502: “考核成绩”的条件重叠：实际值为 80% 时既是优秀（80%以上）又是差（低于90%）",
        ])
    }

    @Test func otherwiseOnlyForPoor() throws {
        #expect(try findings(excellent: "否则", poor: "低于80%") == [
            "d.yaml:12:17: 错误 JX503: “考核成绩”的优秀条件写成了“否则”",
        ])
    }

    @Test func incomparableUnits() throws {
        #expect(try findings(excellent: "90分以上", poor: "低于80%") == [
            "d.yaml:13:16: 警告 JX501: “考核成绩”的优秀条件（90分以上）与差的条件（低于80%）单位不同，无法比较",
        ])
    }
}

@Suite("Checker: data set")
struct DataSetCheckTests {
    /// The stem a file name check compares is the one NSString's path methods give.
    @Test func fileStemIsNSStringsStem() {
        for path in ["2021/项目/社区经费.yaml", "社区经费.yaml", "a/b.c/项目.v2.yaml", "2021/项目/.yaml", "无扩展名", "/abs/路径/x."] {
            let expected = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            #expect(DataSetChecks.fileStem(path) == expected, "\(path)")
        }
    }

    @Test func aFileNotNamedAfterItsProjectIsNamed() throws {
        let project = try #require(ProjectDecoder.decode(SourceFile(path: "2021/项目/社区经费.yaml", text: base)).value)
        #expect(DataSetChecks.fileNameMismatch(project, path: "2021/项目/测试项目.yaml") == nil)
        #expect(DataSetChecks.fileNameMismatch(project, path: "2021/项目/社区经费.yaml")?.message == "文件名“社区经费”与项目名称“测试项目”不一致")
    }
}
