import CSupport
import Foundation

/// A complete directory written beside its target and swapped in at the end, so that a
/// failed or interrupted publish leaves the previous output exactly as it was. Pages may be
/// written from several threads at once: every folder is created up front.
///
/// The output it replaces is not deleted but kept beside the target as a spare
/// (`.output.jixiao-spare`), and the next publish writes its pages over the spare's files
/// instead of creating new ones. Deleting and creating tens of thousands of files is
/// costly on every file system, and on ext4 without a journal creating them soon after a
/// deletion takes ten times as long as rewriting them (see BENCHMARKS.md).
final class StagedDirectory: @unchecked Sendable {
    let target: URL
    let staging: URL
    private let spare: URL
    /// Files taken over from the spare that this publish has not written (yet): whatever is
    /// left of them when the publish is done is removed, so the output holds only its pages.
    private let leftovers: Locked<Set<String>>

    init(replacing target: String, folders relativePaths: [String]) throws {
        let manager = FileManager.default
        self.target = URL(fileURLWithPath: target).standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        StagedDirectory.removeAbandonedStaging(beside: self.target)
        staging = OutputLayout.beside(self.target, "new-\(getpid())")
        spare = OutputLayout.beside(self.target, "jixiao-spare")
        try? manager.removeItem(at: staging)
        let recycled = rename(spare.path, staging.path) == 0
        leftovers = Locked(recycled ? StagedDirectory.takeOver(staging) : [])
        for folder in Set(relativePaths.map { ($0 as NSString).deletingLastPathComponent }) {
            try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        let file = try create(relativePath)
        try file.write(bytes)
        try file.finish()
    }

    /// A new file to be written in pieces; `finish()` it when it is complete.
    func create(_ relativePath: String) throws -> OutputFile {
        let url = staging.appendingPathComponent(relativePath)
        guard url.standardizedFileURL.path.hasPrefix(staging.path + "/") else {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: relativePath])
        }
        let recycled = leftovers.withLock { $0.remove(relativePath) != nil }
        return try OutputFile(creating: url.path, overwriting: recycled)
    }

    /// Hard-links `source` (a file of the current output) into the staging directory, or
    /// copies it where the file system has no hard links.
    func link(_ source: String, as relativePath: String) -> Bool {
        let target = staging.appendingPathComponent(relativePath).path
        if leftovers.withLock({ $0.remove(relativePath) != nil }) { unlink(target) }
        return Glibc.link(source, target) == 0 || (try? FileManager.default.copyItem(atPath: source, toPath: target)) != nil
    }

    /// Files another program wrote into the staging directory (the PDFs): they are pages.
    func adopt(_ relativePaths: [String]) {
        leftovers.withLock { $0.subtract(relativePaths) }
    }

    /// Removes what the spare held that this publish did not write, and the folders that
    /// leaves empty.
    func removeLeftovers() {
        let paths = leftovers.withLock { leftovers in
            defer { leftovers.removeAll() }
            return leftovers
        }
        var folders = Set<String>()
        for path in paths {
            unlink(staging.appendingPathComponent(path).path)
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                folders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        // Deepest first; a folder still holding pages is not removed.
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            rmdir(staging.appendingPathComponent(folder).path)
        }
    }

    func commit() throws {
        do {
            removeLeftovers()
            // On disk before it becomes the output: a power cut must not leave empty pages.
            try OutputFile.syncFileSystem(holding: staging.path)
            try swapIn()
        } catch {
            discard()
            throw error
        }
    }

    /// Abandons the staging directory; its files are kept as the spare.
    func discard() {
        keepAsSpare(staging)
    }

    /// The files of a spare taken over at `directory`, to be written over. A file with more
    /// than one link is removed instead: it is a page the current output shares (an
    /// unchanged page linked into it), which must never be written through.
    private static func takeOver(_ directory: URL) -> Set<String> {
        var files = Set<String>()
        FileWalk.forEachFile(under: directory.path) { path, status in
            if (status.st_mode & S_IFMT) == S_IFREG && status.st_nlink == 1 {
                files.insert(path)
            } else {
                unlink(directory.appendingPathComponent(path).path)
            }
        }
        return files
    }

    private func keepAsSpare(_ directory: URL) {
        // Another publish may have left a spare meanwhile; one is enough.
        if rename(directory.path, spare.path) != 0 { try? FileManager.default.removeItem(at: directory) }
    }

    /// A publish that was killed leaves its staging directory behind; remove those whose
    /// process is gone (never another running publish's).
    static func removeAbandonedStaging(beside target: URL) {
        let parent = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent)."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = name.split(separator: "-").last.flatMap({ Int32($0) }), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    private func swapIn() throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: target.path) else {
            try manager.moveItem(at: staging, to: target)
            return
        }
        if jx_exchange_paths(staging.path, target.path) == 0 {
            keepAsSpare(staging)  // now holds the previous output
            return
        }
        // No atomic exchange on this file system: move aside, move in, keep the previous.
        let previous = OutputLayout.beside(target, "old-\(getpid())")
        try? manager.removeItem(at: previous)
        try manager.moveItem(at: target, to: previous)
        do {
            try manager.moveItem(at: staging, to: target)
        } catch {
            try? manager.moveItem(at: previous, to: target)
            throw error
        }
        keepAsSpare(previous)
    }
}
