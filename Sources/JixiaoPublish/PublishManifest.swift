import Foundation

/// What the last publish wrote, kept in the output as `.jixiao-manifest`, so that the next
/// publish redoes only what changed: nothing at all when no input changed, and otherwise
/// only the pages whose XML changed. Unchanged pages are taken from the previous output by
/// hard link, so the result is byte-identical to a publish from scratch.
struct PublishManifest: Equatable {
    static let fileName = ".jixiao-manifest"
    private static let header = "jixiao-manifest 1"

    /// Digest of every input: data files, templates, the program itself and the options.
    var inputs = ""
    var fileCount = 0
    var warningCount = 0
    var years: [Int] = []
    /// Each page and the digest of everything it was rendered from.
    var pages: [String: String] = [:]
    /// Where each part of a streamed page sits in its file.
    var parts: [String: [PartRecord]] = [:]
    /// Every file of the output and its size, to notice an output changed by hand.
    var files: [String: Int] = [:]

    func serialized() -> [UInt8] {
        var lines = [PublishManifest.header, "inputs\t\(inputs)", "data-files\t\(fileCount)", "warnings\t\(warningCount)"]
        lines += years.map { "year\t\($0)" }
        lines += pages.keys.sorted().map { "page\t\(pages[$0]!)\t\($0)" }
        lines += parts.keys.sorted().flatMap { path in
            parts[path]!.map { "part\t\($0.digest)\t\($0.offset)\t\($0.length)\t\(path)" }
        }
        lines += files.keys.sorted().map { "file\t\(files[$0]!)\t\($0)" }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The manifest of the output in `directory`, if it has a readable one.
    static func read(from directory: String) -> PublishManifest? {
        guard let text = try? String(contentsOfFile: join(directory, fileName), encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard lines.next() == Substring(header) else { return nil }
        var manifest = PublishManifest()
        while let line = lines.next() {
            let fields = line.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            switch (fields.first, fields.count) {
            case ("inputs", 2): manifest.inputs = fields[1]
            case ("data-files", 2): manifest.fileCount = Int(fields[1]) ?? 0
            case ("warnings", 2): manifest.warningCount = Int(fields[1]) ?? 0
            case ("year", 2): manifest.years.append(Int(fields[1]) ?? 0)
            case ("page", 3): manifest.pages[fields[2]] = fields[1]
            case ("file", 3): manifest.files[fields[2]] = Int(fields[1]) ?? -1
            case ("part", 5):
                guard let offset = Int(fields[2]), let length = Int(fields[3]) else { return nil }
                manifest.parts[fields[4], default: []].append(PartRecord(digest: fields[1], offset: offset, length: length))
            default: return nil
            }
        }
        return manifest
    }

    /// Every file it lists is in `directory` with the size it had.
    func isIntact(in directory: String) -> Bool {
        files.allSatisfy { path, size in PublishManifest.size(of: join(directory, path)) == size }
    }

    /// The files under `directory` and their sizes, paths relative to it.
    static func listFiles(in directory: URL) -> [String: Int] {
        var files: [String: Int] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return files }
        while let path = enumerator.nextObject() as? String {
            guard path != fileName, let size = size(of: directory.appendingPathComponent(path).path) else { continue }
            files[path] = size
        }
        return files
    }

    /// The size of a regular file; nil for anything else.
    static func size(of path: String) -> Int? {
        status(of: path).map { Int($0.st_size) }
    }

    private static func status(of path: String) -> stat? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return status
    }

    /// Everything a page depends on besides its own XML: the templates, the program that
    /// builds the XML, and the options that decide which files a page makes.
    static func renderingDigest(_ options: PublishOptions) -> Digest {
        var digest = Digest()
        digest.add(field: "xlsx=\(options.xlsx) pdf=\(options.pdf) encoding=\(options.encoding.rawValue) "
                   + "orientation=\(options.orientation?.rawValue ?? "")")
        let program = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if let attributes = try? FileManager.default.attributesOfItem(atPath: program) {
            digest.add(field: "\(program) \(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? "")")
        }
        for (file, name) in regularFiles(under: options.templatesDirectory) {
            digest.add(field: name)
            digest.add(field: (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data())
        }
        return digest
    }

    /// The rendering digest and every data file — by size and modification time, which a
    /// stat tells without reading thousands of files. A file touched but unchanged only costs
    /// a republish, and that redoes nothing whose XML is the same.
    static func inputsDigest(_ options: PublishOptions, rendering: Digest) -> String {
        var digest = rendering
        for (file, name) in regularFiles(under: options.dataDirectory) {
            guard let status = status(of: file) else { continue }
            digest.add(field: name)
            digest.add(field: "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ino)")
        }
        return digest.hex
    }

    /// The regular files under `path` (or `path` itself), sorted, with their relative names.
    private static func regularFiles(under path: String) -> [(path: String, name: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [(path, "")] }
        let names = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
        return names.sorted().map { (join(path, $0), $0) }.filter { size(of: $0.path) != nil }
    }
}

/// One part of a streamed page: its digest and where its bytes sit in the page's file.
struct PartRecord: Equatable {
    let digest: String
    let offset: Int
    let length: Int
}
