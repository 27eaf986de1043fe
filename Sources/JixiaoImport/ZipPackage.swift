import Foundation
import ZIPFoundation

/// A .docx or .xlsx file is a zip package of XML parts. Opens one and inflates its parts,
/// never more than `partLimit` bytes of any.
struct ZipPackage {
    /// The largest part we inflate. A goal-table document is well under 1 MiB (all 14 tables
    /// of 2021 with the department part: about 0.5 MiB); the limit keeps a zip bomb, whose
    /// few kilobytes inflate to gigabytes, from exhausting memory.
    static let partLimit = 64 << 20

    private let archive: Archive

    /// `notZip` is the failure to report when the file is no zip package at all.
    init(at url: URL, notZip: ImportFailure) throws(ImportFailure) {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw .unreadable(reason: FileManager.default.fileExists(atPath: url.path) ? "没有读取权限" : "文件不存在")
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw notZip
        }
    }

    func contains(_ path: String) -> Bool {
        archive[path]?.type == .file
    }

    /// The bytes of the part at `path`, or nil when the package has no such part.
    func part(_ path: String) throws(ImportFailure) -> Data? {
        guard let entry = archive[path], entry.type == .file else { return nil }
        // The size in the zip's directory can lie, so the inflated bytes are counted as well.
        guard entry.uncompressedSize <= Self.partLimit else { throw .documentTooLarge(part: path, limit: Self.partLimit) }
        var bytes = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                guard bytes.count + chunk.count <= Self.partLimit else { throw SizeExceeded() }
                bytes.append(chunk)
            }
        } catch is SizeExceeded {
            throw .documentTooLarge(part: path, limit: Self.partLimit)
        } catch {
            throw .damagedZip(part: path)
        }
        return bytes
    }

    private struct SizeExceeded: Error {}
}

/// The body of a Word document: one part of its package.
enum WordPackage {
    static let documentPath = "word/document.xml"

    /// The bytes of `word/document.xml`.
    static func documentXML(at url: URL) throws(ImportFailure) -> Data {
        guard let bytes = try ZipPackage(at: url, notZip: .notZip).part(documentPath) else { throw .noWordDocument }
        return bytes
    }
}
