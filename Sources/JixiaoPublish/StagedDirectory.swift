import CSupport
import Foundation

/// A complete directory written beside its target and swapped in at the end, so that a
/// failed or interrupted publish leaves the previous output exactly as it was. Pages may be
/// written from several threads at once: every folder is created up front.
final class StagedDirectory: @unchecked Sendable {
    let target: URL
    let staging: URL

    init(replacing target: String, folders relativePaths: [String]) throws {
        let manager = FileManager.default
        self.target = URL(fileURLWithPath: target).standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        StagedDirectory.removeAbandonedStaging(beside: self.target)
        staging = parent.appendingPathComponent(".\(self.target.lastPathComponent).new-\(getpid())")
        try? manager.removeItem(at: staging)
        for folder in Set(relativePaths.map { ($0 as NSString).deletingLastPathComponent }) {
            try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ bytes: [UInt8]) throws {
        try create(relativePath).write(bytes)
    }

    /// A new file to be written in pieces.
    func create(_ relativePath: String) throws -> OutputFile {
        let url = staging.appendingPathComponent(relativePath)
        guard url.standardizedFileURL.path.hasPrefix(staging.path + "/") else {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: relativePath])
        }
        return try OutputFile(creating: url.path)
    }

    func commit() throws {
        do {
            // On disk before it becomes the output: a power cut must not leave empty pages.
            try OutputFile.syncFileSystem(holding: staging.path)
            try StagedDirectory.swapIn(staging, target)
        } catch {
            discard()
            throw error
        }
    }

    func discard() {
        try? FileManager.default.removeItem(at: staging)
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

    private static func swapIn(_ staging: URL, _ target: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: target.path) else {
            try manager.moveItem(at: staging, to: target)
            return
        }
        let status = jx_exchange_paths(staging.path, target.path)
        if status == 0 {
            try manager.removeItem(at: staging) // now holds the previous output
            return
        }
        // No atomic exchange on this file system: move aside, move in, then delete.
        let previous = staging.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
        try? manager.removeItem(at: previous)
        try manager.moveItem(at: target, to: previous)
        do {
            try manager.moveItem(at: staging, to: target)
        } catch {
            try? manager.moveItem(at: previous, to: target)
            throw error
        }
        try? manager.removeItem(at: previous)
    }
}
