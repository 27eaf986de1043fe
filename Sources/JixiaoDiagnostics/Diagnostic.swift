/// One finding about the data, printed like a compiler message:
///
///     data/2021/项目/X.yaml:14:9: 错误 JX301: 明细合计 43.21万元 与预算合计 43.3万元 不符（差 0.09万元）
///       14 |     合计: 43.3万元
///          |         ^
///       提示：…
public struct Diagnostic: Error, Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        /// The word printed before the code.
        public var label: String { self == .error ? "错误" : "警告" }

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public let code: DiagnosticCode
    public let severity: Severity
    public let path: String
    public let mark: SourceMark?
    public let message: String
    public let hint: String?

    public init(_ code: DiagnosticCode, _ severity: Severity = .error, path: String, at mark: SourceMark?,
                _ message: String, hint: String? = nil) {
        self.code = code
        self.severity = severity
        self.path = path
        self.mark = mark
        self.message = message
        self.hint = hint
    }

    /// `path:line:col: 错误 JXnnn: message` — the first line of the printed form.
    public var headline: String {
        let place = mark.map { "\(path):\($0.line):\($0.column)" } ?? path
        return "\(place): \(severity.label) \(code.rawValue): \(message)"
    }

    /// The headline, then the source line with a caret under the column, then the hint.
    public func formatted(source: SourceFile?) -> String {
        var out = headline
        if let mark, let text = source?.lineText(mark.line) {
            let number = String(mark.line)
            let gutter = String(repeating: " ", count: number.count)
            let prefix = text.unicodeScalars.prefix(max(0, mark.column - 1))
            let caretIndent = prefix.reduce(0) { $0 + ($1 == "\t" ? 1 : DisplayWidth.of($1)) }
            out += "\n  \(number) | \(text)"
            out += "\n  \(gutter) | \(String(repeating: " ", count: caretIndent))^"
        }
        if let hint { out += "\n  提示：\(hint)" }
        return out
    }
}

/// Terminal cell widths: CJK and full-width characters take two columns, so a caret under
/// Chinese text must be shifted by twice their count.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x20000...0x3FFFD:
            return 2
        case 0x0300...0x036F, 0x200B...0x200F:
            return 0
        default:
            return 1
        }
    }

    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }
}

/// Collects the findings about one file, in the order they are made.
public final class DiagnosticCollector {
    public let path: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(path: String) { self.path = path }

    public func callAsFunction(_ code: DiagnosticCode, _ severity: Diagnostic.Severity = .error, at mark: SourceMark?,
                               _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(code, severity, path: path, at: mark, message, hint: hint))
    }
}
