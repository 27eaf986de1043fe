import Foundation
import JixiaoModel

/// Reads the plain text that copying goal tables out of Word produces: a title line ending
/// in 项目绩效目标表, then each cell on a line of its own after a tab, rows separated by
/// blank lines, merged cells as empty cells.
public enum TableTextReader {
    public static func read(_ text: String) throws(ImportFailure) -> ImportedDocument {
        var tables: [GoalTable] = []
        var title: String?
        var rows: [[String]] = []
        var cells: [String]?
        func endRow() {
            if let cells { rows.append(cells) }
            cells = nil
        }
        func endTable() {
            endRow()
            if let title { tables.append(GoalTable(title: title, rows: rows)) }
            rows = []
        }
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n") {
            let trimmed = line.trimmingSpaces()
            if !line.hasPrefix("\t"), trimmed.hasSuffix(GoalTable.titleSuffix) {
                endTable()
                title = trimmed
            } else if line.hasPrefix("\t") {
                cells = (cells ?? []) + [String(line.dropFirst())]
            } else if trimmed.isEmpty {
                endRow()
            } else if cells != nil {
                cells![cells!.count - 1] += "\n" + line  // a cell that goes on over several lines
            }
        }
        endTable()
        guard !tables.isEmpty else { throw .noTablesInText }
        return ImportedDocument(tables: tables, text: text)
    }
}
