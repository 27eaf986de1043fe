import Foundation
import JixiaoDiagnostics
import Testing
@testable import JixiaoModel
@testable import JixiaoScore

/// A second, deliberately plain implementation of the rule for a number target, in integers:
/// every amount in hundredths, so that a score is an exact fraction of cents and rounding half
/// up is one integer division. The scorer must agree with it on every case.
private enum Model {
    /// The printed score in cents. `actual`, `goal` and `weight` in hundredths.
    static func score(actual: Int, goal: Int, weight: Int, op: ComparisonOperator) -> Int {
        let scored: ComparisonOperator = op == .equal ? .atLeast : op
        let met: Bool
        switch scored {
        case .atLeast, .equal: met = actual >= goal
        case .greater: met = actual > goal
        case .atMost: met = actual <= goal
        case .less: met = actual < goal
        }
        if met { return weight }
        // actual ÷ goal × weight (or goal ÷ actual × weight) in cents is p ÷ q.
        let (p, q) = scored.isPositive ? (actual * weight, goal) : (goal * weight, actual)
        let rounded = goal > 0 && q > 0 ? (2 * p + q) / (2 * q) : 0
        return min(rounded, max(weight - 1, 0))
    }

    /// Whether the unrounded score lies exactly halfway between two cents.
    static func isHalfway(actual: Int, goal: Int, weight: Int, op: ComparisonOperator) -> Bool {
        let (p, q) = op.isPositive ? (actual * weight, goal) : (goal * weight, actual)
        return q > 0 && (2 * p) % q == 0 && (2 * p / q) % 2 == 1
    }
}

/// A seeded generator (xorshift64*), so that a failure names a case that can be run again.
private struct XorShift: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}

private func cents(_ value: Int) -> Decimal { Decimal(sign: .plus, exponent: -2, significand: Decimal(value)) }

/// How each operator is written in a goal table.
private let wording: [(ComparisonOperator, @Sendable (String) -> String)] = [
    (.atLeast, { "不低于\($0)" }), (.greater, { "高于\($0)" }), (.equal, { $0 }), (.atMost, { "不超过\($0)" }), (.less, { "低于\($0)" }),
]

/// A case whose exact score ends in half a cent. For a target to reach, actual × weight ÷ goal
/// is halfway when 2 × actual × weight ÷ goal is an odd integer: the goal is the power of two
/// in 2 × actual × weight times an odd divisor of the rest. A ceiling swaps actual and goal.
private func halfwayCase(_ rng: inout XorShift) -> (actual: Int, goal: Int, weight: Int, op: ComparisonOperator) {
    while true {
        let (op, _) = wording.randomElement(using: &rng)!
        let known = Int.random(in: 1...50_000, using: &rng)
        let weight = Int.random(in: 1...5_000, using: &rng)
        var odd = 2 * known * weight
        var power = 1
        while odd % 2 == 0 { odd /= 2; power *= 2 }
        let divisors = stride(from: 1, through: 99, by: 2).filter { odd % $0 == 0 }
        let other = power * divisors.randomElement(using: &rng)!
        let (actual, goal) = op.isPositive ? (known, other) : (other, known)
        guard other <= 10_000_000, Model.score(actual: actual, goal: goal, weight: weight, op: op) < weight else { continue }
        return (actual, goal, weight, op)
    }
}

@Suite("Exact scoring")
struct ExactScoringTests {
    /// The three slips of the issue: each exact value ends in 5 at the third decimal.
    @Test func roundingSeesTheExactValue() throws {
        func score(target: String, actual: String, weight: String) throws -> String? {
            let p = try project([("指标值: 74", "指标值: \(target)")])
            let r = try results(["发放人数": "实际完成值: \(actual)\n    分值: \(weight)"])
            return scores(ProjectScorer.score(p, r).0)["发放人数"]
        }
        #expect(try score(target: "12", actual: "11", weight: "7.38") == "7.38/6.77")  // 11 × 7.38 ÷ 12 = 6.765
        #expect(try score(target: "60", actual: "10", weight: "6.03") == "6.03/1.01")  // 10 × 6.03 ÷ 60 = 1.005
        // A ceiling of 5750元 missed by 6000元: 5750 × 6.6 ÷ 6000 = 6.325.
        #expect(try score(target: "不超过5750元", actual: "6000元", weight: "6.6") == "6.6/6.33")
    }

    @Test func quotientRoundsTheExactValueHalfUp() {
        #expect(Decimal.quotient(Decimal(string: "81.18")!, 12, places: 2) == Decimal(string: "6.77")!)
        #expect(Decimal.quotient(2, 3, places: 2) == Decimal(string: "0.67")!)
        #expect(Decimal.quotient(1, 3, places: 2) == Decimal(string: "0.33")!)
        #expect(Decimal.quotient(Decimal(string: "-0.0125")!, 1, places: 3) == Decimal(string: "-0.013")!)
        #expect(Decimal.quotient(Decimal(string: "0.0125")!, -1, places: 3) == Decimal(string: "-0.013")!)
    }

    /// The integer path and the decimal one give the same number, printed the same way
    /// (0.5, not 0.50), for amounts and weights of every length a form has and beyond.
    @Test func quotientInIntegersAgreesWithDecimals() {
        var generator = SystemRandomNumberGenerator()
        func number(upTo limit: UInt64, places: ClosedRange<Int>) -> Decimal {
            Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: -Int.random(in: places, using: &generator),
                    significand: Decimal(UInt64.random(in: 0...limit, using: &generator)))
        }
        var integerCases = 0
        for round in 0..<20_000 {
            let numerator = number(upTo: round % 3 == 0 ? 1_000 : 1 << 61, places: 0...8)
            var denominator = number(upTo: round % 2 == 0 ? 100 : 10_000_000_000, places: -4...6)
            if denominator == 0 { denominator = 7 }
            let places = Int.random(in: 0...3, using: &generator)
            let decimal = Decimal.decimalQuotient(numerator, denominator, places: places)
            guard let integer = Decimal.integerQuotient(numerator, denominator, places: places) else { continue }
            integerCases += 1
            #expect(integer == decimal && integer.plain == decimal.plain,
                    "\(numerator) ÷ \(denominator), \(places) places: \(integer.plain) ≠ \(decimal.plain)")
        }
        #expect(integerCases > 10_000)
        // Significands of 2^62 and more are left to decimals.
        #expect(Decimal.integerQuotient(Decimal(UInt64(1) << 62), 3, places: 2) == nil)
    }

    /// The budget row is exact too: 11 of 12 spent at weight 7.38 is 6.765, printed 6.77, and
    /// 1 of 3 spent is 33.33 %.
    @Test func budgetExecutionRoundsTheExactValue() throws {
        let halfway = try results(extra: "权重:\n  预算执行率: 7.38\n  满意度指标: 12.62\n").with {
            $0.annualBudget = Located(Amount(12, .wanYuan), at: $0.annualBudget.mark)
            $0.spent = Located(Amount(11, .wanYuan), at: $0.spent.mark)
        }
        let budget = ProjectScorer.score(try project(), halfway).0.budget
        #expect(budget.score == Decimal(string: "6.77")!)
        #expect(budget.ratePercent == Decimal(string: "91.67")!)
        let third = try results().with {
            $0.annualBudget = Located(Amount(3, .wanYuan), at: $0.annualBudget.mark)
            $0.spent = Located(Amount(1, .wanYuan), at: $0.spent.mark)
        }
        #expect(ProjectScorer.score(try project(), third).0.budget.ratePercent == Decimal(string: "33.33")!)
    }

    /// Thousands of seeded cases, half of them exactly on a half cent, against `Model`.
    @Test func scorerAgreesWithAnExactFractionModel() throws {
        var rng = XorShift(state: 2021)
        var halfway = 0
        for number in 0..<6_000 {
            let (actual, goal, weight, op) = number % 2 == 0
                ? halfwayCase(&rng)
                : (Int.random(in: 0...100_000, using: &rng), Int.random(in: 0...100_000, using: &rng),
                   Int.random(in: 1...5_000, using: &rng), wording.randomElement(using: &rng)!.0)
            let expected = cents(Model.score(actual: actual, goal: goal, weight: weight, op: op))
            if Model.isHalfway(actual: actual, goal: goal, weight: weight, op: op), expected < cents(weight) { halfway += 1 }
            let scored: ComparisonOperator = op == .equal ? .atLeast : op
            let direct = scored.holds(cents(actual), cents(goal))
                ? cents(weight) : ScoringRules.missedScore(actual: cents(actual), op: scored, goal: cents(goal), weight: cents(weight)).score
            #expect(direct == expected, "case \(number): \(actual) \(op.rawValue) \(goal) at \(weight) (hundredths)")
            // Every tenth case goes the whole way, from the text of a goal table and a results file.
            guard number % 10 == 0 else { continue }
            let target = wording.first { $0.0 == op }!.1(cents(goal).plain)
            let p = try project([("指标值: 74", "指标值: \(target)")])
            let r = try results(["发放人数": "实际完成值: \(cents(actual).plain)\n    分值: \(cents(weight).plain)\n    偏差原因: 测试"])
            let row = ProjectScorer.score(p, r).0.indicators.first { $0.indicator.name.value == "发放人数" }
            #expect(row?.score == expected, "case \(number) through the scorer: \(target), actual \(cents(actual).plain)")
        }
        #expect(halfway >= 2_500, "cases landing exactly on a half cent: \(halfway)")
    }

    /// 60 % of 16.67 is 10.002 and 80 % of 16.66 is 13.328: a limit rounded first would let
    /// 10.00 into 部分达成, keep 10 out of 未达成 and let 13.33 pass as a late score.
    @Test func bandLimitsAreComparedExactly() throws {
        func codes(_ name: String, _ lines: String) throws -> [DiagnosticCode] {
            ProjectScorer.score(try project(), try results([name: lines])).1.map(\.code)
        }
        #expect(try codes("宣传效果", "实际完成值: 差\n    达成情况: 未达成\n    分值: 16.67\n    得分: 10").isEmpty)
        #expect(try codes("宣传效果", "实际完成值: 一般\n    达成情况: 部分达成\n    分值: 16.67\n    得分: 10.00") == [.scoreOutOfBand])
        #expect(try codes("宣传效果", "实际完成值: 一般\n    达成情况: 部分达成\n    分值: 16.67\n    得分: 10.01").isEmpty)
        let late = "实际完成值: 2022年1月15日\n    偏差原因: 推迟\n    分值: 16.66\n    得分: "
        let (_, over) = ProjectScorer.score(try project(), try results(["项目完成时限": late + "13.33"]))
        #expect(over.map(\.headline) == ["r.yaml:14:9: 错误 JX607: 未按时完成的得分 13.33 超出范围 0–13.328（分值 16.66 的 80%）"])
        #expect(try codes("项目完成时限", late + "13.32").isEmpty)
    }
}
