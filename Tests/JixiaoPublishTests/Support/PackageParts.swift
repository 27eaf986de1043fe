import Foundation
import ZIPFoundation

/// A published Office file (.xlsx, .docx) unzipped with ZIPFoundation: its entries in order,
/// and each part's bytes by its path.
struct PackageParts {
    let entries: [Entry]
    let parts: [String: Data]

    init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        entries = Array(archive)
        var parts: [String: Data] = [:]
        for entry in entries {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        self.parts = parts
    }
}
