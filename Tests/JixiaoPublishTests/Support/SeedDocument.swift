import Foundation

/// The source document (a copy kept in the fixtures), read the way a person reads it: the
/// 第一部分 paragraphs, and the 第二部分 tables as rows of tab-separated cells, where merged
/// cells show up as empty cells.
struct SeedDocument {
    struct Table {
        let title: String
        let rows: [[String]]
    }

    let departmentLines: [String]
    let tables: [Table]

    static let shared: SeedDocument = {
        let url = Bundle.module.url(forResource: "seed", withExtension: "txt", subdirectory: "Fixtures")!
        return SeedDocument(text: try! String(contentsOf: url, encoding: .utf8))
    }()

    init(text: String) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = normalized.components(separatedBy: "第二部分")
        departmentLines = parts[0].components(separatedBy: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "第一部分" }

        // A row is a run of lines between blank lines; each line opening with a tab starts
        // a cell, and a line without one continues the cell before it.
        var tables: [Table] = []
        var title: String?
        var rows: [[String]] = []
        var cells: [String]?
        func endRow() {
            if let row = cells?.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }), row.contains(where: { !$0.isEmpty }) {
                rows.append(row)
            }
            cells = nil
        }
        func endTable() {
            endRow()
            if let title { tables.append(Table(title: title, rows: rows)) }
            rows = []
        }
        for line in parts[1].components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !line.hasPrefix("\t"), trimmed.hasSuffix("项目绩效目标表") {
                endTable()
                title = trimmed
            } else if line.hasPrefix("\t") {
                cells = (cells ?? []) + [String(line.dropFirst())]
            } else if trimmed.isEmpty {
                endRow()
            } else if cells != nil {
                cells![cells!.count - 1] += "\n" + line
            }
        }
        endTable()
        self.tables = tables
    }
}

/// Text compared the way a reader compares it: whitespace carries no meaning in these cells.
func squeezed(_ text: String) -> String {
    String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "\u{3000}" }
        .map(Character.init))
}
