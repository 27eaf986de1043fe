import Foundation
import JixiaoDiagnostics
import JixiaoModel
import JixiaoRender
import JixiaoScore
import CSupport

/// The names of the published files, in one place (README and tests rely on them).
public enum OutputLayout {
    public static let index = "index.html"
    public static let annualDocument = "年度绩效目标.html"
    public static let departmentPage = "部门整体绩效目标.html"
    public static let projectDirectory = "项目"
    public static let assessmentDirectory = "自评"
    public static let departmentAssessment = "部门整体.html"
    public static let report = "绩效自评报告.html"
    public static let driverStylesheet = "jixiao.xsl"
    public static let styleSheet = "jixiao.css"

    /// The spreadsheet beside a 目标表 or 自评表 page: 项目/<名>.html → 项目/<名>.xlsx.
    public static func spreadsheet(forPage page: String) -> String {
        (page as NSString).deletingPathExtension + ".xlsx"
    }
}

/// A value shared by the rendering workers.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result { lock.withLock { body(&value) } }
}

/// Failures collected from the rendering workers.
final class FailureList: @unchecked Sendable {
    private let diagnostics = Locked([Diagnostic]())

    var isEmpty: Bool { diagnostics.withLock { $0.isEmpty } }
    var all: [Diagnostic] { diagnostics.withLock { $0 } }
    func append(_ diagnostic: Diagnostic) { diagnostics.withLock { $0.append(diagnostic) } }
}

/// One page to write: where, and how to build the XML the templates turn into it. The
/// tree is built by the worker that renders it, so pages stream through memory one by one.
/// A long document (the annual document, the report) is built as a frame with a slot and a
/// list of parts, each rendered and written in turn: it is never held whole.
struct PageJob {
    let relativePath: String
    /// The page is a form (目标表, 自评表) that `--xlsx` also writes as a spreadsheet.
    var isForm = false
    let build: () -> XMLTree
    var parts: [() -> XMLTree] = []

    /// The comment the `slot` template writes where the parts go.
    static let slotMarker = Array("<!--jixiao:slot-->".utf8)

    /// What rendering a page produced: the digest of everything it was made from, whether it
    /// was taken whole from the previous output, and where each part sits in the file.
    struct Rendered {
        let digest: String
        let reused: Bool
        var parts: [PartRecord] = []
    }

    /// Renders the page, or takes it from the previous output when everything it is made
    /// from is unchanged; of a streamed page whose frame or some parts changed, the
    /// unchanged parts are copied from the previous file rather than rendered again.
    func render(with stylesheet: Stylesheet, parameters: [(String, String)], rendering: Digest,
                into output: StagedDirectory, xml: StagedDirectory?, spreadsheets: SpreadsheetRenderer?,
                previous: PreviousOutput?) throws -> Rendered {
        let stem = (relativePath as NSString).deletingPathExtension
        let tree = build()
        let treeXML = tree.serialized()
        try xml?.write(stem + ".xml", treeXML)
        /// The digest of part `number` and, when it had to be built for that, its tree.
        func part(_ number: Int) throws -> (digest: String, tree: XMLTree) {
            let tree = parts[number]()
            let partXML = tree.serialized()
            try xml?.write(stem + ".part-\(number + 1).xml", partXML)
            var digest = rendering
            digest.add(field: partXML)
            return (digest.hex, tree)
        }
        func whole(_ partDigests: [String]) -> String {
            var digest = rendering
            digest.add(field: treeXML)
            partDigests.forEach { digest.add(field: $0) }
            return digest.hex
        }

        // Where there is a previous version, the digests come first: an unchanged page is
        // then known before anything is rendered.
        let earlier = previous.flatMap { $0.page(relativePath) }
        let partDigests = try earlier == nil ? nil : parts.indices.map { try part($0).digest }
        let files = [relativePath] + (isForm && spreadsheets != nil ? [OutputLayout.spreadsheet(forPage: relativePath)] : [])
        if let earlier, let partDigests, earlier.digest == whole(partDigests), earlier.reuse(files, into: output) {
            return Rendered(digest: earlier.digest, reused: true, parts: earlier.parts)
        }

        let page = try stylesheet.transform(tree, parameters: parameters)
        if isForm, let spreadsheets {
            // The same tree as the page: the spreadsheet can never say something else.
            try output.write(files[1], try spreadsheets.spreadsheet(tree))
        }
        guard !parts.isEmpty else {
            try output.write(relativePath, page)
            return Rendered(digest: whole([]), reused: false)
        }
        guard let slot = page.firstRange(of: PageJob.slotMarker) else {
            throw Stylesheet.Failure(description: "模板没有输出插入位置 <!--jixiao:slot-->")
        }
        let file = try output.create(relativePath)
        try file.write(page[..<slot.lowerBound])
        var offset = slot.lowerBound
        var records: [PartRecord] = []
        for number in parts.indices {
            var digest = partDigests?[number]
            var bytes = digest.flatMap { earlier?.part($0) }
            if bytes == nil {
                let (built, tree) = try part(number)
                digest = built
                bytes = try stylesheet.transformPart(tree, parameters: parameters)
            }
            records.append(PartRecord(digest: digest!, offset: offset, length: bytes!.count))
            try file.write(bytes!)
            offset += bytes!.count
        }
        try file.write(page[slot.upperBound...])
        return Rendered(digest: whole(records.map(\.digest)), reused: false, parts: records)
    }
}

/// The output of the last publish, where unchanged pages and parts are taken from.
struct PreviousOutput {
    let directory: String
    let manifest: PublishManifest

    func page(_ path: String) -> EarlierPage? {
        manifest.pages[path].map { EarlierPage(self, path: path, digest: $0) }
    }
}

/// One page as the previous publish wrote it.
final class EarlierPage {
    let previous: PreviousOutput
    let path: String
    let digest: String
    var parts: [PartRecord] { previous.manifest.parts[path] ?? [] }
    private lazy var partsByDigest = Dictionary(parts.map { ($0.digest, $0) }, uniquingKeysWith: { first, _ in first })
    /// The previous file, if it is still the one the manifest describes.
    private lazy var file: FileHandle? = {
        let file = join(previous.directory, path)
        guard let size = previous.manifest.files[path], PublishManifest.size(of: file) == size else { return nil }
        return FileHandle(forReadingAtPath: file)
    }()

    init(_ previous: PreviousOutput, path: String, digest: String) {
        self.previous = previous
        self.path = path
        self.digest = digest
    }

    deinit { try? file?.close() }

    /// Hard-links `files` from the previous output into the staging directory; false when
    /// any is missing or not the size it was written with (then the page is rendered anew).
    func reuse(_ files: [String], into output: StagedDirectory) -> Bool {
        let targets = files.map { output.staging.appendingPathComponent($0).path }
        let reused = zip(files, targets).allSatisfy { file, target in
            let source = join(previous.directory, file)
            guard let size = previous.manifest.files[file], PublishManifest.size(of: source) == size else { return false }
            return link(source, target) == 0 || (try? FileManager.default.copyItem(atPath: source, toPath: target)) != nil
        }
        if !reused { targets.forEach { unlink($0) } }  // the page is rendered anew, into new files
        return reused
    }

    /// The rendered bytes of the part with this digest, read from the previous file.
    func part(_ digest: String) -> [UInt8]? {
        guard let record = partsByDigest[digest], let file else { return nil }
        guard (try? file.seek(toOffset: UInt64(record.offset))) != nil,
              let data = try? file.read(upToCount: record.length), data.count == record.length else { return nil }
        return [UInt8](data)
    }
}

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
    /// Reuse what the previous publish into the same directory wrote, where its inputs are
    /// unchanged (see `PublishManifest`). Never with `pdf` or `emitXMLDirectory`, which
    /// always write everything.
    public var incremental = true
    /// Every printed page portrait or landscape; nil leaves each form's own (the
    /// `page.orientation` stylesheet parameter).
    public var orientation: PageOrientation?

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
}

public enum PageOrientation: String, Sendable, CaseIterable {
    case portrait, landscape
}

public struct PublishFailure: Error {
    public let diagnostics: [Diagnostic]
}

public struct PublishReport: Sendable {
    public let pages: [String]
    /// The .xlsx files written (`--xlsx`), paths relative to the output directory.
    public let spreadsheets: [String]
    public let years: [Int]
    public let dataFileCount: Int
    public let warningCount: Int
    /// Pages taken unchanged from the previous output rather than rendered again.
    public let reusedPages: Int
    /// No input changed since the previous publish: the output was left as it was.
    public let upToDate: Bool

    init(_ manifest: PublishManifest, reusedPages: Int, upToDate: Bool) {
        pages = manifest.pages.keys.sorted()
        spreadsheets = manifest.files.keys.filter { $0.hasSuffix(".xlsx") }.sorted()
        years = manifest.years
        dataFileCount = manifest.fileCount
        warningCount = manifest.warningCount
        self.reusedPages = reusedPages
        self.upToDate = upToDate
    }
}

/// read → decode and check → build XML → apply templates → write, all or nothing.
public enum Publisher {
    public static func publish(_ options: PublishOptions, progress: (String) -> Void = { _ in }) throws -> PublishReport {
        let rendering = PublishManifest.renderingDigest(options)
        let inputs = PublishManifest.inputsDigest(options, rendering: rendering)
        let previous = options.incremental && !options.pdf && options.emitXMLDirectory == nil
            ? PublishManifest.read(from: options.outputDirectory).map { PreviousOutput(directory: options.outputDirectory, manifest: $0) }
            : nil
        if let previous, previous.manifest.inputs == inputs, previous.manifest.isIntact(in: options.outputDirectory) {
            progress("数据、模板与程序都没有改动，不必重新生成")
            return PublishReport(previous.manifest, reusedPages: previous.manifest.pages.count, upToDate: true)
        }

        progress("[1/4] 读取并检查数据 \(options.dataDirectory)")
        let dataSet = DataSetLoader.load(directory: options.dataDirectory, encoding: options.encoding, keepSources: false)
        if dataSet.errorCount > 0 { throw PublishFailure(diagnostics: dataSet.diagnostics) }

        if options.pdf {
            do {
                try PDFRenderer.checkAvailable()
            } catch {
                throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil, "\(error)")])
            }
        }

        progress("[2/4] 编译模板 \(options.templatesDirectory)")
        let stylesheet: Stylesheet
        let css: String
        let spreadsheets: SpreadsheetRenderer?
        do {
            stylesheet = try Stylesheet(path: join(options.templatesDirectory, OutputLayout.driverStylesheet))
            css = try String(contentsOfFile: join(options.templatesDirectory, OutputLayout.styleSheet), encoding: .utf8)
            spreadsheets = options.xlsx ? try SpreadsheetRenderer(templatesDirectory: options.templatesDirectory) : nil
        } catch {
            throw PublishFailure(diagnostics: [Diagnostic(.templateFailed, path: options.templatesDirectory, at: nil,
                                                          "\(error)")])
        }

        progress(options.xlsx ? "[3/4] 生成页面与电子表格" : "[3/4] 生成页面")
        let jobs = dataSet.years.flatMap(pageJobs)
        let output: StagedDirectory
        let xmlOutput: StagedDirectory?
        do {
            output = try StagedDirectory(replacing: options.outputDirectory, folders: jobs.map(\.relativePath))
            xmlOutput = try options.emitXMLDirectory.map { try StagedDirectory(replacing: $0, folders: jobs.map(\.relativePath)) }
        } catch {
            throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil,
                                                          "无法创建输出目录：\(error)")])
        }
        let parameters = [("page.css", css)] + (options.orientation.map { [("page.orientation", $0.rawValue)] } ?? [])
        let failures = FailureList()
        let digests = Locked([PageJob.Rendered?](repeating: nil, count: jobs.count))
        let render = { (index: Int) in
            guard failures.isEmpty else { return }
            let job = jobs[index]
            do {
                let rendered = try job.render(with: stylesheet, parameters: parameters, rendering: rendering,
                                            into: output, xml: xmlOutput, spreadsheets: spreadsheets, previous: previous)
                digests.withLock { $0[index] = rendered }
            } catch let failure as Stylesheet.Failure {
                failures.append(Diagnostic(.templateFailed, path: job.relativePath, at: nil, failure.description))
            } catch {
                failures.append(Diagnostic(.outputFailed, path: job.relativePath, at: nil, "写出失败：\(error)"))
            }
        }
        if options.workers == 1 {
            jobs.indices.forEach(render)
        } else {
            DispatchQueue.concurrentPerform(iterations: jobs.count, execute: render)
        }
        if !failures.isEmpty {
            output.discard()
            xmlOutput?.discard()
            throw PublishFailure(diagnostics: failures.all)
        }

        if options.pdf {
            progress("[3/4] 生成 PDF（WeasyPrint）")
            do {
                try PDFRenderer.render(jobs.map(\.relativePath).filter { !$0.hasSuffix("/" + OutputLayout.index) },
                                       in: output.staging, workers: options.workers)
            } catch {
                output.discard()
                xmlOutput?.discard()
                throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil, "\(error)")])
            }
        }

        progress("[4/4] 写出到 \(options.outputDirectory)")
        let rendered = digests.withLock { $0 }
        var manifest = PublishManifest(inputs: inputs, fileCount: dataSet.fileCount, warningCount: dataSet.warningCount,
                                       years: dataSet.years.map(\.year))
        for (job, page) in zip(jobs, rendered) {
            manifest.pages[job.relativePath] = page?.digest
            if let parts = page?.parts, !parts.isEmpty { manifest.parts[job.relativePath] = parts }
        }
        manifest.files = PublishManifest.listFiles(in: output.staging)
        let reused = rendered.filter { $0?.reused == true }.count
        do {
            try output.write(PublishManifest.fileName, manifest.serialized())
            try output.commit()
            try xmlOutput?.commit()
        } catch {
            throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil,
                                                          "写出失败：\(error)", hint: "原有的输出目录保持不变")])
        }
        return PublishReport(manifest, reusedPages: reused, upToDate: false)
    }

    /// The pages of one year, paths relative to the output directory.
    static func pageJobs(_ year: YearData) -> [PageJob] {
        let folder = String(year.year)
        let names = OutputNames(year.projects.map(\.name.value))
        let inFolder = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: "../" + OutputLayout.index)
        let atTop = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: OutputLayout.index)
        var jobs: [PageJob] = []
        var documents: [(href: String, title: String)] = []

        for project in year.projects {
            jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.projectDirectory)/\(names.fileName(for: project.name.value))",
                                isForm: true, build: { DocumentXML.projectPage(project, context: inFolder) }))
        }
        jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.annualDocument)",
                            build: { DocumentXML.annualDocument(department: year.department, hasProjects: !year.projects.isEmpty,
                                                                context: atTop) },
                            parts: year.projects.map { project in { DocumentXML.annualPart(project, context: atTop) } }))
        documents.append((OutputNames.href(OutputLayout.annualDocument), "\(year.year)年度绩效目标（全文）"))
        if let department = year.department {
            jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.departmentPage)",
                                build: { DocumentXML.departmentPage(department, context: atTop) }))
            documents.append((OutputNames.href(OutputLayout.departmentPage), "\(year.year)年部门整体绩效目标"))
        }

        var assessmentHrefs: [String: String] = [:]
        if let assessment = year.assessment {
            for score in assessment.scored {
                let fileName = names.fileName(for: score.project.name.value)
                assessmentHrefs[score.project.name.value] = OutputNames.href(OutputLayout.assessmentDirectory, fileName)
                jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.assessmentDirectory)/\(fileName)",
                                    isForm: true,
                                    build: { AssessmentXML.projectPage(score, context: inFolder, isSample: assessment.isSample) }))
            }
            if let department = assessment.department {
                jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.assessmentDirectory)/\(OutputLayout.departmentAssessment)",
                                    build: { AssessmentXML.departmentPage(department, context: inFolder, isSample: assessment.isSample) }))
                documents.append((OutputNames.href(OutputLayout.assessmentDirectory, OutputLayout.departmentAssessment),
                                  "\(year.year)年部门整体绩效自评"))
            }
            jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.report)",
                                build: { AssessmentXML.report(assessment, hrefs: assessmentHrefs, context: atTop) },
                                parts: assessment.scored.map { score in
                                    { AssessmentXML.reportAnnex(score, context: atTop, isSample: assessment.isSample) }
                                }))
            documents.insert((OutputNames.href(OutputLayout.report), "\(year.year)年度绩效自评报告"), at: 1)
        }

        let scores = Dictionary(year.assessment?.scored.map { ($0.project.name.value, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let entries = year.projects.map { project in
            DocumentXML.IndexEntry(href: OutputNames.href(OutputLayout.projectDirectory, names.fileName(for: project.name.value)),
                                   project: project,
                                   assessment: year.assessment.map { _ in
                                       let score = scores[project.name.value]
                                       return (assessmentHrefs[project.name.value], score?.total.fixed(2), score?.grade.rawValue)
                                   })
        }
        jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.index)",
                            build: { DocumentXML.indexPage(documents: documents, projects: entries,
                                                           context: DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: nil),
                                                           isSample: year.assessment?.isSample ?? false) }))
        return jobs
    }
}

/// File names for projects: the project name itself where the file system allows, made
/// safe and unique otherwise (a name can never climb out of the output directory).
struct OutputNames {
    private var byName: [String: String] = [:]

    init(_ names: [String]) {
        var taken: Set<String> = []
        for name in names {
            let base = OutputNames.safeStem(name)
            var candidate = base
            var counter = 2
            while taken.contains(candidate.lowercased()) {
                candidate = "\(base)-\(counter)"
                counter += 1
            }
            taken.insert(candidate.lowercased())
            byName[name] = candidate + ".html"
        }
    }

    func fileName(for name: String) -> String { byName[name]! }

    /// Names Windows refuses for files, so published folders can be copied there.
    static let reservedStems = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    static func safeStem(_ name: String) -> String {
        var stem = String(name.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|": return "_"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: return "_"
            default: return Character(scalar)
            }
        })
        stem = stem.trimmingSpaces()
        while stem.hasPrefix(".") { stem = "_" + stem.dropFirst() }
        if stem.isEmpty { stem = "_" }
        if reservedStems.contains(stem.lowercased()) { stem += "_" }
        // Stay under the common 255-byte file name limit, leaving room for "-N.html".
        while stem.utf8.count > 200 { stem.removeLast() }
        return stem
    }

    /// A relative link; only the characters that would end or alter a URL path are escaped.
    static func href(_ parts: String...) -> String {
        parts.map { part in
            var escaped = ""
            for character in part {
                switch character {
                case "%": escaped += "%25"
                case "#": escaped += "%23"
                case "?": escaped += "%3F"
                case " ": escaped += "%20"
                default: escaped.append(character)
                }
            }
            return escaped
        }.joined(separator: "/")
    }
}

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
