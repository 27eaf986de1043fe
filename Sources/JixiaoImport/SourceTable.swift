import Foundation
import JixiaoModel
import JixiaoRender

/// What a table is, by its title: a goal table (…绩效目标表) or the Sichuan project
/// self-assessment table (部门预算项目支出绩效自评表).
public enum TableKind: Sendable, Equatable {
    case goal
    case selfAssessment
}

/// One table as a reader of the document sees it: the title, and the rows of cell text in
/// the shape that copying the table out of Word gives — each cell once however many grid
/// columns it spans, a cell merged from the one above as an empty cell. Table text, Word
/// documents and spreadsheets all come down to this one shape, so the importers read a table
/// the same way whatever it came from.
public struct SourceTable: Sendable, Equatable {
    public let title: String
    public let kind: TableKind
    public let rows: [[String]]
    /// The form's 报表编号 (Sichuan: 510000_0013zp), when the document prints one beside it.
    public let reportNumber: String?

    /// Cells are trimmed and rows with no text dropped: the blank rows that Word tables and
    /// their text copies carry mean nothing.
    public init(title: String, rows: [[String]], reportNumber: String? = nil) {
        self.title = title.trimmingWhitespace()
        kind = TableTitle.kind(of: title) ?? .goal
        self.rows = rows
            .map { $0.map { $0.trimmingWhitespace() } }
            .filter { $0.contains { !$0.isEmpty } }
        self.reportNumber = reportNumber
    }

    /// The project's name as the title gives it ("村级组织经费项目绩效目标表" → 村级组织经费);
    /// empty for a title that names only the form (项目支出绩效目标表).
    public var projectName: String { TableTitle.projectName(in: title) }

    /// The budget year the title names ("部门预算项目支出绩效自评表（2023年度）").
    var year: Int? { TableTitle.year(in: title) }
}

/// Reading a line as a table title.
enum TableTitle {
    /// The endings of a project's name in a goal table's title, longest first.
    static let goalSuffixes = ["项目支出绩效目标表", "项目绩效目标表", "支出绩效目标表", "绩效目标表"]

    /// `line` as a title: its kind, or nil when it is no title. A year in brackets after the
    /// title ("（2023年度）") is allowed; the department's own tables (部门整体支出绩效目标表)
    /// are not project tables.
    static func kind(of line: String) -> TableKind? {
        let title = withoutYear(squeezed(line))
        guard title.count <= 120 else { return nil }
        // Only the Sichuan form: other 自评表 (财预〔2020〕10号) need their goal table and are not imported.
        if title.hasSuffix("部门预算项目支出绩效自评表") { return .selfAssessment }
        if title.hasSuffix("绩效目标表"), !title.contains("部门整体"), !title.contains("整体支出") { return .goal }
        return nil
    }

    static func projectName(in title: String) -> String {
        let bare = withoutYear(title.trimmingWhitespace())
        guard let suffix = goalSuffixes.first(where: { bare.hasSuffix($0) }) else { return "" }
        return String(bare.dropLast(suffix.count)).trimmingWhitespace()
    }

    static func year(in title: String) -> Int? {
        guard let range = squeezed(title).range(of: #"[（(](19|20)[0-9]{2}年度?[）)]$"#, options: .regularExpression) else { return nil }
        return Int(squeezed(title)[range].dropFirst().prefix(4))
    }

    /// A title without a trailing bracketed year: "…自评表（2023年度）" → "…自评表".
    private static func withoutYear(_ title: String) -> String {
        title.replacingOccurrences(of: #"\s*[（(](19|20)[0-9]{2}年度?[）)]$"#, with: "", options: .regularExpression)
    }

    /// Text with every space removed, as labels are compared: forms space out short labels
    /// ("总 体 目 标") and break long ones over lines.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "\u{3000}" }.map(Character.init))
    }
}

/// The tables of one document, in order, and the budget year it names.
public struct ImportedDocument: Sendable {
    public let tables: [SourceTable]
    public let year: Int?

    /// `text` is the document's text in reading order. The year is the first a title names
    /// ("（2023年度）"), or else the first "XXXX年" of the text ("2021年部门整体绩效目标",
    /// "2021年12月底前").
    init(tables: [SourceTable], text: String) {
        self.tables = tables
        year = tables.lazy.compactMap(\.year).first
            ?? text.range(of: #"(19|20)[0-9]{2}年"#, options: .regularExpression).flatMap { Int(text[$0].prefix(4)) }
    }
}

/// Puts tables together from a document's paragraphs and table rows in reading order, the
/// same way for every kind of document.
///
/// A table belongs to the title before it: the last title paragraph since the table before,
/// or a row of the table that is a title (a form often prints its title, and its 报表编号, in
/// its first rows; a spreadsheet holds several forms one under another). A table that starts
/// with the indicator header (一级指标 …) right after a goal table continues it: our own pages
/// print the indicators as a table of their own, and a form split across pages reads the
/// same. Other tables (the department part's criteria) are passed over.
struct TableAssembler {
    private(set) var tables: [SourceTable] = []
    private var title: String?
    private var reportNumber: String?
    private var afterGoalTable = false

    mutating func paragraph(_ text: String) {
        let line = text.trimmingWhitespace()
        if TableTitle.kind(of: line) != nil {
            title = line
        } else if let number = Self.reportNumber(in: line) {
            reportNumber = number
        }
    }

    mutating func table(_ rows: [[String]]) {
        var current: (title: String, rows: [[String]], reportNumber: String?)?
        var leading: [[String]] = []
        // A table takes the 报表编号 printed before its title (or right under it).
        func start(_ title: String) {
            current = (title, [], reportNumber)
            reportNumber = nil
        }
        if let title { start(title) }
        title = nil
        // Rows before any title: the indicator part of the goal table before, or nothing of ours.
        func placeLeading() {
            if afterGoalTable, let last = tables.last, Self.isIndicatorHeader(leading.first) {
                tables[tables.count - 1] = SourceTable(title: last.title, rows: last.rows + leading, reportNumber: last.reportNumber)
            } else {
                afterGoalTable = false
            }
            leading = []
        }
        func close() {
            guard let table = current else { return placeLeading() }
            // A title with no rows of its own (a sheet named after the form it holds) is no table.
            guard !table.rows.isEmpty else { return }
            tables.append(SourceTable(title: table.title, rows: table.rows, reportNumber: table.reportNumber))
            afterGoalTable = tables.last?.kind == .goal
        }
        for row in rows {
            let filled = row.filter { !$0.trimmingWhitespace().isEmpty }
            let text = filled.joined().trimmingWhitespace()
            if filled.count <= 2, TableTitle.kind(of: text) != nil {
                close()
                start(text)
            } else if filled.count == 1, let number = Self.reportNumber(in: text) {
                if current?.rows.isEmpty == true, current?.reportNumber == nil { current!.reportNumber = number } else { reportNumber = number }
            } else if current != nil {
                current!.rows.append(row)
            } else if !filled.isEmpty {
                leading.append(row)
            }
        }
        close()
    }

    private static func isIndicatorHeader(_ row: [String]?) -> Bool {
        row?.first?.trimmingWhitespace() == "一级指标"
    }

    /// "报表编号：510000_0013zp" → 510000_0013zp.
    static func reportNumber(in text: String) -> String? {
        let squeezed = TableTitle.squeezed(text)
        guard squeezed.hasPrefix("报表编号") else { return nil }
        let number = squeezed.dropFirst(4).drop { ":：".contains($0) }
        return number.isEmpty ? nil : String(number)
    }
}
