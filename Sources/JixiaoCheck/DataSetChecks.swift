import Foundation
import JixiaoDiagnostics
import JixiaoModel

/// The checks that look at a file together with its place in the data folder, or at the
/// files of a year together: a year's folder, a file's name, names and codes that must be
/// unique, results that must name a project.
public enum DataSetChecks {
    /// A year written in a file that is not the year of its folder.
    public static func yearMismatch(_ stated: Located<Int>?, folderYear: Int?, path: String, moveTo folder: String) -> Diagnostic? {
        guard let stated, let folderYear, stated.value != folderYear else { return nil }
        return Diagnostic(.yearMismatch, path: path, at: stated.mark,
                          "文件中的年度 \(stated.value) 与所在目录 \(folderYear)/ 不符",
                          hint: "把文件移到 \(stated.value)/\(folder) 目录，或改正年度")
    }

    /// A project file not named after its project.
    public static func fileNameMismatch(_ project: Project, path: String) -> Diagnostic? {
        let stem = fileStem(path)
        // Bytes first: nearly every name is typed as its file is named, and `String`'s own
        // equality compares Chinese text a normalised scalar at a time.
        guard ExactText(stem) != ExactText(project.name.value), stem != project.name.value else { return nil }
        return Diagnostic(.fileNameMismatch, .warning, path: path, at: project.name.mark,
                          "文件名“\(stem)”与项目名称“\(project.name.value)”不一致",
                          hint: "把文件改名为“\(project.name.value).yaml”，便于查找")
    }

    /// `2021/项目/社区经费.yaml` → `社区经费`, as NSString's path methods give it, without
    /// bridging the path to UTF-16 for every file of a data set.
    static func fileStem(_ path: String) -> String {
        let bytes = path.utf8
        let nameStart = bytes.lastIndex(of: UInt8(ascii: "/")).map(bytes.index(after:)) ?? bytes.startIndex
        let name = bytes[nameStart...]
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != nameStart else { return String(Substring(name)) }
        return String(Substring(bytes[nameStart..<dot]))
    }

    /// Of a year's project files, in file order: which are published (a name already taken
    /// is not), and the findings on names and codes used twice.
    public static func uniqueProjects(_ projects: [(path: String, project: Project)]) -> (kept: [Int], diagnostics: [Diagnostic]) {
        var names: [String: String] = [:]
        var codes: [String: String] = [:]
        var kept: [Int] = []
        var diagnostics: [Diagnostic] = []
        for (index, (path, project)) in projects.enumerated() {
            let name = project.name.value
            if let other = names[name] {
                diagnostics.append(Diagnostic(.duplicateProject, path: path, at: project.name.mark,
                                              "项目名称“\(name)”与 \(other) 重复", hint: "每个项目只能有一个数据文件"))
                continue
            }
            names[name] = path
            kept.append(index)
            let code = project.code.trimmingSpaces()
            guard !code.isEmpty else { continue }
            if let other = codes[code] {
                diagnostics.append(Diagnostic(.duplicateCode, path: path, at: project.name.mark,
                                              "项目编码“\(code)”与 \(other) 重复", hint: "每个项目的编码应唯一"))
            }
            codes[code] = path
        }
        return (kept, diagnostics)
    }

    /// A results file naming no project of its year.
    public static func resultsWithoutProject(_ results: ProjectResults, path: String, projectNames: [String]) -> Diagnostic {
        Diagnostic(.resultsWithoutProject, path: path, at: results.projectName.mark,
                   "没有名为“\(results.projectName.value)”的项目",
                   hint: Suggestion.closest(to: results.projectName.value, among: projectNames).map { "是不是想写“\($0)”？" })
    }

    /// A project without results once the year's self-assessment has begun.
    public static func notAssessed(_ project: Project, path: String, resultsFolder: String) -> Diagnostic {
        Diagnostic(.notAssessed, .warning, path: path, at: project.name.mark,
                   "项目“\(project.name.value)”没有自评结果，列为“未自评”，不计入平均分",
                   hint: "在 \(resultsFolder)/\(project.name.value).yaml 中填写年末实际完成情况")
    }

    /// A monitoring file naming no project of its year.
    public static func monitoringWithoutProject(_ monitoring: ProjectMonitoring, projectNames: [String]) -> Diagnostic {
        Diagnostic(.monitoringWithoutProject, path: monitoring.path, at: monitoring.projectName.mark,
                   "没有名为“\(monitoring.projectName.value)”的项目",
                   hint: Suggestion.closest(to: monitoring.projectName.value, among: projectNames).map { "是不是想写“\($0)”？" })
    }

    /// A second file of `自评/` or `监控/` (`kind`) naming a project that has one: only the
    /// first, in file order, is used.
    public static func duplicateFile(_ code: DiagnosticCode, path: String, name: Located<String>, kind: String,
                                     other: String) -> Diagnostic {
        Diagnostic(code, path: path, at: name.mark, "项目“\(name.value)”已有\(kind) \(other)",
                   hint: "每个项目只写一个\(kind)；删除或合并其中一个")
    }

    /// A project without a monitoring file once the year's monitoring has begun.
    public static func notMonitored(_ project: Project, path: String, folder: String) -> Diagnostic {
        Diagnostic(.notMonitored, .warning, path: path, at: project.name.mark,
                   "项目“\(project.name.value)”没有填报运行监控",
                   hint: "用 jixiao new 监控 \(project.name.value) 写出 \(folder)/\(project.name.value).yaml 并填写")
    }
}
