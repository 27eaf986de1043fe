import Foundation
import JixiaoDigest
import Synchronization

/// The output the last publish wrote, where unchanged pages and parts are taken from. A file
/// is taken only while its content is what the manifest says was written: its SHA-256 is
/// taken again (once per publish), never judged by its size, time or inode.
public final class PreviousOutput: Sendable {
    public let directory: String
    public let manifest: Manifest
    private let verified = Mutex([String: Bool]())

    public init(directory: String, manifest: Manifest) {
        (self.directory, self.manifest) = (directory, manifest)
    }

    /// Whether the file at `relativePath` still holds what the last publish wrote there.
    public func isIntact(_ relativePath: String) -> Bool {
        if let known = verified.withLock({ $0[relativePath] }) { return known }
        let intact = manifest.files[relativePath].map { ContentDigest.ofFile(directory + "/" + relativePath) == $0 } ?? false
        verified.withLock { $0[relativePath] = intact }
        return intact
    }

    /// Whether the output holds exactly the files the manifest lists, each intact (all
    /// checked at once, on every core).
    public func isComplete(listing: [String]) -> Bool {
        guard Set(listing) == Set(manifest.files.keys) else { return false }
        let digests = ContentDigest.ofFiles(listing.map { directory + "/" + $0 })
        return zip(listing, digests).allSatisfy { path, digest in digest != nil && digest == manifest.files[path] }
    }

    /// Takes the files unchanged into `staged`; false (and nothing taken) when any is not intact.
    public func reuse(_ relativePaths: [String], into staged: StagedOutput) -> Bool {
        guard relativePaths.allSatisfy(isIntact) else { return false }
        return relativePaths.allSatisfy { path in
            staged.link(directory + "/" + path, as: path, digest: manifest.files[path]!)
        }
    }

    /// Bytes of an intact file of the previous output; nil if it is not intact or shorter.
    public func bytes(of relativePath: String, offset: Int, length: Int) -> [UInt8]? {
        guard isIntact(relativePath) else { return nil }
        let descriptor = open(directory + "/" + relativePath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            count = max(0, pread(descriptor, buffer.baseAddress, length, off_t(offset)))
            complete = count == length
        }
        return complete ? bytes : nil
    }
}

/// Every regular file under `directory`, by its path inside it, in byte order; anything
/// else (a link, a device) is listed too, so that it is never taken for a page of ours.
/// The manifest is not listed.
public func outputListing(_ directory: String) -> [String] {
    var files: [String] = []
    func walk(_ folder: String, _ prefix: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                walk(path, prefix + name + "/")
            } else if !(prefix.isEmpty && name == Manifest.fileName) {
                files.append(prefix + name)
            }
        }
    }
    walk(directory, "")
    return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
}
