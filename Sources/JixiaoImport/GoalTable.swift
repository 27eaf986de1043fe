import Foundation
import JixiaoModel
import JixiaoRender

/// One 项目绩效目标表 as a reader of the document sees it: the title, and the rows of cell
/// text in the shape that copying the table out of Word gives — each cell once however many
/// grid columns it spans, a cell merged from the one above as an empty cell. The seed's
/// table text, our published HTML and a Word document all come down to this one shape, so
/// `GoalTableImporter` reads a table the same way whatever it came from.
public struct GoalTable: Sendable, Equatable {
    public static let titleSuffix = "项目绩效目标表"

    public let title: String
    public let rows: [[String]]

    /// Cells are trimmed and rows with no text dropped: the blank rows that Word tables and
    /// their text copies carry mean nothing.
    public init(title: String, rows: [[String]]) {
        self.title = title.trimmingWhitespace()
        self.rows = rows
            .map { $0.map { $0.trimmingWhitespace() } }
            .filter { $0.contains { !$0.isEmpty } }
    }

    public var projectName: String { String(title.dropLast(Self.titleSuffix.count)) }

    /// The data file's name: the project's name, as `jixiao check` expects, made safe for
    /// the file system where it must be — a title from a document can never climb out of
    /// the folder it is imported into.
    public var fileName: String { OutputNames.safeStem(projectName) + ".yaml" }
}

/// The goal tables of one document, in order, and the budget year its text names.
public struct ImportedDocument: Sendable {
    public let tables: [GoalTable]
    public let year: Int?

    /// `text` is the document's text in reading order; its first "XXXX年" is the year
    /// ("2021年部门整体绩效目标", "2021年度", "2021年12月底前").
    init(tables: [GoalTable], text: String) {
        self.tables = tables
        year = text.range(of: #"(19|20)[0-9]{2}年"#, options: .regularExpression).flatMap { Int(text[$0].prefix(4)) }
    }
}
