import Foundation
import JixiaoModel

/// The rows of a table, read the way a person reads a form: find a label, take the cell
/// beside it; find a header row, take each row's cell under a heading. Labels are compared
/// with their spaces squeezed out ("总 体 目 标" is 总体目标).
struct TableGrid {
    let title: String
    let rows: [[String]]

    init(_ table: SourceTable) {
        title = table.title
        rows = table.rows
    }

    static func label(_ cell: String) -> String { TableTitle.squeezed(cell) }

    /// The first row at or after `start` with a cell whose label passes `matches`, and that cell's column.
    func find(from start: Int = 0, _ matches: (String) -> Bool) -> (row: Int, column: Int)? {
        for row in rows.indices where row >= start {
            if let column = rows[row].firstIndex(where: { matches(Self.label($0)) }) { return (row, column) }
        }
        return nil
    }

    /// The cell right of the first cell labelled as `matches` says, before row `end`: "" when
    /// that cell is empty, nil when there is no such label.
    func value(labelled matches: (String) -> Bool, before end: Int? = nil) -> String? {
        guard let (row, column) = find(matches), row < (end ?? rows.count) else { return nil }
        return cell(row, column + 1)
    }

    func cell(_ row: Int, _ column: Int) -> String {
        rows.indices.contains(row) && rows[row].indices.contains(column) ? rows[row][column] : ""
    }

    /// "Row N" as the messages count it: from 1, not counting blank rows.
    static func rowNumber(_ index: Int) -> Int { index + 1 }
}

/// An amount cell of a form whose heading names the unit ("年度预算数(万元)").
enum Amount {
    /// "238.93" → 238.93万元 in `unit`; "150万元" and "150万" as written (150万 is 150万元);
    /// nil when the cell holds no amount ("", "/", text).
    static func written(_ cell: String, unit: String) -> String? {
        let text = TableTitle.squeezed(cell).replacingOccurrences(of: ",", with: "")
        if text.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil { return text + unit }
        if text.range(of: #"^-?[0-9]+(\.[0-9]+)?(万元|元|万)$"#, options: .regularExpression) != nil {
            return text.hasSuffix("万") ? text + "元" : text
        }
        return nil
    }
}

/// The ways a 指标性质 cell is written that the data format reads (docs/数据格式.md).
enum IndicatorNature {
    static let known: Set<String> = ["=", "≥", "≤", ">", "<", "定性", ">=", "<=", "＝", "＞", "＜", "≧", "≦",
                                     "等于", "大于等于", "小于等于", "大于", "小于", "正向", "反向"]

    /// A cell as the data file writes it: itself when known (or "/"), else 定性 (and the
    /// original to say so in a comment) — "是/否" asks a yes-or-no question, a qualitative target.
    static func written(_ cell: String) -> (value: String, original: String?) {
        let squeezed = TableTitle.squeezed(cell)
        // "/" marks a row that does not apply: kept as printed.
        return known.contains(squeezed) || squeezed == "/" ? (squeezed, nil) : ("定性", cell)
    }
}

/// Lines of a data file, with the comments that say where the table did not give a value.
struct DataFileLines {
    private(set) var lines: [String] = []

    mutating func append(_ line: String, note: String? = nil) {
        lines.append(note.map { line + "    # " + $0 } ?? line)
    }

    /// `key: value`, quoted as YAML needs; a blank value is written `待填写` with `note`.
    mutating func field(_ indent: String, _ key: String, _ value: String, blank note: String = "原表此格空着") {
        let trimmed = value.trimmingWhitespace()
        if trimmed.isEmpty {
            append("\(indent)\(key): \(Placeholder.text)", note: note)
        } else if trimmed.contains("\n") {
            append("\(indent)\(key): >-")
            append("\(indent)  " + trimmed.replacingOccurrences(of: "\n", with: ""))
        } else {
            append("\(indent)\(key): \(Scaffold.quoted(trimmed))")
        }
    }

    /// A text cell of a column the table may lack (描述, 依据): as written when the column is there
    /// (a blank cell stays blank, as printed); nothing when it is not, as the data format leaves
    /// out a column the form has not.
    mutating func text(_ indent: String, _ key: String, _ value: String, column: Int?) {
        guard column != nil else { return }
        append("\(indent)\(key): \(Scaffold.quoted(value.replacingOccurrences(of: "\n", with: "")))")
    }

    /// A 指标性质 cell, quoted ("=" alone is a YAML 1.1 tag to some loaders); one the data
    /// format does not read is written 定性 with the original in a comment.
    mutating func nature(_ indent: String, _ key: String, _ cell: String) {
        guard !cell.trimmingWhitespace().isEmpty else { return }
        let written = IndicatorNature.written(cell)
        append("\(indent)\(key): \"\(written.value)\"", note: written.original.map { "原表为“\($0)”" })
    }

    /// `key: value` only when the table gives a value.
    mutating func optional(_ indent: String, _ key: String, _ value: String, note: String? = nil) {
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty else { return }
        append("\(indent)\(key): \(Scaffold.quoted(trimmed.replacingOccurrences(of: "\n", with: "")))", note: note)
    }

    var text: String { lines.joined(separator: "\n") + "\n" }
}
