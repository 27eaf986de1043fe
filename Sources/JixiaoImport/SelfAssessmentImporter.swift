import Foundation
import JixiaoModel

/// Turns a Sichuan 部门预算项目支出绩效自评表 (报表编号 510000_0013zp) into a stand-alone
/// self-assessment file (`版式: 四川`, its own `绩效指标`), every printed cell in its key:
/// the project as "编码-名称", the budget rows (总额 and 其中 …) with the printed 权重 and
/// 得分, the indicators with 指标性质 / 指标值 / 度量单位 / 完成值 / 权重 / 得分 / 未完成原因分析,
/// 合计, 评价结论, 存在问题, 改进措施 and the two 负责人. Printed scores are kept as printed for
/// `jixiao check` to verify; a blank cell that the data format needs is `待填写`.
public enum SelfAssessmentImporter {
    /// "51000021R000000019951-工资性支出" → (51000021R000000019951, 工资性支出).
    public static func codeAndName(_ cell: String) -> (code: String, name: String) {
        let text = cell.trimmingWhitespace()
        guard let range = text.range(of: #"^[0-9A-Za-z]{6,}\s*[-－—]\s*"#, options: .regularExpression) else { return ("", text) }
        let code = text[range].filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return (String(code), String(text[range.upperBound...]).trimmingWhitespace())
    }

    static func projectName(of table: SourceTable) throws(ImportFailure) -> String {
        let name = codeAndName(TableGrid(table).value(labelled: { $0 == "项目名称" }) ?? "").name
        guard !name.isEmpty else { throw .noProjectName(table: table.title) }
        return name
    }

    public static func dataFile(for table: SourceTable) throws(ImportFailure) -> String {
        let grid = TableGrid(table)
        guard let budgetHeader = grid.find({ $0 == "调整后预算数" })?.row else {
            throw .missingRow(table: table.title, expected: "年度预算数 | 年初预算 | 调整后预算数 | 预算执行数 …（四川版式的预算执行情况）")
        }
        guard let indicatorHeader = grid.find(from: budgetHeader, { $0 == "一级指标" })?.row else {
            throw .missingRow(table: table.title, expected: "一级指标 | 二级指标 | 三级指标 | 指标性质 …")
        }
        let top = { (matches: (String) -> Bool) in grid.value(labelled: matches, before: budgetHeader) ?? "" }
        var file = DataFileLines()
        file.append("# \(table.title)：由 jixiao import 导入（四川版式，不需要目标表）。“\(Placeholder.text)”处是原表空着、需要补充的内容。")
        file.append("版式: 四川")
        file.optional("", "报表编号", table.reportNumber ?? "")
        let project = codeAndName(top { $0 == "项目名称" })
        file.optional("", "项目编码", project.code)
        file.append("项目名称: \(Scaffold.quoted(try projectName(of: table)))")
        file.field("", "主管部门", top { $0.hasPrefix("主管部门") })
        file.field("", "实施单位", top { $0.hasPrefix("实施单位") })

        let budget = try BudgetRows(grid, header: budgetHeader, end: indicatorHeader)
        for line in budget.lines() { file.append(line) }

        // 项目年度目标 | 年度目标完成情况: headings in one row, the texts in the row under them.
        if let (row, column) = grid.find({ $0 == "项目年度目标" }), row < budgetHeader {
            let done = grid.rows[row].firstIndex { TableGrid.label($0) == "年度目标完成情况" } ?? column + 1
            let texts = grid.rows.indices.contains(row + 1) ? grid.rows[row + 1] : []
            // Merged label cells may be missing from the row under: line it up from the right.
            let shift = texts.count == grid.rows[row].count ? 0 : texts.count - grid.rows[row].count
            file.field("", "项目年度目标", cellAt(texts, column + shift))
            file.field("", "实际完成情况", cellAt(texts, done + shift), blank: "原表“年度目标完成情况”空着")
        } else {
            file.append("项目年度目标: \(Placeholder.text)", note: "原表没有“项目年度目标”")
            file.append("实际完成情况: \(Placeholder.text)", note: "原表没有“年度目标完成情况”")
        }
        if let implementation = grid.value(labelled: { $0.contains("项目实施内容") }, before: budgetHeader) {
            file.optional("", "项目实施内容", implementation)
        }
        let indicators = try SelfAssessmentIndicators(grid, header: indicatorHeader)
        // The form prints a weight per 三级指标 and one for the budget row; the data format
        // weighs each 一级指标, so its weight is the sum of its rows' (unless its heading
        // prints its points, "产出指标(50分)").
        let weights = indicators.levelWeights.map { "  \(Scaffold.quoted($0.level1)): \($0.weight)" }
            + [BudgetRows.number(budget.total.weight)].filter { !$0.isEmpty }.map { "  预算执行率: \($0)" }
        if !weights.isEmpty {
            file.append("权重:", note: "原表预算执行情况的权重，和各一级指标下三级指标权重之和")
            for line in weights { file.append(line) }
        }
        file.append("绩效指标:")
        for line in indicators.lines { file.append(line) }
        for line in indicators.totalLines { file.append(line) }

        let tail = { (label: String) in grid.value(labelled: { $0 == label }) ?? "" }
        file.field("", "评价结论", tail("评价结论"))
        file.field("", "存在问题", tail("存在问题"))
        file.field("", "改进措施", tail("改进措施"))
        file.optional("", "项目负责人", signature("项目负责人", in: grid))
        file.optional("", "财务负责人", signature("财务负责人", in: grid))
        return file.text
    }

    private static func cellAt(_ cells: [String], _ index: Int) -> String {
        cells.indices.contains(index) ? cells[index] : ""
    }

    /// "项目负责人:查小兵", or the label in one cell and the name in the next.
    static func signature(_ label: String, in grid: TableGrid) -> String {
        guard let (row, column) = grid.find({ $0.hasPrefix(label) }) else { return "" }
        let inCell = TableGrid.label(grid.cell(row, column)).dropFirst(label.count).drop { ":：".contains($0) }
        if !inCell.isEmpty { return String(inCell) }
        let next = grid.cell(row, column + 1)
        return next.contains("负责人") ? "" : next
    }
}

/// 预算执行情况: the header names the columns (年初预算, 调整后预算数, 预算执行数, 权重, 得分,
/// 原因); the 总额 row is the project's budget, the rows after it (其中：财政资金, 财政专户管理资金,
/// 单位资金, 其他资金) its 资金构成, as printed.
struct BudgetRows {
    struct Row {
        let name: String
        let initial: String?, adjusted: String?, spent: String?
        let rate: String, weight: String, score: String, reason: String
    }

    let total: Row
    let parts: [Row]
    /// Rows printed with every amount blank or "/": listed in a comment, not as data.
    let blankParts: [String]

    init(_ grid: TableGrid, header: Int, end: Int) throws(ImportFailure) {
        let headings = grid.rows[header].map(TableGrid.label)
        func column(_ matches: (String) -> Bool) -> Int? { headings.firstIndex(where: matches) }
        let label = column { $0.hasPrefix("年度预算数") } ?? 0
        let unit = headings[label].contains("(元)") || headings[label].contains("（元）") ? "元" : "万元"
        let columns = (initial: column { $0.hasPrefix("年初预算") }, adjusted: column { $0 == "调整后预算数" },
                       spent: column { $0 == "预算执行数" }, rate: column { $0.hasPrefix("预算执行率") || $0 == "执行率" },
                       weight: column { $0 == "权重" }, score: column { $0 == "得分" }, reason: column { $0 == "原因" })
        var rows: [Row] = []
        for index in grid.rows.indices where index > header && index < end {
            let cells = grid.rows[index]
            // The row's label is its first cell with text; merged cells before it shift the row.
            guard let at = cells.firstIndex(where: { !$0.isEmpty }) else { continue }
            let shift = at - label
            let cell = { (column: Int?) in column.map { grid.cell(index, $0 + shift) } ?? "" }
            let name = TableGrid.label(cells[at]).replacingOccurrences(of: #"^其中[:：]?"#, with: "", options: .regularExpression)
            rows.append(Row(name: name, initial: Amount.written(cell(columns.initial), unit: unit),
                            adjusted: Amount.written(cell(columns.adjusted), unit: unit), spent: Amount.written(cell(columns.spent), unit: unit),
                            rate: Self.rate(cell(columns.rate)), weight: cell(columns.weight), score: cell(columns.score), reason: cell(columns.reason)))
        }
        guard let total = rows.first, total.name == "总额" || total.name.hasSuffix("合计") else {
            throw .unexpectedRow(table: grid.title, row: TableGrid.rowNumber(header + 1), expected: "总额", found: grid.rows.indices.contains(header + 1) ? grid.rows[header + 1] : [])
        }
        self.total = total
        let parts = rows.dropFirst()
        self.parts = parts.filter { $0.initial != nil || $0.adjusted != nil || $0.spent != nil }
        blankParts = parts.filter { $0.initial == nil && $0.adjusted == nil && $0.spent == nil }.map(\.name)
    }

    func lines() -> [String] {
        var file = DataFileLines()
        file.optional("", "年初预算数", total.initial ?? "")
        file.field("", "调整后预算数", total.adjusted ?? "")
        file.field("", "预算执行数", total.spent ?? "")
        file.optional("", "预算执行率", total.rate)
        file.optional("", "预算执行得分", Self.number(total.score))
        // The form prints its instructions in the 总额 row's 原因 cell; they are kept as printed.
        file.optional("", "原因", total.reason)
        guard !parts.isEmpty else { return file.lines }
        file.append("资金构成:", note: blankParts.isEmpty ? nil : "原表“\(blankParts.joined(separator: "”“"))”一行空着，未录")
        for part in parts {
            file.append("  \(Scaffold.quoted(part.name)):")
            file.optional("    ", "年初预算数", part.initial ?? "")
            file.optional("    ", "调整后预算数", part.adjusted ?? "")
            file.optional("    ", "预算执行数", part.spent ?? "")
            file.optional("    ", "预算执行率", part.rate)
            // A merged 原因 cell reads as the 总额 row's text again on each row under it.
            if part.reason != total.reason { file.optional("    ", "原因", part.reason) }
        }
        return file.lines
    }

    /// A printed rate ("100.00%") as the data format reads it, or "" for a blank or "/" cell.
    static func rate(_ cell: String) -> String {
        let text = TableTitle.squeezed(cell)
        return PrintedRate(parsing: text)?.percent != nil ? text : ""
    }

    /// A printed score or weight: the number, or "" for a blank or "/" cell.
    static func number(_ cell: String) -> String {
        let text = TableTitle.squeezed(cell)
        return text.range(of: #"^[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil ? text : ""
    }
}

/// 绩效指标 of the Sichuan form: 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |
/// 未完成原因分析, nested 一级 → 二级 → items as the stand-alone `绩效指标` is; the 合计 row under
/// them is `总分`.
struct SelfAssessmentIndicators {
    private(set) var lines: [String] = []
    private(set) var totalLines: [String] = []
    /// Each 一级指标 without printed points, with the sum of its rows' printed weights (when
    /// every row prints one).
    private(set) var levelWeights: [(level1: String, weight: Decimal)] = []

    init(_ grid: TableGrid, header: Int) throws(ImportFailure) {
        let headings = grid.rows[header].map(TableGrid.label)
        func column(_ names: Set<String>) -> Int? { headings.firstIndex { names.contains($0) } }
        guard let level1 = column(["一级指标"]), let level2 = column(["二级指标"]), let name = column(["三级指标"]) else {
            throw .unexpectedRow(table: grid.title, row: TableGrid.rowNumber(header), expected: "一级指标 | 二级指标 | 三级指标 …", found: grid.rows[header])
        }
        let nature = column(["指标性质", "指标方向"]), value = column(["指标值", "年度指标值"]), unit = column(["度量单位", "计量单位"])
        let actual = column(["完成值", "实际完成值"]), weight = column(["权重", "分值"]), score = column(["得分"])
        let reason = column(["未完成原因分析", "偏差原因", "偏差原因分析及改进措施"])
        var file = DataFileLines()
        var levels = IndicatorLevels()
        var sums: [(level1: String, weight: Decimal?)] = []
        for index in grid.rows.indices where index > header {
            let cells = grid.rows[index]
            guard let first = cells.firstIndex(where: { !$0.isEmpty }) else { continue }
            let label = TableGrid.label(cells[first])
            if label == "合计" || label == "总分" {
                let numbers = cells.dropFirst(first + 1).map(BudgetRows.number)
                totalLines = ["总分:"]
                if let points = numbers.first, !points.isEmpty { totalLines.append("  分值: \(points)") }
                if numbers.count > 1, !numbers[1].isEmpty { totalLines.append("  得分: \(numbers[1])") }
                if totalLines.count == 1 { totalLines = [] }
                break
            }
            // Rows as long as the header line up with it; a row whose leading merged cells
            // are missing is lined up from the right.
            let shift = cells.count >= headings.count ? 0 : cells.count - headings.count
            let cell = { (column: Int?) in column.map { grid.cell(index, $0 + shift) } ?? "" }
            guard !cell(name).isEmpty else {
                throw .unexpectedRow(table: grid.title, row: TableGrid.rowNumber(index), expected: "三级指标", found: cells)
            }
            if try levels.enter(cell(level1), cell(level2), row: index, in: grid, into: &file) { sums.append((levels.level1, 0)) }
            file.field("      - ", "名称", cell(name))
            file.nature("        ", "指标性质", cell(nature))
            file.field("        ", "年度指标值", cell(value))
            file.optional("        ", "度量单位", cell(unit))
            file.field("        ", "实际完成值", cell(actual))
            file.optional("        ", "分值", cell(weight))
            file.optional("        ", "得分", cell(score))
            file.optional("        ", "偏差原因", cell(reason))
            // A row of "/" (名称 aside) is not applicable: listed, not weighed.
            let printed = [nature, value, unit, actual, weight, score].map(cell).map(TableTitle.squeezed)
            let notApplicable = printed.contains("/") && printed.allSatisfy { $0 == "/" || $0.isEmpty }
            if notApplicable { file.append("        不适用: 是") }
            let points = notApplicable ? 0 : Decimal(string: BudgetRows.number(cell(weight)))
            sums[sums.count - 1].weight = points.flatMap { points in sums[sums.count - 1].weight.map { $0 + points } }
        }
        lines = file.lines
        levelWeights = sums.compactMap { sum in
            guard let weight = sum.weight, sum.level1.range(of: #"[(（][0-9.]+分[)）]$"#, options: .regularExpression) == nil else { return nil }
            return (sum.level1, weight)
        }
    }
}
