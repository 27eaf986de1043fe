import Foundation

/// The two money units of the forms. 1万元 = 10,000元.
public enum MoneyUnit: String, Sendable, Codable, CaseIterable {
    case yuan = "元"
    case wanYuan = "万元"

    public var yuanPerUnit: Decimal { self == .yuan ? 1 : 10_000 }
}

/// An amount of money as written (`71万元`, `25.55元`), kept with its own unit so that a
/// checker can tell `25.55元` from `25.55万元` and name the slip.
public struct Amount: Sendable, Equatable, Codable, CustomStringConvertible {
    public let value: Decimal
    public let unit: MoneyUnit

    public init(_ value: Decimal, _ unit: MoneyUnit) {
        self.value = value
        self.unit = unit
    }

    /// Reads `71万元`, `0.7万元`, `25.55元`, `200元`; as real tables also write them, `150万`
    /// (150万元) and a bare `0` or `0.00`, which is nothing in any unit. nil when the text is not
    /// an amount.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces()
        for (suffix, unit) in [("万元", MoneyUnit.wanYuan), ("元", .yuan), ("万", .wanYuan)] where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count).trimmingSpaces()
            guard let value = Decimal(exactly: Substring(number)) else { return nil }
            self.init(value, unit)
            return
        }
        if let zero = Decimal(exactly: Substring(trimmed)), zero == 0 {
            self.init(0, .wanYuan)
            return
        }
        return nil
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
