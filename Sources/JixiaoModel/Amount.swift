import Foundation

/// The two money units of the forms. 1万元 = 10,000元.
public enum MoneyUnit: String, Sendable, Codable, CaseIterable {
    case yuan = "元"
    case wanYuan = "万元"

    public var yuanPerUnit: Decimal { self == .yuan ? 1 : 10_000 }
}

/// An amount of money as written (`71万元`, `25.55元`), kept with its own unit so that a
/// checker can tell `25.55元` from `25.55万元` and name the slip. Arithmetic uses `value`
/// alone; `written` keeps how the form printed it, for display only.
public struct Amount: Sendable, Equatable, Codable, CustomStringConvertible {
    public let value: Decimal
    public let unit: MoneyUnit
    /// How the data file wrote it; nil for an amount Jixiao computed or converted.
    public let written: Written?

    /// An amount as printed: `250000.00` keeps its decimals and `215,457.6` its thousands
    /// commas, which the value forgets.
    public struct Written: Sendable, Equatable, Codable {
        /// The number as printed (`250000.00`, `215,457.6`).
        public let number: String
        /// Whether a unit followed it: a bare `0` has none, and is nothing in any unit.
        public let hasUnit: Bool
    }

    public init(_ value: Decimal, _ unit: MoneyUnit, written: Written? = nil) {
        self.value = value
        self.unit = unit
        self.written = written
    }

    /// Equal amounts are the same sum in the same unit, however printed.
    public static func == (lhs: Amount, rhs: Amount) -> Bool {
        lhs.value == rhs.value && lhs.unit == rhs.unit
    }

    /// Reads `71万元`, `0.7万元`, `25.55元`, `200元`, `215,457.6元` (thousands commas in groups of
    /// three); as real tables also write them, `150万` (150万元) and a bare `0` or `0.00`, which
    /// is nothing in any unit. nil when the text is not an amount.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces()
        for (suffix, unit) in [("万元", MoneyUnit.wanYuan), ("元", .yuan), ("万", .wanYuan)] where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count).trimmingSpaces()
            guard let value = Self.number(Substring(number)) else { return nil }
            self.init(value, unit, written: Written(number: String(number), hasUnit: true))
            return
        }
        if let zero = Decimal(exactly: Substring(trimmed)), zero == 0 {
            self.init(0, .wanYuan, written: Written(number: trimmed, hasUnit: false))
            return
        }
        return nil
    }

    /// A number as amounts are printed: `215457.6`, or with a comma between groups of three
    /// digits before the point, `215,457.6`. nil for anything else (`21,5457.6`, `1.234,5`).
    static func number(_ text: Substring) -> Decimal? {
        guard text.contains(",") else { return Decimal(exactly: text) }
        let integer = text.prefix { $0 != "." }
        guard !text.dropFirst(integer.count).contains(",") else { return nil }
        let groups = integer.drop { $0 == "-" || $0 == "+" }.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return Decimal(exactly: Substring(text.filter { $0 != "," }))
    }

    public var inYuan: Decimal { number(in: .yuan) }
    public var inWanYuan: Decimal { number(in: .wanYuan) }

    public func converted(to target: MoneyUnit) -> Amount {
        Amount(number(in: target), target)
    }

    /// The value in `target`: between 元 and 万元 the decimal point moves four places, which
    /// is exact and far cheaper than multiplying or dividing a `Decimal` (every check, score
    /// and page converts amounts).
    private func number(in target: MoneyUnit) -> Decimal {
        switch (unit, target) {
        case (.yuan, .yuan), (.wanYuan, .wanYuan): return value
        case (.wanYuan, .yuan): return Decimal(sign: value.sign, exponent: value.exponent + 4, significand: value.significand)
        case (.yuan, .wanYuan): return Decimal(sign: value.sign, exponent: value.exponent - 4, significand: value.significand)
        }
    }

    /// `71万元`, `25.55元`.
    public var description: String { value.plain + unit.rawValue }
}

/// How a table prints a set of amounts, such as a 自评表's 项目资金: as the data file wrote
/// them (`250000.00`, `215,457.6`) when every amount written with a unit has the same one,
/// which the heading then names (`项目资金（元）`); written in both units, each converted to
/// 万元, the unit the forms print. A bare `0` has no unit and does not decide.
public struct AmountPrinting: Sendable {
    /// The unit of the printed numbers, for the heading.
    public let unit: MoneyUnit
    private let asWritten: Bool

    public init(_ amounts: [Amount]) {
        let units = Set(amounts.compactMap { $0.written?.hasUnit == true ? $0.unit : nil })
        if units.count == 1, let unit = units.first {
            (self.unit, asWritten) = (unit, true)
        } else {
            (self.unit, asWritten) = (.wanYuan, false)
        }
    }

    /// The number printed for `amount`, in `unit`.
    public func text(_ amount: Amount) -> String {
        if asWritten, let written = amount.written { return written.number }
        return amount.converted(to: unit).value.plain
    }
}
