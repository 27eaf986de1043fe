import Foundation

/// A score as a transcribed form printed it: a number, or nothing, the cell left blank
/// (`得分: ""`). Either way the page shows it; the computed score is what totals use.
public enum Printed: Sendable, Equatable {
    case blank
    case number(Decimal)

    public var number: Decimal? {
        if case .number(let value) = self { value } else { nil }
    }

    /// As the form shows it: the number as written, or nothing.
    public var text: String { number?.plain ?? "" }
}

/// A 预算执行率 as a transcribed form printed it (`预算执行率: 99%`): its percentage and how
/// many decimals it was printed to, which is the precision it is checked at; nil percent is
/// a cell printed blank (`预算执行率: ""`) or printed with a dash (`—`, `/`), kept in `mark`.
public struct PrintedRate: Sendable, Equatable {
    public let percent: Decimal?
    public let places: Int
    /// What a cell without a number shows: nothing, or the dash it was printed with.
    public let mark: String

    /// The dashes forms print in a cell that does not apply (the 其中 rows of many a form).
    static let dashes: Set<String> = ["—", "——", "－", "/", "／"]

    /// Reads `99%`, `99.10%`, `100 ％`, a dash; nil for anything else. A blank text is the blank cell.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty || Self.dashes.contains(trimmed) {
            (percent, places, mark) = (nil, 0, trimmed)
            return
        }
        mark = ""
        guard let last = trimmed.last, last == "%" || last == "％" else { return nil }
        let digits = trimmed.dropLast().trimmingSpaces()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Decimal(exactly: Substring(digits)) else { return nil }
        percent = value
        places = digits.firstIndex(of: ".").map { digits.distance(from: $0, to: digits.endIndex) - 1 } ?? 0
    }

    /// As the form shows it: `99%`, `99.10%` (the decimals as printed), a dash, or nothing.
    public var text: String { percent.map { $0.fixed(places) + "%" } ?? mark }
}
