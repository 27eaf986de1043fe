import Foundation
import JixiaoDiagnostics
import JixiaoDigest

/// What a publish wrote, kept inside the output folder it describes (so it is swapped in with
/// the pages, never describing another output): the digest of everything the publish was
/// made from, the SHA-256 of every file, and of each page what it was made from and where its
/// parts sit. One format, JSON, written and read through Foundation's Codable, which escapes
/// every name (a newline in a file name included). The files are written as rows in byte
/// order of their paths, a page's row with its file's, so that the same output always has the
/// same manifest, without sorting tens of thousands of keys as Unicode text.
public struct Manifest: Codable, Sendable {
    public static let fileName = ".jixiao-manifest.json"
    static let currentFormat = "jixiao-manifest 4"

    public var format = Manifest.currentFormat
    /// The program, the templates, the options and every data file, as one digest.
    public var inputs: Fingerprint
    /// Every file of the output but the manifest, by its path in the output, and its SHA-256.
    public var files: [String: Fingerprint] = [:]
    /// Every page, by its path in the output.
    public var pages: [String: Page] = [:]
    /// What the publish reported, for a later publish that finds nothing changed.
    public var summary: Summary

    public struct Page: Codable, Sendable {
        /// The digest of everything the page was made from.
        public var source: Fingerprint
        /// Where each part of a long page sits in the file, in order.
        public var parts: [Part]?

        public init(source: Fingerprint, parts: [Part]?) {
            (self.source, self.parts) = (source, parts)
        }
    }

    /// Written as `[digest, offset, length]`: a long document has tens of thousands.
    public struct Part: Codable, Sendable {
        public var digest: Fingerprint
        public var offset: Int
        public var length: Int

        public init(digest: Fingerprint, offset: Int, length: Int) {
            (self.digest, self.offset, self.length) = (digest, offset, length)
        }

        public init(from decoder: Decoder) throws {
            var fields = try decoder.unkeyedContainer()
            (digest, offset, length) = (try fields.decode(Fingerprint.self), try fields.decode(Int.self), try fields.decode(Int.self))
        }

        public func encode(to encoder: Encoder) throws {
            var fields = encoder.unkeyedContainer()
            try fields.encode(digest)
            try fields.encode(offset)
            try fields.encode(length)
        }
    }

    public struct Summary: Codable, Sendable {
        public var years: [Int]
        public var dataFileCount: Int
        public var warningCount: Int

        public init(years: [Int], dataFileCount: Int, warningCount: Int) {
            (self.years, self.dataFileCount, self.warningCount) = (years, dataFileCount, warningCount)
        }
    }

    public init(inputs: Fingerprint, summary: Summary) {
        (self.inputs, self.summary) = (inputs, summary)
    }

    private enum CodingKeys: String, CodingKey { case format, inputs, files, summary }

    /// One file: `[path, sha256]`, and for a page `[path, sha256, source]` or
    /// `[path, sha256, source, parts]`.
    private struct FileRow: Codable {
        let path: String
        let digest: Fingerprint
        let page: Page?

        init(path: String, digest: Fingerprint, page: Page?) { (self.path, self.digest, self.page) = (path, digest, page) }

        init(from decoder: Decoder) throws {
            var fields = try decoder.unkeyedContainer()
            (path, digest) = (try fields.decode(String.self), try fields.decode(Fingerprint.self))
            page = fields.isAtEnd ? nil
                : Page(source: try fields.decode(Fingerprint.self), parts: fields.isAtEnd ? nil : try fields.decode([Part].self))
        }

        func encode(to encoder: Encoder) throws {
            var fields = encoder.unkeyedContainer()
            try fields.encode(path)
            try fields.encode(digest)
            guard let page else { return }
            try fields.encode(page.source)
            if let parts = page.parts { try fields.encode(parts) }
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        inputs = try container.decode(Fingerprint.self, forKey: .inputs)
        summary = try container.decode(Summary.self, forKey: .summary)
        for row in try container.decode([FileRow].self, forKey: .files) {
            files[row.path] = row.digest
            if let page = row.page { pages[row.path] = page }
        }
    }

    /// Every page is a file of the output, so its row is its file's.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(summary, forKey: .summary)
        try container.encode(files.keys.sortedByBytes().map { FileRow(path: $0, digest: files[$0]!, page: pages[$0]) },
                             forKey: .files)
    }

    /// The manifest of the output folder at `directory`; nil if there is none, or none of
    /// this format (the next publish then renders every page).
    public static func read(in directory: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + fileName),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              manifest.format == currentFormat else { return nil }
        return manifest
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]  // the few keyed objects; the rows are in order already
        return Array(try encoder.encode(self))
    }
}
