import Foundation
import JixiaoRender
import ZIPFoundation

/// A zip file built in memory, the same bytes for the same entries: every entry carries one
/// fixed date instead of the time of publishing, and entries keep the order given. An entry's
/// bytes are read as they are compressed, a chunk at a time, so a long one need never be held
/// whole (the body of a long Word document).
enum ZipPackage {
    /// 1980-01-01 00:00 UTC, the earliest date a zip (MS-DOS) time stamp can hold; the
    /// usual choice of reproducible builds.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    struct Failure: Error, CustomStringConvertible {
        var description: String { "无法在内存中生成 zip 文件" }
    }

    static func pack(_ entries: [(path: String, bytes: SequentialBytes)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(entry.bytes.count),
                                 modificationDate: entryDate, compressionMethod: .deflate) { position, size in
                Data(try entry.bytes.read(at: Int(position), count: size))
            }
        }
        guard let data = archive.data else { throw Failure() }
        return [UInt8](data)
    }
}
