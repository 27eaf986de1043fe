import Foundation
import JixiaoCheck
import JixiaoDiagnostics
import JixiaoDigest
import JixiaoModel
import JixiaoScore
import Synchronization

/// Everything read from a data folder: the documents of each year, every finding, and the
/// sources (so that diagnostics can quote their lines).
public struct DataSet: Sendable {
    public var years: [YearData] = []
    public var diagnostics: [Diagnostic] = []
    public var sources: [String: SourceFile] = [:]
    public var fileCount = 0

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// One budget year: `data/<年度>/部门整体绩效目标.yaml`, `项目/*.yaml`, in mid-year `监控/` and,
/// at year end, `自评/`.
public struct YearData: Sendable {
    public let year: Int
    public var department: Department?
    /// In the order of the annual document: by 序号, then by name.
    public var entries: [ProjectEntry] = []
    /// Once `自评/` exists; each project's score is in its entry.
    public var assessment: YearAssessment?
    /// Once `监控/` exists; each project's review is in its entry.
    public var monitoring: YearMonitoring?

    /// The unit named on every page; a folder of project files alone has none.
    public var unit: String { department?.unit ?? "" }

    /// The summary table of the self-assessment, once `自评/` exists.
    public var summary: AssessmentSummary? {
        assessment.map { _ in AssessmentSummary(entries.map { ($0.name, $0.assessment?.score.figures) }) }
    }

    /// Whether any results file says it holds sample data.
    public var isSample: Bool { assessment?.isSample ?? false }
}

/// What a year's self-assessment adds beyond each project's score.
public struct YearAssessment: Sendable {
    public let department: DepartmentAssessment?
    public let isSample: Bool
}

/// What a year's mid-year monitoring adds beyond each project's review.
public struct YearMonitoring: Sendable {
    /// Whether any monitoring file says it holds sample data.
    public let isSample: Bool
    /// Percentage points behind plan before a warning (JX707): the department's 执行进度预警
    /// or the default.
    public let threshold: Decimal
}

/// The layout of a data folder, in one place.
public enum DataLayout {
    public static let departmentFile = "部门整体绩效目标.yaml"
    public static let projectDirectory = "项目"
    public static let resultsDirectory = "自评"
    public static let monitoringDirectory = "监控"
    public static let departmentResultsFile = "部门整体.yaml"
    public static let fileExtension = "yaml"
}

/// The one loader every command uses: read → decode → check → score.
public enum DataSetLoader {
    /// Reads `directory`: a data folder holding year folders (`data/`), one year folder
    /// (`data/2021`), or a single file. Never throws: what cannot be read becomes a diagnostic.
    /// `keepSources: false` (publishing) lets each file's text go once it is decoded: the
    /// diagnostics then cannot quote their lines, which only a failed publish prints, after
    /// loading again.
    public static func load(directory: String, encoding: SourceEncoding = .utf8, keepSources: Bool = true) -> DataSet {
        var loader = Loader(encoding: encoding, keepSources: keepSources)
        if FileManager.default.fileExists(atPath: directory), !isDirectory(directory) {
            loader.loadSingleFile(directory)
            return loader.dataSet
        }
        let years = yearFolders(in: directory)
        if years.isEmpty {
            loader.dataSet.diagnostics.append(Diagnostic(
                .noData, path: directory, at: nil, "在“\(directory)”中没有找到年度目录（例如 2021/）",
                hint: "数据应放在 \(directory)/<年度>/\(DataLayout.departmentFile) 和 \(directory)/<年度>/\(DataLayout.projectDirectory)/<项目名称>.yaml"))
        }
        for (year, path) in years { loader.loadYear(year, at: path) }
        return loader.dataSet
    }

    /// The data files of a folder, in byte order of their names.
    public static func dataFiles(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix("." + DataLayout.fileExtension) && !$0.hasPrefix(".") }
            .sortedByBytes()
            .map { join(folder, $0) }
    }

    /// The year folders of a data folder, in year order; the folder itself if it is one.
    public static func yearFolders(in directory: String) -> [(year: Int, path: String)] {
        if let year = yearName((directory as NSString).lastPathComponent), isDirectory(directory) { return [(year, directory)] }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.compactMap { entry -> (Int, String)? in
            let path = join(directory, entry)
            guard let year = yearName(entry), isDirectory(path) else { return nil }
            return (year, path)
        }.sorted { $0.0 < $1.0 }
    }

    static func yearName(_ name: String) -> Int? {
        name.count == 4 && name.allSatisfy(\.isASCII) ? Int(name) : nil
    }

    public static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}

/// A data set being read. Each file is read, decoded and checked on its own, on every core;
/// what spans files (unique names, results matched to projects) follows in file order.
private struct Loader {
    let encoding: SourceEncoding
    let keepSources: Bool
    var dataSet = DataSet()

    init(encoding: SourceEncoding, keepSources: Bool) {
        (self.encoding, self.keepSources) = (encoding, keepSources)
    }

    /// One file checked on its own (an editor checking the file being edited): a project
    /// file, or the department file; the year comes from the nearest year folder.
    mutating func loadSingleFile(_ path: String) {
        let year = (path as NSString).pathComponents.dropLast().reversed().compactMap(DataSetLoader.yearName).first
        // A monitoring or results file means nothing without its goal table (or, stand-alone,
        // its year's others): its year is read, and only its own findings kept.
        let folder = (path as NSString).deletingLastPathComponent
        let yearFolder = (folder as NSString).deletingLastPathComponent
        if [DataLayout.monitoringDirectory, DataLayout.resultsDirectory].contains((folder as NSString).lastPathComponent),
           let folderYear = DataSetLoader.yearName((yearFolder as NSString).lastPathComponent) {
            loadYear(folderYear, at: yearFolder)
            dataSet.diagnostics = dataSet.diagnostics.filter { $0.path == path }
            dataSet.fileCount = 1
            return
        }
        var data = YearData(year: year ?? 0)
        if let source = read(path) {
            if isDepartmentFile(source) {
                data.department = department(source, year: year)
            } else {
                let file = ProjectFile(source, year: year)
                dataSet.diagnostics += file.diagnostics
                data.entries = file.entry.map { [$0] } ?? []
            }
        }
        dataSet.years.append(data)
    }

    /// The department file by its name or, checked on its own under another name, by
    /// holding the department's own key.
    private func isDepartmentFile(_ source: SourceFile) -> Bool {
        if (source.path as NSString).lastPathComponent == DataLayout.departmentFile { return true }
        guard case (let tree?, _) = DocumentLoader.parse(source) else { return false }
        return tree.mapping?.contains { $0.hasKey("分项绩效目标") } ?? false
    }

    mutating func loadYear(_ year: Int, at path: String) {
        var data = YearData(year: year)
        let departmentPath = join(path, DataLayout.departmentFile)
        if FileManager.default.fileExists(atPath: departmentPath), let source = read(departmentPath) {
            data.department = department(source, year: year)
        }

        let files = readConcurrently(DataSetLoader.dataFiles(in: join(path, DataLayout.projectDirectory))) {
            ProjectFile($0, year: year)
        }
        var entries: [ProjectEntry] = []
        for (read, file) in files {
            guard record(read) != nil, let file else { continue }
            dataSet.diagnostics += file.diagnostics
            if let entry = file.entry { entries.append(entry) }
        }
        let unique = DataSetChecks.uniqueProjects(entries.map { ($0.path, $0.project) })
        dataSet.diagnostics += unique.diagnostics
        data.entries = unique.kept.map { entries[$0] }
        data.entries.sort { ($0.project.order ?? Int.max, $0.name) < ($1.project.order ?? Int.max, $1.name) }

        let monitoringPath = join(path, DataLayout.monitoringDirectory)
        if DataSetLoader.isDirectory(monitoringPath) { loadMonitoring(monitoringPath, into: &data) }
        let resultsPath = join(path, DataLayout.resultsDirectory)
        if DataSetLoader.isDirectory(resultsPath) { loadAssessment(resultsPath, into: &data) }
        dataSet.years.append(data)
    }

    /// The year's results: each project's file matched to its project by name and scored,
    /// and the department's graded. A file that carries its own `绩效指标` and names no project
    /// becomes a project of its own, with only its self-assessment.
    private mutating func loadAssessment(_ path: String, into data: inout YearData) {
        let departmentPath = join(path, DataLayout.departmentResultsFile)
        var (results, unmatched, isSample) = matchByName(DataSetLoader.dataFiles(in: path).filter { $0 != departmentPath },
                                                         of: data, decode: ResultsDecoder.decodeProject) { results, other in
            DataSetChecks.duplicateFile(.duplicateResults, path: results.path, name: results.projectName, kind: "自评文件", other: other)
        }
        let names = data.entries.map(\.name)
        for file in unmatched {
            guard let project = file.value.standaloneProject else {
                dataSet.diagnostics.append(DataSetChecks.resultsWithoutProject(file.value, path: file.path, projectNames: names))
                continue
            }
            if results[project.name.value] != nil {
                dataSet.diagnostics.append(DataSetChecks.duplicateFile(.duplicateResults, path: file.path, name: project.name,
                                                                       kind: "自评文件", other: results[project.name.value]!.path))
                continue
            }
            dataSet.diagnostics += Acknowledgement.apply(Checker.check(project, year: data.year), markedLines: file.value.markedLines)
            data.entries.append(ProjectEntry(path: file.path, digest: file.digest, project: project))
            results[project.name.value] = file
        }
        data.entries.sort { ($0.project.order ?? Int.max, $0.name) < ($1.project.order ?? Int.max, $1.name) }

        var department: DepartmentAssessment?
        if FileManager.default.fileExists(atPath: departmentPath), let source = read(departmentPath) {
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

        let scores = concurrentMap(data.entries) { [results] entry in
            results[entry.name].map { ($0, ProjectScorer.score(entry.project, $0.value)) }
        }
        for (index, scored) in zip(data.entries.indices, scores) {
            let entry = data.entries[index]
            guard let (file, (score, diagnostics)) = scored else {
                dataSet.diagnostics.append(DataSetChecks.notAssessed(entry.project, path: entry.path,
                                                                     resultsFolder: DataLayout.resultsDirectory))
                continue
            }
            dataSet.diagnostics += Acknowledgement.apply(diagnostics, markedLines: file.value.markedLines)
            data.entries[index].assessment = AssessedProject(resultsPath: file.path, resultsDigest: file.digest, score: score)
        }
        data.assessment = YearAssessment(department: department, isSample: isSample)
    }

    /// The year's monitoring: each project's file matched to its project by name and
    /// reviewed against its goal table (JX7xx).
    private mutating func loadMonitoring(_ path: String, into data: inout YearData) {
        let (monitored, unmatched, isSample) = matchByName(DataSetLoader.dataFiles(in: path), of: data,
                                                           decode: MonitoringDecoder.decode) { monitoring, other in
            DataSetChecks.duplicateFile(.duplicateMonitoring, path: monitoring.path, name: monitoring.projectName,
                                        kind: "监控文件", other: other)
        }
        let names = data.entries.map(\.name)
        for file in unmatched {
            dataSet.diagnostics.append(DataSetChecks.monitoringWithoutProject(file.value, projectNames: names))
        }
        let (year, threshold) = (data.year, data.department?.behindPlanThreshold?.value)
        let reviews = concurrentMap(data.entries) { [monitored] entry in
            monitored[entry.name].map { ($0, MonitoringChecks.review(entry.project, $0.value, year: year, threshold: threshold)) }
        }
        for (index, reviewed) in zip(data.entries.indices, reviews) {
            let entry = data.entries[index]
            guard let (file, (review, diagnostics)) = reviewed else {
                dataSet.diagnostics.append(DataSetChecks.notMonitored(entry.project, path: entry.path,
                                                                      folder: DataLayout.monitoringDirectory))
                continue
            }
            dataSet.diagnostics += diagnostics
            data.entries[index].monitoring = MonitoredProject(path: file.path, digest: file.digest, review: review)
        }
        data.monitoring = YearMonitoring(isSample: isSample, threshold: threshold ?? MonitoringRules.defaultBehindPlanThreshold)
    }

    /// The files of a results or monitoring folder, each decoded on its own and matched to its
    /// year's project by the name it states: those matched by name, in file order (a second
    /// file naming the same project is reported by `duplicate` and not used), and those naming
    /// no project.
    private mutating func matchByName<Value: NamedByProject>(
        _ paths: [String], of data: YearData, decode: @escaping @Sendable (SourceFile) -> Decoded<Value>,
        duplicate: (Value, _ other: String) -> Diagnostic
    ) -> (matched: [String: MatchedFile<Value>], unmatched: [MatchedFile<Value>], isSample: Bool) {
        let files = readConcurrently(paths) { (decode($0), Digest.of($0.bytes), Sic.lines(in: $0)) }
        let known = Set(data.entries.map(\.name))
        var matched: [String: MatchedFile<Value>] = [:]
        var unmatched: [MatchedFile<Value>] = []
        var isSample = false
        for (read, decodedFile) in files {
            guard let source = record(read), let (decoded, digest, marked) = decodedFile else { continue }
            dataSet.diagnostics += Acknowledgement.apply(decoded.diagnostics, markedLines: marked)
            guard let value = decoded.value else { continue }
            isSample = isSample || value.isSample
            let file = MatchedFile(path: source.path, digest: digest, value: value)
            let name = value.projectName.value
            guard known.contains(name) else {
                unmatched.append(file)
                continue
            }
            if let other = matched[name] {
                dataSet.diagnostics.append(duplicate(value, other.path))
                continue
            }
            matched[name] = file
        }
        return (matched, unmatched, isSample)
    }

    /// Decodes and checks a department file; `year` is its folder's, when known.
    private mutating func department(_ source: SourceFile, year: Int?) -> Department? {
        let decoded = DepartmentDecoder.decode(source)
        dataSet.diagnostics += decoded.diagnostics
        guard let department = decoded.value else { return nil }
        if let mismatch = DataSetChecks.yearMismatch(department.year, folderYear: year, path: source.path, moveTo: "") {
            dataSet.diagnostics.append(mismatch)
        }
        dataSet.diagnostics += Acknowledgement.apply(Checker.check(department), source: source)
        return department
    }

    /// Each file read and decoded on its own, on every core; its text kept only if the
    /// sources are, so that a large data set is never all in memory at once.
    private func readConcurrently<Decoded: Sendable>(_ paths: [String], _ decode: @escaping @Sendable (SourceFile) -> Decoded)
        -> [(read: Result<SourceFile, Diagnostic>, decoded: Decoded?)] {
        let (encoding, keepSources) = (encoding, keepSources)
        return concurrentMap(paths) { path in
            let read = SourceReader.read(path, encoding: encoding)
            guard case .success(let source) = read else { return (read, nil) }
            return (keepSources ? read : .success(source.withoutText), decode(source))
        }
    }

    private mutating func read(_ path: String) -> SourceFile? {
        record(SourceReader.read(path, encoding: encoding))
    }

    /// Counts a file read and keeps its text, or its failure to read.
    private mutating func record(_ read: Result<SourceFile, Diagnostic>) -> SourceFile? {
        dataSet.fileCount += 1
        switch read {
        case .success(let source):
            if keepSources { dataSet.sources[source.path] = source }
            return source
        case .failure(let diagnostic):
            dataSet.diagnostics.append(diagnostic)
            return nil
        }
    }
}

/// What a file of `自评/` or `监控/` has for matching it to its project.
protocol NamedByProject: Sendable {
    var projectName: Located<String> { get }
    var isSample: Bool { get }
    var path: String { get }
}

extension ProjectResults: NamedByProject {}
extension ProjectMonitoring: NamedByProject {}

/// A decoded file of `自评/` or `监控/` with its path and digest.
private struct MatchedFile<Value: Sendable>: Sendable {
    let path: String
    let digest: Fingerprint
    let value: Value
}

/// One project file, decoded and checked on its own (its year is its folder's, when known).
private struct ProjectFile {
    var entry: ProjectEntry?
    var diagnostics: [Diagnostic] = []

    init(_ source: SourceFile, year: Int?) {
        let decoded = ProjectDecoder.decode(source)
        // Decoding finds content too (a 二级 heading under another 一级, JX208): 原文如此 applies.
        diagnostics = Acknowledgement.apply(decoded.diagnostics, source: source)
        guard let project = decoded.value else { return }
        diagnostics += [DataSetChecks.fileNameMismatch(project, path: source.path),
                        DataSetChecks.yearMismatch(project.year, folderYear: year, path: source.path,
                                                   moveTo: DataLayout.projectDirectory + "/")].compactMap { $0 }
        diagnostics += Acknowledgement.apply(Checker.check(project, year: year ?? project.year?.value), source: source)
        entry = ProjectEntry(path: source.path, digest: Digest.of(source.bytes), project: project)
    }
}

/// `transform` applied to every element on every core, results in order.
private func concurrentMap<Element: Sendable, Mapped: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Mapped) -> [Mapped] {
    let results = Mutex([Mapped?](repeating: nil, count: elements.count))
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in
        let mapped = transform(elements[index])
        results.withLock { $0[index] = mapped }
    }
    return results.withLock { $0.map { $0! } }
}

public func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
}
