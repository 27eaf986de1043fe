import Foundation
import JixiaoDiagnostics
import JixiaoModel

/// A measure's 优秀 and 差 conditions must not both hold for one actual value,
/// and 否则 stands only for 差.
struct CriteriaChecks {
    let department: Department
    let report: DiagnosticCollector

    func run() {
        for category in department.categories {
            for subgoal in category.subgoals {
                for measure in subgoal.measures { check(measure) }
            }
        }
    }

    private func check(_ measure: Measure) {
        if measure.excellent == .otherwise {
            report(.misplacedOtherwise, at: measure.excellentText.mark,
                   "“\(measure.indicator)”的优秀条件写成了“否则”",
                   hint: "“否则”只能用于差（凡达不到优秀即为差）；优秀需要写出具体条件")
            return
        }
        guard case .value(.comparison(let excellent)) = measure.excellent,
              case .value(.comparison(let poor)) = measure.poor else { return }
        guard excellent.unit == poor.unit || excellent.unit.isEmpty || poor.unit.isEmpty else {
            report(.unreadableCondition, .warning, at: measure.poorText.mark,
                   "“\(measure.indicator)”的优秀条件（\(measure.excellentText.value)）与差的条件（\(measure.poorText.value)）单位不同，无法比较")
            return
        }
        if let both = Interval(excellent).overlap(Interval(poor)) {
            report(.overlappingConditions, at: measure.poorText.mark,
                   "“\(measure.indicator)”的条件重叠：实际值为 \(both.plain)\(excellent.unit.isEmpty ? poor.unit : excellent.unit) 时既是\(measure.labels.excellent)（\(measure.excellentText.value)）又是\(measure.labels.poor)（\(measure.poorText.value)）",
                   hint: "按法定含义，“以上”“以下”包含本数，“高于”“低于”不包含本数")
        }
    }
}

/// The set of values a comparison admits, as an interval with open or closed ends.
struct Interval {
    var lower: Decimal?
    var lowerClosed: Bool
    var upper: Decimal?
    var upperClosed: Bool

    init(_ comparison: Comparison) {
        let n = comparison.number
        switch comparison.op {
        case .atLeast: (lower, lowerClosed, upper, upperClosed) = (n, true, nil, false)
        case .greater: (lower, lowerClosed, upper, upperClosed) = (n, false, nil, false)
        case .atMost: (lower, lowerClosed, upper, upperClosed) = (nil, false, n, true)
        case .less: (lower, lowerClosed, upper, upperClosed) = (nil, false, n, false)
        case .equal: (lower, lowerClosed, upper, upperClosed) = (n, true, n, true)
        }
    }

    /// A value in both intervals, or nil when they are disjoint.
    func overlap(_ other: Interval) -> Decimal? {
        let (low, lowClosed) = Interval.tighterLower((lower, lowerClosed), (other.lower, other.lowerClosed))
        let (high, highClosed) = Interval.tighterUpper((upper, upperClosed), (other.upper, other.upperClosed))
        switch (low, high) {
        case let (low?, high?):
            if low < high { return lowClosed ? low : (highClosed ? high : (low + high) / 2) }
            return low == high && lowClosed && highClosed ? low : nil
        case let (low?, nil): return lowClosed ? low : low + 1
        case let (nil, high?): return highClosed ? high : high - 1
        case (nil, nil): return 0
        }
    }

    private static func tighterLower(_ a: (Decimal?, Bool), _ b: (Decimal?, Bool)) -> (Decimal?, Bool) {
        guard let x = a.0 else { return b }
        guard let y = b.0 else { return a }
        if x != y { return x > y ? a : b }
        return (x, a.1 && b.1)
    }

    private static func tighterUpper(_ a: (Decimal?, Bool), _ b: (Decimal?, Bool)) -> (Decimal?, Bool) {
        guard let x = a.0 else { return b }
        guard let y = b.0 else { return a }
        if x != y { return x < y ? a : b }
        return (x, a.1 && b.1)
    }
}
