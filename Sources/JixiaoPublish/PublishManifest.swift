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
    var pages: [PathKey: String] = [:]
    /// Where each part of a streamed page sits in its file.
    var parts: [PathKey: [PartRecord]] = [:]
    /// Every file of the output, to notice one changed by hand.
    var files: [PathKey: FileStamp] = [:]
    /// How the data files were read (`readerIdentity`), and the facts of every one of them:
    /// the next publish reading them the same way need not decode unchanged files again.
    var reader = ""
    var facts = DataFacts()

    /// Every entry but the output's files (`files`), one line each. They come in no particular
    /// order: the manifest is read back into dictionaries, and sorting its lines was a third of
    /// writing it.
    fileprivate func serializeAllButFiles(into lines: inout ManifestLines) throws {
        try lines.add(PublishManifest.header)
        try lines.add("inputs", inputs)
        try lines.add("data-files", String(fileCount))
        try lines.add("warnings", String(warningCount))
        for year in years { try lines.add("year", String(year)) }
        for (path, digest) in pages { try lines.add("page", digest, path.path) }
        for (path, records) in parts {
            for part in records { try lines.add("part", part.digest, String(part.offset), String(part.length), path.path) }
        }
        try lines.add("reader", reader)
        for (path, project) in facts.projects {
            try lines.add("project", project.digest, String(project.warnings), project.order.map(String.init) ?? "-",
                          String(project.nameMark.line), String(project.nameMark.column), project.budget.description,
                          ManifestField.escaped(project.code), ManifestField.escaped(project.name), path.path)
        }
        for (path, results) in facts.results {
            try lines.add("results", results.digest, String(results.warnings), results.isSample ? "sample" : "-",
                          String(results.nameMark.line), String(results.nameMark.column), ManifestField.escaped(results.projectName),
                          path.path)
        }
        for (path, stamp) in facts.stamps { try lines.add("stamp", stamp, path.path) }
        for (path, score) in facts.scores {
            try lines.add("score", score.projectDigest, score.resultsDigest, String(score.warnings), score.figures.annual.description,
                          score.figures.spent.description, score.figures.ratePercent.plain, score.figures.total.plain,
                          score.lists.map(\.name).joined(separator: ","), path.path)
        }
    }

    fileprivate static func serialize(_ files: [PathKey: FileStamp], into lines: inout ManifestLines) throws {
        for (path, stamp) in files { try lines.add("file", stamp.description, path.path) }
    }

    func write(for output: String) throws {
        try PendingManifest(self, for: output).finish(files: files)
    }

    static func remove(for output: String) throws {
        guard unlink(PublishManifest.path(for: output)) == 0 || errno == ENOENT else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    /// The manifest of the output directory `output`, if it has a readable one. Read on
    /// bytes: at ten thousand projects it has a hundred thousand lines.
    static func read(for output: String) -> PublishManifest? {
        guard let data = FileManager.default.contents(atPath: path(for: output)) else { return nil }
        let bytes = [UInt8](data)
        var manifest = PublishManifest()
        var parts = PartLines()
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[start..<end]
            defer { start = end + 1 }
            if start == 0 {
                guard line.elementsEqual(header.utf8) else { return nil }
                continue
            }
            // Two thirds of the lines locate parts, a few pages' worth each: read on their own.
            if line.starts(with: PartLines.kind) {
                guard parts.read(line, into: &manifest) else { return nil }
                continue
            }
            let kind = String(decoding: line.prefix { $0 != UInt8(ascii: "\t") }, as: UTF8.self)
            guard let count = fieldCounts[kind] else { return nil }
            let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: count - 1, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == count, manifest.read(fields) else { return nil }
        }
        parts.finish(into: &manifest)
        return start > 0 ? manifest : nil
    }

    /// Reads `part` lines, which come a page at a time: the page's path is made a key once,
    /// not for each of its thousands of parts.
    private struct PartLines {
        static let kind = Array("part\t".utf8)
        private var path: ArraySlice<UInt8> = []
        private var records: [PartRecord] = []

        mutating func read(_ line: ArraySlice<UInt8>, into manifest: inout PublishManifest) -> Bool {
            let fields = line.dropFirst(PartLines.kind.count).split(separator: UInt8(ascii: "\t"), maxSplits: 3,
                                                                     omittingEmptySubsequences: false)
            guard fields.count == 4, let offset = Int(decimal: fields[1]), let length = Int(decimal: fields[2]) else { return false }
            if !fields[3].elementsEqual(path) {
                finish(into: &manifest)
                path = fields[3]
            }
            records.append(PartRecord(digest: String(decoding: fields[0], as: UTF8.self), offset: offset, length: length))
            return true
        }

        mutating func finish(into manifest: inout PublishManifest) {
            guard !records.isEmpty else { return }
            manifest.parts[PathKey(String(decoding: path, as: UTF8.self)), default: []] += records
            records.removeAll()
        }
    }

    /// How many fields each kind of line has, the kind first and any path last.
    private static let fieldCounts = ["inputs": 2, "data-files": 2, "warnings": 2, "year": 2, "page": 3, "file": 3,
                                      "reader": 2, "project": 10, "results": 8, "stamp": 3, "score": 10]

    /// Takes in one line's fields, as `serializeAllButFiles` and `serialize(_:into:)` write
    /// them; false for a line they did not write.
    private mutating func read(_ fields: [String]) -> Bool {
        switch fields[0] {
        case "inputs": inputs = fields[1]
        case "data-files": fileCount = Int(fields[1]) ?? 0
        case "warnings": warningCount = Int(fields[1]) ?? 0
        case "year": years.append(Int(fields[1]) ?? 0)
        case "page": pages[PathKey(fields[2])] = fields[1]
        case "file":
            guard let stamp = FileStamp(fields[1]) else { return false }
            files[PathKey(fields[2])] = stamp
        case "reader": reader = fields[1]
        case "project":
            guard let warnings = Int(fields[2]), let mark = ManifestField.mark(fields[4], fields[5]),
                  let budget = Amount(parsing: fields[6]), let code = ManifestField.unescaped(fields[7]),
                  let name = ManifestField.unescaped(fields[8]) else { return false }
            let order = Int(fields[3])
            guard order != nil || fields[3] == "-" else { return false }
            facts.projects[PathKey(fields[9])] = ProjectFacts(digest: fields[1], warnings: warnings, name: name, nameMark: mark,
                                                              order: order, code: code, budget: budget)
        case "results":
            guard let warnings = Int(fields[2]), let mark = ManifestField.mark(fields[4], fields[5]),
                  let name = ManifestField.unescaped(fields[6]) else { return false }
            facts.results[PathKey(fields[7])] = ResultsFacts(digest: fields[1], warnings: warnings, projectName: name,
                                                             nameMark: mark, isSample: fields[3] == "sample")
        case "stamp": facts.stamps[PathKey(fields[2])] = fields[1]
        case "score":
            guard let warnings = Int(fields[3]), let annual = Amount(parsing: fields[4]), let spent = Amount(parsing: fields[5]),
                  let rate = Decimal(exactly: Substring(fields[6])), let total = Decimal(exactly: Substring(fields[7])) else { return false }
            let names = fields[8].split(separator: ",")
            let lists = names.compactMap { AssessmentXML.ProjectList(name: String($0)) }
            guard lists.count == names.count else { return false }
            facts.scores[PathKey(fields[9])] = ScoreFacts(
                projectDigest: fields[1], resultsDigest: fields[2], warnings: warnings,
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
        for (file, name, _) in files(under: options.templatesDirectory) {
            guard let contents = try? Data(contentsOf: URL(fileURLWithPath: file)) else { continue }
            digest.add(field: name)
            digest.add(field: contents)
        }
        return digest
    }

    /// The rendering digest and every data file — by size, modification time and inode,
    /// which a stat tells without reading thousands of files (the inode tells a file replaced
    /// by one of the same size and time). A file touched but unchanged only costs a republish,
    /// and that redoes nothing whose inputs are the same.
    static func inputsDigest(_ options: PublishOptions, rendering: Digest) -> String {
        var digest = rendering
        for (_, name, status) in files(under: options.dataDirectory) {
            digest.add(field: name)
            digest.add(field: FileStamp.identity(status))
        }
        return digest.hex
    }

    /// The regular files under `path` (or `path` itself) as a reader sees them, links
    /// followed, each with its name relative to `path`, in byte order of the names.
    private static func files(under path: String) -> [(path: String, name: String, status: stat)] {
        var status = stat()
        guard stat(path, &status) == 0 else { return [] }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            return (status.st_mode & S_IFMT) == S_IFREG ? [(path, "", status)] : []
        }
        var files: [(path: String, name: String, status: stat)] = []
        FileWalk.forEachFileFollowingLinks(under: path) { name, status in
            if (status.st_mode & S_IFMT) == S_IFREG { files.append((join(path, name), name, status)) }
        }
        return files.sorted { byteOrder($0.name, $1.name) < 0 }
    }
}

/// A regular file's size and modification time: what changes when anyone writes to it.
struct FileStamp: Equatable, CustomStringConvertible {
    let size: Int
    let modified: String

    /// The stamp of a regular file; nil for anything else.
    init?(of path: String) {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(status)
    }

    /// The stamp of whatever `status` describes (a link placed in the output is listed too).
    init(_ status: stat) {
        size = Int(status.st_size)
        modified = "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }

    init?(_ text: String) {
        let fields = text.split(separator: "@", maxSplits: 1)
        guard fields.count == 2, let size = Int(fields[0]) else { return nil }
        self.size = size
        modified = String(fields[1])
    }

    var description: String { "\(size)@\(modified)" }

    /// A file's stamp and inode: the inode tells a file replaced by one of the same size and time.
    static func identity(_ status: stat) -> String { "\(FileStamp(status)) \(status.st_ino)" }

    static func identity(of path: String) -> String? {
        var status = stat()
        return stat(path, &status) == 0 ? identity(status) : nil
    }
}

extension Int {
    /// Reads the digits of a manifest field, without making a string of them.
    init?(decimal digits: ArraySlice<UInt8>) {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        self = value
    }
}

/// A manifest being written beside its output: all but the output's files while the output
/// is listed and swapped in (which waits on the disk), then the files; then it takes its
/// place. Until `finish`, under a temporary name: never a manifest describing another output.
final class PendingManifest {
    private let path: String
    private let temporary: String
    private var lines: ManifestLines

    init(_ manifest: PublishManifest, for output: String) throws {
        path = PublishManifest.path(for: output)
        temporary = path + ".new-\(getpid())"
        unlink(temporary)
        let file = try OutputFile(creating: temporary)
        lines = ManifestLines { try file.write($0) }
        try manifest.serializeAllButFiles(into: &lines)
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

    mutating func add(_ fields: String...) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "\t")) }
            bytes.append(contentsOf: field.utf8)
        }
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= ManifestLines.chunk { try flush() }
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

    static func mark(_ line: String, _ column: String) -> SourceMark? {
        guard let line = Int(line), let column = Int(column) else { return nil }
        return SourceMark(line: line, column: column)
    }
}

/// One part of a streamed page: its digest and where its bytes sit in the page's file.
struct PartRecord: Equatable {
    let digest: String
    let offset: Int
    let length: Int
}
