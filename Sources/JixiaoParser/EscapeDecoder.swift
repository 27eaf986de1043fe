import JixiaoDiagnostics

/// The escapes of YAML 1.2 double-quoted scalars (§5.7), all of them.
enum EscapeDecoder {
    static func decode(_ body: Slice<UnsafeBufferPointer<UInt8>>, mark: (Int) -> SourceMark) throws(ParseFailure) -> String {
        guard body.contains(UInt8(ascii: "\\")) else { return String(decoding: body, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var out: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: out, as: UTF8.self).unicodeScalars)
            out.removeAll(keepingCapacity: true)
        }
        var at = body.startIndex
        while at < body.endIndex {
            let byte = body[at]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                at += 1
                continue
            }
            guard at + 1 < body.endIndex else {
                throw ParseFailure(.invalidEscape, mark(at), "反斜杠“\\”后面缺少转义字符", hint: "反斜杠本身要写成 \\\\")
            }
            let code = body[at + 1]
            let simple: UInt32?
            switch code {
            case UInt8(ascii: "0"): simple = 0
            case UInt8(ascii: "a"): simple = 7
            case UInt8(ascii: "b"): simple = 8
            case UInt8(ascii: "t"), UInt8(ascii: "\t"): simple = 9
            case UInt8(ascii: "n"): simple = 10
            case UInt8(ascii: "v"): simple = 11
            case UInt8(ascii: "f"): simple = 12
            case UInt8(ascii: "r"): simple = 13
            case UInt8(ascii: "e"): simple = 0x1B
            case UInt8(ascii: " "): simple = 0x20
            case UInt8(ascii: "\""): simple = 0x22
            case UInt8(ascii: "/"): simple = 0x2F
            case UInt8(ascii: "\\"): simple = 0x5C
            case UInt8(ascii: "N"): simple = 0x85
            case UInt8(ascii: "_"): simple = 0xA0
            case UInt8(ascii: "L"): simple = 0x2028
            case UInt8(ascii: "P"): simple = 0x2029
            default: simple = nil
            }
            flush()
            if let simple {
                scalars.append(Unicode.Scalar(simple)!)
                at += 2
                continue
            }
            let digits: Int
            switch code {
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default:
                throw ParseFailure(.invalidEscape, mark(at), "无效的转义“\\\(Character(Unicode.Scalar(code)))”",
                                   hint: "反斜杠本身要写成 \\\\；或者改用单引号，单引号中的反斜杠不转义")
            }
            let start = at + 2
            guard start + digits <= body.endIndex,
                  let value = UInt32(String(decoding: body[start..<start + digits], as: UTF8.self), radix: 16),
                  body[start..<start + digits].allSatisfy({ isHexDigit($0) }) else {
                throw ParseFailure(.invalidEscape, mark(at), "转义“\\\(Character(Unicode.Scalar(code)))”后面需要 \(digits) 位十六进制数字")
            }
            guard let scalar = Unicode.Scalar(value) else {
                let what = (0xD800...0xDFFF).contains(value) ? "代理项（surrogate）" : "超出 Unicode 范围的值"
                throw ParseFailure(.invalidEscape, mark(at), "转义 \\\(Character(Unicode.Scalar(code)))\(hex(value, width: digits)) 是\(what)，不是有效字符",
                                   hint: "直接写出这个字符，或使用一个有效的码位")
            }
            scalars.append(scalar)
            at = start + digits
        }
        flush()
        return String(scalars)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
