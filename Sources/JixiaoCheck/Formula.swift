import Foundation
import JixiaoModel

/// A breakdown formula as the text states it: `10000元/人 × 3人 + 7000元/人 × 6人`,
/// `10 × 3 × 1000元`, `427.8万元 + 183万元 - 400万元`. Each product holds exactly one money
/// factor (`元`, `万元`, `元/人/月` …); the others are counts (`3人`, `12月`, `9村`, `10`).
/// Public for `jixiao review`, which compares the counts with the goal table's indicators.
public struct Formula: Sendable {
    public struct Factor: Sendable {
        public let number: Decimal
        /// The money unit when this factor is a price or an amount.
        public let money: MoneyUnit?
        public let text: String

        /// What a count counts, as written after its number (`3人` → `人`, `10` → ``); nil for money.
        public var countUnit: String? {
            guard money == nil else { return nil }
            return String(text.drop { $0.isASCII && ($0.isNumber || $0 == ".") }).trimmingSpaces()
        }
    }

    /// Products joined by + and −.
    public let terms: [(sign: Decimal, factors: [Factor])]

    public enum ParseError: Error {
        case badFactor(String)
        case noMoneyFactor(String)
        case severalMoneyFactors(String)
    }

    /// What a character between factors means. Every sign is one scalar, and a formula is read
    /// scalar by scalar: every breakdown item of every project has one.
    private enum Sign {
        case times, plus, minus

        init?(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "×", "*", "x", "X", "✕", "·": self = .times
            case "+", "＋": self = .plus
            case "-", "−", "－": self = .minus
            default: return nil
            }
        }
    }

    public init(parsing text: String) throws(ParseError) {
        var terms: [(Decimal, [Factor])] = []
        var sign: Decimal = 1
        var product: [Factor] = []
        let scalars = text.unicodeScalars
        var factorStart = scalars.startIndex

        func endFactor(at end: String.Index) throws(ParseError) {
            let trimmed = Substring(scalars[factorStart..<end]).trimmingSpaces()
            guard !trimmed.isEmpty else { throw .badFactor(text) }
            product.append(try Formula.factor(trimmed))
        }
        func endTerm(at end: String.Index) throws(ParseError) {
            try endFactor(at: end)
            let money = product.filter { $0.money != nil }
            if money.isEmpty { throw .noMoneyFactor(product.map(\.text).joined(separator: " × ")) }
            if money.count > 1 { throw .severalMoneyFactors(product.map(\.text).joined(separator: " × ")) }
            terms.append((sign, product))
            product = []
        }

        for index in scalars.indices {
            guard let found = Sign(scalars[index]) else { continue }
            if found == .times {
                try endFactor(at: index)
            } else {
                try endTerm(at: index)
                sign = found == .plus ? 1 : -1
            }
            factorStart = scalars.index(after: index)
        }
        try endTerm(at: scalars.endIndex)
        self.terms = terms
    }

    /// `10000元/人` → 10000, 元; `3人` → 3; `0.36元/年` → 0.36, 元; `12月` → 12.
    private static func factor(_ text: String) throws(ParseError) -> Factor {
        let bytes = text.utf8
        let numberEnd = bytes.firstIndex { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) && $0 != UInt8(ascii: ".") }
            ?? bytes.endIndex
        guard let number = Decimal(exactly: Substring(bytes[..<numberEnd])) else { throw .badFactor(text) }
        let unit = Substring(bytes[numberEnd...]).trimmingSpaces().utf8
        let money: MoneyUnit?
        if unit.starts(with: MoneyUnit.wanYuan.rawValue.utf8) {
            money = .wanYuan
        } else if unit.starts(with: MoneyUnit.yuan.rawValue.utf8) {
            money = .yuan
        } else {
            money = nil
        }
        return Factor(number: number, money: money, text: text)
    }

    /// The value in 元, each money factor read in its own unit.
    public var yuan: Decimal { value(moneyAs: nil) }

    /// The value in 元 when every money factor is read as `unit` instead of what it says —
    /// to tell "元 written where 万元 is meant" from a plain miscount.
    public func value(moneyAs unit: MoneyUnit?) -> Decimal {
        terms.reduce(Decimal(0)) { total, term in
            let product = term.factors.reduce(Decimal(1)) { result, factor in
                guard let money = factor.money else { return result * factor.number }
                return result * factor.number * (unit ?? money).yuanPerUnit
            }
            return total + term.sign * product
        }
    }

    /// The money unit the formula states, when all its money factors agree.
    var statedMoneyUnit: MoneyUnit? {
        let units = Set(terms.flatMap { $0.factors.compactMap(\.money) })
        return units.count == 1 ? units.first : nil
    }
}
