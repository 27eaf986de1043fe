import Foundation
import JixiaoModel

/// Reads the plain text that copying tables out of Word produces: a title line (ending in
/// 绩效目标表 or 部门预算项目支出绩效自评表), then each cell on a line of its own after a tab, rows
/// separated by blank lines, merged cells as empty cells. A title copied as a row of the
/// table (a cell of its own) is a title too.
public enum TableTextReader {
    public static func read(_ text: String) throws(ImportFailure) -> ImportedDocument {
        var assembler = TableAssembler()
        var rows: [[String]] = []
        var cells: [String]?
        func endRow() {
            if let cells { rows.append(cells) }
            cells = nil
        }
        func endTable() {
            endRow()
            if !rows.isEmpty { assembler.table(rows) }
            rows = []
        }
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n") {
            let trimmed = line.trimmingSpaces()
            if line.hasPrefix("\t") {
                cells = (cells ?? []) + [String(line.dropFirst())]
            } else if trimmed.isEmpty {
                endRow()
            } else if cells != nil, TableTitle.kind(of: trimmed) == nil {
                cells![cells!.count - 1] += "\n" + line  // a cell that goes on over several lines
            } else {
                // Only a title ends a table: other lines between its rows ("单位：万元") are notes.
                if TableTitle.kind(of: trimmed) != nil { endTable() }
                assembler.paragraph(trimmed)
            }
        }
        endTable()
        guard !assembler.tables.isEmpty else { throw .noTablesInText }
        return ImportedDocument(tables: assembler.tables, text: text)
    }
}
