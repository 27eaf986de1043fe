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

/// Failures collected from the rendering workers.
final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var diagnostics: [Diagnostic] = []

    var isEmpty: Bool { lock.withLock { diagnostics.isEmpty } }
    var all: [Diagnostic] { lock.withLock { diagnostics } }
    func append(_ diagnostic: Diagnostic) { lock.withLock { diagnostics.append(diagnostic) } }
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

    func render(with stylesheet: Stylesheet, parameters: [(String, String)],
                into output: StagedDirectory, xml: StagedDirectory?, spreadsheets: SpreadsheetRenderer?) throws {
        let stem = (relativePath as NSString).deletingPathExtension
        let tree = build()
        try xml?.write(stem + ".xml", Array(tree.serialized().utf8))
        let page = try stylesheet.transform(tree, parameters: parameters)
        if isForm, let spreadsheets {
            // The same tree as the page: the spreadsheet can never say something else.
            try output.write(OutputLayout.spreadsheet(forPage: relativePath), try spreadsheets.spreadsheet(tree))
        }
        guard !parts.isEmpty else { return try output.write(relativePath, page) }
        guard let slot = page.firstRange(of: PageJob.slotMarker) else {
            throw Stylesheet.Failure(description: "模板没有输出插入位置 <!--jixiao:slot-->")
        }
        let file = try output.create(relativePath)
        try file.write(page[..<slot.lowerBound])
        for (number, part) in parts.enumerated() {
            let tree = part()
            try xml?.write(stem + ".part-\(number + 1).xml", Array(tree.serialized().utf8))
            try file.write(try stylesheet.transformPart(tree, parameters: parameters))
        }
        try file.write(page[slot.upperBound...])
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

public struct PublishFailure: Error {
    public let diagnostics: [Diagnostic]
}

public struct PublishReport: Sendable {
    public let pages: [String]
    /// The .xlsx files written (`--xlsx`), paths relative to the output directory.
    public let spreadsheets: [String]
    public let dataSet: DataSet
}

/// read → decode and check → build XML → apply templates → write, all or nothing.
public enum Publisher {
    public static func publish(_ options: PublishOptions, progress: (String) -> Void = { _ in }) throws -> PublishReport {
        progress("[1/4] 读取并检查数据 \(options.dataDirectory)")
        let dataSet = DataSetLoader.load(directory: options.dataDirectory, encoding: options.encoding)
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
        let spreadsheetPaths = spreadsheets == nil ? [] : jobs.filter(\.isForm).map { OutputLayout.spreadsheet(forPage: $0.relativePath) }
        let output: StagedDirectory
        let xmlOutput: StagedDirectory?
        do {
            output = try StagedDirectory(replacing: options.outputDirectory, folders: jobs.map(\.relativePath))
            xmlOutput = try options.emitXMLDirectory.map { try StagedDirectory(replacing: $0, folders: jobs.map(\.relativePath)) }
        } catch {
            throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil,
                                                          "无法创建输出目录：\(error)")])
        }
        let failures = FailureList()
        let render = { (job: PageJob) in
            guard failures.isEmpty else { return }
            do {
                try job.render(with: stylesheet, parameters: [("page.css", css)], into: output, xml: xmlOutput,
                               spreadsheets: spreadsheets)
            } catch let failure as Stylesheet.Failure {
                failures.append(Diagnostic(.templateFailed, path: job.relativePath, at: nil, failure.description))
            } catch {
                failures.append(Diagnostic(.outputFailed, path: job.relativePath, at: nil, "写出失败：\(error)"))
            }
        }
        if options.workers == 1 {
            jobs.forEach(render)
        } else {
            DispatchQueue.concurrentPerform(iterations: jobs.count) { render(jobs[$0]) }
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
        do {
            try output.commit()
            try xmlOutput?.commit()
        } catch {
            throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil,
                                                          "写出失败：\(error)", hint: "原有的输出目录保持不变")])
        }
        return PublishReport(pages: jobs.map(\.relativePath), spreadsheets: spreadsheetPaths, dataSet: dataSet)
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
        stem = stem.trimmingCharacters(in: .whitespaces)
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
