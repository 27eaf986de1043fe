/// The text of one data file as read from disk, kept so that diagnostics can quote the
/// offending line. Bytes are UTF-8 once the parser has checked them.
public struct SourceFile: Sendable {
    /// The path as the user should see it (relative to where they ran the command).
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The same file without its text, for what keeps a file's name long after it was read.
    public var withoutText: SourceFile { SourceFile(path: path, bytes: []) }

    /// The text of the 1-based line `number`, without its line break; nil past the end.
    public func lineText(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var line = 1
        var start = 0
        var index = 0
        while index < bytes.count, line < number {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                start = index + 1
            }
            index += 1
        }
        guard line == number else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if start == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        return String(decoding: bytes[min(start, end)..<end], as: UTF8.self)
    }
}

/// A 1-based line and column; the column counts characters (Unicode scalars), not bytes,
/// because that is what an editor shows a user of Chinese text.
public struct SourceMark: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceMark, b: SourceMark) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}
