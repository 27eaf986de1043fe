import Foundation
import JixiaoData
import JixiaoDiagnostics
import JixiaoDigest
import JixiaoModel
import JixiaoOutput
import JixiaoRender

public struct PublishOptions: Sendable {
    public var dataDirectory: String
    public var outputDirectory: String
    public var templatesDirectory: String
    /// Also write the XML fed to libxslt here (for xsltproc comparisons).
    public var emitXMLDirectory: String?
    public var encoding: SourceEncoding
    /// How many pages are rendered at once; the output is byte-identical for any value.
    public var workers: Int
    /// Also write a PDF beside every page (WeasyPrint).
    public var pdf = false
    /// Also write an .xlsx beside every 目标表 and 自评表 page.
    public var xlsx = false
    /// Also write a .docx beside every 目标表 and 自评表 page and the annual document.
    public var docx = false
    /// Take pages whose inputs are unchanged from the previous output (`--full` turns it off).
    public var incremental = true
    /// Every printed page portrait or landscape; nil leaves each form's own (the
    /// `page.orientation` stylesheet parameter).
    public var orientation: PageOrientation?
    /// How many projects' tables are rendered between two writes of the long documents
    /// (`RenderPlan`); the output is byte-identical for any value.
    var batchSize = RenderPlan.batchSize

    public init(dataDirectory: String, outputDirectory: String, templatesDirectory: String,
                emitXMLDirectory: String? = nil, encoding: SourceEncoding = .utf8,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.dataDirectory = dataDirectory
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.emitXMLDirectory = emitXMLDirectory
        self.encoding = encoding
        self.workers = max(1, workers)
    }

    /// PDFs and the XML are always written whole: only pages are taken from the last output.
    var reusesPages: Bool { incremental && !pdf && emitXMLDirectory == nil }

    var stylesheetParameters: [(String, String)] {
        orientation.map { [("page.orientation", $0.rawValue)] } ?? []
    }

    /// The folders an output must never be, nor hold.
    var protectedFolders: [(role: String, path: String)] {
        [("当前目录", FileManager.default.currentDirectoryPath), ("数据目录", dataDirectory), ("模板目录", templatesDirectory)]
    }

    /// What every page is made from besides its own XML: the program that builds the XML,
    /// the templates, and the options that decide what a page holds. All by content.
    func renderingDigest() -> Fingerprint {
        var digest = Digest()
        digest.add(field: "xlsx=\(xlsx) docx=\(docx) pdf=\(pdf) encoding=\(encoding.rawValue) orientation=\(orientation?.rawValue ?? "")")
        digest.add(field: ContentDigest.ofFile("/proc/self/exe", followingLinks: true)?.description ?? "")
        for name in templateFiles() {
            digest.add(field: name)
            digest.add(field: ContentDigest.ofFile(join(templatesDirectory, name), followingLinks: true)?.description ?? "")
        }
        return digest.fingerprint
    }

    /// Everything a publish is made from: the rendering digest and every data file.
    func inputsDigest(rendering: Fingerprint) -> Fingerprint {
        var digest = Digest()
        digest.add(fingerprint: rendering)
        digest.add(fingerprint: DataSetLoader.inputsDigest(directory: dataDirectory))
        return digest.fingerprint
    }

    /// Every file under the templates folder, by its path inside it, in byte order.
    private func templateFiles() -> [String] {
        let files = FileManager.default.enumerator(atPath: templatesDirectory)?.compactMap { $0 as? String } ?? []
        return files.filter { !DataSetLoader.isDirectory(join(templatesDirectory, $0)) }.sortedByBytes()
    }
}

public enum PageOrientation: String, Sendable, CaseIterable {
    case portrait, landscape
}

public struct PublishFailure: Error {
    public let diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// A failure met while rendering or writing.
    init(_ error: Error, path: String) {
        switch error {
        case let failure as RenderFailure: diagnostics = failure.diagnostics
        case let failure as Stylesheet.Failure: diagnostics = [Diagnostic(.templateFailed, path: path, at: nil, failure.description)]
        default: diagnostics = [Diagnostic(.outputFailed, path: path, at: nil, "写出失败：\(error)", hint: "原有的输出目录保持不变")]
        }
    }
}

public struct PublishReport: Sendable {
    /// Every page, paths relative to the output folder, in byte order.
    public let pages: [String]
    public var pageCount: Int { pages.count }
    /// The .xlsx files written (`--xlsx`), paths relative to the output folder.
    public let spreadsheets: [String]
    /// The .docx files written (`--docx`), paths relative to the output folder.
    public let wordDocuments: [String]
    public let years: [Int]
    public let dataFileCount: Int
    public let warningCount: Int
    /// Pages taken unchanged from the previous output rather than rendered again.
    public let reusedPages: Int
    /// No input changed since the previous publish: the output was left as it was.
    public let upToDate: Bool
    /// Whether the output is a district's, with an index of its units at the top (`index.html`).
    public var isDistrict: Bool { pages.contains(OutputLayout.index) }

    init(_ manifest: Manifest, reusedPages: Int, upToDate: Bool) {
        pages = manifest.pages.keys.sortedByBytes()
        spreadsheets = manifest.files.keys.filter { $0.hasSuffix("." + OutputLayout.spreadsheetExtension) }.sortedByBytes()
        wordDocuments = manifest.files.keys.filter { $0.hasSuffix("." + OutputLayout.wordExtension) }.sortedByBytes()
        years = manifest.summary.years
        dataFileCount = manifest.summary.dataFileCount
        warningCount = manifest.summary.warningCount
        self.reusedPages = reusedPages
        self.upToDate = upToDate
    }
}
