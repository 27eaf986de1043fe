import Foundation
import JixiaoPublish
import JixiaoData
import JixiaoImport
import JixiaoExport
import JixiaoRender

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

        // The same reading of tab-separated cells that `jixiao import` uses.
        let tables = try! TableTextReader.read(parts[1]).tables.map { Table(title: $0.title, rows: $0.rows) }
        self.tables = tables
    }
}

/// Text compared the way a reader compares it: whitespace carries no meaning in these cells.
func squeezed(_ text: String) -> String {
    String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "\u{3000}" }
        .map(Character.init))
}
