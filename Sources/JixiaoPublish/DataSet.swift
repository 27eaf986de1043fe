import Foundation
import JixiaoCheck
import JixiaoDiagnostics
import JixiaoModel

/// Everything read from a data directory: the documents of each year, every finding, and
/// the sources (so diagnostics can quote their lines).
public struct DataSet: Sendable {
    public var years: [YearData]
    public var diagnostics: [Diagnostic]
    public var sources: [String: SourceFile]
    public var fileCount: Int

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// One budget year: `data/<年度>/部门整体绩效目标.yaml` and `data/<年度>/项目/*.yaml`.
public struct YearData: Sendable {
    public let year: Int
    public var department: Department?
    /// In the order of the annual document: by 序号, then by name.
    public var projects: [Project]

    /// The unit named on every page; a directory of project files alone has none.
    public var unit: String { department?.unit ?? "" }
}

/// The layout of a data directory, in one place.
public enum DataLayout {
    public static let departmentFile = "部门整体绩效目标.yaml"
    public static let projectDirectory = "项目"
    public static let fileExtension = "yaml"
}

public enum DataSetLoader {
    /// Reads `directory`: either a data root holding year directories (`data/`) or one year
    /// directory (`data/2021`). Never throws: unreadable files become diagnostics.
    public static func load(directory: String) -> DataSet {
        var dataSet = DataSet(years: [], diagnostics: [], sources: [:], fileCount: 0)
        let yearDirectories = findYearDirectories(directory)
        if yearDirectories.isEmpty {
            dataSet.diagnostics.append(Diagnostic(
                .noData, path: directory, at: nil, "在“\(directory)”中没有找到年度目录（例如 2021/）",
                hint: "数据应放在 \(directory)/<年度>/\(DataLayout.departmentFile) 和 \(directory)/<年度>/\(DataLayout.projectDirectory)/<项目名称>.yaml"))
            return dataSet
        }
        for (year, path) in yearDirectories {
            dataSet.years.append(loadYear(year, at: path, into: &dataSet))
        }
        return dataSet
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

    private static func loadYear(_ year: Int, at path: String, into dataSet: inout DataSet) -> YearData {
        var data = YearData(year: year, department: nil, projects: [])
        let departmentPath = join(path, DataLayout.departmentFile)
        if FileManager.default.fileExists(atPath: departmentPath), let source = read(departmentPath, into: &dataSet) {
            let decoded = DepartmentDecoder.decode(source)
            dataSet.diagnostics += decoded.diagnostics
            if let department = decoded.value {
                if department.year.value != year {
                    dataSet.diagnostics.append(Diagnostic(
                        .yearMismatch, path: departmentPath, at: department.year.mark,
                        "文件中的年度 \(department.year.value) 与所在目录 \(year)/ 不符",
                        hint: "把文件移到 \(department.year.value)/ 目录，或改正年度"))
                }
                dataSet.diagnostics += Acknowledgement.apply(Checker.check(department), source: source)
                data.department = department
            }
        }
        let projectsPath = join(path, DataLayout.projectDirectory)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: projectsPath)) ?? [])
            .filter { $0.hasSuffix("." + DataLayout.fileExtension) && !$0.hasPrefix(".") }
            .sorted()
        var seenNames: [String: String] = [:]
        var seenCodes: [String: String] = [:]
        for file in files {
            let filePath = join(projectsPath, file)
            guard let source = read(filePath, into: &dataSet) else { continue }
            let decoded = ProjectDecoder.decode(source)
            dataSet.diagnostics += decoded.diagnostics
            guard let project = decoded.value else { continue }
            let name = project.name.value
            if let other = seenNames[name] {
                dataSet.diagnostics.append(Diagnostic(
                    .duplicateProject, path: filePath, at: project.name.mark,
                    "项目名称“\(name)”与 \(other) 重复", hint: "每个项目只能有一个数据文件"))
                continue
            }
            seenNames[name] = filePath
            let code = project.code.trimmingCharacters(in: .whitespaces)
            if !code.isEmpty {
                if let other = seenCodes[code] {
                    dataSet.diagnostics.append(Diagnostic(
                        .duplicateCode, path: filePath, at: project.name.mark,
                        "项目编码“\(code)”与 \(other) 重复", hint: "每个项目的编码应唯一"))
                }
                seenCodes[code] = filePath
            }
            dataSet.diagnostics += Acknowledgement.apply(Checker.check(project, year: year), source: source)
            let stem = String(file.dropLast(DataLayout.fileExtension.count + 1))
            if stem != name {
                dataSet.diagnostics.append(Diagnostic(
                    .fileNameMismatch, .warning, path: filePath, at: project.name.mark,
                    "文件名“\(stem)”与项目名称“\(name)”不一致", hint: "把文件改名为“\(name).yaml”，便于查找"))
            }
            if let stated = project.year, stated.value != year {
                dataSet.diagnostics.append(Diagnostic(
                    .yearMismatch, path: filePath, at: stated.mark,
                    "文件中的年度 \(stated.value) 与所在目录 \(year)/ 不符", hint: "把文件移到 \(stated.value)/\(DataLayout.projectDirectory)/ 目录，或改正年度"))
            }
            data.projects.append(project)
        }
        data.projects.sort { ($0.order ?? Int.max, $0.name.value) < ($1.order ?? Int.max, $1.name.value) }
        return data
    }

    private static func read(_ path: String, into dataSet: inout DataSet) -> SourceFile? {
        dataSet.fileCount += 1
        guard let data = FileManager.default.contents(atPath: path) else {
            dataSet.diagnostics.append(Diagnostic(.fileUnreadable, path: path, at: nil, "无法读取文件",
                                                  hint: "检查文件是否存在以及读取权限"))
            return nil
        }
        let source = SourceFile(path: path, bytes: [UInt8](data))
        dataSet.sources[path] = source
        return source
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}

func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
}
