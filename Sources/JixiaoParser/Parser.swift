import Foundation
import JixiaoDiagnostics

/// The YAML subset of our data files, read by hand from UTF-8 bytes.
///
/// Accepted: block mappings and sequences, plain and quoted scalars on one line, literal
/// `|` and folded `>` block scalars, `#` comments, one-line flow sequences of scalars.
/// Everything else YAML allows is rejected with a diagnostic that names the construct,
/// so a file is never read differently from how a standard YAML loader would read it.
public enum YAMLSubset {
    /// Parses a whole file. Returns nil for a document holding nothing but comments.
    public static func parse(_ source: SourceFile, limits: ParserLimits = .standard) throws(Diagnostic) -> Node? {
        do {
            let lines = try LineScanner.scan(source.bytes, limits: limits)
            // On buffers, without bounds checks or reference counting: every byte of every
            // file is looked at here, most of them more than once, and every line several times.
            return try source.bytes.withUnsafeBufferPointer { (bytes) throws(ParseFailure) -> Node? in
                try lines.withUnsafeBufferPointer { (lines) throws(ParseFailure) -> Node? in
                    var parser = Parser(bytes: bytes, lines: lines, limits: limits)
                    return try parser.parseDocument()
                }
            }
        } catch let failure {
            throw failure.diagnostic(path: source.path)
        }
    }
}

/// Ceilings that keep hostile input from exhausting the stack or memory.
public struct ParserLimits: Sendable {
    public var maxFileBytes: Int
    public var maxLineBytes: Int
    public var maxDepth: Int
    public var maxNodes: Int

    public static let standard = ParserLimits(
        maxFileBytes: 32 << 20, maxLineBytes: 4 << 20, maxDepth: 64, maxNodes: 1_000_000)
}

/// A parse failure before the file path is attached.
struct ParseFailure: Error {
    let code: DiagnosticCode
    let mark: SourceMark?
    let message: String
    let hint: String?

    init(_ code: DiagnosticCode, _ mark: SourceMark?, _ message: String, hint: String? = nil) {
        self.code = code
        self.mark = mark
        self.message = message
        self.hint = hint
    }

    func diagnostic(path: String) -> Diagnostic {
        Diagnostic(code, path: path, at: mark, message, hint: hint)
    }
}

/// One physical line: byte range without the line break, and its leading spaces.
struct Line {
    let number: Int          // 1-based
    let start: Int
    let end: Int
    let indent: Int
    let hasBreak: Bool
    /// Only spaces, or spaces and a comment: skipped between nodes.
    let isBlank: Bool
    /// The first `:` followed by a space, a tab or the line's end: where a key would end.
    let separator: Separator?
    /// No `#`, no tab and at most one separator: the line's key and plain value end where
    /// its facts say, without a look at each byte.
    let isSimple: Bool
}

/// Where a line's first `: ` is, and the column it stands in.
struct Separator {
    let at: Int
    let column: Int
}

extension Line {
    /// The separator if it stands at or after `position`: on a simple line, the only place a
    /// key or a plain scalar starting there can end before the line does.
    func separator(from position: Int) -> Int? {
        separator.flatMap { $0.at >= position ? $0.at : nil }
    }
}

private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
private let hash = UInt8(ascii: "#")
private let colon = UInt8(ascii: ":")
private let dash = UInt8(ascii: "-")

struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let lines: UnsafeBufferPointer<Line>
    let limits: ParserLimits
    private var nodeCount = 0
    private var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, lines: UnsafeBufferPointer<Line>, limits: ParserLimits) {
        self.bytes = bytes
        self.lines = lines
        self.limits = limits
    }

    // MARK: - Document

    mutating func parseDocument() throws(ParseFailure) -> Node? {
        var index = try nextContentLine(from: 0)
        if let first = index, bytes[lines[first].start] == UInt8(ascii: "%") {
            throw ParseFailure(.unsupportedSyntax, mark(first, lines[first].start),
                               "不支持 YAML 指令（以 % 开头的行）", hint: "删除这一行")
        }
        if let first = index, isMarker(first, "---") {
            try requireMarkerAlone(first)
            index = try nextContentLine(from: first + 1)
        }
        guard let start = index else { return nil }
        if let marker = lines[(start + 1)...].firstIndex(where: { isMarker($0.number - 1, "---") || isMarker($0.number - 1, "...") }) {
            throw ParseFailure(.unsupportedSyntax, mark(marker, lines[marker].start),
                               "一个文件只能包含一个文档（不支持 --- 或 ... 分隔的多个文档）",
                               hint: "每个项目写成一个单独的文件")
        }
        let (node, next) = try parseBlock(start, lines[start].start + lines[start].indent, parentIndent: -1)
        if let rest = try nextContentLine(from: next) {
            let line = lines[rest]
            if isMarker(rest, "---") || isMarker(rest, "...") {
                throw ParseFailure(.unsupportedSyntax, mark(rest, line.start),
                                   "一个文件只能包含一个文档（不支持 --- 或 ... 分隔的多个文档）",
                                   hint: "每个项目写成一个单独的文件")
            }
            throw ParseFailure(.unexpectedIndent, mark(rest, line.start + line.indent),
                               "这一行的缩进与上文不一致", hint: "同一层的键必须左对齐；子项要比上一层多缩进")
        }
        return node
    }

    /// Whether line `index` is a document marker: `---` or `...` alone or before a space.
    private func isMarker(_ index: Int, _ marker: StaticString) -> Bool {
        let line = lines[index]
        guard line.indent == 0, line.end - line.start >= 3,
              bytes[line.start..<line.start + 3].elementsEqual(UnsafeBufferPointer(start: marker.utf8Start, count: 3))
        else { return false }
        return line.end == line.start + 3 || bytes[line.start + 3] == space
    }

    private func requireMarkerAlone(_ index: Int) throws(ParseFailure) {
        let line = lines[index]
        var position = line.start + 3
        while position < line.end, bytes[position] == space { position += 1 }
        if position < line.end, bytes[position] != hash {
            throw ParseFailure(.unsupportedSyntax, mark(index, position),
                               "--- 之后不能在同一行写内容", hint: "把内容移到下一行")
        }
    }

    // MARK: - Blocks

    /// Parses the node whose first character is at byte `position` of line `index`.
    /// Returns the node and the index of the first line after it.
    private mutating func parseBlock(_ index: Int, _ position: Int, parentIndent: Int) throws(ParseFailure) -> (Node, Int) {
        depth += 1
        defer { depth -= 1 }
        if depth > limits.maxDepth {
            throw ParseFailure(.limitExceeded, mark(index, position),
                               "嵌套层数超过上限 \(limits.maxDepth) 层", hint: "检查缩进是否逐行递增")
        }
        let line = lines[index]
        let column = position - line.start
        if isSequenceEntry(at: position, in: line) {
            return try parseSequence(index, column: column)
        }
        if let colonAt = keyEnd(at: position, in: line) {
            return try parseMapping(index, column: column, colonAt: colonAt)
        }
        let node = try parseInlineValue(index, position, parentIndent: parentIndent)
        return node
    }

    private func isSequenceEntry(at position: Int, in line: Line) -> Bool {
        bytes[position] == dash && (position + 1 == line.end || bytes[position + 1] == space || bytes[position + 1] == tab)
    }

    /// A block mapping whose keys stand at `column`; the first one's ends at `colonAt`.
    private mutating func parseMapping(_ first: Int, column: Int, colonAt firstColon: Int) throws(ParseFailure) -> (Node, Int) {
        // Room for the few keys most mappings hold: grown from empty, the array was copied
        // three or four times (a tenth of the parse).
        var entries: [MappingEntry] = []
        entries.reserveCapacity(8)
        var seen = KeySet()
        var index = first
        var position = lines[first].start + column
        let mappingMark = mark(first, position)
        while true {
            let line = lines[index]
            guard let colonAt = index == first ? firstColon : keyEnd(at: position, in: line) else {
                try checkPlainStart(index, position, flow: false)
                throw missingColon(index, position)
            }
            let keyMark = mark(index, position)
            let (key, stamp) = try keyText(from: position, to: colonAt, line: index)
            if key.isEmpty {
                throw ParseFailure(.missingColon, keyMark, "冒号前缺少键名")
            }
            if let previous = seen.insert(key, stamp, at: keyMark, after: entries) {
                throw ParseFailure(.duplicateKey, keyMark, "键“\(key)”重复出现（第一次在第 \(previous.line) 行）",
                                   hint: "同一层中每个键只能写一次；删除或合并其中一个")
            }
            let (value, next) = try parseValue(index, colonAt + 1, mappingIndent: column)
            try count()
            entries.append(MappingEntry(key: key, keyMark: keyMark, value: value, stamp: stamp))

            guard let following = try nextContentLine(from: next) else {
                return (Node(.mapping(entries), at: mappingMark), lines.count)
            }
            let nextLine = lines[following]
            if nextLine.indent < column { return (Node(.mapping(entries), at: mappingMark), following) }
            let nextPosition = nextLine.start + nextLine.indent
            // The key as the entry holds it: naming `key` here would keep a second copy alive.
            var lastKey: String { entries[entries.count - 1].key }
            if nextLine.indent > column {
                throw ParseFailure(.unexpectedIndent, mark(following, nextPosition),
                                   "这一行的缩进比上面的键“\(lastKey)”更深，但“\(lastKey)”已经有值了",
                                   hint: "同一层的键必须左对齐；长文本不能直接换行续写，请写在一行里，或改用 | 或 > 块文本")
            }
            if isSequenceEntry(at: nextPosition, in: nextLine) {
                throw ParseFailure(.misplacedListItem, mark(following, nextPosition),
                                   "列表项“- ”与键对齐，但前面的键“\(lastKey)”已经有值了",
                                   hint: "列表项应写在它所属的键下面，并且比其他键多缩进两个空格")
            }
            index = following
            position = nextPosition
        }
    }

    /// A block sequence whose dashes stand at `column`; `flush` when it is written at the
    /// same indentation as the key it belongs to (a key there then ends it).
    private mutating func parseSequence(_ first: Int, column: Int, flush: Bool = false) throws(ParseFailure) -> (Node, Int) {
        var items: [Node] = []
        items.reserveCapacity(4)  // most lists are short: grown from empty, the array is copied twice or more
        var index = first
        let sequenceMark = mark(first, lines[first].start + column)
        while true {
            let line = lines[index]
            let dashAt = line.start + column
            var contentAt = dashAt + 1
            while contentAt < line.end, bytes[contentAt] == space { contentAt += 1 }
            if contentAt < line.end, bytes[contentAt] == tab {
                throw tabFailure(index, contentAt)
            }
            let item: Node
            let next: Int
            if contentAt >= line.end || bytes[contentAt] == hash {
                (item, next) = try parseNestedOrEmpty(after: index, parentIndent: column, emptyMark: mark(index, dashAt))
            } else {
                (item, next) = try parseBlock(index, contentAt, parentIndent: column)
            }
            try count()
            items.append(item)

            guard let following = try nextContentLine(from: next) else {
                return (Node(.sequence(items), at: sequenceMark), lines.count)
            }
            let nextLine = lines[following]
            let nextPosition = nextLine.start + nextLine.indent
            if nextLine.indent < column { return (Node(.sequence(items), at: sequenceMark), following) }
            if nextLine.indent > column {
                throw ParseFailure(.unexpectedIndent, mark(following, nextPosition),
                                   "这一行的缩进比上面的列表项更深，但它不属于任何键",
                                   hint: "同一列表的各项必须左对齐；长文本请写在一行里，或改用 | 或 > 块文本")
            }
            if !isSequenceEntry(at: nextPosition, in: nextLine) {
                // A key at the list's own indentation ends a list written flush under its key.
                if flush { return (Node(.sequence(items), at: sequenceMark), following) }
                throw ParseFailure(.misplacedListItem, mark(following, nextPosition),
                                   "这一行与上面的列表项对齐，但没有以“- ”开头",
                                   hint: "如果它属于上一个列表项，请再多缩进两个空格；如果是新的列表项，请以“- ”开头")
            }
            index = following
        }
    }

    /// The value after `key:` starting at byte `position` of line `index`.
    @inline(__always)
    private mutating func parseValue(_ index: Int, _ position: Int, mappingIndent: Int) throws(ParseFailure) -> (Node, Int) {
        let line = lines[index]
        var at = position
        while at < line.end, bytes[at] == space { at += 1 }
        if at < line.end, bytes[at] == tab { throw tabFailure(index, at) }
        if at >= line.end || bytes[at] == hash {
            return try parseNestedOrEmpty(after: index, parentIndent: mappingIndent, emptyMark: mark(index, at),
                                          allowFlushSequence: true)
        }
        if isSequenceEntry(at: at, in: line) {
            throw ParseFailure(.misplacedListItem, mark(index, at), "列表项“- ”不能写在键的同一行",
                               hint: "换行，并比键多缩进两个空格再写“- ”")
        }
        return try parseInlineValue(index, at, parentIndent: mappingIndent)
    }

    /// The node on the lines after `index`, deeper than `parentIndent` — or, under a key, a
    /// list written flush with the key. With neither, the value is empty text.
    private mutating func parseNestedOrEmpty(after index: Int, parentIndent: Int, emptyMark: SourceMark,
                                             allowFlushSequence: Bool = false) throws(ParseFailure) -> (Node, Int) {
        guard let following = try nextContentLine(from: index + 1) else {
            return (Node(.scalar(""), at: emptyMark), lines.count)
        }
        let line = lines[following]
        let position = line.start + line.indent
        if line.indent > parentIndent {
            return try parseBlock(following, position, parentIndent: parentIndent)
        }
        if allowFlushSequence, line.indent == parentIndent, isSequenceEntry(at: position, in: line) {
            return try parseSequence(following, column: line.indent, flush: true)
        }
        return (Node(.scalar(""), at: emptyMark), following)
    }

    /// A scalar, block scalar or flow sequence starting on this line.
    private mutating func parseInlineValue(_ index: Int, _ position: Int, parentIndent: Int) throws(ParseFailure) -> (Node, Int) {
        let line = lines[index]
        let here = mark(index, position)
        switch bytes[position] {
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return try parseBlockScalar(index, position, parentIndent: parentIndent)
        case UInt8(ascii: "["):
            let node = try parseFlowSequence(index, position)
            return (node, index + 1)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let (text, end) = try quotedScalar(index, position)
            try expectLineEnd(index, end, after: "引号内的文本")
            return (Node(.scalar(text), at: here), index + 1)
        default:
            try checkPlainStart(index, position, flow: false)
            let end = try plainScalarEnd(index, position, flow: false)
            let text = text(position..<end)
            if line.end > end {
                var rest = end
                while rest < line.end, bytes[rest] == space { rest += 1 }
                if rest < line.end, bytes[rest] != hash { throw needsQuoting(index, position, text: text) }
            }
            return (Node(.scalar(text), at: here), index + 1)
        }
    }

    // MARK: - Keys

    /// The byte index of the `:` that ends a key starting at `position`, or nil when the line
    /// holds no key there.
    @inline(__always)
    private func keyEnd(at position: Int, in line: Line) -> Int? {
        let first = bytes[position]
        let quoted = first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")
        if line.isSimple, !quoted { return line.separator(from: position) }
        return keyEndByBytes(at: position, in: line, quoted: quoted)
    }

    private func keyEndByBytes(at position: Int, in line: Line, quoted: Bool) -> Int? {
        if quoted {
            guard let close = quoteEnd(position, line: line) else { return nil }
            var at = close
            while at < line.end, bytes[at] == space { at += 1 }
            if at < line.end, bytes[at] == colon, at + 1 == line.end || bytes[at + 1] == space || bytes[at + 1] == tab {
                return at
            }
            return nil
        }
        var at = position
        while at < line.end {
            let byte = bytes[at]
            if byte == colon, at + 1 == line.end || bytes[at + 1] == space || bytes[at + 1] == tab { return at }
            if byte == hash, at > position, bytes[at - 1] == space { return nil }
            at += 1
        }
        return nil
    }

    /// The key's text, and its stamp for telling it from the mapping's other keys.
    @inline(__always)
    private func keyText(from position: Int, to colonAt: Int, line index: Int) throws(ParseFailure) -> (String, KeyStamp) {
        let first = bytes[position]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let text = try quotedScalar(index, position).0
            return (text, KeyStamp(text))
        }
        try checkPlainStart(index, position, flow: false)
        var end = colonAt
        while end > position, bytes[end - 1] == space { end -= 1 }
        if !lines[index].isSimple, let tabAt = bytes[position..<end].firstIndex(of: tab) { throw tabFailure(index, tabAt) }
        return (text(position..<end), KeyStamp(bytes, position..<end))
    }

    private func missingColon(_ index: Int, _ position: Int) -> ParseFailure {
        let line = lines[index]
        let text = bytes[position..<line.end]
        if let fullWidth = findSubsequence(Array("：".utf8), in: text) {
            return ParseFailure(.fullWidthColon, mark(index, fullWidth),
                                "键后面用了全角冒号“：”", hint: "改为半角冒号加空格“: ”")
        }
        if let quoted = findSubsequence(Array("\"".utf8), in: text) ?? findSubsequence(Array("'".utf8), in: text),
           quoteEnd(quoted, line: line) == nil {
            return ParseFailure(.unterminatedQuote, mark(index, quoted), "引号没有闭合",
                                hint: "补上配对的引号；引号内的文本必须写在同一行")
        }
        return ParseFailure(.missingColon, mark(index, position), "这一行缺少“键: 值”中的冒号",
                            hint: "在键名后加半角冒号和一个空格，例如“指标值: 85%”")
    }

    // MARK: - Scalars

    /// Where a plain scalar starting at `position` ends (trailing spaces excluded).
    @inline(__always)
    private func plainScalarEnd(_ index: Int, _ position: Int, flow: Bool) throws(ParseFailure) -> Int {
        let line = lines[index]
        // On a simple line with no separator ahead, nothing can end the scalar early.
        if !flow, line.isSimple, line.separator(from: position) == nil {
            var end = line.end
            while end > position, bytes[end - 1] == space { end -= 1 }
            return end
        }
        return try plainScalarEndByBytes(index, position, flow: flow)
    }

    private func plainScalarEndByBytes(_ index: Int, _ position: Int, flow: Bool) throws(ParseFailure) -> Int {
        let line = lines[index]
        var at = position
        var end = position
        while at < line.end {
            let byte = bytes[at]
            if byte >= 0x80 {  // part of a character beyond ASCII: never special
                at += 1
                end = at
                continue
            }
            if byte == space {
                at += 1
                continue
            }
            if byte == tab { throw tabFailure(index, at) }
            if byte == hash, bytes[at - 1] == space { break }
            if byte == colon {
                let next = at + 1 < line.end ? bytes[at + 1] : space
                if next == space || next == tab || (flow && (next == UInt8(ascii: ",") || next == UInt8(ascii: "[")
                    || next == UInt8(ascii: "]") || next == UInt8(ascii: "{") || next == UInt8(ascii: "}"))) {
                    if flow {
                        throw ParseFailure(.badFlowSequence, mark(index, at), "方括号列表中不能写“键: 值”",
                                           hint: "改用多行的“- ”列表，或给这一项加引号")
                    }
                    throw ParseFailure(.needsQuoting, mark(index, at),
                                       "值中含有“: ”，会被当成新的键",
                                       hint: "给整个值加双引号，例如 \"\(text(position..<line.end))\"")
                }
            }
            if flow, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "[")
                || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
                break
            }
            at += 1
            end = at
        }
        return end
    }

    /// Rejects the characters YAML reserves at the start of a plain scalar.
    @inline(__always)
    private func checkPlainStart(_ index: Int, _ position: Int, flow: Bool) throws(ParseFailure) {
        // Every reserved character is ASCII punctuation; most scalars start with a Chinese one.
        let byte = bytes[position]
        if byte >= 0x80 || byte &- UInt8(ascii: "0") < 10 { return }
        try checkReservedStart(index, position, flow: flow)
    }

    private func checkReservedStart(_ index: Int, _ position: Int, flow: Bool) throws(ParseFailure) {
        let line = lines[index]
        let byte = bytes[position]
        let next = position + 1 < line.end ? bytes[position + 1] : space
        let followedBySpace = next == space || next == tab
        var here: SourceMark { mark(index, position) }
        switch byte {
        case UInt8(ascii: "&"):
            throw ParseFailure(.unsupportedSyntax, here, "不支持锚点（&）", hint: "如果这是文本，请给整个值加引号")
        case UInt8(ascii: "*"):
            throw ParseFailure(.unsupportedSyntax, here, "不支持别名（*）", hint: "如果这是文本，请给整个值加引号")
        case UInt8(ascii: "!"):
            throw ParseFailure(.unsupportedSyntax, here, "不支持类型标签（!）", hint: "如果这是文本，请给整个值加引号")
        case UInt8(ascii: "{"):
            throw ParseFailure(.unsupportedSyntax, here, "不支持花括号写法的键值表（{ }）",
                               hint: "改用多行写法：每个键占一行，比上一层多缩进两个空格")
        case UInt8(ascii: "?") where followedBySpace:
            throw ParseFailure(.unsupportedSyntax, here, "不支持复杂键（? ）", hint: "键名直接写在冒号前")
        case UInt8(ascii: "-") where followedBySpace && flow:
            throw ParseFailure(.badFlowSequence, here, "方括号列表中不能写“- ”列表项", hint: "去掉“- ”")
        // A lone `-` is no plain scalar in YAML (`[-]` is invalid), though some loaders read it as one.
        case UInt8(ascii: "-") where flow && (next == UInt8(ascii: ",") || next == UInt8(ascii: "]")):
            throw ParseFailure(.badFlowSequence, here, "方括号列表中的“-”不能单独成为一项", hint: "如果这是文本，请加引号：\"-\"")
        case UInt8(ascii: ":") where followedBySpace:
            throw ParseFailure(.missingColon, here, "冒号前缺少键名")
        case UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: ">"),
             UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"):
            throw needsQuoting(index, position, text: text(position..<line.end))
        case UInt8(ascii: "?") where flow, UInt8(ascii: "["):
            throw ParseFailure(.badFlowSequence, here, "方括号列表中不能嵌套列表或复杂键", hint: "给这一项加引号")
        default:
            return
        }
    }

    private func needsQuoting(_ index: Int, _ position: Int, text: String) -> ParseFailure {
        let trimmed = text.trimmingTrailingSpacesAndComment()
        return ParseFailure(.needsQuoting, mark(index, position), "这个值以 YAML 的特殊符号开头或含有特殊符号，需要加引号",
                            hint: "写成 \"\(trimmed.replacingQuotes())\"")
    }

    /// The byte after the closing quote of a quoted scalar opening at `position`, or nil.
    private func quoteEnd(_ position: Int, line: Line) -> Int? {
        let quote = bytes[position]
        var at = position + 1
        while at < line.end {
            let byte = bytes[at]
            if quote == UInt8(ascii: "'") {
                if byte == quote {
                    if at + 1 < line.end, bytes[at + 1] == quote { at += 2; continue }
                    return at + 1
                }
            } else {
                if byte == UInt8(ascii: "\\") { at += 2; continue }
                if byte == quote { return at + 1 }
            }
            at += 1
        }
        return nil
    }

    private func quotedScalar(_ index: Int, _ position: Int) throws(ParseFailure) -> (String, Int) {
        let line = lines[index]
        guard let end = quoteEnd(position, line: line) else {
            throw ParseFailure(.unterminatedQuote, mark(index, position), "引号没有闭合",
                               hint: "补上配对的引号；引号内的文本必须写在同一行，长文本请改用 | 或 > 块文本")
        }
        let body = position + 1..<end - 1
        if bytes[position] == UInt8(ascii: "'") {
            let raw = text(body)
            return (raw.replacingOccurrences(of: "''", with: "'"), end)
        }
        return (try EscapeDecoder.decode(bytes[body], mark: { self.mark(index, $0) }), end)
    }

    /// After a quoted scalar or flow sequence only spaces and a comment may follow.
    private func expectLineEnd(_ index: Int, _ position: Int, after what: String) throws(ParseFailure) {
        let line = lines[index]
        var at = position
        while at < line.end, bytes[at] == space { at += 1 }
        if at < line.end, bytes[at] == tab { throw tabFailure(index, at) }
        if at < line.end, bytes[at] != hash || at == position {
            if bytes[at] == colon {
                return // handled by the key scanner: cannot happen for a value
            }
            throw ParseFailure(.needsQuoting, mark(index, at), "\(what)之后还有多余的内容",
                               hint: "把整个值放进引号里，或删除多余的内容")
        }
    }

    // MARK: - Flow sequences

    private mutating func parseFlowSequence(_ index: Int, _ position: Int) throws(ParseFailure) -> Node {
        let line = lines[index]
        let sequenceMark = mark(index, position)
        var items: [Node] = []
        var at = position + 1
        func skipSpaces() { while at < line.end, bytes[at] == space { at += 1 } }
        while true {
            skipSpaces()
            guard at < line.end else {
                throw ParseFailure(.badFlowSequence, sequenceMark, "方括号列表没有在同一行内闭合",
                                   hint: "补上“]”；方括号列表必须写在一行，较长的列表请改用多行的“- ”写法")
            }
            let byte = bytes[at]
            if byte == tab { throw tabFailure(index, at) }
            if byte == UInt8(ascii: "]") { at += 1; break }
            if byte == UInt8(ascii: ",") {
                throw ParseFailure(.badFlowSequence, mark(index, at), "方括号列表中有空项（连续的逗号）", hint: "删除多余的逗号")
            }
            let itemMark = mark(index, at)
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let (text, end) = try quotedScalar(index, at)
                items.append(Node(.scalar(text), at: itemMark))
                at = end
            } else {
                try checkPlainStart(index, at, flow: true)
                let end = try plainScalarEnd(index, at, flow: true)
                var text = text(at..<end)
                while text.hasSuffix(" ") { text.removeLast() }
                items.append(Node(.scalar(text), at: itemMark))
                at = end
                if at < line.end, bytes[at] == hash {
                    throw ParseFailure(.badFlowSequence, mark(index, at), "方括号列表没有在同一行内闭合",
                                       hint: "补上“]”；注释要写在“]”之后")
                }
            }
            try count()
            skipSpaces()
            guard at < line.end else { continue }
            if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
            if bytes[at] == UInt8(ascii: "]") { at += 1; break }
            throw ParseFailure(.badFlowSequence, mark(index, at), "方括号列表的各项之间要用逗号分隔",
                               hint: "例如 [25%, 50%, 75%, 100%]")
        }
        try expectLineEnd(index, at, after: "方括号列表")
        return Node(.sequence(items), at: sequenceMark)
    }

    // MARK: - Block scalars

    /// `|` and `>` with chomping and indentation indicators, following YAML 1.2 §8.1 in the
    /// same order of steps as the reference loaders, so the text comes out byte for byte alike.
    private mutating func parseBlockScalar(_ index: Int, _ position: Int, parentIndent: Int) throws(ParseFailure) -> (Node, Int) {
        let line = lines[index]
        let here = mark(index, position)
        let folded = bytes[position] == UInt8(ascii: ">")
        var chomping: Character = " "
        var increment = 0
        var at = position + 1
        for _ in 0..<2 where at < line.end {
            let byte = bytes[at]
            if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")), chomping == " " {
                chomping = Character(Unicode.Scalar(byte)); at += 1
            } else if byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9"), increment == 0 {
                increment = Int(byte - UInt8(ascii: "0")); at += 1
            } else if byte == UInt8(ascii: "0") {
                throw ParseFailure(.badBlockScalar, mark(index, at), "块文本的缩进指示符不能是 0", hint: "使用 1 到 9")
            }
        }
        let afterHeader = at
        while at < line.end, bytes[at] == space { at += 1 }
        if at < line.end, bytes[at] == tab { throw tabFailure(index, at) }
        if at < line.end, bytes[at] != hash || at == afterHeader {
            throw ParseFailure(.badBlockScalar, mark(index, at), "“|”或“>”之后不能在同一行写文本",
                               hint: "文本从下一行开始写，并比键多缩进")
        }

        let minIndent = max(parentIndent + 1, 1)
        var next = index + 1
        var breaks = 0
        var indent: Int
        if increment > 0 {
            indent = minIndent + increment - 1
            breaks = skipBlockBreaks(&next, indent: indent)
        } else {
            var maxIndent = 0
            var widestBlank: Int?
            while next < lines.count {
                let candidate = lines[next]
                let spaces = leadingSpaces(candidate)
                if candidate.start + spaces < candidate.end {
                    // YAML forbids a leading blank line wider than the first line that follows
                    // within the scalar (test suite case S98Z); some loaders take the text as empty.
                    if spaces >= minIndent, spaces < maxIndent, let widestBlank {
                        throw ParseFailure(.badBlockScalar, mark(widestBlank, lines[widestBlank].start + spaces),
                                           "块文本开头的空行有 \(maxIndent) 个空格，比其后第一行（第 \(lines[next].number) 行）的缩进 \(spaces) 还多",
                                           hint: "删除空行中多余的空格")
                    }
                    maxIndent = max(maxIndent, spaces)
                    break
                }
                if spaces > maxIndent { widestBlank = next }
                maxIndent = max(maxIndent, spaces)
                breaks += 1
                next += 1
            }
            indent = max(minIndent, maxIndent)
        }

        var text: [UInt8] = []
        var lineBreak = false
        while next < lines.count {
            let current = lines[next]
            guard leadingSpaces(current) >= indent, current.start + indent < current.end else { break }
            text.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: breaks))
            let contentStart = current.start + indent
            let leadingNonSpace = bytes[contentStart] != space && bytes[contentStart] != tab
            text.append(contentsOf: bytes[contentStart..<current.end])
            lineBreak = current.hasBreak
            next += 1
            breaks = skipBlockBreaks(&next, indent: indent)
            guard next < lines.count, leadingSpaces(lines[next]) >= indent,
                  lines[next].start + indent < lines[next].end else { break }
            let followingStart = bytes[lines[next].start + indent]
            if folded, lineBreak, leadingNonSpace, followingStart != space, followingStart != tab {
                if breaks == 0 { text.append(space) }
            } else if lineBreak {
                text.append(UInt8(ascii: "\n"))
            }
        }
        if chomping != "-", lineBreak { text.append(UInt8(ascii: "\n")) }
        if chomping == "+" { text.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: breaks)) }
        return (Node(.scalar(checkedUTF8(text.span)), at: here), next)
    }

    /// Skips lines that are empty once up to `indent` spaces are removed; returns how many.
    private func skipBlockBreaks(_ next: inout Int, indent: Int) -> Int {
        var breaks = 0
        while next < lines.count {
            let line = lines[next]
            let spaces = min(leadingSpaces(line), indent)
            guard line.start + spaces == line.end, line.hasBreak || next + 1 < lines.count else { break }
            breaks += 1
            next += 1
        }
        return breaks
    }

    private func leadingSpaces(_ line: Line) -> Int {
        var count = 0
        while line.start + count < line.end, bytes[line.start + count] == space { count += 1 }
        return count
    }

    // MARK: - Helpers

    /// The next line holding a node, skipping blank and comment lines.
    @inline(__always)
    private func nextContentLine(from index: Int) throws(ParseFailure) -> Int? {
        // Most often the very next line, its indentation nothing but spaces.
        if index < lines.count, !lines[index].isBlank, !indentationIsSuspect(lines[index]) { return index }
        return try nextContentLineSkippingBlanks(from: index)
    }

    private func nextContentLineSkippingBlanks(from index: Int) throws(ParseFailure) -> Int? {
        var at = index
        while at < lines.count {
            if !lines[at].isBlank {
                if indentationIsSuspect(lines[at]) { try checkIndentation(at) }
                return at
            }
            at += 1
        }
        return nil
    }

    /// Whether the line's first byte after its spaces is a tab or may begin a full-width space
    /// (E3 80 80): then `checkIndentation` looks closer. Few keys begin with an E3 character.
    @inline(__always)
    private func indentationIsSuspect(_ line: Line) -> Bool {
        let first = bytes[line.start + line.indent]
        return first == tab || first == 0xE3
    }

    /// Indentation is ASCII spaces only. A tab or a full-width space (U+3000) there would
    /// change the structure silently, so both are named.
    private func checkIndentation(_ index: Int) throws(ParseFailure) {
        let line = lines[index]
        let first = line.start + line.indent
        if bytes[first] == tab {
            throw ParseFailure(.badIndentCharacter, mark(index, first), "缩进中使用了制表符（Tab）",
                               hint: "YAML 的缩进只能用半角空格；请把制表符换成空格")
        }
        if first + 2 < line.end, bytes[first] == 0xE3, bytes[first + 1] == 0x80, bytes[first + 2] == 0x80 {
            throw ParseFailure(.badIndentCharacter, mark(index, first), "缩进中使用了全角空格",
                               hint: "缩进只能用半角空格；请把全角空格（中文输入法下的空格）换成半角空格")
        }
    }

    @inline(__always)
    private mutating func count() throws(ParseFailure) {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            throw ParseFailure(.limitExceeded, nil, "文件中的条目数超过上限 \(limits.maxNodes)", hint: "把数据拆分成多个文件")
        }
    }

    private func tabFailure(_ index: Int, _ position: Int) -> ParseFailure {
        ParseFailure(.badIndentCharacter, mark(index, position), "这里不能使用制表符（Tab）",
                     hint: "把制表符换成空格；文本中确实需要制表符时请加引号")
    }

    /// The text of the bytes in `range`.
    private func text(_ range: Range<Int>) -> String {
        checkedUTF8(bytes.span.extracting(range))
    }

    @inline(__always)
    func mark(_ index: Int, _ position: Int) -> SourceMark {
        let line = lines[index]
        // The indentation is ASCII, and the separator's column is known: where most marks are,
        // at a key or just after its separator, the column needs little or no counting.
        var column: Int
        var at: Int
        if let separator = line.separator, separator.at < position {
            (column, at) = (separator.column, separator.at)
        } else {
            column = min(position - line.start, line.indent) + 1
            at = line.start + column - 1
        }
        while at < position {
            if bytes[at] & 0xC0 != 0x80 { column += 1 }
            at += 1
        }
        return SourceMark(line: line.number, column: column)
    }
}

/// Text made of bytes the line scanner has checked, cut where a character begins: it is
/// UTF-8, so it is not checked again (that took a fifth of the parser's instructions).
private func checkedUTF8(_ bytes: Span<UInt8>) -> String {
    unsafe String(copying: UTF8Span(unchecked: bytes))
}

private func findSubsequence(_ needle: [UInt8], in haystack: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    var at = haystack.startIndex
    while at + needle.count <= haystack.endIndex {
        if haystack[at] == needle[0], haystack[at..<at + needle.count].elementsEqual(needle) { return at }
        at += 1
    }
    return nil
}

private extension String {
    func trimmingTrailingSpacesAndComment() -> String {
        var text = self
        if let range = text.range(of: " #") { text = String(text[..<range.lowerBound]) }
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    func replacingQuotes() -> String {
        replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

/// The keys of one mapping so far, compared as YAML compares them: scalar for scalar (Swift's
/// `==` would also merge canonically equivalent keys, which PyYAML keeps apart). A few keys,
/// the usual case, are scanned, and only those with the new key's stamp are compared; past
/// that they are hashed, so that no mapping, however long, takes quadratic time.
struct KeySet {
    private var many: [[UInt8]: SourceMark]?
    private static let scanned = 16

    /// Adds `key`, found after `entries`; returns where it was first seen if it was already there.
    @inline(__always)
    mutating func insert(_ key: String, _ stamp: KeyStamp, at mark: SourceMark, after entries: [MappingEntry]) -> SourceMark? {
        if entries.count < KeySet.scanned {
            for entry in entries where entry.stamp == stamp && entry.hasKey(key) { return entry.keyMark }
            return nil
        }
        return insertHashed(key, at: mark, after: entries)
    }

    private mutating func insertHashed(_ key: String, at mark: SourceMark, after entries: [MappingEntry]) -> SourceMark? {
        var many = self.many.take() ?? Dictionary(uniqueKeysWithValues: entries.map { (Array($0.key.utf8), $0.keyMark) })
        defer { self.many = many }
        let bytes = Array(key.utf8)
        if let previous = many[bytes] { return previous }
        many[bytes] = mark
        return nil
    }
}

/// A key's length and first eight bytes: different stamps are different keys, so that most
/// keys of a mapping are told apart without comparing their text.
struct KeyStamp: Equatable {
    let length: Int
    let prefix: UInt64

    /// The stamp of the key made of `bytes[range]`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        length = range.count
        if range.lowerBound + 8 <= bytes.count {
            let word = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self).littleEndian
            prefix = length >= 8 ? word : word & ((1 << (8 * UInt64(length))) - 1)
        } else {
            var prefix: UInt64 = 0
            for (shift, byte) in zip(stride(from: 0, to: 64, by: 8), bytes[range].prefix(8)) { prefix |= UInt64(byte) << shift }
            self.prefix = prefix
        }
    }

    init(_ key: String) {
        self = Array(key.utf8).withUnsafeBufferPointer { KeyStamp($0, 0..<$0.count) }
    }
}
