import Foundation
import Synchronization

/// Removes a folder Jixiao made, and everything in it, without ever following a symbolic
/// link: each folder is opened by a descriptor with O_NOFOLLOW and its entries removed
/// relative to it, so a link inside, or a folder swapped for a link meanwhile, is removed as
/// a link and what it points to is never touched.
enum SafeRemoval {
    /// Removes `name` inside the folder open as `parent`. Returns false if anything stayed.
    @discardableResult
    static func remove(_ name: String, in parent: Int32) -> Bool {
        if unlinkat(parent, name, 0) == 0 || errno == ENOENT { return true }
        guard errno == EISDIR || errno == EPERM else { return false }
        let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return false }
        // On every core: most of an output is two folders of ten thousand pages each, and
        // removing a replaced output is the last step of every publish.
        let names = entries(of: folder)
        let left = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            if !remove(names[index], in: folder) { left.withLock { $0 += 1 } }
        }
        close(folder)
        return unlinkat(parent, name, AT_REMOVEDIR) == 0 && left.withLock { $0 } == 0
    }

    /// Removes the folder at `path` and what it holds (the path's last component must not be
    /// a link: then only the link goes).
    @discardableResult
    static func remove(path: String) -> Bool {
        let parent = open((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                          O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parent >= 0 else { return false }
        defer { close(parent) }
        return remove((path as NSString).lastPathComponent, in: parent)
    }

    /// The names in the open folder `folder` (its descriptor stays open).
    private static func entries(of folder: Int32) -> [String] {
        let copy = dup(folder)
        guard copy >= 0, let stream = fdopendir(copy) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
