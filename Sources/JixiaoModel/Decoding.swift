import Foundation
import JixiaoDiagnostics
import JixiaoParser

/// What decoding one file gives: the model (possibly partial) and every finding on the way.
public struct Decoded<Value: Sendable>: Sendable {
    public let value: Value?
    public let diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Collects the findings of one file; decoding goes on after an error so the user sees
/// every problem of a file in one run, not one per run.
final class DecodeContext {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    func report(_ code: DiagnosticCode, _ severity: Diagnostic.Severity = .error, at mark: SourceMark?,
                _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(code, severity, path: path, at: mark, message, hint: hint))
    }

    /// Text that came through escapes (`"\x01"`) may hold characters no page can show:
    /// control characters are errors; bidirectional overrides, which can make a cell read
    /// differently from what it holds, are warnings.
    func checkCharacters(_ text: String, at mark: SourceMark) {
        // Bytes first: most text holds none that can begin such a character (C2 for U+0080
        // to U+009F, E2 for the overrides, EF for U+FFFE and U+FFFF).
        var text = text
        let suspect = text.withUTF8 { $0.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF } }
        guard suspect else { return }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A) || value == 0x7F || (0x80...0x9F).contains(value)
                || value == 0xFFFE || value == 0xFFFF {
                report(.forbiddenCharacter, at: mark, "值中含有控制字符 U+\(String(format: "%04X", value))",
                       hint: "删除这个字符；它通常来自转义序列或复制的文本")
                return
            }
            if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
                report(.forbiddenCharacter, .warning, at: mark,
                       "值中含有双向文本控制字符 U+\(String(format: "%04X", value))，文字的显示顺序可能与实际内容不同",
                       hint: "除非确有需要，请删除这个字符")
                return
            }
        }
    }
}

extension DecodeContext {
    /// Every `待填写` of a file, whatever field, list item or key holds it: one walk of the tree
    /// instead of a test in each field's decoder, so that no place it can stand is missed.
    /// Decoders then pass over a placeholder in silence.
    /// `what` names the place in the user's words: “合计”, “绩效目标”中的一项. It is built only
    /// for a placeholder found: built for every node, the names took about half the walk's time.
    func reportPlaceholders(in node: Node, what: () -> String) {
        switch node.content {
        case .scalar(let text):
            guard Placeholder.isPlaceholder(text) else { return }
            report(.placeholder, at: node.mark, "\(what())尚未填写", hint: "把“\(Placeholder.text)”换成实际内容")
        case .sequence(let items):
            for item in items { reportPlaceholders(in: item) { "\(what())中的一项" } }
        case .mapping(let entries):
            for entry in entries {
                if Placeholder.isPlaceholder(entry.key) {
                    report(.placeholder, at: entry.keyMark, "\(what())中的名称尚未填写", hint: "把“\(Placeholder.text)”换成实际的名称")
                }
                reportPlaceholders(in: entry.value) { "“\(entry.key)”" }
            }
        }
    }
}

/// The keys of one mapping node, read by name; remembers which keys were used so that the
/// rest can be reported as unknown (with a "did you mean").
struct Fields {
    let node: Node
    let what: String
    private let entries: [MappingEntry]
    private let context: DecodeContext

    /// nil (and a diagnostic) when `node` is not a mapping.
    init?(_ node: Node, what: String, context: DecodeContext) {
        guard let entries = node.mapping else {
            if node.scalar == "" {
                context.report(.emptyValue, at: node.mark, "“\(what)”是空的，需要填写内容")
            } else {
                context.report(.wrongType, at: node.mark, "“\(what)”应当是键值表（每行“键: 值”），这里却是\(node.kindName)")
            }
            return nil
        }
        self.node = node
        self.what = what
        self.entries = entries
        self.context = context
    }

    func entry(_ key: String) -> MappingEntry? { entries.first { $0.hasKey(key) } }

    /// A mapping entry that must be present.
    func required(_ key: String) -> MappingEntry? {
        if let found = entry(key) { return found }
        context.report(.missingField, at: node.mark, "“\(what)”缺少必填字段“\(key)”",
                       hint: "添加一行“\(key): …”")
        return nil
    }

    /// A scalar field; `required` fields must be present and non-empty.
    func text(_ key: String, required: Bool = true, allowEmpty: Bool = false) -> Located<String>? {
        guard let found = required ? self.required(key) : entry(key) else { return nil }
        guard let text = found.value.scalar else {
            context.report(.wrongType, at: found.value.mark, "“\(key)”应当是文本，这里却是\(found.value.kindName)")
            return nil
        }
        context.checkCharacters(text, at: found.value.mark)
        // Reported, wherever it stands, by `reportPlaceholders`.
        if Placeholder.isPlaceholder(text) { return required ? Located(text, at: found.value.mark) : nil }
        if text.isBlank, !allowEmpty {
            context.report(.emptyValue, at: found.value.mark, "“\(key)”的值是空的", hint: "填写“\(key)”，或删除这一行")
            return nil
        }
        return Located(text, at: found.value.mark)
    }

    /// A cell the form may not have: nil when the key is absent; written, it must be filled
    /// (a placeholder stays, to be reported as one).
    func column(_ key: String) -> String? {
        guard entry(key) != nil else { return nil }
        return text(key)?.value ?? ""
    }

    /// A mapping of label → text, in file order (`表头`, `表尾`, `栏目名称`); blank texts are
    /// cells the form prints blank. `allowed`: the only labels it may have.
    func formCells(_ key: String, allowed: [String]? = nil) -> [FormCell] {
        guard let found = entry(key), let cells = Fields(found.value, what: key, context: context) else { return [] }
        if let allowed { cells.rejectUnknown(allowed: allowed) }
        return cells.entries.compactMap { cell in
            guard allowed?.contains(where: cell.hasKey) ?? true else { return nil }
            guard let text = cells.text(cell.key, allowEmpty: true) else { return nil }
            return FormCell(label: cell.key, text: text.value)
        }
    }

    /// A text or a list of texts, each a paragraph (`项目年度目标`, `表注`); nil when absent.
    func paragraphs(_ key: String) -> [String]? {
        guard let found = entry(key) else { return nil }
        guard let items = found.value.sequence else { return text(key, required: false).map { [$0.value] } }
        return items.compactMap { item in
            guard let text = item.scalar else {
                context.report(.wrongType, at: item.mark, "“\(key)”的每一项应当是一段文本，这里却是\(item.kindName)")
                return nil
            }
            context.checkCharacters(text, at: item.mark)
            return text
        }
    }

    /// An optional yes-or-no field (`示例数据: 是`); absent is no.
    func flag(_ key: String) -> Bool {
        guard let text = self.text(key, required: false) else { return false }
        switch text.value {
        case "是", "true", "yes": return true
        case "否", "false", "no": return false
        default:
            context.report(.wrongType, at: text.mark, "“\(key)”只能写“是”或“否”")
            return false
        }
    }

    func integer(_ key: String, required: Bool) -> Located<Int>? {
        guard let text = self.text(key, required: required) else { return nil }
        guard let value = Int(text.value.trimmingSpaces()) else {
            context.report(.badNumber, at: text.mark, "“\(key)”应当是整数，这里是“\(text.value)”")
            return nil
        }
        return Located(value, at: text.mark)
    }

    func amount(_ key: String, required: Bool) -> Located<Amount>? {
        guard let text = self.text(key, required: required) else { return nil }
        return Fields.amount(text, key: key, context: context)
    }

    static func amount(_ text: Located<String>, key: String, context: DecodeContext) -> Located<Amount>? {
        if Placeholder.isPlaceholder(text.value) { return nil }  // reported by `reportPlaceholders`
        guard let amount = Amount(parsing: text.value) else {
            let fullWidth = text.value.unicodeScalars.contains { (0xFF10...0xFF19).contains($0.value) || $0 == "．" || $0 == "，" }
            let hint = fullWidth ? "数字用了全角字符，请改为半角数字，例如 71万元"
                : text.value.contains(",") ? "千分位逗号应在小数点前每三位一个，例如 215,457.6元；也可以不写逗号"
                : "写成数字加单位，例如 71万元 或 3500元"
            context.report(.badAmount, at: text.mark, "“\(key)”的金额“\(text.value)”无法识别", hint: hint)
            return nil
        }
        return Located(amount, at: text.mark)
    }

    /// A list field.
    func list(_ key: String, required: Bool = true) -> [Node]? {
        guard let found = required ? self.required(key) : entry(key) else { return nil }
        guard let items = found.value.sequence else {
            context.report(.wrongType, at: found.value.mark, "“\(key)”应当是列表（每项以“- ”开头），这里却是\(found.value.kindName)")
            return nil
        }
        return items
    }

    /// Reports every key not in `allowed`, suggesting the closest allowed key.
    func rejectUnknown(allowed: [String]) {
        for entry in entries where !allowed.contains(where: entry.hasKey) && !Placeholder.isPlaceholder(entry.key) {
            // Keys are told apart byte for byte, as the parser does: one written with, say, a
            // compatibility ideograph looks like the field but is not it, and is named as such.
            if let lookalike = allowed.first(where: { $0 == entry.key }) {
                context.report(.unknownField, at: entry.keyMark,
                               "“\(what)”中的字段名“\(entry.key)”与“\(lookalike)”看起来相同，但其中有字符的编码不同（例如兼容汉字）",
                               hint: "删除这个字段名，用输入法重新输入“\(lookalike)”")
                continue
            }
            let suggestion = Suggestion.closest(to: entry.key, among: allowed)
            context.report(.unknownField, at: entry.keyMark, "“\(what)”中没有字段“\(entry.key)”",
                           hint: suggestion.map { "是不是想写“\($0)”？" } ?? "可用的字段：\(allowed.joined(separator: "、"))")
        }
    }
}

/// The mark of a field still to be filled in: what `jixiao new` and `jixiao import` write
/// where they cannot know the value, and what `jixiao check` reports until it is replaced.
public enum Placeholder {
    public static let text = "待填写"

    public static func isPlaceholder(_ value: String) -> Bool {
        // Asked of every value read: most start with neither word, which one character tells.
        guard let first = value.unicodeScalars.first(where: { !$0.isWhitespace }),
              first == "待" || first == "T" else { return false }
        let trimmed = value.trimmingWhitespace()
        return trimmed == text || trimmed.hasPrefix(text + "：") || trimmed.hasPrefix("TODO")
    }
}

/// "Did you mean": the allowed name with the smallest edit distance, if close enough.
public enum Suggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word)
        let scored = candidates.map { ($0, distance(target, Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, min(target.count, best.0.count) / 2) ? best.0 : nil
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension Decoded {
    /// Parses `source` and hands the tree to `body`, collecting every finding of both steps.
    static func decoding(_ source: SourceFile, _ body: (Node, DecodeContext) -> Value?) -> Decoded<Value> {
        let (tree, parseDiagnostics) = DocumentLoader.parse(source)
        guard let tree else { return Decoded(value: nil, diagnostics: parseDiagnostics) }
        let context = DecodeContext(path: source.path)
        context.reportPlaceholders(in: tree) { "文件" }
        let value = body(tree, context)
        return Decoded(value: value, diagnostics: context.diagnostics)
    }
}

/// Reads a file from disk into a tree, or reports why it cannot.
public enum DocumentLoader {
    public static func parse(_ source: SourceFile) -> (Node?, [Diagnostic]) {
        do {
            guard let node = try YAMLSubset.parse(source) else {
                return (nil, [Diagnostic(.emptyDocument, path: source.path, at: nil, "文件中没有任何内容",
                                         hint: "按 docs/数据格式.md 填写，或删除这个文件")])
            }
            return (node, [])
        } catch {
            return (nil, [error])
        }
    }
}

extension Fields {
    /// An optional field that a form may name two ways (`全年预算数` or `调整后预算数`): the entry
    /// under whichever name is written; both written is an error (JX214) and the first is read.
    func eitherEntry(_ name: String, _ alias: String) -> MappingEntry? {
        let (first, second) = (entry(name), entry(alias))
        if first != nil, let second {
            context.report(.conflictingKeys, at: second.keyMark, "“\(name)”与“\(alias)”是同一栏，只能写其中一个",
                           hint: "删除“\(alias)”或“\(name)”")
        }
        return first ?? second
    }

    /// The key written of the two, for messages and for reading the value by name.
    func eitherKey(_ name: String, _ alias: String) -> String? {
        eitherEntry(name, alias)?.key
    }

    /// 指标值 (under `valueKey`) with the cells that may stand beside it: 指标性质 (or 指标方向)
    /// and 度量单位. The value is their combination (`= | 100 | %` reads as `=100%`); the cells
    /// are kept when any is written apart.
    func indicatorValue(_ valueKey: String, at fallback: SourceMark) -> (text: Located<String>, cells: ValueCells?) {
        let value = text(valueKey) ?? Located("", at: entry(valueKey)?.value.mark ?? fallback)
        let natureKey = eitherKey("指标性质", "指标方向")
        let nature = natureKey.flatMap { text($0, required: false) }
        let unit = text("度量单位", required: false)
        guard nature != nil || unit != nil else { return (value, nil) }
        var op: ComparisonOperator?? = nil
        if let nature {
            op = IndicatorNature.read(nature.value)
            if op == nil {
                context.report(.badNature, at: nature.mark, "\(natureKey!)“\(nature.value)”无法识别",
                               hint: "可写：\(IndicatorNature.names.joined(separator: " "))")
            }
        }
        let cells = ValueCells(nature: nature?.value ?? "", value: value.value, unit: unit?.value ?? "")
        if let unit, case .comparison(let written) = IndicatorValue(parsing: value.value), !written.unit.isEmpty,
           written.unit != MeasureUnits.normalized(unit.value.trimmingSpaces()) {
            context.report(.unitConflict, at: unit.mark, "度量单位“\(unit.value)”与指标值“\(value.value)”中的单位不符",
                           hint: "指标值只写数字，单位写在“度量单位”中")
        }
        if value.value.isBlank || Placeholder.isPlaceholder(value.value) { return (value, cells) }
        return (Located(cells.combined(op), at: value.mark), cells)
    }

    /// `版式`: one of the known layouts, or an error listing them (JX213).
    func layout() -> Located<Layout>? {
        guard let text = text("版式", required: false) else { return nil }
        guard let layout = Layout(name: text.value.trimmingSpaces()) else {
            context.report(.unknownLayout, at: text.mark, "没有名为“\(text.value)”的版式",
                           hint: "可用的版式：\(Layout.allCases.flatMap(\.names).joined(separator: "、"))")
            return nil
        }
        return Located(layout, at: text.mark)
    }
}
