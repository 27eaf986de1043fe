import ArgumentParser
import Foundation
import JixiaoData
import JixiaoDiagnostics
import JixiaoReview

extension Jixiao {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "绩效目标审核：按财政部门审核绩效目标的要点，对每个项目的目标表提出审核意见",
            discussion: """
                审核完整性（产出、效益、满意度、成本指标与完成时限）、可衡量性（计量单位、含糊用语、比率的计算方法）、\
                适当性（与上年目标和上年实际完成值相比、满意度不低于 80%）和一致性（单位成本、数量与资金测算），\
                规则及出处见 docs/审核规则.md。上年的数据取自旁边的上一年度目录（同一项目编码，没有编码时同一项目名称）。
                默认审核最近的年度，--year 指定其他年度。审核意见（JX8xx）是建议，不影响退出码（0）；加 --strict 时有审核意见则为 1。\
                数据有错误时不审核，先用 jixiao check 改正，退出码为 1。
                --format csv 每条意见一行，UTF-8 带 BOM（Excel 可直接打开中文），按 RFC 4180 加引号。
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @OptionGroup var data: DataDirectory
        @Option(name: .long, help: "审核的年度（默认为最近的年度）") var year: Int?
        @Option(name: .long, help: "输出格式：text、json 或 csv（UTF-8 带 BOM，Excel 可直接打开）") var format: Format = .text
        @Flag(name: .long, help: "有审核意见时退出码为 1") var strict = false

        func run() throws {
            let district = try data.loadWithoutErrors(refusal: "无法审核。先改正（jixiao check），再审核。")
            let report = Reviewer.review(ReviewUnit.units(of: district), year: year)
            if report.units.isEmpty {
                printError(year.map { "没有 \($0) 年度的数据。" } ?? "没有可审核的项目目标表。")
                throw dataErrorExit
            }
            switch format {
            case .text: print(ReviewText.text(report, sources: district.sources))
            case .json: print(String(decoding: try ReviewDocument(report).encoded(), as: UTF8.self))
            case .csv: print(ReviewCSV.text(report), terminator: "")
            }
            if strict, report.findingCount > 0 { throw dataErrorExit }
        }
    }
}

/// The review in the terminal: each unit and year under a heading, its findings as
/// `jixiao check` prints them, then a count by code.
enum ReviewText {
    static func text(_ report: ReviewReport, sources: [String: SourceFile]) -> String {
        var lines: [String] = []
        for unit in report.units {
            for year in unit.years {
                let compared = year.previousYear.map { "对照 \($0) 年度" } ?? "没有上一年度的数据，不比较上年"
                lines.append("单位：\(unit.name.isEmpty ? "（未注明）" : unit.name)　\(year.year) 年度（\(compared)）")
                lines += year.projects.flatMap { $0.findings.map { $0.formatted(source: sources[$0.path]) } }
            }
        }
        let findings = report.units.flatMap { $0.years.flatMap { $0.projects.flatMap(\.findings) } }
        let projects = report.units.flatMap { $0.years.flatMap(\.projects) }
        var counts: [String: Int] = [:]
        for finding in findings { counts[finding.code.rawValue, default: 0] += 1 }
        let byCode = counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: "，")
        lines.append("审核了 \(report.units.count) 个单位 \(projects.count) 个项目：\(findings.count) 条审核意见，涉及 "
                     + "\(projects.count { !$0.findings.isEmpty }) 个项目" + (byCode.isEmpty ? "" : "（\(byCode)）"))
        return lines.joined(separator: "\n")
    }
}
