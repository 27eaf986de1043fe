import Foundation
import ZIPFoundation

/// A zip file built in memory, the same bytes for the same entries: every entry carries one
/// fixed date instead of the time of publishing, and entries keep the order given.
enum ZipPackage {
    /// 1980-01-01 00:00 UTC, the earliest date a zip (MS-DOS) time stamp can hold; the
    /// usual choice of reproducible builds.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    struct Failure: Error, CustomStringConvertible {
        var description: String { "无法在内存中生成 zip 文件" }
    }

    static func pack(_ entries: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let data = Data(entry.bytes)
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: entryDate, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw Failure() }
        return [UInt8](data)
    }
}
