import Foundation

/// Publishing replaces an output folder as a whole, so it must be one Jixiao owns: `--out .`
/// or `--out data`, or a folder the user keeps other files in, would otherwise be swapped
/// away with everything in it.
public enum OutputGuard {
    /// Refuses to replace `output` when it is, or holds, one of `protected` (by role: the
    /// current folder, the data, the templates), or holds a file the last publish did not
    /// write. `manifest` is that publish's; without one (none, or one this version cannot
    /// read), only an empty folder, or one of year folders alone (an older Jixiao's output),
    /// may be replaced.
    public static func check(_ output: OutputFolder, protected: [(role: String, path: String)],
                             manifest: Manifest?, listing: [String]) throws(OutputRefusal) {
        let target = canonical(output.path)
        for (role, path) in protected where contains(target, canonical(path)) {
            throw OutputRefusal("输出目录“\(output.name)”就是\(role)或包含它，发布会把它整个替换掉",
                                hint: "换一个专用的输出目录，例如 --out output")
        }
        let stranger: String?
        if let manifest {
            stranger = listing.first { manifest.files[$0] == nil }
        } else {
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).sorted()
            stranger = entries.first { $0 != Manifest.fileName && !($0.count == 4 && $0.allSatisfy(\.isASCII) && Int($0) != nil) }
        }
        if let stranger {
            throw OutputRefusal("输出目录“\(output.name)”中有不是 Jixiao 生成的“\(stranger)”，发布会把整个目录替换掉",
                                hint: "换一个新的输出目录，或先把这个文件移走")
        }
    }

    /// `path` is `ancestor` or lies beneath it.
    private static func contains(_ ancestor: String, _ path: String) -> Bool {
        path == ancestor || path.hasPrefix(ancestor.hasSuffix("/") ? ancestor : ancestor + "/")
    }

    /// Absolute, without `.`, `..` or symbolic links, so that different spellings compare equal.
    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
