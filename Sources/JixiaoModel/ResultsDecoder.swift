import Foundation
import JixiaoDiagnostics
import JixiaoParser

/// Tree → `ProjectResults` / `DepartmentResults`. Key names: docs/数据格式.md.
public enum ResultsDecoder {
    public static let projectKeys = ["示例数据", "版式", "报表编号", "表名", "项目编码", "项目名称", "主管部门", "实施单位", "表头", "项目负责人",
                                     "财务负责人", "年初预算数", "全年预算数", "调整后预算数", "全年执行数", "预算执行数", "预算执行率", "原因",
                                     "预算执行得分", "资金构成", "项目年度目标", "项目实施内容", "实际完成情况", "权重", "指标", "绩效指标", "总分",
                                     "评价结论", "存在问题", "改进措施", "表尾", "表注"]
    static let fundingKeys = ["年初预算数", "全年预算数", "调整后预算数", "全年执行数", "预算执行数", "预算执行率", "原因"]
    static let indicatorKeys = ["实际完成值", "偏差原因", "分值", "得分", "达成情况", "不适用"]
    static let standaloneIndicatorKeys = ["名称", "指标性质", "指标方向", "年度指标值", "度量单位"] + indicatorKeys
    static let totalKeys = ["分值", "得分"]
    public static let departmentKeys = ["示例数据"] + ReportSection.keys + ["评定"]
    static let measureKeys = ["实际", "等级", "说明"]

    public static func decodeProject(_ source: SourceFile) -> Decoded<ProjectResults> {
        let marked = Sic.lines(in: source)
        return .decoding(source) { tree, context in
            var results = decodeProject(tree, context: context)
            results?.markedLines = marked
            return results
        }
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
        let annualKey = fields.eitherKey("全年预算数", "调整后预算数")
        let annual = fields.amount(annualKey ?? "全年预算数", required: true)
        let spentKey = fields.eitherKey("全年执行数", "预算执行数")
        let spent = fields.amount(spentKey ?? "全年执行数", required: true)
        let summary = fields.text("实际完成情况")
        let rows = decodeFundingRows(fields, context: context)
        var weights: [Located<WeightEntry>] = []
        if let entry = fields.entry("权重"), Fields(entry.value, what: "权重", context: context) != nil {
            for weight in entry.value.mapping ?? [] {
                if let value = number(weight.value, key: weight.key, context: context) {
                    weights.append(Located(WeightEntry(heading: weight.key, weight: value), at: weight.keyMark))
                }
            }
        }
        var indicators: [IndicatorResult] = []
        var standalone: [IndicatorGroup]?
        let listed = fields.entry("指标")
        if let tree = fields.entry("绩效指标") {
            if let listed {
                context.report(.conflictingKeys, at: listed.keyMark, "“指标”与“绩效指标”只能写其中一个",
                               hint: "有目标表时写“指标”（按名称对应目标表）；单独成表时写“绩效指标”（一级 → 二级 → 列表）")
            }
            standalone = ProjectDecoder.decodeIndicators(tree.value, context: context, points: { heading, points, mark in
                weights.append(Located(WeightEntry(heading: heading, weight: points), at: mark))
            }, item: { node, context in
                guard let (indicator, result) = decodeStandaloneIndicator(node, context: context) else { return nil }
                indicators.append(result)
                return indicator
            })
        } else if let entry = fields.required("指标"), Fields(entry.value, what: "指标", context: context) != nil {
            // Exactly as many as there are: thousands of projects are held at once.
            indicators.reserveCapacity(entry.value.mapping?.count ?? 0)
            for item in entry.value.mapping ?? [] {
                // A blank indicator or 实际完成值 is reported here and the result kept, so that
                // scoring neither reports the indicator again as having no result nor loses its 分值.
                guard let result = Fields(item.value, what: item.key, context: context) else {
                    if let empty = item.value.scalar, empty.isBlank {
                        indicators.append(IndicatorResult(name: Located(item.key, at: item.keyMark), actualText: Located(empty, at: item.value.mark),
                                                          deviationReason: nil, weight: nil, score: nil, achievement: nil))
                    }
                    continue
                }
                result.rejectUnknown(allowed: indicatorKeys)
                if let read = indicatorResult(result, name: Located(item.key, at: item.keyMark), target: nil, context: context) {
                    indicators.append(read)
                }
            }
        }
        var totalWeight: Located<Decimal>?
        var totalScore: Located<Printed>?
        if let entry = fields.entry("总分"), let total = Fields(entry.value, what: "总分", context: context) {
            total.rejectUnknown(allowed: totalKeys)
            totalWeight = located(total.entry("分值"), context: context)
            totalScore = printed(total.entry("得分"), context: context)
        }
        guard let name, let annual, let spent else { return nil }
        var results = ProjectResults(path: context.path, isSample: isSample, projectName: name,
                                     supervisor: fields.text("主管部门", required: false)?.value,
                                     implementer: fields.text("实施单位", required: false)?.value,
                                     initialBudget: initial, annualBudget: annual, spent: spent, fundingRows: rows,
                                     summary: summary?.value ?? "", weights: weights, indicators: indicators,
                                     problems: fields.text("存在问题", required: false)?.value ?? "",
                                     improvements: fields.text("改进措施", required: false)?.value ?? "")
        results.layout = fields.layout()
        results.reportNumber = fields.text("报表编号", required: false)?.value ?? ""
        results.title = fields.text("表名", required: false)?.value ?? ""
        results.code = fields.text("项目编码", required: false, allowEmpty: true)?.value
        results.leader = fields.text("项目负责人", required: false)?.value ?? ""
        results.financeLeader = fields.text("财务负责人", required: false)?.value ?? ""
        results.conclusion = fields.text("评价结论", required: false)?.value ?? ""
        results.implementation = fields.text("项目实施内容", required: false)?.value ?? ""
        results.yearGoals = fields.paragraphs("项目年度目标")
        results.head = fields.formCells("表头")
        results.foot = fields.formCells("表尾")
        results.notes = fields.paragraphs("表注") ?? []
        results.budgetScore = printed(fields.entry("预算执行得分"), context: context)
        results.budgetRate = rate(fields.entry("预算执行率"), context: context)
        results.budgetReason = fields.text("原因", required: false)?.value ?? ""
        results.totalWeight = totalWeight
        results.totalScore = totalScore
        results.standalone = standalone
        return results
    }

    /// 资金构成: rows of any name, in the order written.
    private static func decodeFundingRows(_ fields: Fields, context: DecodeContext) -> [FundingRow] {
        guard let entry = fields.entry("资金构成"), Fields(entry.value, what: "资金构成", context: context) != nil else { return [] }
        return (entry.value.mapping ?? []).compactMap { rowEntry in
            guard let columns = Fields(rowEntry.value, what: rowEntry.key, context: context) else { return nil }
            columns.rejectUnknown(allowed: fundingKeys)
            let annual = columns.eitherKey("全年预算数", "调整后预算数")
            let spent = columns.eitherKey("全年执行数", "预算执行数")
            return FundingRow(name: rowEntry.key,
                              initial: columns.amount("年初预算数", required: false)?.value,
                              annual: annual.flatMap { columns.amount($0, required: false)?.value },
                              spent: spent.flatMap { columns.amount($0, required: false)?.value },
                              rate: rate(columns.entry("预算执行率"), context: context),
                              reason: columns.text("原因", required: false)?.value ?? "")
        }
    }

    /// One item of a stand-alone `绩效指标`: the row of the goal side and its result.
    private static func decodeStandaloneIndicator(_ node: Node, context: DecodeContext) -> (Indicator, IndicatorResult)? {
        guard let fields = Fields(node, what: "三级指标", context: context) else { return nil }
        fields.rejectUnknown(allowed: standaloneIndicatorKeys)
        let name = fields.text("名称")
        let (target, cells) = fields.indicatorValue("年度指标值", at: node.mark)
        guard let name, let result = indicatorResult(fields, name: name, target: target, context: context) else { return nil }
        let indicator = Indicator(name: name, description: nil, valueText: target, value: IndicatorValue(parsing: target.value),
                                  basis: nil, cells: cells)
        return (indicator, result)
    }

    /// The result cells of one indicator, under its name in `指标` or in its row of `绩效指标`.
    private static func indicatorResult(_ result: Fields, name: Located<String>, target: Located<String>?,
                                        context: DecodeContext) -> IndicatorResult? {
        guard let actual = result.text("实际完成值") ?? blank(result.entry("实际完成值")) else { return nil }
        let achievement = result.text("达成情况", required: false).flatMap { text -> Located<Achievement>? in
            guard let value = Achievement(text: text.value.trimmingSpaces()) else {
                context.report(.wrongType, at: text.mark, "达成情况只能是：\(Achievement.allCases.map(\.rawValue).joined(separator: "、"))",
                               hint: "也可写全称：\(Achievement.allCases.map(\.officialName).joined(separator: "、"))")
                return nil
            }
            return Located(value, at: text.mark)
        }
        return IndicatorResult(name: name, actualText: actual,
                               deviationReason: result.text("偏差原因", required: false)?.value,
                               weight: located(result.entry("分值"), context: context),
                               score: printed(result.entry("得分"), context: context),
                               achievement: achievement, notApplicable: result.flag("不适用"), target: target)
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

    /// A printed score: a number, or `""` for a cell the form printed blank.
    private static func printed(_ entry: MappingEntry?, context: DecodeContext) -> Located<Printed>? {
        guard let entry else { return nil }
        if let text = entry.value.scalar, text.isBlank { return Located(.blank, at: entry.value.mark) }
        return located(entry, context: context).map { Located(.number($0.value), at: $0.mark) }
    }

    /// A printed 预算执行率: a percentage (`99%`, `100.00%`), a dash, or `""` for a cell printed blank.
    private static func rate(_ entry: MappingEntry?, context: DecodeContext) -> Located<PrintedRate>? {
        guard let entry else { return nil }
        guard let text = entry.value.scalar, let rate = PrintedRate(parsing: text) else {
            if let text = entry.value.scalar, Placeholder.isPlaceholder(text) { return nil }  // reported as not filled in
            context.report(.badNumber, at: entry.value.mark, "“\(entry.key)”应当是百分数，这里是“\(entry.value.scalar ?? entry.value.kindName)”",
                           hint: "照表上印的写，例如 99% 或 100.00%；表上这一格空着时写 \"\"，印着“—”或“/”时照写")
            return nil
        }
        return Located(rate, at: entry.value.mark)
    }

    private static func located(_ entry: MappingEntry?, context: DecodeContext) -> Located<Decimal>? {
        guard let entry, let value = number(entry.value, key: entry.key, context: context) else { return nil }
        return Located(value, at: entry.value.mark)
    }

    private static func number(_ node: Node, key: String, context: DecodeContext) -> Decimal? {
        guard let text = node.scalar, let value = Decimal(exactly: Substring(text.trimmingSpaces())) else {
            if let text = node.scalar, Placeholder.isPlaceholder(text) { return nil }  // reported as not filled in
            // A cell of slashes is a cell left empty on purpose (a 不适用 row).
            if let text = node.scalar, text.trimmingSpaces() == "/" { return nil }
            context.report(.badNumber, at: node.mark, "“\(key)”应当是数字，这里是“\(node.scalar ?? node.kindName)”")
            return nil
        }
        return value
    }
}
