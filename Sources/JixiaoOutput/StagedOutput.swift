import CSupport
import Foundation
import JixiaoDigest
import Synchronization

/// A complete output written into the working folder and swapped in at the end, so that a
/// failed or interrupted publish leaves the previous output exactly as it was. Pages may be
/// written from several threads at once: folders are made up front (`createFolders`).
public final class StagedOutput: Sendable {
    let folder: OutputFolder
    /// Where the pages are written: `<work>/new`.
    public let staging: String
    /// The working folder's marker, locked while this publish runs.
    private let lock: Int32
    /// The SHA-256 of every file written or linked, by its path in the output.
    private let written = Mutex([String: Fingerprint]())

    init(folder: OutputFolder, staging: String, lock: Int32) {
        (self.folder, self.staging, self.lock) = (folder, staging, lock)
    }

    deinit { close(lock) }

    /// Creates the folders that the files at `relativePaths` go into.
    public func createFolders(for relativePaths: [String]) throws {
        let folders = Set(relativePaths.map { ($0 as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        for folder in folders {
            try FileManager.default.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
        }
    }

    /// A new file to be written in pieces; `finish` it when it is complete.
    public func create(_ relativePath: String) throws -> OutputFile {
        guard Self.staysInside(relativePath) else {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: relativePath])
        }
        return try OutputFile(creating: staging + "/" + relativePath)
    }

    /// Records a file complete, with the digest of what was written to it.
    public func finish(_ file: OutputFile, as relativePath: String) {
        written.withLock { $0[relativePath] = file.contentDigest }
    }

    public func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        let file = try create(relativePath)
        try file.write(bytes)
        finish(file, as: relativePath)
    }

    /// A file without a name in the staged output, for bytes on their way into a page.
    public func scratch() throws -> OutputFile {
        try OutputFile.scratch(in: staging)
    }

    /// Takes a file of the previous output unchanged: hard-linked where the file system
    /// allows, copied otherwise. `digest` is its content's, which the caller has verified.
    public func link(_ source: String, as relativePath: String, digest: Fingerprint) -> Bool {
        guard Self.staysInside(relativePath) else { return false }
        let target = staging + "/" + relativePath
        guard Glibc.link(source, target) == 0
            || (try? FileManager.default.copyItem(atPath: source, toPath: target)) != nil else { return false }
        written.withLock { $0[relativePath] = digest }
        return true
    }

    /// Records files another program wrote into the staged output (the PDFs).
    public func adopt(_ relativePaths: [String]) throws {
        for path in relativePaths {
            guard let digest = ContentDigest.ofFile(staging + "/" + path) else { throw OutputFile.error(staging + "/" + path) }
            written.withLock { $0[path] = digest }
        }
    }

    /// Every file written or linked, with its SHA-256.
    public var files: [String: Fingerprint] { written.withLock { $0 } }

    /// Whether a file at `relativePath` stays in the staged output: neither absolute nor
    /// climbing out by `..`.
    static func staysInside(_ relativePath: String) -> Bool {
        !relativePath.isEmpty && !relativePath.hasPrefix("/")
            && !relativePath.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    /// Writes the manifest into the staged output and swaps it in; the old output and the
    /// working folder go. On failure the old output stays, and the working folder goes.
    /// Returns the manifest as written, with every file's digest.
    @discardableResult
    public func commit(_ manifest: Manifest) throws -> Manifest {
        var manifest = manifest
        manifest.files = files
        do {
            let file = try OutputFile(creating: staging + "/" + Manifest.fileName)
            try file.write(try manifest.encoded())
            // On disk before it becomes the output: a power cut must not leave empty pages.
            try Self.syncFileSystem(holding: staging)
            try swapIn()
        } catch {
            discard()
            throw error
        }
        folder.removeWorkFolder()
        return manifest
    }

    /// Abandons the staged output: the working folder goes, the output stays as it was.
    public func discard() {
        folder.removeWorkFolder()
    }

    /// Exchanges the staged and the current output in one step where the file system can
    /// (renameat2 with RENAME_EXCHANGE). Elsewhere the old output is moved aside only once
    /// the new one is complete, as `complete` says, so that a publish killed in between
    /// leaves both whole, and the next one moves the new one in (`OutputFolder.recover`).
    private func swapIn() throws {
        let target = folder.path
        var status = stat()
        guard lstat(target, &status) == 0 else {
            guard rename(staging, target) == 0 else { throw OutputFile.error(target) }
            return
        }
        if ProcessInfo.processInfo.environment["JIXIAO_NO_RENAME_EXCHANGE"] == nil, jx_exchange_paths(staging, target) == 0 {
            return
        }
        let complete = open(folder.work + "/" + OutputFolder.completeName, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard complete >= 0 else { throw OutputFile.error(folder.work) }
        defer { close(complete) }
        guard fsync(complete) == 0 else { throw OutputFile.error(folder.work) }
        guard rename(target, folder.work + "/old") == 0 else { throw OutputFile.error(target) }
        guard rename(staging, target) == 0 else {
            let error = OutputFile.error(target)
            rename(folder.work + "/old", target)
            throw error
        }
    }

    /// Flushes every file of the file system holding `directory` to disk.
    static func syncFileSystem(holding directory: String) throws {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputFile.error(directory) }
        defer { close(descriptor) }
        let status = jx_sync_file_system(descriptor)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO, userInfo: [NSFilePathErrorKey: directory]) }
    }
}
