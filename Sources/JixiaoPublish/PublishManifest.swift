import Foundation

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
    /// The program that published (`programIdentity`), and what checking each project file
    /// on its own found: the next publish by the same program need not check them again.
    var program = ""
    var checked: [PathKey: CheckedFile] = [:]

    /// One line per entry, written straight into one buffer: at ten thousand projects the
    /// manifest has a hundred thousand lines, and copies of it would make the publish's peak.
    func serialized() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * (pages.count + files.count) + 96 * parts.values.reduce(0) { $0 + $1.count })
        func line(_ fields: String...) {
            for (index, field) in fields.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: "\t")) }
                bytes.append(contentsOf: field.utf8)
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        line(PublishManifest.header)
        line("inputs", inputs)
        line("data-files", String(fileCount))
        line("warnings", String(warningCount))
        years.forEach { line("year", String($0)) }
        for path in pages.keys.sorted() { line("page", pages[path]!, path.path) }
        for path in parts.keys.sorted() {
            for part in parts[path]! { line("part", part.digest, String(part.offset), String(part.length), path.path) }
        }
        for path in files.keys.sorted() { line("file", files[path]!.description, path.path) }
        line("program", program)
        for path in checked.keys.sorted() { line("checked", checked[path]!.digest, String(checked[path]!.warnings), path.path) }
        return bytes
    }

    func write(for output: String) throws {
        let path = PublishManifest.path(for: output)
        let temporary = path + ".new-\(getpid())"
        unlink(temporary)
        let file = try OutputFile(creating: temporary)
        try file.write(serialized())
        guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
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
        var lines = [UInt8](data).split(separator: UInt8(ascii: "\n")).makeIterator()
        guard let first = lines.next(), first.elementsEqual(header.utf8) else { return nil }
        var manifest = PublishManifest()
        while let line = lines.next() {
            let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 4, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            switch (fields.first, fields.count) {
            case ("inputs", 2): manifest.inputs = fields[1]
            case ("data-files", 2): manifest.fileCount = Int(fields[1]) ?? 0
            case ("warnings", 2): manifest.warningCount = Int(fields[1]) ?? 0
            case ("year", 2): manifest.years.append(Int(fields[1]) ?? 0)
            case ("page", 3): manifest.pages[PathKey(fields[2])] = fields[1]
            case ("file", 3):
                guard let stamp = FileStamp(fields[1]) else { return nil }
                manifest.files[PathKey(fields[2])] = stamp
            case ("program", 2): manifest.program = fields[1]
            case ("checked", 4):
                guard let warnings = Int(fields[2]) else { return nil }
                manifest.checked[PathKey(fields[3])] = CheckedFile(digest: fields[1], warnings: warnings)
            case ("part", 5):
                guard let offset = Int(fields[2]), let length = Int(fields[3]) else { return nil }
                manifest.parts[PathKey(fields[4]), default: []].append(PartRecord(digest: fields[1], offset: offset, length: length))
            default: return nil
            }
        }
        return manifest
    }

    /// Everything but folders under `directory`, paths relative to it.
    static func listFiles(in directory: URL) -> [PathKey: FileStamp] {
        var files: [PathKey: FileStamp] = [:]
        FileWalk.forEachFile(under: directory.path) { path, status in files[PathKey(path)] = FileStamp(status) }
        return files
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
            digest.add(field: "\(FileStamp(status)) \(status.st_ino)")
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
}

/// One part of a streamed page: its digest and where its bytes sit in the page's file.
struct PartRecord: Equatable {
    let digest: String
    let offset: Int
    let length: Int
}
