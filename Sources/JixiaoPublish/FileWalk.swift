import Foundation

/// Every entry under a directory that is not a directory itself, with its `lstat`, by
/// path relative to the directory. Plain readdir: an output of forty thousand pages is
/// listed several times a publish, and FileManager's enumerator costs ten times as much.
enum FileWalk {
    static func forEachFile(under directory: String, _ body: (_ path: String, _ status: stat) -> Void) {
        walk(directory, prefix: "", body)
    }

    private static func walk(_ directory: String, prefix: String, _ body: (String, stat) -> Void) {
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = directory + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                walk(path, prefix: prefix + name + "/", body)
            } else {
                body(prefix + name, status)
            }
        }
    }
}
