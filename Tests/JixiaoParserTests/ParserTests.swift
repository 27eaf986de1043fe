import JixiaoDiagnostics
import Testing
@testable import JixiaoParser

/// Parses `text` and returns the tree as compact JSON-like text, for whole-value comparisons.
private func tree(_ text: String) throws -> String {
    let node = try YAMLSubset.parse(SourceFile(path: "t.yaml", text: text))
    return node.map { compact($0.json) } ?? "null"
}

private func compact(_ value: JSONValue) -> String {
    switch value {
    case .string(let text): return JSONValue.quote(text)
    case .array(let items): return "[" + items.map(compact).joined(separator: ",") + "]"
    case .object(let members): return "{" + members.map { JSONValue.quote($0.0) + ":" + compact($0.1) }.joined(separator: ",") + "}"
    default: return value.rendered()
    }
}

/// The headline of the error `text` produces.
private func failure(_ text: String) -> String {
    do {
        _ = try YAMLSubset.parse(SourceFile(path: "t.yaml", text: text))
        return "accepted"
    } catch {
        return error.headline
    }
}

@Suite("Parser: constructs")
struct ParserConstructTests {
    @Test func blockMappingsWithChineseKeys() throws {
        #expect(try tree("项目名称: 村级组织经费\n预算:\n  合计: 71万元\n") == #"{"项目名称":"村级组织经费","预算":{"合计":"71万元"}}"#)
    }

    @Test func sequencesIndentedOrFlushUnderTheirKey() throws {
        #expect(try tree("a:\n  - x\n  - y\nb: z") == #"{"a":["x","y"],"b":"z"}"#)
        #expect(try tree("a:\n- x\n- y\nb: z") == #"{"a":["x","y"],"b":"z"}"#)
    }

    @Test func sequenceOfMappingsAndNestedSequences() throws {
        #expect(try tree("- 名称: a\n  金额: 1万元\n- - x\n  - y\n-\n  k: v\n") ==
                #"[{"名称":"a","金额":"1万元"},["x","y"],{"k":"v"}]"#)
    }

    @Test func plainScalarsKeepInnerSpacesAndStopAtComments() throws {
        #expect(try tree("a: x y  # note\nb: x#y\nc: 85%以上\nd: -5\ne: :x") ==
                #"{"a":"x y","b":"x#y","c":"85%以上","d":"-5","e":":x"}"#)
    }

    @Test func emptyValuesAreEmptyStrings() throws {
        #expect(try tree("a:\nb: \"\"\nc: ''") == #"{"a":"","b":"","c":""}"#)
    }

    @Test func singleQuotedDoublesItsQuote() throws {
        #expect(try tree("a: 'it''s: #1'") == #"{"a":"it's: #1"}"#)
    }

    @Test func doubleQuotedEscapes() throws {
        #expect(try tree(#"a: "\t\n\\\"\/\x41\u00e9\U0001F600\_\ \0""#) == "{\"a\":\"\\t\\n\\\\\\\"/Aé😀\u{A0} \\u0000\"}")
    }

    @Test func quotedKeys() throws {
        #expect(try tree("'a b': 1\n\"c:d\": 2") == #"{"a b":"1","c:d":"2"}"#)
    }

    @Test func literalBlockScalarWithChomping() throws {
        #expect(try tree("a: |\n  x\n  y\n\nb: 1") == #"{"a":"x\ny\n","b":"1"}"#)
        #expect(try tree("a: |-\n  x\n\n") == #"{"a":"x"}"#)
        #expect(try tree("a: |+\n  x\n\n\n") == #"{"a":"x\n\n\n"}"#)
    }

    @Test func foldedBlockScalar() throws {
        #expect(try tree("a: >\n  a\n  b\n\n  c\n   d\n  e\n") == #"{"a":"a b\nc\n d\ne\n"}"#)
        #expect(try tree("a: >-\n  预算数71万元。\n") == #"{"a":"预算数71万元。"}"#)
    }

    @Test func blockScalarIndentationIndicator() throws {
        #expect(try tree("a: |2\n   x\n  y\n") == #"{"a":" x\ny\n"}"#)
    }

    @Test func flowSequenceOfScalars() throws {
        #expect(try tree("资金支出计划: [25%, 50%, 75%, 100%]  # 累计") == #"{"资金支出计划":["25%","50%","75%","100%"]}"#)
        #expect(try tree("a: [ 'x' , \"y\", z w,]\nb: []") == #"{"a":["x","y","z w"],"b":[]}"#)
    }

    @Test func byteOrderMarkAndCRLF() throws {
        #expect(try tree("\u{FEFF}a: b\r\nc:\r\n  - d\r\n") == #"{"a":"b","c":["d"]}"#)
    }

    @Test func commentsAndDocumentStart() throws {
        #expect(try tree("# 说明\n---\n# x\na: 1 # y\n") == #"{"a":"1"}"#)
        #expect(try tree("# 只有注释\n") == "null")
    }

    @Test func marksAreOneBasedCharacterColumns() throws {
        let node = try #require(try YAMLSubset.parse(SourceFile(path: "t.yaml", text: "预算:\n  合计: 71万元\n")))
        let budget = try #require(node.mapping?.first?.value)
        let total = try #require(budget.mapping?.first)
        #expect(total.keyMark == SourceMark(line: 2, column: 3))
        #expect(total.value.mark == SourceMark(line: 2, column: 7))
    }

    /// Columns past the indentation are counted in characters: after "- " and after a key of
    /// three-byte characters, on lines indented or not.
    @Test func marksCountCharactersPastTheIndentation() throws {
        let node = try #require(try YAMLSubset.parse(SourceFile(path: "t.yaml", text: "指标:\n  - 名称: 甲\n    指标值: 85%\n")))
        let item = try #require(node.mapping?.first?.value.sequence?.first?.mapping)
        let keys = item.map { $0.keyMark }, values = item.map { $0.value.mark }
        #expect(keys == [SourceMark(line: 2, column: 5), SourceMark(line: 3, column: 5)])
        #expect(values == [SourceMark(line: 2, column: 9), SourceMark(line: 3, column: 10)])
    }

    /// The line scanner notes each line's first `: ` and whether a `#`, a tab or a second
    /// `: ` is on it; keys, values and their columns read from those notes must match the
    /// byte-by-byte reading on lines with and without them.
    @Test func keysAndValuesAroundTheLinesFirstSeparator() throws {
        #expect(try tree("时间:上午: 9点\n编号#1: 第#2号\n备注: 甲 # 注释\n空:") == #"{"时间:上午":"9点","编号#1":"第#2号","备注":"甲","空":""}"#)
        let node = try #require(try YAMLSubset.parse(SourceFile(path: "t.yaml", text: "时间:上午:   9点\n编号#1: 第#2号\n")))
        let entries = try #require(node.mapping)
        #expect(entries.map(\.value.mark) == [SourceMark(line: 1, column: 10), SourceMark(line: 2, column: 7)])
        #expect(failure("名称: 甲: 乙") == "t.yaml:1:6: 错误 JX110: 值中含有“: ”，会被当成新的键")
        #expect(failure("名称: 甲 #注释: 乙\n名称: 丙") == "t.yaml:2:1: 错误 JX106: 键“名称”重复出现（第一次在第 1 行）")
    }

    /// Only `---` or `...` at the start of a line, alone or before a space, is a marker.
    @Test func documentMarkersOnlyWhereTheyStand() throws {
        #expect(try tree("a: ----\nb: ...x\n'---': 1") == #"{"a":"----","b":"...x","---":"1"}"#)
        #expect(failure("a: 1\n... # end\n") == "t.yaml:2:1: 错误 JX107: 一个文件只能包含一个文档（不支持 --- 或 ... 分隔的多个文档）")
    }

    /// Characters led by E3 to EC take the scanner's fast path; their neighbours do not.
    @Test func threeByteCharactersAroundTheScannersFastPath() throws {
        // Tabs, lines of spaces and indented comments stop it and go the long way.
        #expect(try tree("a:\n   \n    # 注释\n  b: '甲\t乙' \r\n  c: 丙") == #"{"a":{"b":"甲\t乙","c":"丙"}}"#)
        #expect(try tree("a: 　全角\u{3000}空格\nb: \u{E000}\u{FFFD}\u{CFFF}") == "{\"a\":\"　全角\u{3000}空格\",\"b\":\"\u{E000}\u{FFFD}\u{CFFF}\"}")
    }
}

@Suite("Parser: errors name file:line:col and the construct")
struct ParserErrorTests {
    @Test func missingColon() {
        #expect(failure("a: 1\n指标值 85%") == "t.yaml:2:1: 错误 JX104: 这一行缺少“键: 值”中的冒号")
    }

    @Test func fullWidthColon() {
        #expect(failure("a: 1\n项目名称：村级组织经费") == "t.yaml:2:5: 错误 JX114: 键后面用了全角冒号“：”")
    }

    @Test func duplicateKey() throws {
        #expect(failure("a: 1\nb: 2\na: 3") == "t.yaml:3:1: 错误 JX106: 键“a”重复出现（第一次在第 1 行）")
        // Past the first sixteen keys they are hashed rather than scanned: found all the same.
        let many = (1...40).map { "k\($0): v" }.joined(separator: "\n")
        #expect(failure(many + "\nk3: again") == "t.yaml:41:1: 错误 JX106: 键“k3”重复出现（第一次在第 3 行）")
        #expect(failure(many + "\nk33: again") == "t.yaml:41:1: 错误 JX106: 键“k33”重复出现（第一次在第 33 行）")
        // Keys of the same length are told apart by their bytes, past their first eight too.
        #expect(failure("指标值: 1\n指标名: 2\n指标名: 3") == "t.yaml:3:1: 错误 JX106: 键“指标名”重复出现（第一次在第 2 行）")
        #expect(try tree("实际完成值甲: 1\n实际完成值乙: 2") == #"{"实际完成值甲":"1","实际完成值乙":"2"}"#)
        #expect(failure("实际完成值甲: 1\n实际完成值乙: 2\n实际完成值甲: 3") == "t.yaml:3:1: 错误 JX106: 键“实际完成值甲”重复出现（第一次在第 1 行）")
        // A quoted key is the same key as the plain one it spells.
        #expect(failure("'名称': 1\n名称: 2") == "t.yaml:2:1: 错误 JX106: 键“名称”重复出现（第一次在第 1 行）")
    }

    /// Keys are compared scalar for scalar, as PyYAML does: "é" and "e" + U+0301 are two keys.
    @Test func canonicallyEquivalentKeysAreDistinct() throws {
        #expect(try tree("\u{E9}: 1\ne\u{301}: 2") == "{\"\u{E9}\":\"1\",\"e\u{301}\":\"2\"}")
    }

    @Test func tabsAndFullWidthSpacesInIndentation() {
        #expect(failure("a:\n\t- x") == "t.yaml:2:1: 错误 JX103: 缩进中使用了制表符（Tab）")
        #expect(failure("a:\n　　b: x") == "t.yaml:2:1: 错误 JX103: 缩进中使用了全角空格")
        #expect(failure("a: x\ty") == "t.yaml:1:5: 错误 JX103: 这里不能使用制表符（Tab）")
    }

    @Test func unsupportedConstructsAreNamed() {
        #expect(failure("a: &x y") == "t.yaml:1:4: 错误 JX107: 不支持锚点（&）")
        #expect(failure("a: *y") == "t.yaml:1:4: 错误 JX107: 不支持别名（*）")
        #expect(failure("a: !t y") == "t.yaml:1:4: 错误 JX107: 不支持类型标签（!）")
        #expect(failure("a: {b: c}") == "t.yaml:1:4: 错误 JX107: 不支持花括号写法的键值表（{ }）")
        #expect(failure("? a") == "t.yaml:1:1: 错误 JX107: 不支持复杂键（? ）")
        #expect(failure("%YAML 1.2\n---\na: 1") == "t.yaml:1:1: 错误 JX107: 不支持 YAML 指令（以 % 开头的行）")
        #expect(failure("a: 1\n---\nb: 2") == "t.yaml:2:1: 错误 JX107: 一个文件只能包含一个文档（不支持 --- 或 ... 分隔的多个文档）")
    }

    @Test func multiLinePlainScalarIsRejected() {
        #expect(failure("a: b\n  c") == "t.yaml:2:3: 错误 JX105: 这一行的缩进比上面的键“a”更深，但“a”已经有值了")
    }

    @Test func listItemAtTheWrongDepth() {
        #expect(failure("a:\n  - x\n  y: z") == "t.yaml:3:3: 错误 JX113: 这一行与上面的列表项对齐，但没有以“- ”开头")
        #expect(failure("a: 1\n- x") == "t.yaml:2:1: 错误 JX113: 列表项“- ”与键对齐，但前面的键“a”已经有值了")
        #expect(failure("a: - x") == "t.yaml:1:4: 错误 JX113: 列表项“- ”不能写在键的同一行")
    }

    @Test func quotesAndEscapes() {
        #expect(failure("a: 'x") == "t.yaml:1:4: 错误 JX108: 引号没有闭合")
        #expect(failure("a: \"x\" y") == "t.yaml:1:8: 错误 JX110: 引号内的文本之后还有多余的内容")
        #expect(failure(#"a: "\q""#) == #"t.yaml:1:5: 错误 JX109: 无效的转义“\q”"#)
        #expect(failure(#"a: "\ud800""#) == #"t.yaml:1:5: 错误 JX109: 转义 \uD800 是代理项（surrogate），不是有效字符"#)
    }

    @Test func valuesThatNeedQuoting() {
        #expect(failure("a: x: y") == "t.yaml:1:5: 错误 JX110: 值中含有“: ”，会被当成新的键")
        #expect(failure("a: %x") == "t.yaml:1:4: 错误 JX110: 这个值以 YAML 的特殊符号开头或含有特殊符号，需要加引号")
        #expect(failure("a: @x") == "t.yaml:1:4: 错误 JX110: 这个值以 YAML 的特殊符号开头或含有特殊符号，需要加引号")
    }

    @Test func flowSequenceErrors() {
        #expect(failure("a: [x") == "t.yaml:1:4: 错误 JX112: 方括号列表没有在同一行内闭合")
        #expect(failure("a: [x, [y]]") == "t.yaml:1:8: 错误 JX112: 方括号列表中不能嵌套列表或复杂键")
        #expect(failure("a: [x, , y]") == "t.yaml:1:8: 错误 JX112: 方括号列表中有空项（连续的逗号）")
        #expect(failure("a: [x: y]") == "t.yaml:1:6: 错误 JX112: 方括号列表中不能写“键: 值”")
    }

    /// A lone `-` is no plain scalar: the YAML test suite rejects `[-]`, which PyYAML reads as ["-"].
    @Test func loneDashInAFlowSequenceIsRejected() throws {
        #expect(failure("[-]") == "t.yaml:1:2: 错误 JX112: 方括号列表中的“-”不能单独成为一项")
        #expect(failure("a: [x, -]") == "t.yaml:1:8: 错误 JX112: 方括号列表中的“-”不能单独成为一项")
        #expect(failure("a: [-, x]") == "t.yaml:1:5: 错误 JX112: 方括号列表中的“-”不能单独成为一项")
        #expect(try tree(#"a: ["-", -5, -x]"#) == #"{"a":["-","-5","-x"]}"#)
    }

    /// Test suite case S98Z: a block scalar's leading blank line may not hold more spaces than
    /// the first line after it that belongs to the scalar (here a comment at indent 1).
    @Test func blankLineWiderThanTheBlockScalarsFirstLineIsRejected() throws {
        #expect(failure("empty block scalar: >\n \n  \n   \n # comment\n")
            == "t.yaml:4:2: 错误 JX111: 块文本开头的空行有 3 个空格，比其后第一行（第 5 行）的缩进 1 还多")
        #expect(failure("a: |\n    \n  text\n") == "t.yaml:2:3: 错误 JX111: 块文本开头的空行有 4 个空格，比其后第一行（第 3 行）的缩进 2 还多")
        // Blank lines as wide as the text, or narrower, are the text's own; one wider before the
        // next key at the parent's indentation closes an empty scalar.
        #expect(try tree("a: |\n  \n \n  text\n") == #"{"a":"\n\ntext\n"}"#)
        #expect(try tree("a: |\n   \nb: x\n") == #"{"a":"","b":"x"}"#)
    }

    @Test func encodingAndControlCharacters() {
        let gbk: [UInt8] = Array("a: ".utf8) + [0xB4, 0xE5]  // "村" in GBK
        do {
            _ = try YAMLSubset.parse(SourceFile(path: "t.yaml", bytes: gbk))
            Issue.record("GBK bytes were accepted")
        } catch {
            #expect(error.headline == "t.yaml:1:4: 错误 JX101: 文件不是有效的 UTF-8 编码（第 4 个字节 0xB4）")
            #expect(error.hint?.contains("--encoding gb18030") == true)
        }
        #expect(failure("a: x\u{7}") == "t.yaml:1:5: 错误 JX102: 文件中有不可见的控制字符 U+0007")
        #expect(failure("a: 全角\u{7F}") == "t.yaml:1:6: 错误 JX102: 文件中有不可见的控制字符 U+007F")
        #expect(failure("a: x\u{2028}y") == "t.yaml:1:5: 错误 JX102: 文件中有不允许的字符 U+2028")
    }

    @Test func nestingDepthIsLimited() {
        let deep = (0..<200).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n")
        #expect(failure(deep) == "t.yaml:65:65: 错误 JX115: 嵌套层数超过上限 64 层")
    }

    @Test func formattedDiagnosticShowsLineAndCaretUnderWideCharacters() {
        let source = SourceFile(path: "t.yaml", text: "项目名称: x\n指标值 85%\n")
        do {
            _ = try YAMLSubset.parse(source)
            Issue.record("accepted")
        } catch {
            #expect(error.formatted(source: source) == """
                t.yaml:2:1: 错误 JX104: 这一行缺少“键: 值”中的冒号
                  2 | 指标值 85%
                    | ^
                  提示：在键名后加半角冒号和一个空格，例如“指标值: 85%”
                """)
        }
    }
}

@Suite("Parser: limits on hostile input")
struct ParserLimitTests {
    private func headline(_ bytes: [UInt8], limits: ParserLimits = .standard) -> String {
        do {
            _ = try YAMLSubset.parse(SourceFile(path: "t.yaml", bytes: bytes), limits: limits)
            return "accepted"
        } catch {
            return error.headline
        }
    }

    @Test func hundredThousandDeepNestingIsAnErrorNotAStackOverflow() {
        let deep = Array(String(repeating: "- ", count: 100_000).utf8) + Array("x\n".utf8)
        #expect(headline(deep) == "t.yaml:1:129: 错误 JX115: 嵌套层数超过上限 64 层")
    }

    @Test func fiftyMegabyteFileIsRefusedBeforeReading() {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20)
        #expect(headline(big) == "t.yaml: 错误 JX115: 文件大小 52428800 字节，超过上限 33554432 字节")
    }

    @Test func tenMegabyteLineIsRefused() {
        let line = Array("a: ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20) + [UInt8(ascii: "\n")]
        #expect(headline(line) == "t.yaml:1:1: 错误 JX115: 这一行超过 4194304 字节的上限")
    }

    @Test func nulByteIsNamed() {
        #expect(headline(Array("a: x".utf8) + [0] + Array("y\n".utf8)) == "t.yaml:1:5: 错误 JX102: 文件中有不可见的控制字符 U+0000")
    }

    /// Beside the scanner's fast path for characters led by E3 to EC.
    @Test func threeByteSequencesItRefuses() {
        #expect(headline(Array("a: ".utf8) + [0xEF, 0xBF, 0xBE]) == "t.yaml:1:4: 错误 JX102: 文件中有不允许的字符 U+FFFE")
        #expect(headline(Array("a: ".utf8) + [0xE5, 0x41, 0x80]).contains("错误 JX101"))
        #expect(headline(Array("a: ".utf8) + [0xE0, 0x9F, 0xBF]).contains("错误 JX101"))  // overlong
    }

    @Test func invalidUTF8Sequences() {
        for bytes: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8]] {
            #expect(headline(Array("a: ".utf8) + bytes).contains("错误 JX101: 文件不是有效的 UTF-8 编码"), "\(bytes)")
        }
    }

    @Test func loneSurrogatesInEscapes() {
        #expect(headline(Array(#"a: "\udfff""#.utf8)) == #"t.yaml:1:5: 错误 JX109: 转义 \uDFFF 是代理项（surrogate），不是有效字符"#)
        #expect(headline(Array(#"a: "\U0000D800""#.utf8)) == #"t.yaml:1:5: 错误 JX109: 转义 \U0000D800 是代理项（surrogate），不是有效字符"#)
    }

    @Test func nodeCountIsLimited() {
        let many = Array((0..<50).map { "k\($0): v" }.joined(separator: "\n").utf8)
        var limits = ParserLimits.standard
        limits.maxNodes = 20
        #expect(headline(many, limits: limits) == "t.yaml: 错误 JX115: 文件中的条目数超过上限 20")
    }
}
