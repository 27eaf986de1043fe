import Foundation
import JixiaoDiagnostics

/// Publishing replaces an output directory as a whole, so it must be one Jixiao owns:
/// `--out .` or `--out data`, or a folder the user keeps other files in, would otherwise be
/// swapped away with everything in it.
enum OutputGuard {
    /// Why `directory` must not be replaced, or nil when it may. `manifest` lists what the
    /// last publish wrote there and `present` what is there now; without a manifest, an
    /// older Jixiao output holds year folders only.
    static func refusal(toReplace directory: String, manifest: PublishManifest?, present: [PathKey: FileStamp]?,
                        options: PublishOptions) -> Diagnostic? {
        let output = canonical(directory)
        let protected = [("当前目录", FileManager.default.currentDirectoryPath),
                         ("数据目录", options.dataDirectory), ("模板目录", options.templatesDirectory)]
        for (role, path) in protected where contains(output, canonical(path)) {
            return Diagnostic(.unsafeOutput, path: directory, at: nil,
                              "输出目录“\(directory)”就是\(role)或包含它，发布会把它整个替换掉",
                              hint: "换一个专用的输出目录，例如 --out output")
        }
        if let stranger = foreignFile(in: output, manifest: manifest, present: present ?? [:]) {
            return Diagnostic(.unsafeOutput, path: directory, at: nil,
                              "输出目录“\(directory)”中有不是 Jixiao 生成的“\(stranger)”，发布会把整个目录替换掉",
                              hint: "换一个新的输出目录，或先把这个文件移走")
        }
        return nil
    }

    /// The first file (or, without a manifest, the first top-level entry) that the last
    /// publish did not write.
    private static func foreignFile(in directory: String, manifest: PublishManifest?, present: [PathKey: FileStamp]) -> String? {
        guard let manifest else {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            return entries.sorted().first { !($0.count == 4 && $0.allSatisfy(\.isASCII) && Int($0) != nil) }
        }
        return present.keys.filter { manifest.files[$0] == nil }.min()?.path
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
