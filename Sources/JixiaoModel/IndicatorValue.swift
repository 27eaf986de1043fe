import Foundation

/// A comparison operator as the statutory reading of the words defines it (民法典 第一千二百五十九条:
/// 以上、以下、以内 include the stated number; 不满、超过 exclude it).
public enum ComparisonOperator: String, Sendable, Codable, CaseIterable {
    case atLeast = "≥"
    case atMost = "≤"
    case greater = ">"
    case less = "<"
    case equal = "="

    /// Whether `actual` satisfies `actual OP target`.
    public func holds(_ actual: Decimal, _ target: Decimal) -> Bool {
        switch self {
        case .atLeast: return actual >= target
        case .atMost: return actual <= target
        case .greater: return actual > target
        case .less: return actual < target
        case .equal: return actual == target
        }
    }

    /// A target to reach (≥, >, and a bare number read as a target) rather than a ceiling.
    public var isPositive: Bool { self == .atLeast || self == .greater || self == .equal }
}

/// `85%以上`, `低于1人次`, `3500`, `200元`: operator, number and unit.
public struct Comparison: Sendable, Equatable, Codable {
    public let op: ComparisonOperator
    public let number: Decimal
    /// `%`, `元`, `万元`, `人次`, `个工作日`, `分`… or empty when the number stands alone.
    public let unit: String

    public init(_ op: ComparisonOperator, _ number: Decimal, unit: String) {
        self.op = op
        self.number = number
        self.unit = unit
    }

    public var isPercentage: Bool { unit == "%" }
    public var moneyUnit: MoneyUnit? { MoneyUnit(rawValue: unit) }
}

/// `2021年12月底前`: met when done on or before the last day it allows.
public struct Deadline: Sendable, Equatable, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var isoDate: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }
}

/// An indicator's target (指标值) or a grading condition: a comparison, a deadline, or text.
public enum IndicatorValue: Sendable, Equatable {
    case comparison(Comparison)
    case deadline(Deadline)
    case qualitative(String)

    public var kind: String {
        switch self {
        case .comparison: return "comparison"
        case .deadline: return "deadline"
        case .qualitative: return "qualitative"
        }
    }

    public init(parsing raw: String) {
        let text = raw.trimmingSpaces()
        if let deadline = IndicatorValue.deadline(text) {
            self = .deadline(deadline)
        } else if let comparison = IndicatorValue.comparison(text) {
            self = .comparison(comparison)
        } else if text.unicodeScalars.contains(where: { $0 == " " || $0 == "\u{3000}" }),
                  let comparison = IndicatorValue.comparison(String(text.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" })) {
            // `= 100 %`: operator, number and unit written apart, as a table with separate cells
            // reads when copied.
            self = .comparison(comparison)
        } else {
            self = .qualitative(text)
        }
    }

    // Longest words first so that 不低于 is not read as 低于.
    static let prefixWords: [(String, ComparisonOperator)] = [
        ("不低于", .atLeast), ("不少于", .atLeast), ("不小于", .atLeast),
        ("不高于", .atMost), ("不超过", .atMost), ("不多于", .atMost), ("不大于", .atMost),
        ("高于", .greater), ("大于", .greater), ("超过", .greater), ("多于", .greater),
        ("低于", .less), ("小于", .less), ("不满", .less), ("少于", .less),
        (">=", .atLeast), ("<=", .atMost), ("≥", .atLeast), ("≤", .atMost),
        (">", .greater), ("<", .less), ("=", .equal),
        ("超", .greater),
    ]
    static let suffixWords: [(String, ComparisonOperator)] = [
        ("及以上", .atLeast), ("以上", .atLeast),
        ("及以下", .atMost), ("以下", .atMost), ("以内", .atMost), ("之内", .atMost), ("内", .atMost),
    ]

    private static let prefixStarts = Set(prefixWords.map { $0.0.utf8.first! })
    private static let suffixEnds = Set(suffixWords.map { $0.0.utf8.last! })

    // Matched on UTF-8 bytes, not characters: every target and every actual is read this
    // way, and character-by-character matching was a fifth of reading a data set.
    private static func comparison(_ text: String) -> Comparison? {
        var rest = Substring(text).utf8[...]
        var op: ComparisonOperator?
        // Most values begin with a digit and end in a unit: their first and last bytes rule
        // out every word before any is compared.
        if let first = rest.first, prefixStarts.contains(first),
           let (word, found) = prefixWords.first(where: { rest.starts(with: $0.0.utf8) }) {
            op = found
            rest = rest.dropFirst(word.utf8.count)
        }
        if let last = rest.last, suffixEnds.contains(last),
           let (word, found) = suffixWords.first(where: { rest.reversed().starts(with: $0.0.utf8.reversed()) }) {
            guard op == nil else { return nil }
            op = found
            rest = rest.dropLast(word.utf8.count)
        }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let numberEnd = rest.firstIndex { !isDigit($0) && $0 != UInt8(ascii: ".") } ?? rest.endIndex
        guard numberEnd > rest.startIndex, let number = Decimal(exactly: Substring(rest[..<numberEnd])),
              let unit = String(rest[numberEnd...]) else { return nil }
        guard unit.count <= 6, !unit.utf8.contains(where: isDigit),
              unit.allSatisfy({ !$0.isPunctuation || $0 == "%" }) else { return nil }
        return Comparison(op ?? .equal, number, unit: MeasureUnits.normalized(unit))
    }

    private static let deadlineEndings: Set<String> = ["", "底前", "末前", "底", "末", "前", "之前", "以前", "底之前", "底以前",
                                                       "完成", "前完成", "底前完成", "底完成"]

    /// `2021年12月底前`, `2021年12月31日前`, `2021年底前`, `2025年年底前`, `2021年6月30日之前`.
    private static func deadline(_ text: String) -> Deadline? {
        // Most values are not dates, which their first bytes tell: digits, then 年.
        let year = text.utf8.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard !year.isEmpty, text.utf8[year.endIndex...].starts(with: "年".utf8) else { return nil }
        var scanner = Substring(text)
        func number(before marker: Character) -> Int? {
            guard let end = scanner.firstIndex(of: marker),
                  let value = Int(scanner[..<end]), scanner[..<end].allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
            scanner = scanner[scanner.index(after: end)...]
            return value
        }
        guard let year = number(before: "年"), (1900...2999).contains(year) else { return nil }
        var month = 12
        var day: Int?
        // `2025年年底前`: the year said again before its end, as real tables write it.
        if let next = scanner.first, next == "年", deadlineEndings.contains(String(scanner.dropFirst())), !scanner.dropFirst().isEmpty {
            scanner = scanner.dropFirst()
        }
        if let value = number(before: "月") {
            guard (1...12).contains(value) else { return nil }
            month = value
            if let value = number(before: "日") { day = value }
        }
        guard deadlineEndings.contains(String(scanner)) else { return nil }
        let last = Deadline.lastDay(year: year, month: month)
        guard let resolvedDay = day ?? Optional(last), (1...last).contains(resolvedDay) else { return nil }
        return Deadline(year: year, month: month, day: resolvedDay)
    }
}

extension Deadline {
    static func lastDay(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A grading condition of a departmental measure: a value, or 否则 (whenever 优秀 fails).
public enum GradeCondition: Sendable, Equatable {
    case value(IndicatorValue)
    case otherwise

    public init(parsing text: String) {
        let trimmed = text.trimmingSpaces()
        self = ["否则", "否则为差"].contains(trimmed) ? .otherwise : .value(IndicatorValue(parsing: trimmed))
    }
}
