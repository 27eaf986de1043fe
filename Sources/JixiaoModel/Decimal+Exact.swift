import Foundation

/// Money and rates are compared and summed exactly, in decimal: 0.1 + 0.2 must be 0.3.
/// Foundation's `Decimal` is a base-10 floating type with 38 digits, plenty for budgets.
extension Decimal {
    /// Reads `12`, `52.15`, `0.36`, `-400`; nil for anything else (no exponent, no grouping).
    /// Built from its digits: Foundation's `Decimal(string:)` made a tenth of reading a data set.
    public init?(exactly text: Substring) {
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var dots = 0
        var isNegative = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                fractionDigits += dots
                significand = significand &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "-") where offset == 0: isNegative = true
            case UInt8(ascii: "+") where offset == 0: continue
            default: return nil
            }
        }
        guard digits > 0, dots <= 1, text.last != ".", text.first != "." else { return nil }
        // Zero keeps its written scale and 19 digits could overflow: both as Foundation reads them.
        guard significand != 0, digits <= 18 else {
            guard let value = Decimal(string: String(text), locale: Decimal.posix) else { return nil }
            self = value
            return
        }
        self = Decimal(sign: isNegative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
    }

    /// Made once: creating a Locale for every number read was a tenth of reading a data set.
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Rounded to `places` decimals, half away from zero (四舍五入), never banker's rounding.
    public func rounded(places: Int) -> Decimal {
        var input = self
        var output = Decimal()
        NSDecimalRound(&output, &input, places, .plain)
        return output
    }

    /// `numerator ÷ denominator` rounded to `places` decimals, half away from zero, decided on
    /// the exact quotient: in integers when the numbers allow, as every amount, weight and
    /// rate of a form does, otherwise in decimals.
    public static func quotient(_ numerator: Decimal, _ denominator: Decimal, places: Int) -> Decimal {
        precondition(denominator != 0, "division by zero")
        return integerQuotient(numerator, denominator, places: places) ?? decimalQuotient(numerator, denominator, places: places)
    }

    /// A quotient that does not terminate (11 ÷ 12) is cut at 38 digits, and a value exactly
    /// halfway (11 × 7.38 ÷ 12 = 6.765) could then round the wrong way had it been computed
    /// as a quotient first and multiplied after. The candidate from the cut quotient is
    /// confirmed, or moved one step, by multiplying back, which is exact.
    static func decimalQuotient(_ numerator: Decimal, _ denominator: Decimal, places: Int) -> Decimal {
        let negative = (numerator < 0) != (denominator < 0)
        let n = abs(numerator), d = abs(denominator)
        let step = Decimal(sign: .plus, exponent: -places, significand: 1)
        let half = Decimal(sign: .plus, exponent: -places - 1, significand: 5)  // step ÷ 2, without a division
        var rounded = (n / d).rounded(places: places)
        // Half away from zero: the result r is right when (r − half) · d ≤ n < (r + half) · d.
        while rounded > 0, (rounded - half) * d > n { rounded -= step }
        while (rounded + half) * d <= n { rounded += step }
        return negative ? -rounded : rounded
    }

    /// n ÷ d × 10^places = a × 10^k ÷ b for significands a, b below 2^62, rounded half up by
    /// adding half the divisor: exact, and ten times faster than Foundation's division and the
    /// products that confirm it, which made a sixth of scoring a project. nil for longer numbers.
    static func integerQuotient(_ numerator: Decimal, _ denominator: Decimal, places: Int) -> Decimal? {
        guard let (a, aExponent) = numerator.integerParts, let (b, bExponent) = denominator.integerParts, b != 0 else { return nil }
        let k = aExponent - bExponent + places
        guard abs(k) <= 18 else { return nil }
        let scale = (0..<abs(k)).reduce(UInt128(1)) { power, _ in power * 10 }
        let (top, bottom) = k >= 0 ? (UInt128(a) * scale, UInt128(b)) : (UInt128(a), UInt128(b) * scale)
        guard let digits = UInt64(exactly: (2 * top + bottom) / (2 * bottom)) else { return nil }
        guard digits != 0 else { return 0 }
        let negative = (numerator < 0) != (denominator < 0)
        return Decimal(sign: negative ? .minus : .plus, exponent: -places, significand: Decimal(digits))
    }

    /// The significand as an integer and the exponent, when the significand is below 2^62.
    private var integerParts: (UInt64, Int)? {
        guard !isNaN, significand < Decimal.integerLimit else { return nil }
        return ((significand as NSDecimalNumber).uint64Value, exponent)
    }

    /// Exactly `places` decimals, rounded half up: `9.65`, `100.00`, `85.00`.
    public func fixed(_ places: Int) -> String {
        let text = rounded(places: places).plain
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        guard places > 0 else { return String(parts[0]) }
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, places - fraction.count))
    }

    /// Plain notation without exponent: `52.15`, `71`, `0.09`. Exactly what Decimal's own
    /// `description` and `NSDecimalNumber.stringValue` print; the digits of the significand
    /// are printed as an integer and the point placed, since `description` builds its text a
    /// character at a time (a twentieth of a publish). Zero and very long numbers are left to it.
    public var plain: String {
        guard !isNaN, !isZero, significand < Decimal.integerLimit else { return description }
        let digits = String((significand as NSDecimalNumber).uint64Value)
        let sign = self < 0 ? "-" : ""
        guard exponent < 0 else { return sign + digits + String(repeating: "0", count: exponent) }
        let point = digits.utf8.count + exponent
        guard point > 0 else { return sign + "0." + String(repeating: "0", count: -point) + digits }
        let split = digits.utf8.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// Significands below this are exact as a `UInt64`.
    private static let integerLimit = Decimal(UInt64(1) << 62)
}
