import Foundation
import JixiaoDiagnostics
import JixiaoParser

/// Tree → `ProjectResults` / `DepartmentResults`. Key names: docs/数据格式.md.
public enum ResultsDecoder {
    public static let projectKeys = ["示例数据", "项目名称", "主管部门", "实施单位", "年初预算数", "全年预算数", "全年执行数",
                                     "资金构成", "实际完成情况", "权重", "指标", "存在问题", "改进措施"]
    static let fundingKeys = ["年初预算数", "全年预算数", "全年执行数"]
    static let indicatorKeys = ["实际完成值", "偏差原因", "分值", "得分", "达成情况"]
    public static let departmentKeys = ["示例数据"] + ReportSection.keys + ["评定"]
    static let measureKeys = ["实际", "等级", "说明"]

    public static func decodeProject(_ source: SourceFile) -> Decoded<ProjectResults> {
        .decoding(source) { tree, context in decodeProject(tree, context: context) }
    }

    public static func decodeDepartment(_ source: SourceFile) -> Decoded<DepartmentResults> {
        .decoding(source) { tree, context in decodeDepartment(tree, context: context) }
    }

    static func decodeProject(_ tree: Node, context: DecodeContext) -> ProjectResults? {
        guard let fields = Fields(tree, what: "自评文件", context: context) else { return nil }
        fields.rejectUnknown(allowed: projectKeys)
        let isSample = fields.flag("示例数据")
        let name = fields.text("项目名称")
        let initial = fields.amount("年初预算数", required: false)
        let annual = fields.amount("全年预算数", required: true)
        let spent = fields.amount("全年执行数", required: true)
        let summary = fields.text("实际完成情况")
        var rows: [FundingRow] = []
        if let entry = fields.entry("资金构成"), let rowFields = Fields(entry.value, what: "资金构成", context: context) {
            rowFields.rejectUnknown(allowed: FundingRow.names)
            for rowName in FundingRow.names {
                guard let rowEntry = rowFields.entry(rowName),
                      let columns = Fields(rowEntry.value, what: rowName, context: context) else { continue }
                columns.rejectUnknown(allowed: fundingKeys)
                rows.append(FundingRow(name: rowName,
                                       initial: columns.amount("年初预算数", required: false)?.value,
                                       annual: columns.amount("全年预算数", required: false)?.value,
                                       spent: columns.amount("全年执行数", required: false)?.value))
            }
        }
        var weights: [Located<WeightEntry>] = []
        if let entry = fields.entry("权重"), Fields(entry.value, what: "权重", context: context) != nil {
            for weight in entry.value.mapping ?? [] {
                if let value = number(weight.value, key: weight.key, context: context) {
                    weights.append(Located(WeightEntry(heading: weight.key, weight: value), at: weight.keyMark))
                }
            }
        }
        var indicators: [IndicatorResult] = []
        if let entry = fields.required("指标"), Fields(entry.value, what: "指标", context: context) != nil {
            // Exactly as many as there are: thousands of projects are held at once.
            indicators.reserveCapacity(entry.value.mapping?.count ?? 0)
            for item in entry.value.mapping ?? [] {
                // A blank indicator or 实际完成值 is reported here and the result kept, so that
                // scoring neither reports the indicator again as having no result nor loses its 分值.
                guard let result = Fields(item.value, what: item.key, context: context) else {
                    if let empty = item.value.scalar, empty.isBlank {
                        indicators.append(IndicatorResult(name: Located(item.key, at: item.keyMark), actualText: Located(empty, at: item.value.mark),
                                                          deviationReason: nil, weight: nil, evaluatorScore: nil, achievement: nil))
                    }
                    continue
                }
                result.rejectUnknown(allowed: indicatorKeys)
                guard let actual = result.text("实际完成值") ?? blank(result.entry("实际完成值")) else { continue }
                let achievement = result.text("达成情况", required: false).flatMap { text -> Located<Achievement>? in
                    guard let value = Achievement(text: text.value.trimmingSpaces()) else {
                        context.report(.wrongType, at: text.mark, "达成情况只能是：\(Achievement.allCases.map(\.rawValue).joined(separator: "、"))",
                                       hint: "也可写全称：\(Achievement.allCases.map(\.officialName).joined(separator: "、"))")
                        return nil
                    }
                    return Located(value, at: text.mark)
                }
                indicators.append(IndicatorResult(
                    name: Located(item.key, at: item.keyMark), actualText: actual,
                    deviationReason: result.text("偏差原因", required: false)?.value,
                    weight: located(result.entry("分值"), context: context),
                    evaluatorScore: located(result.entry("得分"), context: context),
                    achievement: achievement))
            }
        }
        let problems = fields.text("存在问题", required: false)?.value ?? ""
        let improvements = fields.text("改进措施", required: false)?.value ?? ""
        guard let name, let annual, let spent else { return nil }
        return ProjectResults(path: context.path, isSample: isSample, projectName: name,
                              supervisor: fields.text("主管部门", required: false)?.value,
                              implementer: fields.text("实施单位", required: false)?.value,
                              initialBudget: initial, annualBudget: annual, spent: spent, fundingRows: rows,
                              summary: summary?.value ?? "", weights: weights, indicators: indicators,
                              problems: problems, improvements: improvements)
    }

    static func decodeDepartment(_ tree: Node, context: DecodeContext) -> DepartmentResults? {
        guard let fields = Fields(tree, what: "部门自评文件", context: context) else { return nil }
        fields.rejectUnknown(allowed: departmentKeys)
        let isSample = fields.flag("示例数据")
        let sections = ReportSection.keys.compactMap { key in
            fields.text(key, required: false).map { ReportSection(key: key, text: $0.value) }
        }
        var measures: [MeasureResult] = []
        if let entry = fields.entry("评定"), Fields(entry.value, what: "评定", context: context) != nil {
            for subgoal in entry.value.mapping ?? [] {
                guard Fields(subgoal.value, what: subgoal.key, context: context) != nil else { continue }
                for measure in subgoal.value.mapping ?? [] {
                    guard let result = Fields(measure.value, what: measure.key, context: context) else { continue }
                    result.rejectUnknown(allowed: measureKeys)
                    let actual = result.text("实际", required: false)
                    let grade = result.text("等级", required: false)
                    if actual == nil, grade == nil {
                        context.report(.missingField, at: measure.keyMark, "“\(measure.key)”既没有“实际”也没有“等级”",
                                       hint: "写出实际值（如 92分、100%），条件无法计算时写出等级")
                    }
                    measures.append(MeasureResult(subgoal: Located(subgoal.key, at: subgoal.keyMark),
                                                  measure: Located(measure.key, at: measure.keyMark),
                                                  actualText: actual, grade: grade,
                                                  note: result.text("说明", required: false)?.value))
                }
            }
        }
        return DepartmentResults(path: context.path, isSample: isSample, sections: sections, measures: measures)
    }

    private static func blank(_ entry: MappingEntry?) -> Located<String>? {
        guard let entry, let text = entry.value.scalar, text.isBlank else { return nil }
        return Located(text, at: entry.value.mark)
    }

    private static func located(_ entry: MappingEntry?, context: DecodeContext) -> Located<Decimal>? {
        guard let entry, let value = number(entry.value, key: entry.key, context: context) else { return nil }
        return Located(value, at: entry.value.mark)
    }

    private static func number(_ node: Node, key: String, context: DecodeContext) -> Decimal? {
        guard let text = node.scalar, let value = Decimal(exactly: Substring(text.trimmingSpaces())) else {
            if let text = node.scalar, Placeholder.isPlaceholder(text) { return nil }  // reported as not filled in
            context.report(.badNumber, at: node.mark, "“\(key)”应当是数字，这里是“\(node.scalar ?? node.kindName)”")
            return nil
        }
        return value
    }
}
