import Foundation
import JixiaoDiagnostics
import JixiaoModel
import JixiaoRender
import JixiaoScore

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

    /// The PDF beside a page (`--pdf`): 项目/<名>.html → 项目/<名>.pdf.
    public static func pdf(forPage page: String) -> String {
        (page as NSString).deletingPathExtension + ".pdf"
    }

    /// What Jixiao keeps beside an output directory, hidden: `output/` → `.output.<what>`
    /// (the manifest, the spare, the reserve; `make clean` and `.gitignore` name them too).
    static func beside(_ output: URL, _ what: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(what)")
    }
}

/// A value shared by the rendering workers.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result { lock.withLock { body(&value) } }
}

/// `first` and `second` side by side, on two cores: `second` on another thread, `first` on
/// this one. Not by `concurrentPerform`: within it, libdispatch runs a nested
/// `concurrentPerform` on a single thread, and each side here may spread its own work over
/// every core (the data set is loaded beside the staging directory being made).
func inParallel<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
    withoutActuallyEscaping(second) { second in
        let result = Locked<Second?>(nil)
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) {
            let made = second()
            result.withLock { $0 = made }
        }
        let firstResult = first()
        done.wait()
        return (firstResult, result.withLock { $0! })
    }
}

/// Lets `value` go on another thread: freeing the tens of thousands of entries of a data set,
/// its pages or a manifest takes a tenth of a second that nothing after it waits for.
func letGo<Value>(_ value: consuming Value) {
    let value = Locked(value)
    DispatchQueue.global(qos: .utility).async { _ = value }
}

/// Failures collected from the rendering workers. Two of them may meet the same failure at
/// once (two pages of a file changed meanwhile): it is told once.
final class FailureList: @unchecked Sendable {
    private let diagnostics = Locked([Diagnostic]())

    var isEmpty: Bool { diagnostics.withLock { $0.isEmpty } }
    var all: [Diagnostic] { diagnostics.withLock { $0 } }
    func append(_ diagnostic: Diagnostic) { diagnostics.withLock { if !$0.contains(diagnostic) { $0.append(diagnostic) } } }
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
    /// How many projects' pages are rendered before their models are let go (`RenderPlan`);
    /// the output is byte-identical for any value.
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
}

public enum PageOrientation: String, Sendable, CaseIterable {
    case portrait, landscape
}

public struct PublishFailure: Error {
    public let diagnostics: [Diagnostic]
}

public struct PublishReport: Sendable {
    /// Every page, paths relative to the output directory, in byte order (sorted when asked:
    /// at ten thousand projects that is a tenth of a second).
    public var pages: [String] { pagePaths.map(\.path).sortedByBytes() }
    public var pageCount: Int { pagePaths.count }
    /// The .xlsx files written (`--xlsx`), paths relative to the output directory.
    public var spreadsheets: [String] {
        filePaths.map(\.path).filter { $0.hasSuffix(".xlsx") }.sortedByBytes()
    }
    private let pagePaths: [PathKey]
    private let filePaths: [PathKey]
    public let years: [Int]
    public let dataFileCount: Int
    public let warningCount: Int
    /// Pages taken unchanged from the previous output rather than rendered again.
    public let reusedPages: Int
    /// No input changed since the previous publish: the output was left as it was.
    public let upToDate: Bool

    init(_ manifest: PublishManifest, reusedPages: Int, upToDate: Bool) {
        pagePaths = Array(manifest.pages.keys)
        filePaths = Array(manifest.files.keys)
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
        // The manifest on one core; on the other, what the output holds now (to hold against
        // what the manifest says was written there) and the digests of every input. At ten
        // thousand projects each side reads or lists tens of thousands of entries.
        let hasManifest = FileManager.default.fileExists(atPath: PublishManifest.path(for: options.outputDirectory))
        let (manifest, (listed, rendering, inputs)) = inParallel({ PublishManifest.read(for: options.outputDirectory) }, {
            let listed = hasManifest ? PublishManifest.listFiles(in: URL(fileURLWithPath: options.outputDirectory)) : nil
            let rendering = PublishManifest.renderingDigest(options)
            return (listed, rendering, PublishManifest.inputsDigest(options, rendering: rendering))
        })
        let present = manifest == nil ? nil : listed
        let refusals = ([OutputGuard.refusal(toReplace: options.outputDirectory, manifest: manifest, present: present, options: options)]
            + [options.emitXMLDirectory.flatMap { OutputGuard.refusal(toReplace: $0, manifest: nil, present: nil, options: options) }])
            .compactMap { $0 }
        if !refusals.isEmpty { throw PublishFailure(diagnostics: refusals) }

        let previous = options.incremental && !options.pdf && options.emitXMLDirectory == nil
            ? manifest.map { PreviousOutput(directory: options.outputDirectory, manifest: $0) }
            : nil
        if let previous, previous.manifest.inputs == inputs, present == previous.manifest.files {
            progress("数据、模板与程序都没有改动，不必重新生成")
            return PublishReport(previous.manifest, reusedPages: previous.manifest.pages.count, upToDate: true)
        }

        let staged = try stage(options, rendering: rendering, inputs: inputs, previous: previous, progress: progress)
        progress("[4/4] 写出到 \(options.outputDirectory)")
        staged.output.removeLeftovers()
        var written = staged.manifest
        // The new manifest's pages written on one core while the output is swapped in on the
        // other. Never a manifest describing another output: the old one goes before the swap,
        // the new one takes its place after it.
        written.files = staged.output.files
        let (manifestFile, swap) = inParallel({ try? staged.manifestFile?.adding(pagesOf: written) }, {
            Result {
                try PublishManifest.remove(for: options.outputDirectory)
                try staged.output.commit()
                try staged.xmlOutput?.commit()
            }
        })
        do {
            try swap.get()
        } catch {
            throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil,
                                                          "写出失败：\(error)", hint: "原有的输出目录保持不变")])
        }
        // The output is complete; without its manifest the next publish merely does everything.
        try? manifestFile?.finish(files: written.files)
        let report = PublishReport(written, reusedPages: staged.reusedPages, upToDate: false)
        letGo((written, manifest, previous, listed))
        return report
    }

    /// What `stage` leaves for the swap: the staged output (and XML), and the manifest of
    /// every page but its files, written as far as the data (if it could be).
    private struct Staged {
        let output: StagedDirectory
        let xmlOutput: StagedDirectory?
        let manifest: PublishManifest
        var manifestFile: PendingManifest?
        let reusedPages: Int
    }

    /// Reads and checks the data, then renders every page into a staging directory. The
    /// data set and its pages are gone when it returns: the swap that follows never holds
    /// them beside the manifest and the file list.
    private static func stage(_ options: PublishOptions, rendering: Digest, inputs: String, previous: PreviousOutput?,
                              progress: (String) -> Void) throws -> Staged {
        progress("[1/4] 读取并检查数据 \(options.dataDirectory)")
        // Files the previous publish read are not decoded again where their text is the same,
        // if it read them as this one does.
        let reader = PublishManifest.readerIdentity(options)
        let earlier = previous.flatMap { $0.manifest.reader == reader ? $0.manifest.facts : nil } ?? DataFacts()
        // Where the output exists already, the staging directory beside it is made while the
        // data is read: it takes over the spare's tens of thousands of files. Beside an output
        // yet to be, nothing is made unless the data can be published.
        let besideOutput = FileManager.default.fileExists(atPath: options.outputDirectory)
        let makeOutput = { Result { try StagedDirectory(replacing: options.outputDirectory, reusing: previous != nil) } }
        let (dataSet, early) = inParallel({
            DataSetLoader.load(directory: options.dataDirectory, encoding: options.encoding, keepSources: false, earlier: earlier)
        }, { besideOutput ? makeOutput() : nil })
        if dataSet.errorCount > 0 {
            (try? early?.get())?.giveBack()
            throw PublishFailure(diagnostics: dataSet.diagnostics)
        }
        let output: StagedDirectory
        do {
            output = try (early ?? makeOutput()).get()
        } catch {
            throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil,
                                                          "无法创建输出目录：\(error)")])
        }
        // What the manifest says of the data is written on another core while the pages are rendered.
        let data = PublishManifest(inputs: inputs, fileCount: dataSet.fileCount, warningCount: dataSet.warningCount,
                                   years: dataSet.years.map(\.year), reader: reader, facts: dataSet.facts)
        do {
            let (rendered, manifestFile) = inParallel({
                Result { try render(dataSet, into: output, options, manifest: data, rendering: rendering, previous: previous,
                                    progress: progress) }
            }, { try? PendingManifest(data, for: options.outputDirectory) })
            var staged = try rendered.get()
            staged.manifestFile = manifestFile
            letGo(dataSet)
            return staged
        } catch {
            output.discard()
            throw error
        }
    }

    /// Renders the pages of `dataSet` into `output` (and its XML, if asked, beside them);
    /// adds them to `manifest`.
    private static func render(_ dataSet: DataSet, into output: StagedDirectory, _ options: PublishOptions, manifest: PublishManifest,
                               rendering: Digest, previous: PreviousOutput?, progress: (String) -> Void) throws -> Staged {
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
        let plan = RenderPlan(dataSet.years.map { ($0.entries, pageJobs($0)) })
        let jobs = plan.jobs
        let xmlOutput: StagedDirectory?
        do {
            let folders = jobs.map(\.relativePath)
            try output.createFolders(for: folders)
            xmlOutput = try options.emitXMLDirectory.map { try StagedDirectory(replacing: $0) }
            try xmlOutput?.createFolders(for: folders)
        } catch {
            throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil,
                                                          "无法创建输出目录：\(error)")])
        }
        let parameters = options.orientation.map { [("page.orientation", $0.rawValue)] } ?? []
        let renderer = PageRenderer(stylesheet: stylesheet, parameters: parameters, style: PageStyle(css: css), rendering: rendering, output: output,
                                    xml: xmlOutput, spreadsheets: spreadsheets, previous: previous)
        let rendered: [PageJob.Rendered]
        do {
            rendered = try plan.render(with: renderer, workers: options.workers, batchSize: options.batchSize)
            if options.pdf {
                progress("[3/4] 生成 PDF（WeasyPrint）")
                do {
                    let pages = jobs.map(\.relativePath).filter { !$0.hasSuffix("/" + OutputLayout.index) }
                    output.adopt(pages.map(OutputLayout.pdf(forPage:)))
                    try PDFRenderer.render(pages, in: output.staging, workers: options.workers)
                    output.recordWritten(pages.map(OutputLayout.pdf(forPage:)))
                } catch {
                    throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil, "\(error)")])
                }
            }
        } catch {
            xmlOutput?.discard()
            throw error
        }

        var manifest = manifest
        for (job, page) in zip(jobs, rendered) {
            manifest.pages[PathKey(job.relativePath)] = page.digest
            if !page.parts.isEmpty { manifest.parts[PathKey(job.relativePath)] = page.parts }
        }
        let staged = Staged(output: output, xmlOutput: xmlOutput, manifest: manifest, manifestFile: nil,
                            reusedPages: rendered.filter(\.reused).count)
        letGo((plan, renderer, rendered))
        return staged
    }

    /// The pages of one year, paths relative to the output directory: the forms, documents and
    /// index on one core, the report on the other (at ten thousand projects each side makes
    /// tens of thousands of jobs and parts, a tenth of a republish).
    static func pageJobs(_ year: YearData) -> [PageJob] {
        // Both by the projects' places in the year.
        let names = OutputNames(year.entries.map(\.facts.name)).fileNames
        let hrefs = year.entries.indices.map { index in
            year.entries[index].assessment.map { _ in OutputNames.href(OutputLayout.assessmentDirectory, names[index]) }
        }
        let folder = String(year.year)
        let atTop = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: OutputLayout.index)
        // The report's job takes about as long to make as the forms' and the index's together.
        let ((forms, index), report) = inParallel({
            (formJobs(year, names: names),
             indexJob("\(folder)/\(OutputLayout.index)", year, documents: listedDocuments(year), names: names, assessmentHrefs: hrefs))
        }, {
            year.assessment.map { _ in reportJob("\(folder)/\(OutputLayout.report)", year, hrefs: hrefs, context: atTop) }
        })
        return forms + [report].compactMap { $0 } + [index]
    }

    /// Each project's goal table and 自评表, the annual document and the department's pages.
    private static func formJobs(_ year: YearData, names: [String]) -> [PageJob] {
        let folder = String(year.year)
        let inFolder = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: "../" + OutputLayout.index)
        let atTop = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: OutputLayout.index)
        let inFolderKeys = PageKeys(inFolder)
        let tables = ProjectTables(year)
        var jobs: [PageJob] = []
        // Each page's build closure holds the list it reads and an index, never a copy of an
        // entry: tens of thousands of closures wait at once.
        let projects = year.entries

        for (index, project) in projects.enumerated() {
            let name = project.facts.name
            jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.projectDirectory)/\(names[index])",
                                spreadsheet: { DocumentXML.projectPage(try projects[index].model.get(), context: inFolder) },
                                owner: index, key: inFolderKeys.key("project", [], [name]),
                                build: { DocumentXML.projectFrame(name: name, context: inFolder) },
                                slots: [[tables.goalTable(index)]]))
        }
        jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.annualDocument)",
                            build: { DocumentXML.annualDocument(department: year.department, hasProjects: !projects.isEmpty,
                                                                context: atTop) },
                            slots: projects.isEmpty ? [] : [projects.indices.map(tables.goalTable)]))
        if let department = year.department {
            jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.departmentPage)",
                                build: { DocumentXML.departmentPage(department, context: atTop) }))
        }

        if let assessment = year.assessment {
            let isSample = assessment.isSample
            for (index, project) in projects.enumerated() {
                guard let table = tables.assessmentTable(index), let score = project.assessment?.score else { continue }
                let name = project.facts.name
                jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.assessmentDirectory)/\(names[index])",
                                    spreadsheet: { AssessmentXML.projectPage(try score.get(), context: inFolder, isSample: isSample) },
                                    owner: index, key: inFolderKeys.key("assessment", [], [name, isSample ? "sample" : ""]),
                                    build: { AssessmentXML.projectFrame(name: name, context: inFolder, isSample: isSample) },
                                    slots: [[table]]))
            }
            if let department = assessment.department {
                jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.assessmentDirectory)/\(OutputLayout.departmentAssessment)",
                                    build: { AssessmentXML.departmentPage(department, context: inFolder, isSample: isSample) }))
            }
        }
        return jobs
    }

    /// The documents the index lists above the projects: the annual document, the report once
    /// self-assessment has begun, the department's pages.
    private static func listedDocuments(_ year: YearData) -> [(href: String, title: String)] {
        var documents = [(href: OutputNames.href(OutputLayout.annualDocument), title: "\(year.year)年度绩效目标（全文）")]
        if year.assessment != nil {
            documents.append((OutputNames.href(OutputLayout.report), "\(year.year)年度绩效自评报告"))
        }
        if year.department != nil {
            documents.append((OutputNames.href(OutputLayout.departmentPage), "\(year.year)年部门整体绩效目标"))
        }
        if year.assessment?.department != nil {
            documents.append((OutputNames.href(OutputLayout.assessmentDirectory, OutputLayout.departmentAssessment),
                              "\(year.year)年部门整体绩效自评"))
        }
        return documents
    }
}

extension Publisher {
    /// The year's index: its frame (the documents and the total), then a line for each project
    /// with its budget and, once self-assessment has begun, its score and grade.
    static func indexJob(_ path: String, _ year: YearData, documents: [(href: String, title: String)], names: [String],
                         assessmentHrefs: [String?]) -> PageJob {
        let entries = zip(year.entries, zip(names, assessmentHrefs)).map { project, place in
            DocumentXML.IndexEntry(href: OutputNames.href(OutputLayout.projectDirectory, place.0),
                                   name: project.facts.name, budget: project.facts.budget,
                                   assessment: year.assessment.map { _ in
                                       let score = project.assessment?.facts.figures
                                       return (place.1, score?.total.fixed(2), score?.grade.rawValue)
                                   })
        }
        let context = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: nil)
        let keys = PageKeys(context)
        let assessed = entries.contains { $0.assessment != nil }
        // As in `pageJobs`, closures hold the shared list and a range.
        let lines = PageJob.Part.lines(of: entries.indices) { index in
            let entry = entries[index]
            let shown = entry.assessment.map { [$0.href ?? "", $0.score ?? "", $0.grade ?? ""] } ?? ["-"]
            return keys.key("index", [year.entries[index].facts.digest], [String(index + 1), entry.href, assessed ? "assessed" : ""] + shown)
        } build: { range in
            DocumentXML.indexRows(range.map { (entries[$0], $0 + 1) }, assessed: assessed, context: context)
        }
        return PageJob(relativePath: path,
                       build: { DocumentXML.indexPage(documents: documents, projects: entries, assessed: assessed,
                                                      context: context, isSample: year.isSample) },
                       slots: lines.isEmpty ? [] : [lines])
    }

    /// The report: its frame, then a slot for each list that has something in it — the summary
    /// table's rows, the bars of its two figures, the shortfalls under each heading, the
    /// projects' problems and improvements, the annexed 自评表. The frame, the rows and the
    /// bars are made from the projects' facts; the lists and annexes from their scores.
    static func reportJob(_ path: String, _ year: YearData, hrefs: [String?],
                          context: DocumentXML.PageContext) -> PageJob {
        // As in `pageJobs`, closures hold shared lists and indices.
        let scored = year.entries.indices.compactMap { owner in year.entries[owner].assessment.map { (owner: owner, assessed: $0) } }
        let isSample = year.isSample
        let sample = isSample ? "sample" : ""
        let summary = year.summary!
        let keys = PageKeys(context)
        let rows = summary.rows
        // A figure draws only the assessed projects, numbered by `bar`.
        let bars = rows.indices.filter { rows[$0].score != nil }.enumerated().map { ($0.element, Int?($0.offset + 1)) }
        func rowParts(_ element: String, _ lines: [(row: Int, bar: Int?)]) -> [PageJob.Part] {
            PageJob.Part.lines(of: lines.indices, owner: { lines[$0].row }) { line in
                let ((index, bar), row) = (lines[line], rows[lines[line].row])
                return keys.key(element, year.entries[index].assessment?.facts.files ?? [],
                                [String(row.number), row.name, hrefs[index] ?? "", bar.map(String.init) ?? "", sample])
            } build: { range in
                AssessmentXML.reportRows(element, range.map { (rows[lines[$0].row], lines[$0].bar, hrefs[lines[$0].row]) },
                                         context: context, isSample: isSample)
            }
        }
        let lists = AssessmentXML.ProjectList.allCases.map { list in
            scored.indices.filter { scored[$0].assessed.facts.lists.contains(list) }.map { index in
                PageJob.Part(owner: scored[index].owner, key: keys.key("list " + list.name, scored[index].assessed.facts.files, [sample]),
                             build: { AssessmentXML.reportList(list, try scored[index].assessed.score.get(), context: context,
                                                               isSample: isSample) })
            }
        }
        let tables = ProjectTables(year)
        let annexes = scored.compactMap { tables.assessmentTable($0.owner) }
        let slots = [rowParts("row", rows.indices.map { ($0, nil) }), rowParts("budget-bar", bars), rowParts("score-bar", bars)]
            + lists + [annexes]
        let nonEmptyLists = zip(AssessmentXML.ProjectList.allCases, lists).filter { !$1.isEmpty }.map(\.0)
        return PageJob(relativePath: path,
                       build: { AssessmentXML.report(summary, department: year.assessment?.department, lists: nonEmptyLists,
                                                     isSample: isSample, context: context) },
                       slots: slots.filter { !$0.isEmpty })
    }
}

/// Each project's two tables as parts, each rendered once and written both on the project's
/// own page and in a long document: the goal table in the annual document, the 自评表 among
/// the report's annexes (`BatchParts`). Parts link nowhere, so the two places hold the same
/// part, under the same key.
struct ProjectTables {
    private let projects: [ProjectEntry]
    private let context: DocumentXML.PageContext
    private let keys: PageKeys
    private let isSample: Bool

    init(_ year: YearData) {
        projects = year.entries
        context = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: nil)
        keys = PageKeys(context)
        isSample = year.isSample
    }

    func goalTable(_ index: Int) -> PageJob.Part {
        // As in `pageJobs`, the closure holds the shared list and an index.
        let (projects, context) = (projects, context)
        return PageJob.Part(owner: index, key: keys.key("goal table", [projects[index].facts.digest]),
                            build: { DocumentXML.projectTable(try projects[index].model.get(), context: context) })
    }

    /// Nil for a project not assessed.
    func assessmentTable(_ index: Int) -> PageJob.Part? {
        guard let assessed = projects[index].assessment else { return nil }
        let (score, context, isSample) = (assessed.score, context, isSample)
        return PageJob.Part(owner: index, key: keys.key("assessment table", assessed.facts.files, [isSample ? "sample" : ""]),
                            build: { AssessmentXML.projectTable(try score.get(), context: context, isSample: isSample) })
    }
}

/// What a page or part is built from, where that is data files and a few values. The XML
/// builders are functions of the decoded files (a function of their text) and the values
/// they are given, and the program itself is in the rendering digest: so the key stands for
/// the XML in a page's digest, and an unchanged page is known without being built.
struct PageKeys {
    /// The page context's values, digested once for the tens of thousands of keys made in it.
    private let context: Digest

    init(_ context: DocumentXML.PageContext) {
        var digest = Digest()
        for value in [String(context.year), context.unit, context.indexHref.map { "index " + $0 } ?? "no index"] {
            digest.add(field: value)
        }
        self.context = digest
    }

    /// The key of a tree built by `builder` from the data files of these digests in the
    /// context, with `values` any other argument of the builder.
    func key(_ builder: String, _ files: [Fingerprint], _ values: [String] = []) -> Digest {
        var key = Digest()
        key.add(field: builder)
        files.forEach { key.add(fingerprint: $0) }
        key.add(digest: context)
        values.forEach { key.add(field: $0) }
        return key
    }
}
