import Foundation
import JixiaoDiagnostics

/// A value together with where it was written, so later checks can point at it.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let mark: SourceMark

    public init(_ value: Value, at mark: SourceMark) {
        self.value = value
        self.mark = mark
    }
}

extension Located: Equatable where Value: Equatable {}

/// One 项目绩效目标表.
public struct Project: Sendable {
    /// The data file it was read from, as diagnostics name it.
    public var path: String
    /// Position in the annual document; tables without one follow, by name.
    public var order: Int?
    public var code: String
    public var name: Located<String>
    public var purpose: String
    public var budget: Budget
    /// Cumulative share spent by the end of each quarter, as written (`25%`).
    public var plan: [Located<PlanShare>]
    public var goals: [String]
    public var indicators: [IndicatorGroup]
    public var year: Located<Int>?
}

public struct PlanShare: Sendable, Equatable {
    public let text: String
    /// The percentage, when `text` is one.
    public let percent: Decimal?
}

public struct Budget: Sendable {
    public var total: Located<Amount>
    /// The sources whose amount is filled in.
    public var sources: [FundingSource]
    public var breakdown: [BreakdownItem]
    /// Some source is still `待填写`: its share is unknown, so the sources cannot be summed.
    public var hasUnfilledSource: Bool
}

public struct FundingSource: Sendable {
    public let name: String
    public let amount: Located<Amount>
}

/// One line of the breakdown stated in 资金用途.
public struct BreakdownItem: Sendable {
    public let name: String
    public let amount: Located<Amount>?
    /// The formula as the text states it (`5000元/人 × 21人 + 3500元/人 × 43人`).
    public let formula: Located<String>?
    /// A unit rate stated without a full formula (`200元/党员`).
    public let rate: Located<String>?
}

/// A 一级 heading with its 二级 headings, in document order.
public struct IndicatorGroup: Sendable {
    public let name: Located<String>
    public let level1: IndicatorTaxonomy.Level1?
    public let subgroups: [IndicatorSubgroup]

    public var indicators: [Indicator] { subgroups.flatMap(\.indicators) }
}

public struct IndicatorSubgroup: Sendable {
    public let name: Located<String>
    public let indicators: [Indicator]
}

/// A 三级 indicator: one row of the goal table. A class: each scored row refers to its
/// indicator, and a copy of its six fields for every row of ten thousand projects was a sixth
/// of a large publish's memory.
public final class Indicator: Sendable {
    public let name: Located<String>
    public let description: String
    public let valueText: Located<String>
    public let value: IndicatorValue
    public let basis: String

    init(name: Located<String>, description: String, valueText: Located<String>, value: IndicatorValue, basis: String) {
        self.name = name
        self.description = description
        self.valueText = valueText
        self.value = value
        self.basis = basis
    }

    /// The unit a name states in brackets: `平均每亩地投入的清场费（元）` → `元`.
    public var unitInName: String? {
        let name = self.name.value
        // The last scalar, not `hasSuffix`: asked of every indicator by several checks, and
        // `hasSuffix` compares Chinese text canonically, a scalar at a time.
        let last = name.unicodeScalars.last
        for (open, close) in [("（", "）"), ("(", ")")] where last == close.unicodeScalars.first {
            guard let start = name.range(of: open, options: .backwards) else { continue }
            let unit = String(name[start.upperBound..<name.index(name.endIndex, offsetBy: -close.count)])
            return unit.isEmpty || unit.count > 4 ? nil : unit
        }
        return nil
    }

    /// The unit the target is measured in: its own, or the one its name states.
    public var targetUnit: String {
        if case .comparison(let comparison) = value, !comparison.unit.isEmpty { return comparison.unit }
        return unitInName ?? ""
    }
}
