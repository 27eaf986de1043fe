import Foundation
import JixiaoRender

/// The templates folder a command uses. `--templates` alone when given; otherwise the first
/// of: beside the program, the share folder `make install` fills, the checkout the program
/// was built from (so `.build/release/jixiao` works from any folder).
struct TemplateFolder {
    /// Folders tried, in order.
    let candidates: [String]

    init(option: String?) {
        if let option {
            candidates = [option]
            return
        }
        // The real file, so that a symlink to the program (in ~/bin, say) finds what was installed beside it.
        let programFolder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = programFolder.map {
            [$0.appendingPathComponent("templates"), $0.appendingPathComponent("../share/jixiao/templates")]
        } ?? []
        let checkout = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates")
        candidates = (installed + [checkout]).map { $0.standardizedFileURL.path }
    }

    /// The first candidate holding the driver stylesheet: a folder without it would only fail later, at compile time.
    var found: String? {
        candidates.first { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(OutputLayout.driverStylesheet)) }
    }

    /// The folder to use; when there is none, says where it looked and how to fix it, and exits with the data-error status.
    static func locate(option: String?) throws -> String {
        let folder = TemplateFolder(option: option)
        if let found = folder.found { return found }
        printError("jixiao：找不到模板（\(OutputLayout.driverStylesheet)）。找过：")
        for candidate in folder.candidates { printError("  \(candidate)") }
        printError("请用 --templates 目录 指定模板所在的目录，或在源代码目录中运行 make install 安装程序和模板。")
        throw dataErrorExit
    }
}
