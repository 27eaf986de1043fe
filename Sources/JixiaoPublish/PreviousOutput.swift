import Foundation

/// The output of the last publish, where unchanged pages and parts are taken from. A class:
/// each of tens of thousands of pages holds it, and a copy of the manifest's dictionaries
/// is a dozen references to count.
final class PreviousOutput: Sendable {
    let directory: String
    let manifest: PublishManifest

    init(directory: String, manifest: PublishManifest) {
        (self.directory, self.manifest) = (directory, manifest)
    }

    func page(_ path: String) -> EarlierPage? {
        manifest.pages[PathKey(path)].map { EarlierPage(self, path: path, digest: $0) }
    }
}

/// One page as the previous publish wrote it.
final class EarlierPage {
    let previous: PreviousOutput
    let path: String
    let digest: Fingerprint
    var parts: [PartRecord] { previous.manifest.parts[PathKey(path)] ?? [] }
    private lazy var partsByDigest = Dictionary(parts.map { ($0.digest, $0) }, uniquingKeysWith: { first, _ in first })
    /// The previous file's descriptor, if it is still the file the manifest describes.
    private var file: Int32? {
        if opened == nil {
            let file = join(previous.directory, path)
            let intact = previous.manifest.files[PathKey(path)].map { FileStamp(of: file) == $0 } ?? false
            let descriptor = intact ? open(file, O_RDONLY | O_CLOEXEC) : -1
            opened = descriptor < 0 ? .some(nil) : descriptor
        }
        return opened!
    }
    /// `file` once it is asked for. Not a lazy property: `deinit` would open every file to
    /// close it.
    private var opened: Int32??

    init(_ previous: PreviousOutput, path: String, digest: Fingerprint) {
        self.previous = previous
        self.path = path
        self.digest = digest
    }

    deinit { if case let descriptor?? = opened { close(descriptor) } }

    /// Hard-links `files` from the previous output into the staging directory; false when
    /// any is missing or changed since it was written (then the page is rendered anew).
    func reuse(_ files: [String], into output: StagedDirectory) -> Bool {
        let reused = files.allSatisfy { file in
            let source = join(previous.directory, file)
            guard let stamp = previous.manifest.files[PathKey(file)], let status = FileStamp.status(of: source),
                  FileStamp(status) == stamp else { return false }
            return output.link(source, status: status, as: file)
        }
        if !reused { files.forEach { output.remove($0) } }  // rendered anew, into new files
        return reused
    }

    /// Where the part with this digest sits in the previous file, while that file is still
    /// the one the manifest describes.
    func part(_ digest: Fingerprint) -> PartRecord? {
        file == nil ? nil : partsByDigest[digest]
    }

    /// Bytes of the previous file, as `part` locates them.
    func bytes(offset: Int, length: Int) -> [UInt8]? {
        guard let file else { return nil }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            count = max(0, pread(file, buffer.baseAddress, length, off_t(offset)))
            complete = count == length
        }
        return complete ? bytes : nil
    }
}
