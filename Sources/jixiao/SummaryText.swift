import Foundation
import JixiaoDiagnostics
import JixiaoModel
import JixiaoScore

/// `jixiao score` output: a terminal table aligned for double-width Chinese characters,
/// CSV (UTF-8 with BOM so Excel reads the Chinese), or JSON.
enum SummaryText {
    static let header = ["序号", "项目名称", "全年预算数（万元）", "全年执行数（万元）", "执行率", "得分", "等级"]

    static func cells(_ row: AssessmentSummary.Row) -> [String] {
        guard let score = row.score else { return [String(row.number), row.name, "", "", "", "", "未自评"] }
        return [String(row.number), row.name, wan(score.annual), wan(score.spent),
                score.ratePercent.fixed(2) + "%", score.total.fixed(2), score.grade.rawValue]
    }

    static func totals(_ summary: AssessmentSummary) -> [String] {
        ["", "合计（\(summary.scored.count)个已自评项目）", wan(summary.totalBudget), wan(summary.totalSpent),
         summary.ratePercent.map { $0.fixed(2) + "%" } ?? "", summary.averageScore.map { "平均 " + $0.fixed(2) } ?? "", ""]
    }

    static func table(year: Int, _ summary: AssessmentSummary, isSample: Bool) -> String {
        let rows = [header] + summary.rows.map(cells) + [totals(summary)]
        let widths = header.indices.map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        let numeric: Set<Int> = [0, 2, 3, 4, 5]
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - DisplayWidth.of(text))
                return numeric.contains(column) ? pad + text : text + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        var out = ["\(year)年度项目支出绩效自评汇总" + (isSample ? "（示例数据）" : ""), line(header), rule]
        out += summary.rows.map { line(cells($0)) }
        out += [rule, line(totals(summary))]
        let grades = Grade.allCases.map { "\($0.rawValue) \(summary.count($0))" }.joined(separator: "，")
        out.append("等级分布：\(grades)" + (summary.notAssessedCount > 0 ? "；未自评 \(summary.notAssessedCount)" : ""))
        return out.joined(separator: "\n")
    }

    /// `unit` is nil for every year of a single unit's data: then there is no 单位 column.
    static func csv(_ years: [(unit: String?, year: Int, summary: AssessmentSummary)]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { ",\"\n".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let byUnit = years.contains { $0.unit != nil }
        var lines = [((byUnit ? ["单位"] : []) + ["年度"] + header).map(field).joined(separator: ",")]
        for (unit, year, summary) in years {
            lines += summary.rows.map { ((byUnit ? [unit ?? ""] : []) + [String(year)] + cells($0)).map(field).joined(separator: ",") }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `unit`: the unit's name in a district's output, nil for a single unit's.
    static func json(unit: String? = nil, year: Int, _ summary: AssessmentSummary) -> JSONValue {
        func amount(_ value: Amount?) -> JSONValue { value.map { .number(wan($0)) } ?? .null }
        let fields: [(String, JSONValue)] = [
            ("年度", .number(String(year))),
            ("项目", .array(summary.rows.map { row in
                .object([("序号", .number(String(row.number))), ("项目名称", .string(row.name)),
                         ("全年预算数万元", amount(row.budget)), ("全年执行数万元", amount(row.spent)),
                         ("执行率", row.score.map { .number($0.ratePercent.fixed(2)) } ?? .null),
                         ("得分", row.score.map { .number($0.total.fixed(2)) } ?? .null),
                         ("等级", .string(row.score?.grade.rawValue ?? "未自评"))])
            })),
            ("合计", .object([("全年预算数万元", amount(summary.totalBudget)), ("全年执行数万元", amount(summary.totalSpent)),
                             ("执行率", summary.ratePercent.map { .number($0.fixed(2)) } ?? .null),
                             ("平均得分", summary.averageScore.map { .number($0.fixed(2)) } ?? .null)])),
        ]
        return .object((unit.map { [("单位", JSONValue.string($0))] } ?? []) + fields)
    }
}
