import Foundation
import JixiaoModel
import JixiaoRender

/// Turns one goal table — 项目绩效目标表, 项目支出绩效目标表, a transfer payment's 绩效目标表 —
/// into a data file. The indicator columns are found by their headings, so a table may have
/// 指标方向 or 指标性质, 度量单位, no description or basis, or a value column per recipient.
/// What the table states is filled in (the total and its sources, from a 资金情况 row or from
/// the prose of 资金用途); what it does not is left as `待填写`, with a comment saying why,
/// for `jixiao check` to report. No number is ever invented.
public enum GoalTableImporter {
    /// The project's name: the 项目名称 cell, or else the title without its ending.
    static func projectName(of table: SourceTable) throws(ImportFailure) -> String {
        let grid = TableGrid(table)
        let header = grid.find { $0 == "一级指标" }?.row
        let cell = grid.value(labelled: { $0 == "项目名称" }, before: header)?.trimmingWhitespace() ?? ""
        let name = cell.isEmpty ? table.projectName : cell
        guard !name.isEmpty else { throw .noProjectName(table: table.title) }
        return name
    }

    /// One data file for one table, `order` its place in the document.
    public static func dataFile(for table: SourceTable, order: Int) throws(ImportFailure) -> String {
        let grid = TableGrid(table)
        guard let header = grid.find({ $0 == "一级指标" })?.row else {
            throw .missingRow(table: table.title, expected: "一级指标 | 二级指标 | 三级指标 …")
        }
        let top = { (matches: (String) -> Bool) in grid.value(labelled: matches, before: header) }
        var file = DataFileLines()
        file.append("# \(table.title)：由 jixiao import 导入。“\(Placeholder.text)”处是原文没有写明、需要补充的内容。")
        file.append("序号: \(order)")
        file.optional("", "报表编号", table.reportNumber ?? "")
        file.append("项目编码: \(Scaffold.quoted(top { $0 == "项目编码" } ?? ""))")
        file.append("项目名称: \(Scaffold.quoted(try projectName(of: table)))")

        // A row the form has not is left out (docs/数据格式.md); one it leaves blank is to be filled in.
        let purposeCell = top { $0 == "项目资金主要用途" || $0 == "资金用途" }
        let purpose = (purposeCell ?? "").replacingOccurrences(of: "\n", with: "")
        if purposeCell != nil, purpose.isEmpty {
            file.append("资金用途: \(Placeholder.text)", note: "原表此格空着")
        } else if !purpose.isEmpty {
            file.append("资金用途: >-")
            file.append("  " + purpose)
        }
        for line in budget(in: grid, before: header) ?? budget(from: purpose) { file.append(line) }
        for line in plan(in: grid, before: header) { file.append(line) }

        file.append("绩效目标:")
        let goalLabels: Set = ["绩效目标", "年度绩效目标", "总体目标", "年度总体目标", "年度目标", "项目年度目标", "总体绩效目标"]
        for goal in goals(from: top { goalLabels.contains($0) } ?? "") { file.append("  - " + Scaffold.quoted(goal)) }

        file.append("绩效指标:")
        for line in try IndicatorColumns(grid, header: header).lines() { file.append(line) }
        return file.text
    }

    /// `目标1…；   目标2…` → the goals without their numbers, text otherwise as written.
    static func goals(from text: String) -> [String] {
        let parts = text.components(separatedBy: .newlines).joined(separator: " ")
            .replacingOccurrences(of: #"目标[0-9]+"#, with: "\u{1F}", options: .regularExpression)
            .components(separatedBy: "\u{1F}")
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
        return parts.isEmpty ? [Placeholder.text] : parts
    }

    /// 资金支出计划: the four cumulative shares in the row under the quarters, written to be
    /// filled in when the row is blank; nothing when the table has no such row.
    static func plan(in grid: TableGrid, before header: Int) -> [String] {
        guard let (row, column) = grid.find({ $0 == "资金支出计划" }), row < header else { return [] }
        // The quarters in the label's row, the shares in the row under them; or the shares beside the label.
        let beside = Array(grid.rows[row].dropFirst(column + 1))
        let under = row + 1 < header && grid.cell(row + 1, 0).isEmpty ? Array(grid.rows[row + 1].dropFirst()) : []
        let shares = beside.contains { $0.contains("季度") } ? under : beside
        guard shares.contains(where: { !$0.isEmpty }) else {
            return ["资金支出计划: [\(Array(repeating: Placeholder.text, count: 4).joined(separator: ", "))]    # 原表资金支出计划空着：填写第一至第四季度末的累计支出比例"]
        }
        return ["资金支出计划: [" + shares.map { $0.isEmpty ? Placeholder.text : Scaffold.quoted($0) }.joined(separator: ", ") + "]"]
    }

    /// The total and its sources from a 资金情况 row: "资金总额 | 35 | 其中:财政拨款 | 35 | 其他资金 | 0",
    /// or the same down the rows under it, in the unit its label names ("资金情况(万元)"); nil
    /// when the table has no total.
    static func budget(in grid: TableGrid, before header: Int) -> [String]? {
        guard let (row, column) = grid.find({ $0.hasSuffix("资金总额") || $0 == "预算总额" }), row < header else { return nil }
        let unit = grid.rows[..<header].joined().contains { TableGrid.label($0).contains("(元)") || TableGrid.label($0).contains("（元）") } ? "元" : "万元"
        guard let total = Amount.written(grid.cell(row, column + 1), unit: unit) else { return nil }
        var lines = ["预算:", "  合计: \(total)"]
        // The sources: each label after the total with an amount beside it, on the total's row
        // and on the rows under it that continue its merged label.
        var sources: [String] = []
        for index in row..<header where index == row || grid.cell(index, 0).isEmpty {
            let cells = grid.rows[index]
            for position in cells.indices.dropLast() where index > row || position > column + 1 {
                let name = TableGrid.label(cells[position]).replacingOccurrences(of: #"^其中[:：]?"#, with: "", options: .regularExpression)
                guard !name.isEmpty, Amount.written(name, unit: unit) == nil, let amount = Amount.written(cells[position + 1], unit: unit) else { continue }
                sources.append("    \(Scaffold.quoted(name)): \(amount)")
            }
        }
        if !sources.isEmpty { lines += ["  来源:"] + sources }
        return lines
    }

    /// The total and its sources as the first sentences of 资金用途 state them:
    /// "预算数71万元。其中：财政资金71万元，其他资金0万元。" or
    /// "项目安排154万元，本级安排70万元，转移支付安排84万元。"
    static func budget(from purpose: String) -> [String] {
        let amountPattern = #"([0-9]+(\.[0-9]+)?)(万元|元)"#
        let sentences = purpose.trimmingSpaces().components(separatedBy: "。")
        guard let first = sentences.first, let totalRange = first.range(of: amountPattern, options: .regularExpression),
              first[..<totalRange.lowerBound].hasSuffix("预算数") || first[..<totalRange.lowerBound].hasSuffix("安排") else {
            return ["预算:", "  合计: \(Placeholder.text)              # 原表没有写明预算总额"]
        }
        var lines = ["预算:", "  合计: \(first[totalRange])"]
        // Sources: the rest of the first sentence, or a second sentence opening with 其中.
        var clause = String(first[totalRange.upperBound...])
        if clause.trimmingCharacters(in: .punctuationCharacters).isEmpty, sentences.count > 1, sentences[1].hasPrefix("其中") {
            clause = String(sentences[1].dropFirst(2))
        }
        let sources = clause.split(whereSeparator: { "，,；：:".contains($0) }).compactMap { part -> String? in
            guard let range = part.range(of: amountPattern, options: .regularExpression) else { return nil }
            var name = String(part[..<range.lowerBound]).trimmingSpaces()
            if name.hasSuffix("安排") { name.removeLast(2) }
            guard !name.isEmpty, range.upperBound == part.endIndex else { return nil }
            return "    \(Scaffold.quoted(name)): \(part[range])"
        }
        if !sources.isEmpty { lines += ["  来源:"] + sources }
        return lines
    }
}

/// The indicator part of a goal table: the header row names the columns, each row under it
/// is one 三级指标, an empty 一级 or 二级 cell continues the one above.
struct IndicatorColumns {
    let grid: TableGrid
    let header: Int
    let level1: Int, level2: Int, name: Int
    let description: Int?, value: Int?, basis: Int?, unit: Int?
    let nature: (column: Int, key: String)?
    /// A value column per recipient (秀屿区 2025: one 指标值 column per town): every heading
    /// after 三级指标 that names no known column.
    let recipients: [(column: Int, name: String)]

    static let descriptionHeadings: Set = ["绩效指标描述", "指标描述", "指标解释", "指标说明"]
    static let valueHeadings: Set = ["指标值", "年度指标值", "目标值"]
    static let basisHeadings: Set = ["指标值确定依据", "确定依据", "依据"]
    static let unitHeadings: Set = ["度量单位", "计量单位", "单位"]
    static let natureHeadings: Set = ["指标性质", "指标方向"]
    /// Columns a goal table may print that the data format does not keep.
    static let ignoredHeadings: Set = ["权重", "分值", "备注"]

    init(_ grid: TableGrid, header: Int) throws(ImportFailure) {
        self.grid = grid
        self.header = header
        let headings = grid.rows[header].map(TableGrid.label)
        func column(_ names: Set<String>) -> Int? { headings.firstIndex { names.contains($0) } }
        guard let level1 = column(["一级指标"]), let level2 = column(["二级指标"]), let name = column(["三级指标"]) else {
            throw .unexpectedRow(table: grid.title, row: TableGrid.rowNumber(header), expected: "一级指标 | 二级指标 | 三级指标 …",
                                 found: grid.rows[header])
        }
        (self.level1, self.level2, self.name) = (level1, level2, name)
        description = column(Self.descriptionHeadings)
        value = column(Self.valueHeadings)
        basis = column(Self.basisHeadings)
        unit = column(Self.unitHeadings)
        nature = column(Self.natureHeadings).map { ($0, headings[$0]) }
        let known = Self.descriptionHeadings.union(Self.valueHeadings).union(Self.basisHeadings).union(Self.unitHeadings)
            .union(Self.natureHeadings).union(Self.ignoredHeadings)
        recipients = headings.enumerated().filter { $0.offset > name && !$0.element.isEmpty && !known.contains($0.element) }
            .map { ($0.offset, grid.rows[header][$0.offset].trimmingWhitespace()) }
    }

    func lines() throws(ImportFailure) -> [String] {
        var file = DataFileLines()
        var levels = IndicatorLevels()
        for index in grid.rows.indices where index > header {
            let cell = { (column: Int?) in column.map { grid.cell(index, $0) } ?? "" }
            // A 合计 row under the indicators (of their weights) ends them.
            if let first = grid.rows[index].first(where: { !$0.isEmpty }), ["合计", "总计"].contains(TableGrid.label(first)) { break }
            guard !cell(name).isEmpty else {
                throw .unexpectedRow(table: grid.title, row: TableGrid.rowNumber(index), expected: "三级指标", found: grid.rows[index])
            }
            _ = try levels.enter(cell(level1), cell(level2), row: index, in: grid, into: &file)
            file.field("      - ", "名称", cell(name))
            file.text("        ", "描述", cell(description), column: description)
            if let nature { file.nature("        ", nature.key, cell(nature.column)) }
            let shares = recipients.map { ($0.name, cell($0.column)) }
            if value != nil || shares.isEmpty {
                file.field("        ", "指标值", cell(value))
            } else if Set(shares.map(\.1)).count == 1 {
                file.field("        ", "指标值", shares[0].1)
            } else {
                file.append("        指标值: \(Placeholder.text)", note: "原表按\(shares.map(\.0).joined(separator: "、"))分列，没有合计的指标值")
            }
            file.optional("        ", "度量单位", cell(unit))
            if !shares.isEmpty {
                file.append("        分项指标值:")
                for (recipient, share) in shares { file.field("          ", Scaffold.quoted(recipient), share) }
            }
            file.text("        ", "依据", cell(basis), column: basis)
        }
        return file.lines
    }
}

/// The 一级 and 二级 headings down the indicator rows: an empty cell (merged from above)
/// continues the heading above, a new heading opens its key.
struct IndicatorLevels {
    private(set) var level1 = ""
    private(set) var level2 = ""

    /// Writes the keys row `row` opens; true when it opens a 一级. A row under no 一级 or
    /// 二级 is reported with its place.
    mutating func enter(_ level1Cell: String, _ level2Cell: String, row: Int, in grid: TableGrid,
                        into file: inout DataFileLines) throws(ImportFailure) -> Bool {
        let heading1 = level1Cell.replacingOccurrences(of: "\n", with: "")
        let heading2 = level2Cell.replacingOccurrences(of: "\n", with: "")
        let opens = !heading1.isEmpty && heading1 != level1
        if opens {
            (level1, level2) = (heading1, "")
            file.append("  \(Scaffold.quoted(level1)):")
        }
        if !heading2.isEmpty, heading2 != level2 {
            level2 = heading2
            file.append("    \(Scaffold.quoted(level2)):")
        }
        guard !level1.isEmpty, !level2.isEmpty else {
            throw .unexpectedRow(table: grid.title, row: TableGrid.rowNumber(row), expected: "一级指标和二级指标", found: grid.rows[row])
        }
        return opens
    }
}
