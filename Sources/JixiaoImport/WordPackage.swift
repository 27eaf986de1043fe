import Foundation
import ZIPFoundation

/// A .docx file is a zip package; the body of the document is one XML part in it.
enum WordPackage {
    static let documentPath = "word/document.xml"

    /// The largest body we inflate. A goal-table document is well under 1 MiB (all 14 tables
    /// of 2021 with the department part: about 0.5 MiB); the limit keeps a zip bomb, whose
    /// few kilobytes inflate to gigabytes, from exhausting memory.
    static let documentLimit = 64 << 20

    /// The bytes of `word/document.xml`.
    static func documentXML(at url: URL) throws(ImportFailure) -> Data {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw .unreadable(reason: FileManager.default.fileExists(atPath: url.path) ? "没有读取权限" : "文件不存在")
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .notZip
        }
        guard let entry = archive[documentPath], entry.type == .file else { throw .noWordDocument }
        // The size in the zip's directory can lie, so the inflated bytes are counted as well.
        guard entry.uncompressedSize <= documentLimit else { throw .documentTooLarge(limit: documentLimit) }
        var document = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                guard document.count + chunk.count <= documentLimit else { throw SizeExceeded() }
                document.append(chunk)
            }
        } catch is SizeExceeded {
            throw .documentTooLarge(limit: documentLimit)
        } catch {
            throw .damagedZip
        }
        return document
    }

    private struct SizeExceeded: Error {}
}
