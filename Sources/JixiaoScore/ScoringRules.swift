import Foundation
import JixiaoModel

/// Every number of the scoring rules, in one place. Those marked "our rule" are choices the
/// official texts leave open; docs/评分规则.md states each rule.
public enum ScoringRules {
    /// Default weights of the 一级 indicators (财预〔2020〕10号 practice).
    public static let defaultWeights: [IndicatorTaxonomy.Level1: Decimal] = [.output: 50, .benefit: 30, .satisfaction: 10]
    /// The weight of 预算执行率 unless the project sets another.
    public static let defaultBudgetWeight: Decimal = 10
    /// The name under which a project's 权重 sets the 预算执行率 weight.
    public static let budgetHeading = "预算执行率"
    /// Weights must add up to this.
    public static let totalWeight: Decimal = 100
    /// Printed scores and split weights are rounded to this many decimals, half up.
    public static let places = 2
    /// The smallest printable step: a missed target scores at most weight − this (our rule).
    public static let step = Decimal(string: "0.01")!
    /// An actual this far beyond a positive target earns full score but needs a reason (our rule).
    public static let overshootRatio = Decimal(string: "1.3")!
    /// A missed deadline scores at most this share of the weight.
    public static let missedDeadlineCap = Decimal(string: "0.8")!

    /// Qualitative bands as shares of the weight: lower bound included, upper excluded
    /// except for 达成, which reaches the full weight.
    public static func band(_ achievement: Achievement) -> (lower: Decimal, upper: Decimal, upperIncluded: Bool) {
        switch achievement {
        case .achieved: return (Decimal(string: "0.8")!, 1, true)
        case .partial: return (Decimal(string: "0.6")!, Decimal(string: "0.8")!, false)
        case .missed: return (0, Decimal(string: "0.6")!, false)
        }
    }

    /// 预算执行率 = 全年执行数 ÷ 全年预算数 in percent, exact to `places`, half up; 0 where the
    /// budget is 0 (the forms print 0.00%); nil without both figures.
    public static func rate(spent: Amount?, annual: Amount?, places: Int) -> Decimal? {
        guard let spent, let annual else { return nil }
        guard annual.inYuan != 0 else { return 0 }
        return Decimal.quotient(spent.inYuan * 100, annual.inYuan, places: places)
    }

    /// Rounds a score for printing: 0.01, half up (四舍五入).
    public static func printed(_ value: Decimal) -> Decimal { value.rounded(places: places) }

    /// A number target missed: actual ÷ goal × weight for a target to reach, goal ÷ actual ×
    /// weight for a ceiling (0 where the goal is 0), multiplied before dividing so that rounding
    /// sees the exact value (11 ÷ 12 × 7.38 is exactly 6.765: 6.77). `raw` is that, printed;
    /// `score` is at most weight − 0.01 (our rule: a missed target never prints full marks).
    static func missedScore(actual: Decimal, op: ComparisonOperator, goal: Decimal, weight: Decimal) -> (raw: Decimal, score: Decimal) {
        let (numerator, denominator) = op.isPositive ? (actual, goal) : (goal, actual)
        let raw = goal > 0 && denominator > 0 && numerator > 0
            ? Decimal.quotient(numerator * weight, denominator, places: places) : 0
        return (raw, min(raw, max(weight - step, 0)))
    }
}

/// The project grade: 90 (含)–100 优, 80 (含)–90 良, 60 (含)–80 中, below 60 差.
public enum Grade: String, Sendable, CaseIterable, Comparable {
    case excellent = "优"
    case good = "良"
    case fair = "中"
    case poor = "差"

    /// Lower bounds, best first.
    public static let bands: [(Grade, Decimal)] = [(.excellent, 90), (.good, 80), (.fair, 60), (.poor, 0)]

    public init(total: Decimal) {
        self = Grade.bands.first { total >= $0.1 }?.0 ?? .poor
    }

    public static func < (a: Grade, b: Grade) -> Bool {
        let order = Grade.allCases
        return order.firstIndex(of: a)! > order.firstIndex(of: b)!
    }
}

/// Splits `total` into `count` shares of 0.01 that add up exactly: every share gets the
/// equal part rounded down, and the cents left over go one each to the first shares —
/// the largest-remainder method, where all remainders are equal and document order breaks
/// the tie (our rule).
public func splitWeight(_ total: Decimal, into count: Int) -> [Decimal] {
    guard count > 0 else { return [] }
    let cents = NSDecimalNumber(decimal: (total * 100).rounded(places: 0)).intValue
    let base = cents / count
    let extra = cents - base * count
    // Cents as a significand with exponent -2: exact, and no decimal division per share.
    return (0..<count).map { Decimal(sign: .plus, exponent: -2, significand: Decimal(base + ($0 < extra ? 1 : 0))) }
}
