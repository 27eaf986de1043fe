import Foundation
import JixiaoDiagnostics
import JixiaoModel

/// The indicator grid: the three kinds of indicator are present,
/// names are unique, and every 指标值 reads as what its row says it measures.
struct IndicatorChecks {
    let project: Project
    let year: Int?
    let report: DiagnosticCollector

    func run() {
        checkHeadingsPresent()
        var seen: [ExactText: Int] = [:]
        for group in project.indicators {
            for indicator in group.indicators {
                // Unfilled names (待填写) are alike, not duplicates: each is reported as not filled in.
                let isName = !Placeholder.isPlaceholder(indicator.name.value)
                if isName, let line = seen[ExactText(indicator.name.value)] {
                    report(.duplicateIndicator, at: indicator.name.mark,
                           "三级指标“\(indicator.name.value)”在本表中出现了两次（第一次在第 \(line) 行）",
                           hint: "同一张表中三级指标名称不能重复；自评时按名称对应实际完成值")
                } else if isName {
                    seen[ExactText(indicator.name.value)] = indicator.name.mark.line
                }
                checkValue(indicator, in: group)
            }
        }
    }

    private func checkHeadingsPresent() {
        let present = Set(project.indicators.compactMap(\.level1))
        let required: [(IndicatorTaxonomy.Level1, String)] = [(.output, "产出指标"), (.benefit, "效益指标（或效果指标）"),
                                                              (.satisfaction, "满意度指标")]
        let missing = required.filter { !present.contains($0.0) }.map(\.1)
        guard !missing.isEmpty else { return }
        report(.missingLevel1, .warning, at: project.indicators.first?.name.mark ?? project.name.mark,
               "绩效指标缺少\(missing.joined(separator: "、"))", hint: "项目绩效目标表通常应包含产出、效益和满意度三类指标")
    }

    private func checkValue(_ indicator: Indicator, in group: IndicatorGroup) {
        let text = indicator.valueText
        if text.value.isBlank || Placeholder.isPlaceholder(text.value) { return }  // reported as not filled in
        // Scalars, not characters: every 指标值 is searched, and `Character` iteration finds
        // grapheme boundaries first. A full-width sign followed by a combining mark is a
        // full-width sign all the same.
        if let found = text.value.unicodeScalars.firstIndex(where: FullWidth.isFullWidthDigitOrSign) {
            let fullWidth = text.value[found]
            report(.fullWidthCharacters, at: text.mark, "指标值“\(text.value)”中有全角字符“\(fullWidth)”",
                   hint: "改为半角：\(FullWidth.halfWidth(text.value))")
            return
        }
        if let words = Hedging.words(in: text.value) {
            report(.vagueValue, .warning, at: text.mark,
                   "指标值“\(text.value)”带有“\(words.joined(separator: "”“"))”，数值不确定，无法据以评价",
                   hint: "财预〔2021〕101号要求绩效指标清晰、可衡量：写成确定的数值，如 12次、不少于12次")
            return
        }
        switch indicator.value {
        case .comparison(let comparison):
            // What follows the number is read as its unit: a unit no table measures in is more often
            // words misread (`2025年年底前` as 2025 in `年年底前`) than a unit, so it is said, not
            // taken silently. A 度量单位 written in its own cell is the user's own unit.
            if !comparison.unit.isEmpty, !MeasureUnits.isKnown(comparison.unit), indicator.cells?.unit.isEmpty ?? true {
                report(.unreadableValue, .warning, at: text.mark,
                       "指标值“\(text.value)”读作 \(comparison.op.rawValue)\(comparison.number.plain)，单位“\(comparison.unit)”不是已知的计量单位",
                       hint: "核对写法：单位写常用的汉字单位（如 米、个、%），时限写成 2025年12月底前；原表如此时在行末加 # 原文如此")
            }
            if comparison.isPercentage, comparison.number > 100 {
                report(.percentOutOfRange, at: text.mark, "比率“\(text.value)”超过 100%",
                       hint: "比率应在 0% 到 100% 之间")
            }
            if let nameUnit = indicator.unitInName, !comparison.unit.isEmpty,
               comparison.unit != nameUnit, !(MoneyUnit(rawValue: nameUnit) != nil && comparison.moneyUnit != nil) {
                report(.unitMismatch, at: text.mark,
                       "指标名称注明单位“\(nameUnit)”，指标值却是“\(text.value)”",
                       hint: "指标值只写数字（单位见名称），或与名称中的单位一致")
            }
            if group.level1 == .satisfaction, !comparison.isPercentage {
                report(.satisfactionNotPercent, at: text.mark, "满意度指标的指标值应为百分比，这里是“\(text.value)”",
                       hint: "例如 85%以上")
            }
        case .deadline(let deadline):
            if let year, deadline.year != year {
                report(.deadlineOutsideYear, at: text.mark,
                       "完成时限“\(text.value)”不在预算年度 \(year) 年内", hint: "时限应落在 \(year) 年内")
            }
            if group.level1 == .satisfaction {
                report(.satisfactionNotPercent, at: text.mark, "满意度指标的指标值应为百分比，这里是时限“\(text.value)”")
            }
        case .qualitative(let words):
            if group.level1 == .satisfaction {
                report(.satisfactionNotPercent, at: text.mark, "满意度指标的指标值应为百分比，这里是“\(words)”",
                       hint: "例如 85%以上")
            } else if let end = Period.end(of: words) {
                // A period is not a deadline: which day in it the target falls on, the form does not say.
                report(.unreadableValue, .warning, at: text.mark,
                       "指标值“\(words)”是一段期间，不是可核对的时限，将按定性指标处理",
                       hint: "要求期末前完成的，写成“\(end)底前”；原表如此时在行末加 # 原文如此")
            } else if words.contains(where: \.isASCIIDigit) {
                report(.unreadableValue, .warning, at: text.mark,
                       "指标值“\(words)”含有数字，却不是可识别的比较值或时限，将按定性指标处理",
                       hint: "可写成 85%以上、低于10%、不超过3个工作日、2021年12月底前 等形式")
            }
        }
    }
}

/// A span of months written as a table prints it: `2023.07-2024.01`, `2023年7月—2024年1月`.
enum Period {
    /// The last month of the period as a deadline's words (`2024年1月`), nil when `text` is no period.
    static func end(of text: String) -> String? {
        let parts = text.split(omittingEmptySubsequences: false) { "-—~～至".contains($0) }
        guard parts.count == 2, let start = month(parts[0]), let end = month(parts[1]),
              (start.year, start.month) <= (end.year, end.month) else { return nil }
        return "\(end.year)年\(end.month)月"
    }

    /// `2023.07`, `2023-07`, `2023年7月` → (2023, 7).
    private static func month(_ text: Substring) -> (year: Int, month: Int)? {
        let fields = text.trimmingCharacters(in: .whitespaces).split { ".年月/".contains($0) }
        guard fields.count == 2, let year = Int(fields[0]), let month = Int(fields[1]),
              (1900...2999).contains(year), (1...12).contains(month) else { return nil }
        return (year, month)
    }
}

/// Words that make a number an estimate (大约十二次吧, 力争95%): a target so worded cannot be
/// measured against, whichever form it otherwise reads as.
enum Hedging {
    static let hedges = ["大约", "大概", "左右", "力争", "基本", "争取", "估计", "预计", "尽量", "尽可能", "差不多",
                         "可能", "或许", "吧"]
    /// Chinese numerals count as a number as much as digits do: 十二次 is a count.
    static let numerals: Set<Character> = ["〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千"]

    /// The hedging words of a value that also holds a number; nil when it has none or no number.
    static func words(in value: String) -> [String]? {
        guard mayHoldHedge(value) else { return nil }
        let found = hedges.filter(value.contains)
        guard !found.isEmpty, value.contains(where: { $0.isASCIIDigit || numerals.contains($0) }) else { return nil }
        return found
    }

    /// Whether `value` holds a scalar that can begin a hedging word. Foundation's `contains`,
    /// which decides, matches canonically equivalent text too (U+F98A, a compatibility form of
    /// 力, finds 力争), and, asked 14 times of every 指标值, made a quarter of `jixiao check`.
    /// A match begins with a word's own first character or with a compatibility ideograph,
    /// the only characters whose canonical form is another ideograph (tried over every scalar:
    /// only U+F98A matches here). A value holding neither, as nearly all do, is not searched.
    private static func mayHoldHedge(_ value: String) -> Bool {
        value.unicodeScalars.contains { scalar in
            scalar.value >= 0x4E00 && (firstScalars.contains(scalar) || isCompatibilityIdeograph(scalar))
        }
    }

    /// The first character of each word, all CJK unified ideographs (U+4E00 and above).
    private static let firstScalars = Set(hedges.map { $0.unicodeScalars.first! })

    /// CJK Compatibility Ideographs and its supplement.
    private static func isCompatibilityIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0xF900...0xFAFF).contains(scalar.value) || (0x2F800...0x2FA1F).contains(scalar.value)
    }
}

/// Full-width forms that Chinese input methods produce where half-width ones are meant.
enum FullWidth {
    static func isFullWidthDigitOrSign(_ scalar: Unicode.Scalar) -> Bool {
        (0xFF10...0xFF19).contains(scalar.value) || "％．＜＞＝".unicodeScalars.contains(scalar)
    }

    static func halfWidth(_ text: String) -> String {
        var half = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            // Full-width forms sit 0xFEE0 above their ASCII twins.
            half.append(isFullWidthDigitOrSign(scalar) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar)
        }
        return String(half)
    }

}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// 资金支出计划: four cumulative percentages, never decreasing, the last 100%.
struct PlanChecks {
    let project: Project
    let report: DiagnosticCollector

    func run() {
        var previous: Decimal = 0
        for (number, share) in project.plan.enumerated() {
            if Placeholder.isPlaceholder(share.value.text) { return }  // reported as not filled in
            guard let percent = share.value.percent else {
                report(.badPlan, at: share.mark, "第\(number + 1)季度的累计支出比例“\(share.value.text)”不是百分比",
                       hint: "写成 25% 这样的形式")
                return
            }
            if percent < previous {
                report(.badPlan, at: share.mark,
                       "资金支出计划是累计比例，第\(number + 1)季度 \(share.value.text) 小于上一季度 \(previous.plain)%",
                       hint: "每季度填写截至该季度末的累计比例，不能减少")
            }
            if percent > 100 {
                report(.badPlan, at: share.mark, "累计支出比例 \(share.value.text) 超过 100%")
            }
            previous = percent
        }
        if let last = project.plan.last, let percent = last.value.percent, project.plan.count == 4, percent != 100 {
            report(.badPlan, at: last.mark, "第四季度的累计支出比例应为 100%，这里是 \(last.value.text)",
                   hint: "年末应支出全部预算")
        }
    }
}
