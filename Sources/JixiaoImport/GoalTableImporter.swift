import Foundation
import JixiaoModel

/// Turns one 项目绩效目标表 — from table text or from a Word document — into a data file.
/// What the prose states is filled in (the total and its sources from 资金用途); what it does
/// not is left as `待填写` for `jixiao check` to report. No number is ever invented.
public enum GoalTableImporter {
    /// One data file per table, numbered in the document's order.
    public static func dataFiles(for document: ImportedDocument) throws(ImportFailure) -> [(fileName: String, contents: String)] {
        var files: [(fileName: String, contents: String)] = []
        for (number, table) in document.tables.enumerated() {
            // Case-insensitive, as on the file systems of Windows and macOS.
            guard !files.contains(where: { $0.fileName.lowercased() == table.fileName.lowercased() }) else {
                throw .duplicateProject(table.projectName)
            }
            files.append((table.fileName, try dataFile(for: table, order: number + 1)))
        }
        return files
    }

    /// One data file for one table.
    public static func dataFile(for table: GoalTable, order: Int) throws(ImportFailure) -> String {
        var rows = table.rows.makeIterator()
        // A label set on two lines in a narrow column (项目资金 / 主要用途, as our own Word
        // documents print it) is still the label.
        func next(_ label: String) throws(ImportFailure) -> [String] {
            guard let row = rows.next() else { throw .unexpectedRow(table: table.title, expected: label, found: []) }
            guard row.first?.filter({ !$0.isNewline }) == label || label.isEmpty else {
                throw .unexpectedRow(table: table.title, expected: label, found: row)
            }
            return row
        }
        let codeRow = try next("项目编码")
        let purpose = try next("项目资金主要用途").dropFirst().first ?? ""
        _ = try next("资金支出计划")
        let plan = Array(try next("").dropFirst())
        let goalText = try next("绩效目标").dropFirst().first ?? ""
        _ = try next("一级指标")

        var lines = [
            "# \(table.title)：由 jixiao import 导入。“\(Placeholder.text)”处是原文没有写明、需要补充的内容。",
            "序号: \(order)",
            "项目编码: \(Scaffold.quoted(codeRow.count > 1 ? codeRow[1] : ""))",
            "项目名称: \(Scaffold.quoted(table.projectName))",
            "资金用途: >-",
            "  " + purpose.replacingOccurrences(of: "\n", with: ""),
        ]
        lines += budget(from: purpose)
        lines.append("资金支出计划: [" + plan.map { Scaffold.quoted($0) }.joined(separator: ", ") + "]")
        lines.append("绩效目标:")
        lines += goals(from: goalText).map { "  - " + Scaffold.quoted($0) }
        lines.append("绩效指标:")
        var level1 = ""
        var level2 = ""
        while let row = rows.next() {
            guard row.count >= 6 else { throw .unexpectedRow(table: table.title, expected: "六列的指标行", found: row) }
            if !row[0].isEmpty, row[0] != level1 {
                level1 = row[0]
                lines.append("  \(Scaffold.quoted(level1)):")
                level2 = ""
            }
            if !row[1].isEmpty, row[1] != level2 {
                level2 = row[1]
                lines.append("    \(Scaffold.quoted(level2)):")
            }
            lines += [
                "      - 名称: \(Scaffold.quoted(row[2]))",
                "        描述: \(Scaffold.quoted(row[3]))",
                "        指标值: \(Scaffold.quoted(row[4]))",
                "        依据: \(Scaffold.quoted(row[5]))",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
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

    /// The total and its sources as the first sentences of 资金用途 state them:
    /// "预算数71万元。其中：财政资金71万元，其他资金0万元。" or
    /// "项目安排154万元，本级安排70万元，转移支付安排84万元。"
    static func budget(from purpose: String) -> [String] {
        let amountPattern = #"([0-9]+(\.[0-9]+)?)(万元|元)"#
        let sentences = purpose.trimmingSpaces().components(separatedBy: "。")
        guard let first = sentences.first, let totalRange = first.range(of: amountPattern, options: .regularExpression),
              first[..<totalRange.lowerBound].hasSuffix("预算数") || first[..<totalRange.lowerBound].hasSuffix("安排") else {
            return ["预算:", "  合计: \(Placeholder.text)              # 资金用途中没有写明预算总额"]
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
