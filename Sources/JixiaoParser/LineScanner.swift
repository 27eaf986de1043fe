import JixiaoDiagnostics

/// Splits a file into lines while checking that it is UTF-8 and free of characters a YAML
/// loader would refuse or read as line breaks (NEL, LS, PS). A BOM at the start is skipped.
enum LineScanner {
    static func scan(_ bytes: [UInt8], limits: ParserLimits) throws(ParseFailure) -> [Line] {
        if bytes.count > limits.maxFileBytes {
            throw ParseFailure(.limitExceeded, nil,
                               "文件大小 \(bytes.count) 字节，超过上限 \(limits.maxFileBytes) 字节",
                               hint: "一个数据文件通常只有几千字节；请检查是否选错了文件")
        }
        return try bytes.withUnsafeBufferPointer { (bytes) throws(ParseFailure) -> [Line] in try scan(bytes, limits: limits) }
    }

    // On a buffer, without bounds checks: every byte of every file comes through here.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, limits: ParserLimits) throws(ParseFailure) -> [Line] {
        var lines: [Line] = []
        lines.reserveCapacity(bytes.count / 24)
        var at = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineStart = at
        var indent = 0
        var blank = true
        var separator: Separator?
        var simple = true
        var characters = 0  // on this line, before `at`
        var number: Int { lines.count + 1 }

        while at < bytes.count {
            if at == lineStart {
                at = skipSpaces(bytes, from: at)
                indent = at - lineStart
                blank = at == bytes.count || bytes[at] == UInt8(ascii: "\n") || bytes[at] == UInt8(ascii: "\r")
                    || bytes[at] == UInt8(ascii: "#")
                separator = nil
                simple = true
                characters = indent
            }
            at = skipPlain(bytes, from: at, characters: &characters)
            guard at < bytes.count else { break }
            let byte = bytes[at]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                let end = at
                if byte == UInt8(ascii: "\r") {
                    guard at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "\n") else {
                        throw failure(.forbiddenCharacter, bytes, lineStart, at, number,
                                      "单独的回车符（CR）不能作为换行", hint: "请以 LF 或 CRLF 换行保存文件")
                    }
                    at += 1
                }
                if at - lineStart > limits.maxLineBytes { throw lineTooLong(bytes, lineStart, number, limits) }
                lines.append(Line(number: number, start: lineStart, end: end, indent: indent, hasBreak: true, isBlank: blank,
                                  separator: separator, isSimple: simple))
                at += 1
                lineStart = at
                continue
            }
            if byte == UInt8(ascii: ":") {
                let next = at + 1 < bytes.count ? bytes[at + 1] : UInt8(ascii: "\n")
                if next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") {
                    if separator == nil { separator = Separator(at: at, column: characters + 1) } else { simple = false }
                }
                at += 1
                characters += 1
                continue
            }
            if byte < 0x80 {
                simple = false  // a `#` or a tab
                if byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "#") {
                    throw failure(.forbiddenCharacter, bytes, lineStart, at, number,
                                  "文件中有不可见的控制字符 U+\(hex(UInt32(byte)))",
                                  hint: "删除这个字符；它通常来自从其他软件复制的文本")
                }
                at += 1
                characters += 1
                continue
            }
            let (scalar, length) = decodeScalar(bytes, at)
            guard let scalar else {
                throw failure(.invalidEncoding, bytes, lineStart, at, number,
                              "文件不是有效的 UTF-8 编码（第 \(at + 1) 个字节 0x\(hex(UInt32(bytes[at]), width: 2))）",
                              hint: "文件可能是 GBK/GB18030 编码（记事本中的“ANSI”）。请用“另存为 → UTF-8”保存，或运行时加 --encoding gb18030")
            }
            if (0x80...0x9F).contains(scalar) || scalar == 0x2028 || scalar == 0x2029 || scalar == 0xFFFE || scalar == 0xFFFF {
                throw failure(.forbiddenCharacter, bytes, lineStart, at, number,
                              "文件中有不允许的字符 U+\(hex(scalar))",
                              hint: "删除这个字符；它通常来自从其他软件复制的文本")
            }
            at += length
            characters += 1
        }
        if at > lineStart {
            if at - lineStart > limits.maxLineBytes { throw lineTooLong(bytes, lineStart, number, limits) }
            lines.append(Line(number: number, start: lineStart, end: at, indent: indent, hasBreak: false, isBlank: blank,
                              separator: separator, isSimple: simple))
        }
        return lines
    }

    /// Past the bytes a file is mostly made of, which need no more than a range check each:
    /// the three-byte characters led by E3 to EC (U+3000 to U+CFFF) — most of a file is
    /// Chinese, and those are never overlong, a surrogate or a character to refuse — and
    /// printable ASCII. Stops at anything else (a line break, a tab, a control or another
    /// character) and at the `:` and `#` that make a line simple or not for the parser.
    @inline(__always)
    private static func skipPlain(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, characters: inout Int) -> Int {
        // Wrapping arithmetic: `at` stays below the buffer's count, which no overflow check
        // needs to confirm on every byte.
        var at = start
        while at < bytes.count {
            let byte = bytes[at]
            if byte &- 0xE3 < 0x0A {
                guard at &+ 2 < bytes.count, bytes[at &+ 1] & 0xC0 == 0x80, bytes[at &+ 2] & 0xC0 == 0x80 else { break }
                at &+= 3
            } else if byte &- 0x20 < 0x5F, byte != UInt8(ascii: ":"), byte != UInt8(ascii: "#") {
                at &+= 1
            } else {
                break
            }
            characters &+= 1
        }
        return at
    }

    /// Past the spaces of an indentation, eight at a time.
    @inline(__always)
    private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var at = start
        while at + 8 <= bytes.count {
            let others = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndian
                ^ 0x2020_2020_2020_2020
            if others != 0 { return at + others.trailingZeroBitCount / 8 }  // the first byte is the lowest
            at += 8
        }
        while at < bytes.count, bytes[at] == UInt8(ascii: " ") { at += 1 }
        return at
    }

    /// Decodes one multi-byte UTF-8 sequence; nil for anything ill-formed (overlong forms,
    /// surrogates, values past U+10FFFF, truncated sequences).
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> (UInt32?, Int) {
        let lead = bytes[at]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        guard at + length <= bytes.count else { return (nil, 1) }
        for offset in 1..<length {
            let byte = bytes[at + offset]
            guard byte & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return (nil, 1) }
        return (value, length)
    }

    private static func failure(_ code: DiagnosticCode, _ bytes: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ at: Int,
                                _ number: Int, _ message: String, hint: String) -> ParseFailure {
        var column = 1
        for index in lineStart..<at where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return ParseFailure(code, SourceMark(line: number, column: column), message, hint: hint)
    }

    private static func lineTooLong(_ bytes: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ number: Int, _ limits: ParserLimits) -> ParseFailure {
        ParseFailure(.limitExceeded, SourceMark(line: number, column: 1),
                     "这一行超过 \(limits.maxLineBytes) 字节的上限", hint: "请检查文件是否损坏或选错了文件")
    }
}

func hex(_ value: UInt32, width: Int = 4) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
