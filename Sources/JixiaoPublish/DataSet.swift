import Foundation
import JixiaoCheck
import JixiaoDiagnostics
import JixiaoModel
import JixiaoScore

/// Everything read from a data directory: the documents of each year, every finding, and
/// the sources (so diagnostics can quote their lines).
public struct DataSet: Sendable {
    public var years: [YearData]
    public var diagnostics: [Diagnostic]
    public var sources: [String: SourceFile]
    public var fileCount: Int
    /// Whether `sources` keeps every file read (for quoting lines in diagnostics).
    var keepsSources = true
    /// The facts of every project and results file and of every score, for the next publish
    /// (by `FactsKey`).
    var facts = DataFacts()
    /// Warnings of files not loaded again because an earlier publish loaded the same text;
    /// counted, but not in `diagnostics`.
    var earlierWarnings = 0

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.warningCount + earlierWarnings }
}

/// One budget year: `data/<年度>/部门整体绩效目标.yaml` and `data/<年度>/项目/*.yaml`.
public struct YearData: Sendable {
    public let year: Int
    public var department: Department?
    /// In the order of the annual document: by 序号, then by name.
    var entries: [ProjectEntry] = []
    /// Once `自评/` exists; each project's score is in its entry.
    var assessment: YearAssessment?

    /// The unit named on every page; a directory of project files alone has none.
    public var unit: String { department?.unit ?? "" }

    /// The projects' models, in order. Loaded for a republish, a data set leaves unchanged
    /// files on disk, and they are decoded now (`ProjectEntry`).
    public func projects() throws -> [Project] {
        try entries.map { try $0.model.get() }
    }

    /// The year-end self-assessment, once `自评/` exists: one entry per project, in order.
    public func selfAssessment() throws -> SelfAssessment? {
        guard let assessment else { return nil }
        return SelfAssessment(projects: try entries.map { (try $0.model.get(), try $0.assessment?.score.get()) },
                              department: assessment.department, isSample: assessment.isSample)
    }

    /// The summary table of the self-assessment, once `自评/` exists: from each project's
    /// facts, without scoring anything again.
    public var summary: AssessmentSummary? {
        assessment.map { _ in AssessmentSummary(entries.map { ($0.facts.name, $0.assessment?.facts.figures) }) }
    }

    /// Whether any results file says it holds sample data.
    public var isSample: Bool { assessment?.isSample ?? false }
}

/// What a year's self-assessment adds beyond each project's score.
struct YearAssessment: Sendable {
    let department: DepartmentAssessment?
    let isSample: Bool
}

/// The layout of a data directory, in one place.
public enum DataLayout {
    public static let departmentFile = "部门整体绩效目标.yaml"
    public static let projectDirectory = "项目"
    public static let resultsDirectory = "自评"
    public static let departmentResultsFile = "部门整体.yaml"
    public static let fileExtension = "yaml"
}

public enum DataSetLoader {
    /// Reads `directory`: either a data root holding year directories (`data/`) or one year
    /// directory (`data/2021`). Never throws: unreadable files become diagnostics.
    /// `keepSources: false` (publishing) lets each file's text and model go once it is
    /// decoded and checked: the diagnostics then cannot quote their lines, and a model is
    /// decoded again from its file when a page needs it (`ProjectEntry`), but a large data
    /// set is never all in memory at once.
    public static func load(directory: String, encoding: SourceEncoding = .utf8, keepSources: Bool = true) -> DataSet {
        load(directory: directory, encoding: encoding, keepSources: keepSources, earlier: DataFacts())
    }

    /// `earlier`: the facts of the files an earlier publish by this program read. A file with
    /// the same text is not decoded, checked or scored again: its facts stand for it, and its
    /// model is decoded only if a page needs it (`ProjectEntry`).
    static func load(directory: String, encoding: SourceEncoding, keepSources: Bool, earlier: DataFacts) -> DataSet {
        var dataSet = DataSet(years: [], diagnostics: [], sources: [:], fileCount: 0)
        dataSet.keepsSources = keepSources
        if FileManager.default.fileExists(atPath: directory), !isDirectory(directory) {
            dataSet.years.append(loadSingleFile(directory, encoding: encoding, into: &dataSet))
            return dataSet
        }
        let yearDirectories = findYearDirectories(directory)
        if yearDirectories.isEmpty {
            dataSet.diagnostics.append(Diagnostic(
                .noData, path: directory, at: nil, "在“\(directory)”中没有找到年度目录（例如 2021/）",
                hint: "数据应放在 \(directory)/<年度>/\(DataLayout.departmentFile) 和 \(directory)/<年度>/\(DataLayout.projectDirectory)/<项目名称>.yaml"))
            return dataSet
        }
        for (year, path) in yearDirectories {
            dataSet.years.append(loadYear(year, at: path, encoding: encoding, earlier: earlier, into: &dataSet))
        }
        return dataSet
    }

    /// One file checked on its own (an editor checking the file being edited): a project file,
    /// or the department file by its name; the year comes from the nearest year directory.
    private static func loadSingleFile(_ path: String, encoding: SourceEncoding, into dataSet: inout DataSet) -> YearData {
        let components = (path as NSString).pathComponents
        let year = components.dropLast().reversed().compactMap(yearName).first
        var data = YearData(year: year ?? 0, department: nil)
        guard let source = read(path, encoding: encoding, into: &dataSet) else { return data }
        if isDepartmentFile(source) {
            data.department = loadDepartment(source, year: year, diagnostics: &dataSet.diagnostics)
        } else if let (project, facts) = loadProject(source, digest: Digest(file: source).fingerprint, year: year,
                                                     diagnostics: &dataSet.diagnostics) {
            data.entries = [ProjectEntry(path: path, facts: facts, model: Lazy(project))]
        }
        return data
    }

    /// The department file by its name — or, checked on its own under another name, by
    /// holding the department's own key.
    private static func isDepartmentFile(_ source: SourceFile) -> Bool {
        if (source.path as NSString).lastPathComponent == DataLayout.departmentFile { return true }
        guard case (let tree?, _) = DocumentLoader.parse(source) else { return false }
        return tree.mapping?.contains { $0.hasKey("分项绩效目标") } ?? false
    }

    private static func findYearDirectories(_ directory: String) -> [(Int, String)] {
        let name = (directory as NSString).lastPathComponent
        if let year = yearName(name), isDirectory(directory) { return [(year, directory)] }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.compactMap { entry -> (Int, String)? in
            let path = join(directory, entry)
            guard let year = yearName(entry), isDirectory(path) else { return nil }
            return (year, path)
        }.sorted { $0.0 < $1.0 }
    }

    private static func yearName(_ name: String) -> Int? {
        name.count == 4 && name.allSatisfy(\.isASCII) ? Int(name) : nil
    }

    private static func loadYear(_ year: Int, at path: String, encoding: SourceEncoding, earlier: DataFacts,
                                 into dataSet: inout DataSet) -> YearData {
        var data = YearData(year: year, department: nil)
        let departmentPath = join(path, DataLayout.departmentFile)
        if FileManager.default.fileExists(atPath: departmentPath), let source = read(departmentPath, encoding: encoding, into: &dataSet) {
            data.department = loadDepartment(source, year: year, diagnostics: &dataSet.diagnostics)
        }
        let projectsPath = join(path, DataLayout.projectDirectory)
        let resultsPath = join(path, DataLayout.resultsDirectory)
        // Each file on its own, on every core; then, in file order, what spans files. The
        // results come first: a project decoded now is scored against the results file that
        // names it while its model is at hand (`FreshScore`).
        let (keepSources, key) = (dataSet.keepsSources, FactsKey(year: year, folder: path))
        let results = isDirectory(resultsPath)
            ? loadResults(in: resultsPath, encoding: encoding, keepSources: keepSources, earlier: earlier, key: key)
            : nil
        let named = Dictionary((results ?? []).compactMap { file in
            file.loaded.map { ($0.facts.projectName, ResultsFile(path: file.path, key: file.key, facts: $0.facts, model: $0.model)) }
        }, uniquingKeysWith: { _, last in last })
        let early = Locked([String: FreshScore]())
        let loaded = concurrentMap(dataFiles(in: projectsPath)) { path in
            let key = key(path)
            return loadFile(path, key: key, encoding: encoding, keepSource: keepSources, earlier: earlier.projects[key],
                            earlierStamp: earlier.stamps[key],
                            decode: { ProjectDecoder.decode($0).value },
                            load: { source, digest, diagnostics in
                                let loaded = loadProject(source, digest: digest, year: year, diagnostics: &diagnostics)
                                if let (project, facts) = loaded, let results = named[facts.name],
                                   let scored = try? FreshScore(project, facts: facts, results: results, keep: keepSources) {
                                    early.withLock { $0[path] = scored }
                                }
                                return loaded
                            })
        }
        var seenNames: [String: String] = [:]
        var seenCodes: [String: String] = [:]
        // Sized once: tens of thousands of entries, each hashed again at every doubling.
        dataSet.facts.projects.reserveCapacity(dataSet.facts.projects.count + loaded.count)
        dataSet.facts.stamps.reserveCapacity(dataSet.facts.stamps.count + loaded.count + (results?.count ?? 0))
        for file in loaded {
            guard let (facts, model) = record(file, into: &dataSet) else { continue }
            dataSet.facts.projects[file.key] = facts
            if let other = seenNames[facts.name] {
                dataSet.diagnostics.append(Diagnostic(
                    .duplicateProject, path: file.path, at: facts.nameMark,
                    "项目名称“\(facts.name)”与 \(other) 重复", hint: "每个项目只能有一个数据文件"))
                continue
            }
            seenNames[facts.name] = file.path
            let code = facts.code.trimmingSpaces()
            if !code.isEmpty {
                if let other = seenCodes[code] {
                    dataSet.diagnostics.append(Diagnostic(
                        .duplicateCode, path: file.path, at: facts.nameMark,
                        "项目编码“\(code)”与 \(other) 重复", hint: "每个项目的编码应唯一"))
                }
                seenCodes[code] = file.path
            }
            data.entries.append(ProjectEntry(path: file.path, facts: facts, model: model))
        }
        data.entries.sort { ($0.facts.order ?? Int.max, $0.facts.name) < ($1.facts.order ?? Int.max, $1.facts.name) }
        if let results {
            loadAssessment(resultsPath, &data, results: results, early: early.withLock { $0 }, encoding: encoding,
                           earlier: earlier, key: key, into: &dataSet)
        }
        return data
    }

    /// Each project results file of `自评/` on its own, on every core.
    private static func loadResults(in path: String, encoding: SourceEncoding, keepSources: Bool, earlier: DataFacts,
                                    key: FactsKey) -> [LoadedFile<ResultsFacts, ProjectResults>] {
        let departmentPath = join(path, DataLayout.departmentResultsFile)
        return concurrentMap(dataFiles(in: path).filter { $0 != departmentPath }) { path in
            let key = key(path)
            return loadFile(path, key: key, encoding: encoding, keepSource: keepSources, earlier: earlier.results[key],
                            earlierStamp: earlier.stamps[key],
                            decode: { ResultsDecoder.decodeProject($0).value },
                            load: { source, digest, diagnostics in
                                let decoded = ResultsDecoder.decodeProject(source)
                                diagnostics += decoded.diagnostics
                                return decoded.value.map { ($0, ResultsFacts($0, digest: digest, warnings: diagnostics.warningCount)) }
                            })
        }
    }

    /// Matches each results file (`loadResults`) to its project by name and scores it; reads
    /// the department's results.
    private static func loadAssessment(_ path: String, _ data: inout YearData, results loaded: [LoadedFile<ResultsFacts, ProjectResults>],
                                       early: [String: FreshScore], encoding: SourceEncoding, earlier: DataFacts,
                                       key: FactsKey, into dataSet: inout DataSet) {
        var isSample = false
        var department: DepartmentAssessment?
        var results: [String: ResultsFile] = [:]
        results.reserveCapacity(loaded.count)
        dataSet.facts.results.reserveCapacity(dataSet.facts.results.count + loaded.count)
        dataSet.facts.scores.reserveCapacity(dataSet.facts.scores.count + loaded.count)
        let names = data.entries.map(\.facts.name)
        let known = Set(names)
        let departmentPath = join(path, DataLayout.departmentResultsFile)
        let keepSources = dataSet.keepsSources
        for file in loaded {
            guard let (facts, model) = record(file, into: &dataSet) else { continue }
            dataSet.facts.results[file.key] = facts
            isSample = isSample || facts.isSample
            guard known.contains(facts.projectName) else {
                dataSet.diagnostics.append(Diagnostic(
                    .resultsWithoutProject, path: file.path, at: facts.nameMark,
                    "没有名为“\(facts.projectName)”的项目",
                    hint: Suggestion.closest(to: facts.projectName, among: names).map { "是不是想写“\($0)”？" }))
                continue
            }
            results[facts.projectName] = ResultsFile(path: file.path, key: file.key, facts: facts, model: model)
        }
        if FileManager.default.fileExists(atPath: departmentPath), let source = read(departmentPath, encoding: encoding, into: &dataSet) {
            let decoded = ResultsDecoder.decodeDepartment(source)
            dataSet.diagnostics += decoded.diagnostics
            if let departmentResults = decoded.value {
                isSample = isSample || departmentResults.isSample
                if let goals = data.department {
                    let (graded, diagnostics) = DepartmentGrader.grade(goals, departmentResults)
                    dataSet.diagnostics += diagnostics
                    department = graded
                }
            }
        }
        let scores = concurrentMap(data.entries) { entry in
            results[entry.facts.name].map { results in
                (key: results.key,
                 score(entry, results: results, earlier: earlier.scores[results.key], early: early[entry.path], keep: keepSources))
            }
        }
        for (index, scored) in zip(data.entries.indices, scores) {
            let entry = data.entries[index]
            guard let (key, scored) = scored else {
                dataSet.diagnostics.append(Diagnostic(
                    .notAssessed, .warning, path: entry.path, at: entry.facts.nameMark,
                    "项目“\(entry.facts.name)”没有自评结果，列为“未自评”，不计入平均分",
                    hint: "在 \(DataLayout.resultsDirectory)/\(entry.facts.name).yaml 中填写年末实际完成情况"))
                continue
            }
            dataSet.diagnostics += scored.diagnostics
            guard let assessed = scored.assessed else { continue }
            dataSet.facts.scores[key] = assessed.facts
            if scored.before { dataSet.earlierWarnings += assessed.facts.warnings }
            data.entries[index].assessment = assessed
        }
        data.assessment = YearAssessment(department: department, isSample: isSample)
    }

    /// A project scored against its results: as an earlier publish scored the same pair of
    /// texts (`before`), the score itself made again only if a page needs it; as it was
    /// scored when decoded (`early`); or scored now.
    private static func score(_ entry: ProjectEntry, results: ResultsFile, earlier: ScoreFacts?, early: FreshScore?, keep: Bool)
        -> (assessed: AssessedProject?, diagnostics: [Diagnostic], before: Bool) {
        let (project, resultsModel) = (entry.model, results.model)
        let scoring = Lazy(making: {
            // The results are needed for the score alone.
            defer { resultsModel.release() }
            return ProjectScorer.score(try project.get(), try resultsModel.get()).0
        })
        let same = { (facts: ScoreFacts) in facts.projectDigest == entry.facts.digest && facts.resultsDigest == results.facts.digest }
        if let earlier, same(earlier) {
            return (AssessedProject(resultsPath: results.path, facts: earlier, score: scoring), [], true)
        }
        do {
            let scored = try early.flatMap { same($0.facts) ? $0 : nil }
                ?? FreshScore(try project.get(), facts: entry.facts, results: results, keep: keep)
            if !keep { project.release() }
            return (AssessedProject(resultsPath: results.path, facts: scored.facts, score: scored.score.map { Lazy($0) } ?? scoring),
                    scored.diagnostics, false)
        } catch {
            // Only a file changed since it was read (`Lazy.reading`) gets here.
            let diagnostics = (error as? PublishFailure)?.diagnostics
                ?? [Diagnostic(.dataChanged, path: results.path, at: nil, "\(error)")]
            return (nil, diagnostics, false)
        }
    }

    /// Decodes and checks one department file; `year` is the directory's, when known.
    private static func loadDepartment(_ source: SourceFile, year: Int?, diagnostics: inout [Diagnostic]) -> Department? {
        let decoded = DepartmentDecoder.decode(source)
        diagnostics += decoded.diagnostics
        guard let department = decoded.value else { return nil }
        if let year, department.year.value != year {
            diagnostics.append(Diagnostic(
                .yearMismatch, path: source.path, at: department.year.mark,
                "文件中的年度 \(department.year.value) 与所在目录 \(year)/ 不符",
                hint: "把文件移到 \(department.year.value)/ 目录，或改正年度"))
        }
        diagnostics += Acknowledgement.apply(Checker.check(department), source: source)
        return department
    }

    /// Decodes one project file, holds it to its place and checks it (REFERENCE's rules, with
    /// the file's acknowledgements applied); `year` is the directory's, when known. The
    /// facts count the warnings of all this, a function of the file's text and place alone.
    private static func loadProject(_ source: SourceFile, digest: Fingerprint, year: Int?,
                                    diagnostics: inout [Diagnostic]) -> (Project, ProjectFacts)? {
        let start = diagnostics.count
        guard let project = decodeProject(source, year: year, diagnostics: &diagnostics) else { return nil }
        diagnostics += Acknowledgement.apply(Checker.check(project, year: year ?? project.year?.value), source: source)
        return (project, ProjectFacts(project, digest: digest, warnings: diagnostics[start...].warningCount))
    }

    private static func decodeProject(_ source: SourceFile, year: Int?, diagnostics: inout [Diagnostic]) -> Project? {
        let decoded = ProjectDecoder.decode(source)
        diagnostics += decoded.diagnostics
        guard let project = decoded.value else { return nil }
        let stem = ((source.path as NSString).lastPathComponent as NSString).deletingPathExtension
        if stem != project.name.value {
            diagnostics.append(Diagnostic(
                .fileNameMismatch, .warning, path: source.path, at: project.name.mark,
                "文件名“\(stem)”与项目名称“\(project.name.value)”不一致", hint: "把文件改名为“\(project.name.value).yaml”，便于查找"))
        }
        if let year, let stated = project.year, stated.value != year {
            diagnostics.append(Diagnostic(
                .yearMismatch, path: source.path, at: stated.mark,
                "文件中的年度 \(stated.value) 与所在目录 \(year)/ 不符",
                hint: "把文件移到 \(stated.value)/\(DataLayout.projectDirectory)/ 目录，或改正年度"))
        }
        return project
    }

    private static func read(_ path: String, encoding: SourceEncoding, into dataSet: inout DataSet) -> SourceFile? {
        let result = SourceReader.read(path, encoding: encoding)
        record(result, into: &dataSet)
        return try? result.get()
    }

    /// Counts a file read and keeps its text, or its failure to read.
    private static func record(_ result: Result<SourceFile, Diagnostic>, into dataSet: inout DataSet) {
        dataSet.fileCount += 1
        switch result {
        case .success(let source): if dataSet.keepsSources { dataSet.sources[source.path] = source }
        case .failure(let diagnostic): dataSet.diagnostics.append(diagnostic)
        }
    }

    /// A results file loaded, as matched to the project it names.
    private struct ResultsFile {
        let path: String
        let key: PathKey
        let facts: ResultsFacts
        let model: Lazy<ProjectResults>
    }

    /// A project scored now against its results: what the score's facts and findings are, and
    /// the score itself where models are kept. The loader scores a project as soon as it is
    /// decoded and checked, against the results file that names it (the last, as
    /// `loadAssessment` pairs them): a publish keeps no model, and the project need not be
    /// decoded again to be scored.
    private struct FreshScore {
        let facts: ScoreFacts
        let diagnostics: [Diagnostic]
        let score: ProjectScore?

        /// Throws where the results file no longer holds the text read (`Lazy.reading`).
        init(_ project: Project, facts: ProjectFacts, results: ResultsFile, keep: Bool) throws {
            let resultsModel = try results.model.get()
            if !keep { results.model.release() }
            let (score, diagnostics) = ProjectScorer.score(project, resultsModel)
            self.facts = ScoreFacts(score, projectDigest: facts.digest, resultsDigest: results.facts.digest,
                                    warnings: diagnostics.warningCount)
            self.diagnostics = diagnostics
            self.score = keep ? score : nil
        }
    }

    /// A project or results file read on its own (`loadFile`).
    private struct LoadedFile<Facts, Model> {
        let path: String
        /// Its facts' key (`FactsKey`).
        let key: PathKey
        let read: Result<SourceFile, Diagnostic>
        var stamp: FileIdentity?
        var diagnostics: [Diagnostic] = []
        /// Where it decoded, or an earlier publish decoded the same text.
        var loaded: (facts: Facts, model: Lazy<Model>)?
        /// The facts are an earlier publish's, and the file was not decoded.
        var before = false
    }

    /// Reads a file and, unless its facts from an earlier publish have its digest, loads it:
    /// `load` decodes and checks it, adding what it finds to the diagnostics, while `decode`
    /// decodes it again later where the earlier facts stood for it. A file whose stamp is the
    /// one it had when the earlier facts were taken is not even read.
    private static func loadFile<Facts: FileFacts, Model>(
        _ path: String, key: PathKey, encoding: SourceEncoding, keepSource: Bool, earlier: Facts?, earlierStamp: FileIdentity?,
        decode: @escaping (SourceFile) -> Model?, load: (SourceFile, Fingerprint, inout [Diagnostic]) -> (Model, Facts)?
    ) -> LoadedFile<Facts, Model> {
        // Taken before the file is read: a change after this shows in the next publish's stamp.
        let stamp = FileIdentity(of: path)
        if let earlier, let stamp, stamp == earlierStamp {
            return LoadedFile(path: path, key: key, read: .success(SourceFile(path: path, bytes: [])), stamp: stamp,
                              loaded: (earlier, .reading(path, digest: earlier.digest, encoding: encoding, decode)), before: true)
        }
        let read = SourceReader.read(path, encoding: encoding)
        guard case .success(let source) = read else { return LoadedFile(path: path, key: key, read: read) }
        // Its text goes as soon as it is decoded, unless diagnostics are to quote it.
        var file = LoadedFile<Facts, Model>(path: path, key: key, read: keepSource ? read : .success(source.withoutText), stamp: stamp)
        let digest = Digest(file: source).fingerprint
        if let earlier, earlier.digest == digest {
            file.loaded = (earlier, .reading(path, digest: digest, encoding: encoding, decode))
            file.before = true
        } else if let (model, facts) = load(source, digest, &file.diagnostics) {
            file.loaded = (facts, keepSource ? Lazy(model) : .reading(path, digest: digest, encoding: encoding, decode))
        }
        return file
    }

    /// Records a file `loadFile` read, and its findings; its facts and model, if it loaded.
    private static func record<Facts: FileFacts, Model>(_ file: LoadedFile<Facts, Model>,
                                                        into dataSet: inout DataSet) -> (Facts, Lazy<Model>)? {
        record(file.read, into: &dataSet)
        dataSet.diagnostics += file.diagnostics
        if file.loaded != nil, let stamp = file.stamp { dataSet.facts.stamps[file.key] = stamp }
        if file.before, let (facts, _) = file.loaded { dataSet.earlierWarnings += facts.warnings }
        return file.loaded
    }

    /// The data files of a folder, in byte order of their names (the order of `sorted()` for
    /// NFC names, without its Unicode comparison: ten thousand names took a tenth of a second).
    private static func dataFiles(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix("." + DataLayout.fileExtension) && !$0.hasPrefix(".") }
            .sortedByBytes()
            .map { join(folder, $0) }
    }

    /// `transform` applied to every element on every core, results in order: each worker
    /// initialises the places of its own elements, without a lock or a copy at the end.
    private static func concurrentMap<Element, Mapped>(_ elements: [Element], _ transform: (Element) -> Mapped) -> [Mapped] {
        [Mapped](unsafeUninitializedCapacity: elements.count) { buffer, count in
            let start = buffer.baseAddress
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                (start! + index).initialize(to: transform(elements[index]))
            }
            count = elements.count
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}

/// A data file's facts are kept by its year and its path within the year's folder
/// (`2021/项目/<名>.yaml`): with the data folder named `data`, `./data` or by an absolute
/// path, or the year's folder published on its own, it is the same file. Another year's file
/// of the same name is not: what checking a file finds depends on its year.
struct FactsKey {
    let year: Int
    /// The year's folder as named, with a slash: what the path of each of its files begins with.
    private let folder: String

    init(year: Int, folder: String) {
        self.year = year
        self.folder = join(folder, "")
    }

    func callAsFunction(_ path: String) -> PathKey {
        guard path.utf8.starts(with: folder.utf8) else { return PathKey(path) }
        return PathKey("\(year)/" + String(decoding: path.utf8.dropFirst(folder.utf8.count), as: UTF8.self))
    }
}

extension Collection<Diagnostic> {
    var warningCount: Int { filter { $0.severity == .warning }.count }
}

func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
}
