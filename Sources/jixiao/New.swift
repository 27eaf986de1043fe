import ArgumentParser
import Foundation
import JixiaoModel
import JixiaoData
import JixiaoImport

extension Jixiao {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "从模板新建数据文件：jixiao new 项目|监控|自评 <项目名称>",
            discussion: """
            “项目”写出一张带全部字段和标准指标框架的项目绩效目标表；“监控”按该项目的目标表写出年中运行监控文件\
            （截至日期默认为今年上个月的最后一天、其他年度的 7月31日，可用 --as-of 指定）；“自评”按该项目的目标表写出年末自评文件，\
            后两种每个三级指标都已列出。没有目标表（或加 --standalone）时，“自评”写出单独成表的自评表，绩效指标写在其中；\
            --layout 四川 写成四川“部门预算项目支出绩效自评表”的栏目（默认为 财预〔2020〕10号 附件1）。需要填写的地方写着“待填写”，jixiao check 会一直报告，直到全部填好。已有的文件不会被覆盖，除非加 --force。
            """)

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case project = "项目"
            case monitoring = "监控"
            case results = "自评"
        }

        @Argument(help: "要新建的文件：项目、监控 或 自评") var kind: Kind
        @Argument(help: "项目名称") var name: String
        @Option(name: .long, help: "预算年度（默认为数据目录中最新的年度，没有则为今年）") var year: Int?
        @Option(name: .long, help: "数据目录") var data: String = "data"
        @Option(name: .customLong("as-of"), help: "监控的截至日期，如 2021年7月31日（默认为今年上个月的最后一天，其他年度为 7月31日）") var asOf: String?
        @Option(name: .long, help: "自评表的版式：财预〔2020〕10号（默认）或 四川") var layout: String?
        @Flag(name: .long, help: "自评：写成单独成表的自评表（绩效指标写在其中，不需要目标表）") var standalone = false
        @Flag(name: .long, help: "覆盖已有的文件") var force = false

        func validate() throws {
            if name.trimmingSpaces().isEmpty || name.contains("/") {
                throw ValidationError("项目名称不能为空，也不能含有“/”")
            }
            if let asOf, CalendarDate(parsing: asOf) == nil {
                throw ValidationError("截至日期“\(asOf)”无法识别，写成 2021年7月31日 这样的日期")
            }
            if asOf != nil, kind != .monitoring {
                throw ValidationError("--as-of 只用于 jixiao new 监控")
            }
            if layout != nil || standalone, kind != .results {
                throw ValidationError("--layout 与 --standalone 只用于 jixiao new 自评")
            }
            if let layout, Layout(name: layout) == nil {
                throw ValidationError("没有名为“\(layout)”的版式；可用：\(Layout.allCases.flatMap(\.names).joined(separator: "、"))")
            }
        }

        func run() throws {
            let budgetYear = year ?? latestYear() ?? Calendar.current.component(.year, from: Date())
            let folder = "\(data)/\(budgetYear)"
            let path: String
            let text: String
            switch kind {
            case .project:
                path = "\(folder)/\(DataLayout.projectDirectory)/\(name).yaml"
                text = Scaffold.project(name: name, year: budgetYear)
            case .monitoring:
                let project = try goalTable(folder)
                path = "\(folder)/\(DataLayout.monitoringDirectory)/\(name).yaml"
                text = Scaffold.monitoring(for: project, asOf: asOf.flatMap(CalendarDate.init(parsing:)) ?? lastMonthEnd(in: budgetYear))
            case .results:
                path = "\(folder)/\(DataLayout.resultsDirectory)/\(name).yaml"
                let chosen = layout.flatMap(Layout.init(name:))
                let goalPath = "\(folder)/\(DataLayout.projectDirectory)/\(name).yaml"
                if standalone || !FileManager.default.fileExists(atPath: goalPath) {
                    text = StandaloneScaffold.text(name: name, layout: chosen ?? .standard)
                } else {
                    let project = try goalTable(folder)
                    text = Self.choosing(chosen, in: Scaffold.results(for: project))
                }
            }
            if FileManager.default.fileExists(atPath: path), !force {
                printError("\(path) 已经存在，没有覆盖。要重新生成请加 --force。")
                throw dataErrorExit
            }
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            print("已写出 \(path)。填写其中的“待填写”，然后运行 jixiao check \(kind == .project ? path : folder)。")
        }

        /// A results file for a goal table with `版式` set, after the schema line the editor reads.
        private static func choosing(_ layout: Layout?, in scaffold: String) -> String {
            guard let layout, let end = scaffold.firstIndex(of: "\n") else { return scaffold }
            return String(scaffold[...end]) + "版式: \(layout.rawValue)\n" + scaffold[scaffold.index(after: end)...]
        }

        /// The project's goal table, which the monitoring and results files follow.
        private func goalTable(_ folder: String) throws -> Project {
            let goalPath = "\(folder)/\(DataLayout.projectDirectory)/\(name).yaml"
            guard case .success(let source) = SourceReader.read(goalPath) else {
                printError("找不到项目“\(name)”的目标表 \(goalPath)。先用 jixiao new 项目 \(name) 新建并填写目标表。")
                throw dataErrorExit
            }
            guard let project = ProjectDecoder.decode(source).value else {
                printError("\(goalPath) 有错误，无法列出它的指标。先运行 jixiao check \(goalPath)。")
                throw dataErrorExit
            }
            return project
        }

        /// The default 截至: the end of last month in the current year (January at the earliest);
        /// in any other year 7月31日, the date of the central departments' yearly monitoring (1—7月).
        private func lastMonthEnd(in year: Int) -> CalendarDate {
            let today = Calendar.current.dateComponents([.year, .month], from: Date())
            let month = today.year == year ? max(1, (today.month ?? 2) - 1) : 7
            return CalendarDate.endOfMonth(year: year, month: month)
        }

        private func latestYear() -> Int? {
            ((try? FileManager.default.contentsOfDirectory(atPath: data)) ?? [])
                .compactMap { $0.count == 4 ? Int($0) : nil }.max()
        }
    }
}
