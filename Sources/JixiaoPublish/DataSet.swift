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
    /// The digest of each project and results file read, by path: the model of such a file
    /// is a function of its text alone, so a page built from it is known by these (`PageKeys`).
    var fileDigests: [PathKey: Digest] = [:]
    /// What checking each project file on its own found, for the next publish (`CheckedFile`).
    var checkedFiles: [PathKey: CheckedFile] = [:]
    /// Warnings of files not checked again because an earlier publish checked the same text;
    /// counted, but not in `diagnostics`.
    var earlierWarnings = 0

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count + earlierWarnings }
}

/// What checking one project file on its own (`Checker`) found, by the file's digest: the
/// same text in the same place (the year is in the path) finds the same again with the same
/// program. Kept only from a publish that succeeded, so what it found were warnings.
struct CheckedFile: Equatable {
    let digest: String
    let warnings: Int
}

/// One budget year: `data/<年度>/部门整体绩效目标.yaml` and `data/<年度>/项目/*.yaml`.
public struct YearData: Sendable {
    public let year: Int
    public var department: Department?
    /// In the order of the annual document: by 序号, then by name.
    public var projects: [Project]
    /// The year-end self-assessment, once `自评/` exists: one entry per project, in order.
    public var assessment: SelfAssessment?

    /// The unit named on every page; a directory of project files alone has none.
    public var unit: String { department?.unit ?? "" }
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
    /// `keepSources: false` (publishing) lets each file's text go once it is decoded; the
    /// diagnostics then cannot quote their lines, but a large data set takes far less memory.
    public static func load(directory: String, encoding: SourceEncoding = .utf8, keepSources: Bool = true) -> DataSet {
        load(directory: directory, encoding: encoding, keepSources: keepSources, checked: [:])
    }

    /// `checked`: project files an earlier publish by this program checked, not checked again
    /// where their text is the same (`CheckedFile`).
    static func load(directory: String, encoding: SourceEncoding, keepSources: Bool, checked: [PathKey: CheckedFile]) -> DataSet {
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
            dataSet.years.append(loadYear(year, at: path, encoding: encoding, checked: checked, into: &dataSet))
        }
        return dataSet
    }

    /// One file checked on its own (an editor checking the file being edited): a project file,
    /// or the department file by its name; the year comes from the nearest year directory.
    private static func loadSingleFile(_ path: String, encoding: SourceEncoding, into dataSet: inout DataSet) -> YearData {
        let components = (path as NSString).pathComponents
        let year = components.dropLast().reversed().compactMap(yearName).first
        var data = YearData(year: year ?? 0, department: nil, projects: [])
        guard let source = read(path, encoding: encoding, into: &dataSet) else { return data }
        if isDepartmentFile(source) {
            data.department = loadDepartment(source, year: year, diagnostics: &dataSet.diagnostics)
        } else if let project = loadProject(source, year: year, diagnostics: &dataSet.diagnostics) {
            dataSet.diagnostics += check(project, source, year: year)
            data.projects = [project]
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

    private static func loadYear(_ year: Int, at path: String, encoding: SourceEncoding, checked: [PathKey: CheckedFile],
                                 into dataSet: inout DataSet) -> YearData {
        var data = YearData(year: year, department: nil, projects: [])
        let departmentPath = join(path, DataLayout.departmentFile)
        if FileManager.default.fileExists(atPath: departmentPath), let source = read(departmentPath, encoding: encoding, into: &dataSet) {
            data.department = loadDepartment(source, year: year, diagnostics: &dataSet.diagnostics)
        }
        let projectsPath = join(path, DataLayout.projectDirectory)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: projectsPath)) ?? [])
            .filter { $0.hasSuffix("." + DataLayout.fileExtension) && !$0.hasPrefix(".") }
            .sorted()
        // Each file on its own, on every core; then, in file order, what spans files. Its text
        // goes as soon as it is decoded, unless diagnostics are to quote it.
        let keepSources = dataSet.keepsSources
        let loaded = concurrentMap(files) { file -> (read: Result<SourceFile, Diagnostic>, project: Project?, diagnostics: [Diagnostic],
                                                     digest: Digest?, check: CheckedFile?, checkedBefore: Bool) in
            let read = SourceReader.read(join(projectsPath, file), encoding: encoding)
            var diagnostics: [Diagnostic] = []
            guard case .success(let source) = read else { return (read, nil, [], nil, nil, false) }
            let digest = Digest(file: source)
            let project = loadProject(source, year: year, diagnostics: &diagnostics)
            let found = project.map { check($0, source, digest: digest.hex, year: year, earlier: checked[PathKey(source.path)],
                                            diagnostics: &diagnostics) }
            return (keepSources ? read : .success(source.withoutText), project, diagnostics, digest, found?.file, found?.before ?? false)
        }
        var seenNames: [String: String] = [:]
        var seenCodes: [String: String] = [:]
        for (file, result) in zip(files, loaded) {
            let filePath = join(projectsPath, file)
            record(result.read, digest: result.digest, into: &dataSet)
            dataSet.diagnostics += result.diagnostics
            if let check = result.check {
                dataSet.checkedFiles[PathKey(filePath)] = check
                if result.checkedBefore { dataSet.earlierWarnings += check.warnings }
            }
            guard let project = result.project else { continue }
            let name = project.name.value
            if let other = seenNames[name] {
                dataSet.diagnostics.append(Diagnostic(
                    .duplicateProject, path: filePath, at: project.name.mark,
                    "项目名称“\(name)”与 \(other) 重复", hint: "每个项目只能有一个数据文件"))
                continue
            }
            seenNames[name] = filePath
            let code = project.code.trimmingSpaces()
            if !code.isEmpty {
                if let other = seenCodes[code] {
                    dataSet.diagnostics.append(Diagnostic(
                        .duplicateCode, path: filePath, at: project.name.mark,
                        "项目编码“\(code)”与 \(other) 重复", hint: "每个项目的编码应唯一"))
                }
                seenCodes[code] = filePath
            }
            data.projects.append(project)
        }
        data.projects.sort { ($0.order ?? Int.max, $0.name.value) < ($1.order ?? Int.max, $1.name.value) }
        let resultsPath = join(path, DataLayout.resultsDirectory)
        if isDirectory(resultsPath) {
            data.assessment = loadAssessment(resultsPath, data, encoding: encoding, into: &dataSet)
        }
        return data
    }

    /// Reads `自评/`, matches each results file to its project by name and scores it.
    private static func loadAssessment(_ path: String, _ data: YearData, encoding: SourceEncoding,
                                       into dataSet: inout DataSet) -> SelfAssessment {
        var isSample = false
        var department: DepartmentAssessment?
        var results: [String: ProjectResults] = [:]
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0.hasSuffix("." + DataLayout.fileExtension) && !$0.hasPrefix(".") }
            .sorted()
        let names = data.projects.map(\.name.value)
        let known = Set(names)
        let projectFiles = files.filter { $0 != DataLayout.departmentResultsFile }
        let keepSources = dataSet.keepsSources
        let decodedFiles = concurrentMap(projectFiles) { file in
            SourceReader.read(join(path, file), encoding: encoding).map { source in
                (keepSources ? source : source.withoutText, ResultsDecoder.decodeProject(source), Digest(file: source))
            }
        }
        for result in decodedFiles {
            record(result.map(\.0), digest: try? result.get().2, into: &dataSet)
            guard case .success((let source, let decoded, _)) = result else { continue }
            dataSet.diagnostics += decoded.diagnostics
            guard let projectResults = decoded.value else { continue }
            isSample = isSample || projectResults.isSample
            let name = projectResults.projectName.value
            guard known.contains(name) else {
                dataSet.diagnostics.append(Diagnostic(
                    .resultsWithoutProject, path: source.path, at: projectResults.projectName.mark,
                    "没有名为“\(name)”的项目", hint: Suggestion.closest(to: name, among: names).map { "是不是想写“\($0)”？" }))
                continue
            }
            results[name] = projectResults
        }
        if files.contains(DataLayout.departmentResultsFile),
           let source = read(join(path, DataLayout.departmentResultsFile), encoding: encoding, into: &dataSet) {
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
        let scores = concurrentMap(data.projects) { project in
            results[project.name.value].map { ProjectScorer.score(project, $0) }
        }
        var scored: [(project: Project, score: ProjectScore?)] = []
        for (project, score) in zip(data.projects, scores) {
            guard let (score, diagnostics) = score else {
                dataSet.diagnostics.append(Diagnostic(
                    .notAssessed, .warning, path: project.path, at: project.name.mark,
                    "项目“\(project.name.value)”没有自评结果，列为“未自评”，不计入平均分",
                    hint: "在 \(DataLayout.resultsDirectory)/\(project.name.value).yaml 中填写年末实际完成情况"))
                scored.append((project, nil))
                continue
            }
            dataSet.diagnostics += diagnostics
            scored.append((project, score))
        }
        return SelfAssessment(projects: scored, department: department, isSample: isSample)
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

    /// Decodes one project file and holds it to its place; `year` is the directory's, when
    /// known. The file's own content is checked by `check`.
    private static func loadProject(_ source: SourceFile, year: Int?, diagnostics: inout [Diagnostic]) -> Project? {
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

    /// What checking a project on its own finds (REFERENCE's rules, with the file's
    /// acknowledgements applied): a function of the file's text and its year alone.
    private static func check(_ project: Project, _ source: SourceFile, year: Int?) -> [Diagnostic] {
        Acknowledgement.apply(Checker.check(project, year: year ?? project.year?.value), source: source)
    }

    /// A project file's own check: what `earlier` found, where it checked this very text
    /// (`before`), or else a new check, its findings added to `diagnostics`.
    private static func check(_ project: Project, _ source: SourceFile, digest: String, year: Int, earlier: CheckedFile?,
                              diagnostics: inout [Diagnostic]) -> (file: CheckedFile, before: Bool) {
        if let earlier, earlier.digest == digest { return (earlier, true) }
        let findings = check(project, source, year: year)
        diagnostics += findings
        return (CheckedFile(digest: digest, warnings: findings.filter { $0.severity == .warning }.count), false)
    }

    private static func read(_ path: String, encoding: SourceEncoding, into dataSet: inout DataSet) -> SourceFile? {
        let result = SourceReader.read(path, encoding: encoding)
        record(result, into: &dataSet)
        return try? result.get()
    }

    /// Counts a file read and keeps its text (or only its digest), or its failure to read.
    private static func record(_ result: Result<SourceFile, Diagnostic>, digest: Digest? = nil, into dataSet: inout DataSet) {
        dataSet.fileCount += 1
        switch result {
        case .success(let source):
            if dataSet.keepsSources { dataSet.sources[source.path] = source }
            if let digest { dataSet.fileDigests[PathKey(source.path)] = digest }
        case .failure(let diagnostic): dataSet.diagnostics.append(diagnostic)
        }
    }

    /// `transform` applied to every element on every core, results in order.
    private static func concurrentMap<Element, Mapped>(_ elements: [Element], _ transform: (Element) -> Mapped) -> [Mapped] {
        let results = Locked([Mapped?](repeating: nil, count: elements.count))
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            let mapped = transform(elements[index])
            results.withLock { $0[index] = mapped }
        }
        return results.withLock { $0.map { $0! } }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}

func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
}
