import Foundation

/// Money and rates are compared and summed exactly, in decimal: 0.1 + 0.2 must be 0.3.
/// Foundation's `Decimal` is a base-10 floating type with 38 digits, plenty for budgets.
extension Decimal {
    /// Reads `12`, `52.15`, `0.36`, `-400`; nil for anything else (no exponent, no grouping).
    public init?(exactly text: Substring) {
        var digits = 0
        var dots = 0
        for (offset, character) in text.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case ".": dots += 1
            case "-" where offset == 0, "+" where offset == 0: continue
            default: return nil
            }
        }
        guard digits > 0, dots <= 1, text.last != ".", text.first != "." else { return nil }
        guard let value = Decimal(string: String(text), locale: Decimal.posix) else { return nil }
        self = value
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

    /// Exactly `places` decimals, rounded half up: `9.65`, `100.00`, `85.00`.
    public func fixed(_ places: Int) -> String {
        let text = rounded(places: places).plain
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        guard places > 0 else { return String(parts[0]) }
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, places - fraction.count))
    }

    /// Plain notation without exponent or trailing zeros: `52.15`, `71`, `0.09`.
    public var plain: String {
        let text = NSDecimalNumber(decimal: self).stringValue
        return text
    }
}
