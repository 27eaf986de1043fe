import ArgumentParser
import Foundation
import JixiaoDiagnostics
import JixiaoModel
import JixiaoParser
import JixiaoCheck
import JixiaoData
import JixiaoPublish
import JixiaoScore

@main
struct Jixiao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jixiao",
        abstract: "绩效：预算绩效目标表的检查与发布工具",
        discussion: "数据目录的结构：<数据目录>/<年度>/部门整体绩效目标.yaml 与 <数据目录>/<年度>/项目/<项目名称>.yaml；多个单位时每个单位一个目录：<数据目录>/<单位>/<年度>/…。格式说明见 docs/数据格式.md。",
        subcommands: [Publish.self, Check.self, Review.self, Score.self, Preview.self, New.self, Import.self, Dump.self],
        defaultSubcommand: Publish.self
    )

    /// argument-parser's main would answer a usage error in English, and would read a mistyped
    /// subcommand as publish's data folder; the rest (help, running the command) is as it does.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let subcommands = configuration.subcommands.map { $0._commandName } + ["help"]
        if let suggestion = SubcommandSuggestion(arguments: arguments, subcommands: subcommands) {
            printError("jixiao：没有子命令“\(suggestion.typed)”。您是不是要用：jixiao \(suggestion.name)")
            exit(withError: ExitCode.validationFailure)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard let usage = UsageMessage(error) else { exit(withError: error) }
            let subcommand = arguments.first.flatMap { subcommands.contains($0) ? $0 : nil } ?? Publish._commandName
            printError("jixiao：\(usage.text)")
            printError("查看用法：jixiao \(subcommand) --help")
            exit(withError: ExitCode.validationFailure)
        }
    }
}

/// Exit status when the data has errors (usage errors exit with 64).
let dataErrorExit = ExitCode(1)

struct DataDirectory: ParsableArguments {
    @Argument(help: "数据目录（包含年度子目录，或就是某个年度目录；多个单位时包含各单位的目录，每个单位目录中是年度子目录）")
    var dataDirectory: String = "data"

    @Option(name: .long, help: "数据文件的编码：utf-8（默认）或 gb18030（记事本“ANSI”保存的文件）")
    var encoding: SourceEncoding = .utf8
}

extension DataDirectory {
    /// The data folder's units, when they have no errors; otherwise their errors printed, then
    /// `refusal`, and exit 1: what `check` rejects is not scored or reviewed.
    func loadWithoutErrors(refusal: String) throws -> District {
        let district = DataSetLoader.loadUnits(directory: dataDirectory, encoding: encoding)
        guard district.errorCount > 0 else { return district }
        DiagnosticPrinter.printText(district.diagnostics.filter { $0.severity == .error }, sources: district.sources)
        printError("数据有 \(district.errorCount) 个错误，\(refusal)")
        throw dataErrorExit
    }
}

extension SourceEncoding: ExpressibleByArgument {}
extension PageOrientation: ExpressibleByArgument {}

extension Jixiao {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查数据并发布全部页面（XHTML，可加 PDF、Excel 电子表格与 Word 文档）",
            discussion: "先做与 check 相同的检查，有错误时不发布，原输出目录保持不变。")

        @OptionGroup var data: DataDirectory
        @Option(name: .long, help: "输出目录") var out: String = "output"
        @Option(name: .long, help: "模板目录（jixiao.xsl 与 jixiao.css 所在处；默认在程序旁、安装的 share/jixiao/templates 或源代码目录中寻找）")
        var templates: String?
        @Option(name: .customLong("emit-xml"), help: "同时把送入模板的 XML 写到这个目录") var emitXML: String?
        @Flag(name: .shortAndLong, help: "不打印进度") var quiet = false
        @Flag(name: .long, help: "同时为每个页面生成 PDF（需要 WeasyPrint 与 fonts-arphic-uming）") var pdf = false
        @Flag(name: .long, help: "同时把每张项目绩效目标表和项目支出绩效自评表写成 Excel 电子表格（.xlsx，Excel、WPS、LibreOffice 均可直接打开）")
        var xlsx = false
        @Flag(name: .long, help: "同时把每张项目绩效目标表、项目支出绩效自评表和年度绩效目标全文写成 Word 文档（.docx，Word、WPS、LibreOffice 均可直接打开，jixiao import 可读回）")
        var docx = false
        @Option(name: .long, help: "打印方向：portrait（纵向）或 landscape（横向）用于所有页面；默认目标表纵向、自评表横向")
        var orientation: PageOrientation?
        @Flag(name: .long, help: "完整地重新发布：不沿用上次发布中输入未改动的页面（默认会沿用，结果与完整发布逐字节相同）")
        var full = false
        @Option(name: .long, help: "同时生成页面的线程数（默认为处理器核数）；结果与单线程逐字节相同")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs 至少为 1") }
        }

        func run() throws {
            var options = PublishOptions(dataDirectory: data.dataDirectory, outputDirectory: out,
                                         templatesDirectory: try TemplateFolder.locate(option: templates), emitXMLDirectory: emitXML,
                                         encoding: data.encoding, workers: jobs)
            options.pdf = pdf
            options.xlsx = xlsx
            options.docx = docx
            options.incremental = !full
            options.orientation = orientation
            do {
                let report = try Publisher.publish(options) { if !quiet { print($0) } }
                if !quiet {
                    let warnings = report.warningCount
                    let advice = warnings > 0 ? "，运行 jixiao check 查看" : ""
                    let others = [(report.spreadsheets.count, "个电子表格"), (report.wordDocuments.count, "个 Word 文档")]
                        .filter { $0.0 > 0 }.map { "、\($0.0) \($0.1)" }.joined()
                    let reused = report.upToDate || report.reusedPages == 0 ? "" : "，其中 \(report.reusedPages) 个未改动的页面沿用上次的结果"
                    let published = report.upToDate ? "\(out)/ 已是最新：\(report.pageCount) 个页面\(others)"
                        : "已发布 \(report.pageCount) 个页面\(others)到 \(out)/"
                    print("\(published)（\(report.dataFileCount) 个数据文件，\(warnings) 个警告\(advice)\(reused)）")
                    if report.isDistrict {
                        print("  打开 \(out)/index.html")
                    } else {
                        for year in report.years { print("  打开 \(out)/\(year)/index.html") }
                    }
                }
            } catch let failure as PublishFailure {
                let sources = DataSetLoader.loadUnits(directory: data.dataDirectory, encoding: data.encoding).sources
                DiagnosticPrinter.printText(failure.diagnostics, sources: sources)
                let errors = failure.diagnostics.filter { $0.severity == .error }.count
                printError("发布失败：\(errors) 个错误。输出目录 \(out)/ 未作改动。")
                throw dataErrorExit
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查数据文件，像编译器一样报告每一处问题",
            discussion: "没有错误时退出码为 0，有错误时为 1。")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var data: DataDirectory
        @Flag(name: .long, help: "把警告也当作错误") var strict = false
        @Option(name: .long, help: "输出格式：text 或 json") var format: Format = .text

        func run() throws {
            let district = DataSetLoader.loadUnits(directory: data.dataDirectory, encoding: data.encoding)
            let failing = district.errorCount + (strict ? district.warningCount : 0)
            let sources = district.sources
            func counts(_ files: Int, _ diagnostics: [Diagnostic]) -> (errors: Int, warnings: Int, line: String) {
                let errors = diagnostics.count { $0.severity == .error }
                return (errors, diagnostics.count - errors, "检查了 \(files) 个文件：\(errors) 个错误，\(diagnostics.count - errors) 个警告")
            }
            switch format {
            case .text:
                if district.isSingleUnit {
                    DiagnosticPrinter.printText(district.diagnostics, sources: sources, to: .standardOutput)
                } else {
                    // Grouped by unit: the folder's own findings, then each unit's, each with its count.
                    DiagnosticPrinter.printText(district.layoutDiagnostics, sources: sources, to: .standardOutput)
                    for unit in district.units {
                        print("单位：\(unit.name)（\(unit.path)）")
                        DiagnosticPrinter.printText(unit.dataSet.diagnostics, sources: sources, to: .standardOutput)
                        print("  " + counts(unit.dataSet.fileCount, unit.dataSet.diagnostics).line)
                    }
                    print("共 \(district.units.count) 个单位。", terminator: "")
                }
                print(counts(district.fileCount, district.diagnostics).line)
            case .json:
                let units: [(String, JSONValue)] = district.isSingleUnit ? [] : [("units", .array(district.units.map { unit in
                    let (errors, warnings, _) = counts(unit.dataSet.fileCount, unit.dataSet.diagnostics)
                    return .object([("unit", .string(unit.name)), ("folder", .string(unit.path)),
                                    ("files", .number(String(unit.dataSet.fileCount))), ("errors", .number(String(errors))),
                                    ("warnings", .number(String(warnings))), ("diagnostics", .array(unit.dataSet.diagnostics.map(\.json)))])
                }))]
                print(JSONValue.object([
                    ("files", .number(String(district.fileCount))),
                    ("errors", .number(String(district.errorCount))),
                    ("warnings", .number(String(district.warningCount))),
                    ("diagnostics", .array(district.diagnostics.map(\.json))),
                ] + units).rendered())
            }
            if failing > 0 { throw dataErrorExit }
        }
    }

    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "打印年度自评汇总表：每个项目的预算、执行、执行率、得分与等级",
            discussion: "读取 <年度>/自评/ 中的实际完成情况，按评分规则（docs/评分规则.md）计算。数据有错误时只打印诊断信息。")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @OptionGroup var data: DataDirectory
        @Option(name: .long, help: "输出格式：text、json 或 csv") var format: Format = .text

        func run() throws {
            let district = try data.loadWithoutErrors(refusal: "无法评分。")
            // Unit by unit, year by year; a single unit's years carry no unit.
            let years = district.units.flatMap { unit in
                unit.dataSet.years.compactMap { year in
                    year.summary.map { (unit: district.isSingleUnit ? nil : unit.name, year: year.year, summary: $0, isSample: year.isSample) }
                }
            }
            if years.isEmpty {
                printError("没有找到自评数据（\(DataLayout.resultsDirectory)/ 目录）。")
                throw dataErrorExit
            }
            switch format {
            case .text:
                print(years.map { year in
                    (year.unit.map { "单位：\($0)\n" } ?? "") + SummaryText.table(year: year.year, year.summary, isSample: year.isSample)
                }.joined(separator: "\n\n"))
            case .csv: print(SummaryText.csv(years.map { ($0.unit, $0.year, $0.summary) }), terminator: "")
            case .json: print(JSONValue.array(years.map { SummaryText.json(unit: $0.unit, year: $0.year, $0.summary) }).rendered())
            }
        }
    }

    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "以 JSON 打印数据文件解析后的树（或 --model：解读后的模型）",
            discussion: "树中所有值都是字符串，与标准 YAML 加载器（所有值按字符串读取）的结果相同。")

        @Argument(help: "数据文件（.yaml），可以多个") var files: [String]
        @Flag(name: .long, help: "打印解读后的模型（含每个指标值的解析结果）") var model = false
        @Flag(name: .long, help: "每个文件输出一行 JSON：{\"file\", \"tree\", \"error\"}（供比对测试）") var lines = false
        @Option(name: .long, help: "文件的编码：utf-8（默认）或 gb18030") var encoding: SourceEncoding = .utf8

        func validate() throws {
            if files.count > 1, !lines { throw ValidationError("多个文件时请加 --lines") }
        }

        func run() throws {
            var failed = false
            for file in files {
                let (json, diagnostics, source) = dump(file)
                let hasErrors = json == nil || diagnostics.contains { $0.severity == .error }
                failed = failed || hasErrors
                if lines {
                    print(JSONValue.object([
                        ("file", .string(file)), ("tree", json ?? .null),
                        ("error", diagnostics.first.map { .string($0.headline) } ?? .null),
                    ]).compact)
                } else {
                    DiagnosticPrinter.printText(diagnostics, sources: source.map { [file: $0] } ?? [:])
                    if let json { print(json.rendered()) }
                }
            }
            if failed { throw dataErrorExit }
        }

        private func dump(_ file: String) -> (JSONValue?, [Diagnostic], SourceFile?) {
            let source: SourceFile
            switch SourceReader.read(file, encoding: encoding) {
            case .success(let read): source = read
            case .failure(let diagnostic): return (nil, [diagnostic], nil)
            }
            if model {
                // The folder tells a results or monitoring file from a goal table, also for a bare file name.
                let url = URL(fileURLWithPath: file).standardizedFileURL
                let name = url.lastPathComponent
                if url.deletingLastPathComponent().lastPathComponent == DataLayout.resultsDirectory {
                    if name == DataLayout.departmentResultsFile {
                        let decoded = ResultsDecoder.decodeDepartment(source)
                        return (decoded.value?.json, decoded.diagnostics, source)
                    }
                    let decoded = ResultsDecoder.decodeProject(source)
                    // As check reports it: a blank cell marked 原文如此 is a warning (JX204).
                    return (decoded.value?.json, Acknowledgement.apply(decoded.diagnostics, source: source), source)
                }
                if url.deletingLastPathComponent().lastPathComponent == DataLayout.monitoringDirectory {
                    let decoded = MonitoringDecoder.decode(source)
                    return (decoded.value?.json, decoded.diagnostics, source)
                }
                if name == DataLayout.departmentFile {
                    let decoded = DepartmentDecoder.decode(source)
                    return (decoded.value?.json, decoded.diagnostics, source)
                }
                let decoded = ProjectDecoder.decode(source)
                return (decoded.value?.json, Acknowledgement.apply(decoded.diagnostics, source: source), source)
            }
            let (node, diagnostics) = DocumentLoader.parse(source)
            return (node?.json, diagnostics, source)
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Compiler-style diagnostics on standard error, sorted by file and position.
enum DiagnosticPrinter {
    enum Destination { case standardOutput, standardError }

    static func printText(_ diagnostics: [Diagnostic], sources: [String: SourceFile], to destination: Destination = .standardError) {
        let sorted = diagnostics.sorted {
            ($0.path, $0.mark?.line ?? 0, $0.mark?.column ?? 0) < ($1.path, $1.mark?.line ?? 0, $1.mark?.column ?? 0)
        }
        for diagnostic in sorted {
            let text = diagnostic.formatted(source: sources[diagnostic.path])
            if destination == .standardOutput { print(text) } else { printError(text) }
        }
    }
}
