import Foundation
import JixiaoModel

/// How an indicator's score came about, kept as the figures and worded only when a page shows
/// it (`未达成：8 ÷ 9 × 12.5 = 11.11`): scoring ten thousand projects need not print forty
/// thousand sentences that an unchanged page never shows.
public enum Working: Sendable, CustomStringConvertible {
    case noResult
    case notComparable
    /// A number target reached; `op` as scored (a bare number is read as ≥).
    case reached(actual: Decimal, op: ComparisonOperator, goal: Decimal, unit: String, weight: Decimal)
    /// A number target missed: `raw` by the formula, `score` after our cap below full marks.
    case missed(actual: Decimal, op: ComparisonOperator, goal: Decimal, weight: Decimal, raw: Decimal, score: Decimal)
    case deadlineNotReadable
    case onTime(weight: Decimal)
    case lateWithoutScore
    case late(given: Decimal, cap: Decimal)
    case qualitativeAchieved(weight: Decimal)
    case qualitativeWithoutScore(Achievement)
    case qualitative(Achievement, given: Decimal)
    case notApplicable

    /// Whether the rules compute the score (a number target, a deadline met, no actual: 0), so
    /// that a printed 得分 is checked against it; elsewhere the 得分 is the evaluator's.
    public var isComputed: Bool {
        switch self {
        case .noResult, .reached, .missed, .onTime: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .noResult: return "无实际完成值"
        case .notComparable: return "实际完成值无法比较"
        case let .reached(actual, op, goal, unit, weight):
            return "达成（\(actual.plain)\(unit) \(op.rawValue) \(goal.plain)\(unit)），得满分 \(weight.plain)"
        case let .missed(actual, op, goal, weight, raw, score):
            let formula = op.isPositive ? "\(actual.plain) ÷ \(goal.plain) × \(weight.plain)"
                : goal > 0 ? "\(goal.plain) ÷ \(actual.plain) × \(weight.plain)" : "目标为 0，未达成得 0"
            let capped = score < raw ? "，未达成最多得 \(score.plain)" : ""
            return "未达成：\(formula) = \(raw.plain)\(capped)"
        case .deadlineNotReadable: return "完成时间无法识别"
        case .onTime(let weight): return "按时完成，得满分 \(weight.plain)"
        case .lateWithoutScore: return "未按时完成，缺少评价得分"
        case let .late(given, cap): return "未按时完成，评价得分 \(given.plain)（上限 \(cap.plain)）"
        case .qualitativeAchieved(let weight): return "达成年度指标，得满分 \(weight.plain)"
        case .qualitativeWithoutScore(let achievement): return "\(achievement.rawValue)，缺少评价得分"
        case let .qualitative(achievement, given): return "\(achievement.rawValue)，评价得分 \(given.plain)"
        case .notApplicable: return "不适用，不计分"
        }
    }
}
