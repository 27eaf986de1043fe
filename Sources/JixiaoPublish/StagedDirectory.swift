import CSupport
import Foundation

/// A complete directory written beside its target and swapped in at the end, so that a
/// failed or interrupted publish leaves the previous output exactly as it was. Pages may be
/// written from several threads at once: every folder is created up front (`createFolders`).
///
/// The output it replaces is not deleted but kept beside the target as a spare
/// (`.output.jixiao-spare`), and the next publish writes its pages over the spare's files
/// instead of creating new ones. Deleting and creating tens of thousands of files is
/// costly on every file system, and on ext4 without a journal creating them soon after a
/// deletion takes ten times as long as rewriting them (see BENCHMARKS.md).
///
/// A publish that reuses the output's pages wants the opposite: a spare sharing them, as
/// the output replaced by the last such publish does. A spare of other pages (the output
/// before a full publish) would have each of its files deleted to make way for a link, and
/// freeing their blocks is most of such a publish's time. So that spare is set aside whole as
/// the reserve (`.output.jixiao-reserve`), for the next publish that writes every page.
final class StagedDirectory: @unchecked Sendable {
    let target: URL
    let staging: URL
    /// `staging` as a path, joined with the tens of thousands of pages' relative paths.
    private let stagingPath: String
    private let spare: URL
    private let reserve: URL
    /// Files taken over from the spare that this publish has not written (yet): whatever is
    /// left of them when the publish is done is removed, so the output holds only its pages.
    private let leftovers: Locked<[PathKey: Leftover]>
    /// Whether the staging directory is the spare, taken over.
    private let recycled: Bool
    /// The stamp of every file written or linked here: what the manifest records of the
    /// output, known without listing its tens of thousands of files once more.
    private let stamps = FileStamps()

    /// `reusing`: whether this publish will link the current output's pages rather than
    /// write them (an incremental publish), which decides what it takes over.
    init(replacing target: String, reusing: Bool = false) throws {
        let manager = FileManager.default
        self.target = URL(fileURLWithPath: target).standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        StagedDirectory.removeAbandonedStaging(beside: self.target)
        staging = OutputLayout.beside(self.target, "new-\(getpid())")
        stagingPath = staging.path
        spare = OutputLayout.beside(self.target, "jixiao-spare")
        reserve = OutputLayout.beside(self.target, "jixiao-reserve")
        try? manager.removeItem(at: staging)
        let files = StagedDirectory.takeOver(spare: spare, reserve: reserve, as: staging, reusing: reusing)
        recycled = files != nil
        leftovers = Locked(files ?? [:])
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Moves the spare, or the reserve, to `staging` and lists its files (see `files(of:)`);
    /// nil when neither is taken over and `staging` is to be made afresh.
    private static func takeOver(spare: URL, reserve: URL, as staging: URL, reusing: Bool) -> [PathKey: Leftover]? {
        guard rename(spare.path, staging.path) == 0 else {
            return !reusing && rename(reserve.path, staging.path) == 0 ? files(of: staging) : nil
        }
        let spareFiles = files(of: staging)
        let stale = spareFiles.values.count(where: \.shared) * 2 < spareFiles.count  // mostly other pages than the output's
        if reusing, stale {
            // Kept whole as the reserve, unless there is one already (a rename onto it fails).
            return rename(staging.path, reserve.path) == 0 ? nil : spareFiles
        }
        if !reusing, !stale, FileManager.default.fileExists(atPath: reserve.path) {
            // Links to the output, to be replaced file by file: the reserve's files are written over instead.
            try? FileManager.default.removeItem(at: staging)
            return rename(reserve.path, staging.path) == 0 ? files(of: staging) : nil
        }
        return spareFiles
    }

    /// Creates the folders that the files at `relativePaths` go into.
    func createFolders(for relativePaths: [String]) throws {
        let folders = Set(relativePaths.map { path in path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? "" })
        for folder in folders {
            try FileManager.default.createDirectory(atPath: join(stagingPath, folder), withIntermediateDirectories: true)
        }
    }

    func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        let file = try create(relativePath)
        try file.write(bytes)
        try file.finish()
    }

    /// A new file to be written in pieces; `finish()` it when it is complete.
    func create(_ relativePath: String) throws -> OutputFile {
        guard StagedDirectory.staysInside(relativePath) else {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: relativePath])
        }
        let path = join(stagingPath, relativePath)
        let leftover = takeLeftover(relativePath)
        if leftover?.shared == true { unlink(path) }  // never written through: a new file instead
        return try OutputFile(creating: path, overwriting: leftover?.shared == false, stampedIn: (stamps, relativePath))
    }

    /// Whether a file at `relativePath` is in the staging directory: neither absolute nor
    /// climbing out by `..`. Checked on the text, not by standardising a `URL` of each page
    /// (a twentieth of a publish's CPU).
    static func staysInside(_ relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        return !relativePath.isEmpty && !relativePath.hasPrefix("/") && !components.contains("..")
    }

    /// Every file written or linked here, with its stamp.
    var files: [PathKey: FileStamp] { stamps.all }

    /// A file without a name in the staging directory, for bytes on their way into a page.
    func scratch() throws -> OutputFile {
        try OutputFile.scratch(in: stagingPath)
    }

    /// Hard-links `source` (a file of the current output, of the status `status`) into the
    /// staging directory, or copies it where the file system has no hard links. Where the
    /// spare already shares that very file, as it does every page the last publish reused, it
    /// stays as it is: known from the spare's listing, without a look at either file.
    func link(_ source: String, status: stat, as relativePath: String) -> Bool {
        let target = join(stagingPath, relativePath)
        let stamp = FileStamp(status)
        if let leftover = takeLeftover(relativePath) {
            if leftover.shared, leftover.file == FileID(status) {
                stamps.record(relativePath, stamp)
                return true
            }
            unlink(target)
        }
        if Glibc.link(source, target) == 0 {
            stamps.record(relativePath, stamp)
        } else if (try? FileManager.default.copyItem(atPath: source, toPath: target)) != nil, let copied = FileStamp(of: target) {
            stamps.record(relativePath, copied)
        } else {
            return false
        }
        return true
    }

    /// Removes a file linked or written here (to be written anew).
    func remove(_ relativePath: String) {
        unlink(join(stagingPath, relativePath))
        stamps.forget(relativePath)
    }

    /// Files another program writes into the staging directory (the PDFs): they are pages,
    /// and where the spare shares one with the current output it goes first, never to be
    /// written through.
    func adopt(_ relativePaths: [String]) {
        for path in relativePaths where takeLeftover(path)?.shared == true {
            unlink(staging.appendingPathComponent(path).path)
        }
    }

    /// Records the files another program has written (`adopt`), as they are now.
    func recordWritten(_ relativePaths: [String]) {
        for path in relativePaths {
            if let stamp = FileStamp(of: join(stagingPath, path)) { stamps.record(path, stamp) }
        }
    }

    /// Takes `relativePath` off the leftovers: nil when the spare had no such file.
    private func takeLeftover(_ relativePath: String) -> Leftover? {
        leftovers.withLock { $0.removeValue(forKey: PathKey(relativePath)) }
    }

    /// Removes what the spare held that this publish did not write, and the folders that
    /// leaves empty.
    func removeLeftovers() {
        let paths = leftovers.withLock { leftovers in
            defer { leftovers.removeAll() }
            return leftovers
        }
        var folders = Set<String>()
        for path in paths.keys.map(\.path) {
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

    /// Abandons the staging directory before anything is written to it: the spare it took
    /// over is the spare again, and a directory made afresh goes.
    func giveBack() {
        if recycled { keepAsSpare(staging) } else { try? FileManager.default.removeItem(at: staging) }
    }

    /// A file of a spare taken over: which file it is, and whether it has more than one link.
    /// Such a file is a page the current output shares (an unchanged page linked into it),
    /// kept for this publish to reuse as it is but never written through.
    private struct Leftover {
        let file: FileID
        let shared: Bool
    }

    /// The files of a spare taken over at `directory`. Anything but a regular file goes.
    private static func files(of directory: URL) -> [PathKey: Leftover] {
        var files: [PathKey: Leftover] = [:]
        FileWalk.forEachFile(under: directory.path) { path, status in
            if (status.st_mode & S_IFMT) == S_IFREG {
                files[PathKey(path)] = Leftover(file: FileID(status), shared: status.st_nlink > 1)
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

/// Files by path, each with its stamp, recorded from the rendering workers.
final class FileStamps: Sendable {
    private let stamps = Locked([PathKey: FileStamp]())

    var all: [PathKey: FileStamp] { stamps.withLock { $0 } }

    func record(_ path: String, _ stamp: FileStamp) {
        stamps.withLock { $0[PathKey(path)] = stamp }
    }

    func forget(_ path: String) {
        stamps.withLock { _ = $0.removeValue(forKey: PathKey(path)) }
    }
}
