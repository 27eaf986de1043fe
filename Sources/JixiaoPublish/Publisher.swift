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
}

/// One page to write: where, and the XML the templates turn into it.
struct PageJob {
    let relativePath: String
    let tree: XMLTree
}

public struct PublishOptions: Sendable {
    public var dataDirectory: String
    public var outputDirectory: String
    public var templatesDirectory: String
    /// Also write the XML fed to libxslt here (for xsltproc comparisons).
    public var emitXMLDirectory: String?
    public var encoding: SourceEncoding

    public init(dataDirectory: String, outputDirectory: String, templatesDirectory: String,
                emitXMLDirectory: String? = nil, encoding: SourceEncoding = .utf8) {
        self.dataDirectory = dataDirectory
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.emitXMLDirectory = emitXMLDirectory
        self.encoding = encoding
    }
}

public struct PublishFailure: Error {
    public let diagnostics: [Diagnostic]
}

public struct PublishReport: Sendable {
    public let pages: [String]
    public let dataSet: DataSet
}

/// read → decode and check → build XML → apply templates → write, all or nothing.
public enum Publisher {
    public static func publish(_ options: PublishOptions, progress: (String) -> Void = { _ in }) throws -> PublishReport {
        progress("[1/4] 读取并检查数据 \(options.dataDirectory)")
        let dataSet = DataSetLoader.load(directory: options.dataDirectory, encoding: options.encoding)
        if dataSet.errorCount > 0 { throw PublishFailure(diagnostics: dataSet.diagnostics) }

        progress("[2/4] 编译模板 \(options.templatesDirectory)")
        let stylesheet: Stylesheet
        let css: String
        do {
            stylesheet = try Stylesheet(path: join(options.templatesDirectory, OutputLayout.driverStylesheet))
            css = try String(contentsOfFile: join(options.templatesDirectory, OutputLayout.styleSheet), encoding: .utf8)
        } catch {
            throw PublishFailure(diagnostics: [Diagnostic(.templateFailed, path: options.templatesDirectory, at: nil,
                                                          "\(error)")])
        }

        progress("[3/4] 生成页面")
        let jobs = dataSet.years.flatMap(pageJobs)
        var rendered: [(String, [UInt8])] = []
        for job in jobs {
            do {
                rendered.append((job.relativePath, try stylesheet.transform(job.tree, parameters: [("page.css", css)])))
            } catch {
                throw PublishFailure(diagnostics: [Diagnostic(.templateFailed, path: job.relativePath, at: nil, "\(error)")])
            }
        }

        progress("[4/4] 写出到 \(options.outputDirectory)")
        do {
            try OutputWriter.replace(options.outputDirectory, with: rendered)
            if let xmlDirectory = options.emitXMLDirectory {
                try OutputWriter.replace(xmlDirectory, with: jobs.map {
                    (($0.relativePath as NSString).deletingPathExtension + ".xml", Array($0.tree.serialized().utf8))
                })
            }
        } catch {
            throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil,
                                                          "写出失败：\(error)", hint: "原有的输出目录保持不变")])
        }
        return PublishReport(pages: rendered.map(\.0), dataSet: dataSet)
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
                                tree: DocumentXML.projectPage(project, context: inFolder)))
        }
        jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.annualDocument)",
                            tree: DocumentXML.annualDocument(department: year.department, projects: year.projects, context: atTop)))
        documents.append((OutputNames.href(OutputLayout.annualDocument), "\(year.year)年度绩效目标（全文）"))
        if let department = year.department {
            jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.departmentPage)",
                                tree: DocumentXML.departmentPage(department, context: atTop)))
            documents.append((OutputNames.href(OutputLayout.departmentPage), "\(year.year)年部门整体绩效目标"))
        }

        var assessmentHrefs: [String: String] = [:]
        if let assessment = year.assessment {
            for score in assessment.scored {
                let fileName = names.fileName(for: score.project.name.value)
                assessmentHrefs[score.project.name.value] = OutputNames.href(OutputLayout.assessmentDirectory, fileName)
                jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.assessmentDirectory)/\(fileName)",
                                    tree: AssessmentXML.projectPage(score, context: inFolder, isSample: assessment.isSample)))
            }
            if let department = assessment.department {
                jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.assessmentDirectory)/\(OutputLayout.departmentAssessment)",
                                    tree: AssessmentXML.departmentPage(department, context: inFolder, isSample: assessment.isSample)))
                documents.append((OutputNames.href(OutputLayout.assessmentDirectory, OutputLayout.departmentAssessment),
                                  "\(year.year)年部门整体绩效自评"))
            }
            jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.report)",
                                tree: AssessmentXML.report(assessment, hrefs: assessmentHrefs, context: atTop)))
            documents.insert((OutputNames.href(OutputLayout.report), "\(year.year)年度绩效自评报告"), at: 1)
        }

        let entries = year.projects.map { project in
            DocumentXML.IndexEntry(href: OutputNames.href(OutputLayout.projectDirectory, names.fileName(for: project.name.value)),
                                   project: project,
                                   assessment: year.assessment.map { assessment in
                                       let score = assessment.scored.first { $0.project.name.value == project.name.value }
                                       return (assessmentHrefs[project.name.value], score?.total.fixed(2), score?.grade.rawValue)
                                   })
        }
        jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.index)",
                            tree: DocumentXML.indexPage(documents: documents, projects: entries,
                                                        context: DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: nil),
                                                        isSample: year.assessment?.isSample ?? false)))
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

/// Writes a complete directory beside the target and swaps it in, so that a failed or
/// interrupted publish leaves the previous output exactly as it was.
enum OutputWriter {
    static func replace(_ target: String, with files: [(String, [UInt8])]) throws {
        let manager = FileManager.default
        let targetURL = URL(fileURLWithPath: target).standardizedFileURL
        let parent = targetURL.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        removeAbandonedStaging(beside: targetURL)
        let staging = parent.appendingPathComponent(".\(targetURL.lastPathComponent).new-\(getpid())")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for (relativePath, bytes) in files {
                let url = staging.appendingPathComponent(relativePath)
                guard url.standardizedFileURL.path.hasPrefix(staging.path + "/") else {
                    throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: relativePath, at: nil,
                                                                  "输出路径越出了输出目录")])
                }
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
            try swapIn(staging, targetURL)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// A publish that was killed leaves its staging directory behind; remove those whose
    /// process is gone (never another running publish's).
    private static func removeAbandonedStaging(beside target: URL) {
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
