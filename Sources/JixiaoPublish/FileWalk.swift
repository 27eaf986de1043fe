import Foundation

/// Every entry under a directory that is not a directory itself, with its status, by path
/// relative to the directory. Plain readdir: an output of forty thousand pages is listed
/// several times a publish, and FileManager's enumerator costs ten times as much.
enum FileWalk {
    /// The entries as they are (`lstat`): a link is listed as a link, never followed.
    static func forEachFile(under directory: String, _ body: (_ path: String, _ status: stat) -> Void) {
        var walk = Walk(followsLinks: false)
        walk.walk(directory, prefix: "", body)
    }

    /// The files as a program reading them sees them (`stat`): links are followed, into
    /// folders too, and a loop of links is walked once.
    static func forEachFileFollowingLinks(under directory: String, _ body: (_ path: String, _ status: stat) -> Void) {
        var walk = Walk(followsLinks: true)
        walk.walk(directory, prefix: "", body)
    }

    private struct Walk {
        let followsLinks: Bool
        /// Folders walked, by device and inode, when links are followed.
        var visited = Set<FileID>()

        mutating func walk(_ directory: String, prefix: String, _ body: (String, stat) -> Void) {
            guard let stream = opendir(directory) else { return }
            defer { closedir(stream) }
            let folder = dirfd(stream)
            while let entry = readdir(stream) {
                var status = stat()
                // Each entry by its name in the open folder: the kernel need not walk its whole path.
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String? in
                    let name = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                    guard name != ".", name != ".." else { return nil }
                    let flags = followsLinks ? 0 : AT_SYMLINK_NOFOLLOW
                    return fstatat(folder, raw.baseAddress!.assumingMemoryBound(to: CChar.self), &status, flags) == 0 ? name : nil
                }
                guard let name else { continue }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    if followsLinks, !visited.insert(FileID(status)).inserted { continue }
                    walk(directory + "/" + name, prefix: prefix + name + "/", body)
                } else {
                    body(prefix + name, status)
                }
            }
        }
    }
}

/// Which file an entry is, whatever its name: its device and inode.
struct FileID: Hashable {
    let device: UInt64
    let inode: UInt64

    init(_ status: stat) {
        (device, inode) = (UInt64(status.st_dev), UInt64(status.st_ino))
    }
}
