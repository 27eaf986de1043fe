import Foundation
import Synchronization

/// `jixiao publish --pdf`: every published page also as PDF, through WeasyPrint with a CJK
/// TrueType font embedded (the font decides the speed: ≈0.5 s a page with AR PL UMing,
/// ≈5 s with Noto CJK). WeasyPrint follows the paged-media CSS in templates/jixiao.css:
/// A4, landscape for wide tables, page numbers and the footer.
public enum PDFRenderer {
    static let python = "/usr/bin/python3"
    /// The font family the stylesheet names first; WeasyPrint must find it.
    static let font = "AR PL UMing"
    static let install = "sudo apt-get install -y weasyprint fonts-arphic-uming"

    public struct Missing: Error, CustomStringConvertible {
        let what: String
        public var description: String { "生成 PDF 需要\(what)。请先执行：\(PDFRenderer.install)" }
    }

    /// Checks that WeasyPrint and the font are there; says exactly what to install if not.
    public static func checkAvailable() throws {
        guard run([python, "-c", "import weasyprint"]) == 0 else { throw Missing(what: " WeasyPrint（Debian 软件包 weasyprint）") }
        guard let fonts = output(["fc-list", ":", "family"]), fonts.contains(font) else {
            throw Missing(what: "中文字体 \(font)（Debian 软件包 fonts-arphic-uming）")
        }
    }

    /// Renders `pages` (paths relative to `folder`) to PDFs beside them, split over `workers`
    /// WeasyPrint processes (one process renders many documents, saving its start-up).
    /// Returns the PDFs' paths, relative to `folder`.
    public static func render(_ pages: [String], in folder: String, workers: Int) throws -> [String] {
        let groups = stride(from: 0, to: workers, by: 1).map { start in
            stride(from: start, to: pages.count, by: workers).map { pages[$0] }
        }.filter { !$0.isEmpty }
        let failures = FailureText()
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            let arguments = [python, "-c", script, folder] + groups[index]
            let (status, errors) = runCapturing(arguments)
            if status != 0 { failures.append(errors) }
        }
        if let text = failures.first { throw Missing.Failed(text) }
        return pages.map(pdf(forPage:))
    }

    /// The PDF beside a page: 项目/<名>.html → 项目/<名>.pdf.
    public static func pdf(forPage page: String) -> String {
        (page as NSString).deletingPathExtension + ".pdf"
    }

    static let script = """
    import logging, sys
    from weasyprint import HTML
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    folder = sys.argv[1]
    for page in sys.argv[2:]:
        source = folder + "/" + page
        HTML(filename=source).write_pdf(source[:-len(".html")] + ".pdf")
    """

    private static func run(_ arguments: [String]) -> Int32 { runCapturing(arguments).0 }

    private static func output(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    private static func runCapturing(_ arguments: [String]) -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = pipe
        guard (try? process.run()) != nil else { return (127, "无法运行 \(arguments[0])") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

extension PDFRenderer.Missing {
    struct Failed: Error, CustomStringConvertible {
        let text: String
        init(_ text: String) { self.text = text }
        var description: String { "WeasyPrint 生成 PDF 失败：\(text.suffix(2000))" }
    }
}

final class FailureText: Sendable {
    private let texts = Mutex([String]())
    func append(_ text: String) { texts.withLock { $0.append(text) } }
    var first: String? { texts.withLock { $0.first } }
}
