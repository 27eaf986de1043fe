import Foundation
import JixiaoDiagnostics
import JixiaoModel
import JixiaoRender
import JixiaoScore

/// What the last publish wrote, kept beside the output (`.output.jixiao-manifest` for
/// `output/`; the published folder holds nothing but pages). With it the next publish
/// redoes only what changed: nothing at all when no input changed, and otherwise only the
/// pages whose data files or XML changed (`PageJob`). Unchanged pages are taken from the
/// previous output by hard link, so the result is byte-identical to a publish from scratch.
struct PublishManifest: Equatable {
    private static let header = "jixiao-manifest 1"

    /// Where the manifest of the output directory `output` lives.
    static func path(for output: String) -> String {
        OutputLayout.beside(URL(fileURLWithPath: output).standardizedFileURL, "jixiao-manifest").path
    }

    /// Digest of every input: data files, templates, the program itself and the options.
    var inputs = ""
    var fileCount = 0
    var warningCount = 0
    var years: [Int] = []
    /// Each page and the digest of everything it was rendered from.
    var pages: [PathKey: Fingerprint] = [:]
    /// Where each part of a streamed page sits in its file.
    var parts: [PathKey: [PartRecord]] = [:]
    /// Every file of the output, to notice one changed by hand.
    var files: [PathKey: FileStamp] = [:]
    /// How the data files were read (`readerIdentity`), and the facts of every one of them:
    /// the next publish reading them the same way need not decode unchanged files again.
    var reader = ""
    var facts = DataFacts()

    /// The header and what was read of the data, one line each. The lines come in no
    /// particular order after the header: the manifest is read back into dictionaries, and
    /// sorting its lines was a third of writing it.
    fileprivate func serializeData(into lines: inout ManifestLines) throws {
        try lines.add(.text(PublishManifest.header))
        try lines.add("inputs", .text(inputs))
        try lines.add("data-files", .number(fileCount))
        try lines.add("warnings", .number(warningCount))
        for year in years { try lines.add("year", .number(year)) }
        try lines.add("reader", .text(reader))
        for (path, project) in facts.projects {
            try lines.add("project", .fingerprint(project.digest), .number(project.warnings), project.order.map { .number($0) } ?? "-",
                          .number(project.nameMark.line), .number(project.nameMark.column), .text(project.budget.description),
                          .text(ManifestField.escaped(project.code)), .text(ManifestField.escaped(project.name)), .text(path.path))
        }
        for (path, results) in facts.results {
            try lines.add("results", .fingerprint(results.digest), .number(results.warnings), results.isSample ? "sample" : "-",
                          .number(results.nameMark.line), .number(results.nameMark.column),
                          .text(ManifestField.escaped(results.projectName)), .text(path.path))
        }
        for (path, identity) in facts.stamps { try lines.add("stamp", .identity(identity), .text(path.path)) }
        for (path, score) in facts.scores {
            try lines.add("score", .fingerprint(score.projectDigest), .fingerprint(score.resultsDigest), .number(score.warnings),
                          .text(score.figures.annual.description), .text(score.figures.spent.description),
                          .text(score.figures.ratePercent.plain), .text(score.figures.total.plain),
                          .text(score.lists.map(\.name).joined(separator: ",")), .text(path.path))
        }
    }

    /// The pages, and where their parts sit.
    fileprivate func serializePages(into lines: inout ManifestLines) throws {
        for (path, digest) in pages { try lines.add("page", .fingerprint(digest), .text(path.path)) }
        for (path, records) in parts {
            for part in records {
                try lines.add("part", .fingerprint(part.digest), .number(part.offset), .number(part.length), .text(path.path))
            }
        }
    }

    fileprivate static func serialize(_ files: [PathKey: FileStamp], into lines: inout ManifestLines) throws {
        for (path, stamp) in files { try lines.add("file", .stamp(stamp), .text(path.path)) }
    }

    func write(for output: String) throws {
        try PendingManifest(self, for: output).adding(pagesOf: self).finish(files: files)
    }

    static func remove(for output: String) throws {
        guard unlink(PublishManifest.path(for: output)) == 0 || errno == ENOENT else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    /// The manifest of the output directory `output`, if it has a readable one. Read on
    /// bytes, into values rather than strings wherever a field is not text: at ten thousand
    /// projects it has a hundred and fifty thousand lines, and a republish waits for them.
    static func read(for output: String) -> PublishManifest? {
        guard let data = FileManager.default.contents(atPath: path(for: output)) else { return nil }
        return data.withUnsafeBytes { read($0.bindMemory(to: UInt8.self)) }
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> PublishManifest? {
        guard let base = bytes.baseAddress else { return nil }
        var manifest = PublishManifest()
        var parts = PartLines()
        var start = 0
        while start < bytes.count {
            let end = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
                ?? bytes.count
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            defer { start = end + 1 }
            if start == 0 {
                guard line.elementsEqual(header.utf8) else { return nil }
                continue
            }
            var fields = ManifestFields(line)
            guard let kind = fields.next() else { return nil }
            // Two fifths of the lines locate parts, a few pages' worth each: read on their own.
            let read = kind.elementsEqual(PartLines.kind)
                ? parts.read(&fields, into: &manifest)
                : manifest.read(String(decoding: kind, as: UTF8.self), &fields)
            guard read, fields.isAtEnd else { return nil }
        }
        parts.finish(into: &manifest)
        return start > 0 ? manifest : nil
    }

    /// Reads `part` lines, which come a page at a time: the page's path is made a key once,
    /// not for each of its thousands of parts.
    private struct PartLines {
        static let kind = Array("part".utf8)
        private var path = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        private var records: [PartRecord] = []

        mutating func read(_ fields: inout ManifestFields, into manifest: inout PublishManifest) -> Bool {
            guard let digest = fields.fingerprint(), let offset = fields.number(), let length = fields.number(),
                  offset >= 0, length >= 0, let path = fields.last() else { return false }
            if !path.elementsEqual(self.path) {
                finish(into: &manifest)
                self.path = path
            }
            records.append(PartRecord(digest: digest, offset: offset, length: length))
            return true
        }

        mutating func finish(into manifest: inout PublishManifest) {
            guard !records.isEmpty else { return }
            manifest.parts[PathKey(String(decoding: path, as: UTF8.self)), default: []] += records
            records.removeAll()
        }
    }

    /// Takes in one line's fields after its kind, as `serializeData`, `serializePages` and
    /// `serialize(_:into:)` write them; false for a line they did not write.
    private mutating func read(_ kind: String, _ fields: inout ManifestFields) -> Bool {
        switch kind {
        case "inputs":
            guard let value = fields.lastText() else { return false }
            inputs = value
        case "data-files":
            guard let count = fields.lastNumber() else { return false }
            fileCount = count
        case "warnings":
            guard let count = fields.lastNumber() else { return false }
            warningCount = count
        case "year":
            guard let year = fields.lastNumber() else { return false }
            years.append(year)
        case "page":
            guard let digest = fields.fingerprint(), let path = fields.lastPath() else { return false }
            pages[path] = digest
        case "file":
            guard let stamp = fields.next().flatMap(FileStamp.init(text:)), let path = fields.lastPath() else { return false }
            files[path] = stamp
        case "reader":
            guard let value = fields.lastText() else { return false }
            reader = value
        case "project":
            guard let digest = fields.fingerprint(), let warnings = fields.number(), let order = fields.text(),
                  let line = fields.number(), let column = fields.number(), let budget = fields.text().flatMap(Amount.init(parsing:)),
                  let code = fields.text().flatMap(ManifestField.unescaped), let name = fields.text().flatMap(ManifestField.unescaped),
                  let path = fields.lastPath(), order == "-" || Int(order) != nil else { return false }
            facts.projects[path] = ProjectFacts(digest: digest, warnings: warnings, name: name,
                                                nameMark: SourceMark(line: line, column: column),
                                                order: Int(order), code: code, budget: budget)
        case "results":
            guard let digest = fields.fingerprint(), let warnings = fields.number(), let sample = fields.text(),
                  let line = fields.number(), let column = fields.number(), let name = fields.text().flatMap(ManifestField.unescaped),
                  let path = fields.lastPath() else { return false }
            facts.results[path] = ResultsFacts(digest: digest, warnings: warnings, projectName: name,
                                               nameMark: SourceMark(line: line, column: column), isSample: sample == "sample")
        case "stamp":
            guard let identity = fields.next().flatMap(FileIdentity.init(text:)), let path = fields.lastPath() else { return false }
            facts.stamps[path] = identity
        case "score":
            guard let projectDigest = fields.fingerprint(), let resultsDigest = fields.fingerprint(), let warnings = fields.number(),
                  let annual = fields.text().flatMap(Amount.init(parsing:)), let spent = fields.text().flatMap(Amount.init(parsing:)),
                  let rate = fields.text().flatMap({ Decimal(exactly: Substring($0)) }),
                  let total = fields.text().flatMap({ Decimal(exactly: Substring($0)) }),
                  let names = fields.text()?.split(separator: ","), let path = fields.lastPath() else { return false }
            let lists = names.compactMap { AssessmentXML.ProjectList(name: String($0)) }
            guard lists.count == names.count else { return false }
            facts.scores[path] = ScoreFacts(
                projectDigest: projectDigest, resultsDigest: resultsDigest, warnings: warnings,
                figures: ScoreFigures(annual: annual, spent: spent, ratePercent: rate, total: total), lists: lists)
        default: return false
        }
        return true
    }

    /// Everything but folders under `directory`, paths relative to it.
    static func listFiles(in directory: URL) -> [PathKey: FileStamp] {
        var files: [PathKey: FileStamp] = [:]
        FileWalk.forEachFile(under: directory.path) { path, status in files[PathKey(path)] = FileStamp(status) }
        return files
    }

    /// The running program and the encoding it reads data files with: what a data file says
    /// depends on both.
    static func readerIdentity(_ options: PublishOptions) -> String {
        "\(programIdentity()) encoding=\(options.encoding.rawValue)"
    }

    /// The running program, by path, size and time: another build is another program.
    static func programIdentity() -> String {
        let program = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: program) else { return "" }
        return "\(program) \(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? "")"
    }

    /// Everything a page depends on besides what it is built from (its XML, or its data
    /// files): the templates, the program that builds the XML, and the options that decide
    /// which files a page makes.
    static func renderingDigest(_ options: PublishOptions) -> Digest {
        var digest = Digest()
        digest.add(field: "xlsx=\(options.xlsx) pdf=\(options.pdf) encoding=\(options.encoding.rawValue) "
                   + "orientation=\(options.orientation?.rawValue ?? "")")
        digest.add(field: programIdentity())
        for (file, name) in files(under: options.templatesDirectory) {
            guard let contents = try? Data(contentsOf: URL(fileURLWithPath: file)) else { continue }
            digest.add(field: name)
            digest.add(field: contents)
        }
        return digest
    }

    /// The rendering digest and every data file — by size, modification time and inode,
    /// which a stat tells without reading thousands of files (the inode tells a file replaced
    /// by one of the same size and time). A file touched but unchanged only costs a republish,
    /// and that redoes nothing whose inputs are the same. The files' digests are summed, not
    /// chained: the same files give the same sum in whatever order their folder lists them,
    /// without sorting twenty thousand names.
    static func inputsDigest(_ options: PublishOptions, rendering: Digest) -> String {
        var (high, low): (UInt64, UInt64) = (0, 0)
        forEachFile(under: options.dataDirectory) { name, status in
            var file = Digest()
            file.add(field: name)
            FileIdentity(status).add(to: &file)
            (high, low) = (high &+ file.fingerprint.high, low &+ file.fingerprint.low)
        }
        var digest = rendering
        digest.add(fingerprint: Fingerprint(high: high, low: low))
        return digest.fingerprint.description
    }

    /// The regular files under `path` (or `path` itself) as a reader sees them, links
    /// followed, each with its name relative to `path`, in byte order of the names.
    private static func files(under path: String) -> [(path: String, name: String)] {
        var files: [(path: String, name: String)] = []
        forEachFile(under: path) { name, _ in files.append((name.isEmpty ? path : join(path, name), name)) }
        return files.sorted { byteOrder($0.name, $1.name) < 0 }
    }

    /// `files(under:)` in the order the folders list them, by name alone.
    private static func forEachFile(under path: String, _ body: (_ name: String, _ status: stat) -> Void) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            if (status.st_mode & S_IFMT) == S_IFREG { body("", status) }
            return
        }
        FileWalk.forEachFileFollowingLinks(under: path) { name, status in
            if (status.st_mode & S_IFMT) == S_IFREG { body(name, status) }
        }
    }
}

/// A regular file's size and modification time: what changes when anyone writes to it.
struct FileStamp: Equatable {
    let size: Int
    let seconds: Int
    let nanoseconds: Int

    /// The stamp of a regular file; nil for anything else.
    init?(of path: String) {
        guard let status = FileStamp.status(of: path) else { return nil }
        self.init(status)
    }

    /// The status of a regular file (links followed); nil for anything else.
    static func status(of path: String) -> stat? {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? status : nil
    }

    /// The stamp of whatever `status` describes (a link placed in the output is listed too).
    init(_ status: stat) {
        size = Int(status.st_size)
        (seconds, nanoseconds) = (Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec))
    }

    /// The stamp as the manifest writes it (`size@seconds.nanoseconds`); nil for anything else.
    init?<Text: Collection>(text: Text) where Text.Element == UInt8 {
        guard let at = text.firstIndex(of: UInt8(ascii: "@")),
              let point = text[at...].firstIndex(of: UInt8(ascii: ".")),
              let size = Int(decimal: text[..<at]), let seconds = Int(decimal: text[text.index(after: at)..<point]),
              let nanoseconds = Int(decimal: text[text.index(after: point)...]) else { return nil }
        (self.size, self.seconds, self.nanoseconds) = (size, seconds, nanoseconds)
    }
}

/// A data file's stamp and inode: the inode tells a file replaced by one of the same size
/// and time.
struct FileIdentity: Equatable {
    let stamp: FileStamp
    let inode: UInt64

    init(_ status: stat) {
        stamp = FileStamp(status)
        inode = UInt64(status.st_ino)
    }

    init?(of path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// The identity as the manifest writes it (the stamp, a space, the inode); nil for anything else.
    init?<Text: Collection>(text: Text) where Text.Element == UInt8 {
        guard let space = text.firstIndex(of: UInt8(ascii: " ")), let stamp = FileStamp(text: text[..<space]),
              let inode = UInt64(String(decoding: text[text.index(after: space)...], as: UTF8.self)) else { return nil }
        (self.stamp, self.inode) = (stamp, inode)
    }

    /// Into a digest as one field of its four numbers.
    func add(to digest: inout Digest) {
        var numbers = (stamp.size, stamp.seconds, stamp.nanoseconds, inode)
        withUnsafeBytes(of: &numbers) { digest.add(field: $0) }
    }
}

extension Int {
    /// Reads the digits of a manifest field, after a minus sign if it has one, without making
    /// a string of them.
    init?<Digits: Collection>(decimal text: Digits) where Digits.Element == UInt8 {
        let negative = text.first == UInt8(ascii: "-")
        let digits = text.dropFirst(negative ? 1 : 0)
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        self = negative ? -value : value
    }
}

/// The tab-separated fields of one manifest line, read in turn. The last is the rest of the
/// line: a path, which may hold a tab.
private struct ManifestFields {
    private var rest: UnsafeBufferPointer<UInt8>?

    init(_ line: UnsafeBufferPointer<UInt8>) { rest = line }

    /// Whether the last field has been read.
    var isAtEnd: Bool { rest == nil }

    /// The next field, up to a tab; nil where none is left before the last.
    mutating func next() -> UnsafeBufferPointer<UInt8>? {
        guard let line = rest, let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { return nil }
        rest = UnsafeBufferPointer(rebasing: line[(tab + 1)...])
        return UnsafeBufferPointer(rebasing: line[..<tab])
    }

    /// The rest of the line.
    mutating func last() -> UnsafeBufferPointer<UInt8>? {
        defer { rest = nil }
        return rest
    }

    mutating func text() -> String? { next().map { String(decoding: $0, as: UTF8.self) } }
    mutating func number() -> Int? { next().flatMap { Int(decimal: $0) } }
    mutating func fingerprint() -> Fingerprint? { next().flatMap { Fingerprint(hex: $0) } }
    mutating func lastText() -> String? { last().map { String(decoding: $0, as: UTF8.self) } }
    mutating func lastNumber() -> Int? { last().flatMap { Int(decimal: $0) } }
    mutating func lastPath() -> PathKey? { lastText().map(PathKey.init) }
}

/// A manifest being written beside its output, a part at a time: what was read of the data
/// while the pages are rendered, the pages while the output is swapped in (which waits on the
/// disk), then the output's files; then it takes its place. Until `finish`, under a temporary
/// name: never a manifest describing another output.
final class PendingManifest {
    private let path: String
    private let temporary: String
    private var lines: ManifestLines

    /// Writes what `manifest` holds of the data.
    init(_ manifest: PublishManifest, for output: String) throws {
        path = PublishManifest.path(for: output)
        temporary = path + ".new-\(getpid())"
        unlink(temporary)
        let file = try OutputFile(creating: temporary)
        lines = ManifestLines { try file.write($0) }
        try manifest.serializeData(into: &lines)
    }

    /// Writes the pages of `manifest`.
    func adding(pagesOf manifest: PublishManifest) throws -> PendingManifest {
        try manifest.serializePages(into: &lines)
        return self
    }

    deinit { unlink(temporary) }

    func finish(files: [PathKey: FileStamp]) throws {
        try PublishManifest.serialize(files, into: &lines)
        try lines.flush()
        guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}

/// Lines of tab-separated fields, handed on a megabyte at a time: at ten thousand projects
/// a manifest has a hundred and fifty thousand lines, and the whole of it in memory would
/// make the publish's peak.
struct ManifestLines {
    private static let chunk = 1 << 20
    private var bytes: [UInt8] = []
    private let write: ([UInt8]) throws -> Void

    init(_ write: @escaping ([UInt8]) throws -> Void) {
        self.write = write
        bytes.reserveCapacity(ManifestLines.chunk + 4096)
    }

    /// A field, written as `PublishManifest.read` reads it back.
    enum Field: ExpressibleByStringLiteral {
        case text(String)
        case number(Int)
        case fingerprint(Fingerprint)
        case stamp(FileStamp)
        case identity(FileIdentity)

        init(stringLiteral text: String) { self = .text(text) }
    }

    /// Numbers and fingerprints go into the line as digits, without a string made of each.
    mutating func add(_ fields: Field...) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "\t")) }
            append(field)
        }
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= ManifestLines.chunk { try flush() }
    }

    private mutating func append(_ field: Field) {
        switch field {
        case .text(let text): bytes.append(contentsOf: text.utf8)
        case .number(let number):
            if number < 0 { bytes.append(UInt8(ascii: "-")) }
            append(UInt64(number.magnitude))
        case .fingerprint(let fingerprint): fingerprint.appendHex(to: &bytes)
        case .stamp(let stamp):
            append(.number(stamp.size))
            bytes.append(UInt8(ascii: "@"))
            append(.number(stamp.seconds))
            bytes.append(UInt8(ascii: "."))
            append(.number(stamp.nanoseconds))
        case .identity(let identity):
            append(.stamp(identity.stamp))
            bytes.append(UInt8(ascii: " "))
            append(identity.inode)
        }
    }

    private mutating func append(_ number: UInt64) {
        let start = bytes.count
        var rest = number
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    mutating func flush() throws {
        try write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// A text field of a manifest line, which must hold no tab or line break. Escaped scalar by
/// scalar, not character by character: a tab or a backslash followed by a combining mark is
/// one character with it, which a search for the tab or the backslash passed over.
enum ManifestField {
    private static let escapes: [(Unicode.Scalar, Unicode.Scalar)] = [("\\", "\\"), ("\t", "t"), ("\n", "n"), ("\r", "r")]

    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n")
                                          || $0 == UInt8(ascii: "\r") }) else { return text }
        var field = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let (_, letter) = escapes.first(where: { $0.0 == scalar }) {
                field.append("\\")
                field.append(letter)
            } else {
                field.append(scalar)
            }
        }
        return String(field)
    }

    /// The text `escaped` wrote; nil for anything it could not have written.
    static func unescaped(_ field: String) -> String? {
        guard field.utf8.contains(UInt8(ascii: "\\")) else { return field }
        var text = String.UnicodeScalarView()
        var scalars = field.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                text.append(scalar)
                continue
            }
            guard let letter = scalars.next(), let (escaped, _) = escapes.first(where: { $0.1 == letter }) else { return nil }
            text.append(escaped)
        }
        return String(text)
    }
}

/// One part of a streamed page: its digest and where its bytes sit in the page's file.
struct PartRecord: Equatable {
    let digest: Fingerprint
    let offset: Int
    let length: Int
}
