import Foundation
import JixiaoDiagnostics
import JixiaoParser

/// Tree → `ProjectMonitoring`. Key names: docs/数据格式.md.
public enum MonitoringDecoder {
    public static let keys = ["示例数据", "项目名称", "主管部门", "实施单位", "截至", "执行数", "指标"]
    static let spentKeys = ["合计", "来源"]
    static let indicatorKeys = ["实际完成值", "全年预计完成值", "偏差原因", "完成目标可能性", "纠偏措施"]
    static let causeKeys = ["类别", "说明"]

    public static func decode(_ source: SourceFile) -> Decoded<ProjectMonitoring> {
        .decoding(source) { tree, context in decode(tree, context: context) }
    }

    static func decode(_ tree: Node, context: DecodeContext) -> ProjectMonitoring? {
        guard let fields = Fields(tree, what: "监控文件", context: context) else { return nil }
        fields.rejectUnknown(allowed: keys)
        let isSample = fields.flag("示例数据")
        let name = fields.text("项目名称")
        let asOf = fields.text("截至").flatMap { text -> Located<CalendarDate>? in
            if Placeholder.isPlaceholder(text.value) { return nil }  // reported as not filled in
            guard let date = CalendarDate(parsing: text.value) else {
                context.report(.badMonitoringDate, at: text.mark, "截至日期“\(text.value)”无法识别",
                               hint: "写成 2021年7月31日 这样的日期")
                return nil
            }
            return Located(date, at: text.mark)
        }
        let (spent, bySource) = fields.required("执行数").map { decodeSpent($0, context: context) } ?? (nil, [])
        var indicators: [IndicatorProgress] = []
        if let entry = fields.required("指标"), Fields(entry.value, what: "指标", context: context) != nil {
            indicators.reserveCapacity(entry.value.mapping?.count ?? 0)
            for item in entry.value.mapping ?? [] {
                if let progress = decodeIndicator(item, context: context) { indicators.append(progress) }
            }
        }
        guard let name, let asOf, let spent else { return nil }
        return ProjectMonitoring(path: context.path, isSample: isSample, projectName: name,
                                 supervisor: fields.text("主管部门", required: false)?.value,
                                 implementer: fields.text("实施单位", required: false)?.value,
                                 asOf: asOf, spent: spent, spentBySource: bySource, indicators: indicators)
    }

    /// `执行数: 41.5万元`, or with its sources: `执行数: {合计: …, 来源: {财政资金: …}}`.
    static func decodeSpent(_ entry: MappingEntry, context: DecodeContext) -> (Located<Amount>?, [FundingSource]) {
        if let text = entry.value.scalar {
            return (Fields.amount(Located(text, at: entry.value.mark), key: "执行数", context: context), [])
        }
        guard let fields = Fields(entry.value, what: "执行数", context: context) else { return (nil, []) }
        fields.rejectUnknown(allowed: spentKeys)
        let total = fields.amount("合计", required: true)
        var sources: [FundingSource] = []
        if let sourcesEntry = fields.entry("来源"), Fields(sourcesEntry.value, what: "来源", context: context) != nil {
            for source in sourcesEntry.value.mapping ?? [] {
                guard let text = source.value.scalar else {
                    context.report(.wrongType, at: source.value.mark, "资金来源“\(source.key)”的执行数应当是金额，这里却是\(source.value.kindName)")
                    continue
                }
                if let amount = Fields.amount(Located(text, at: source.value.mark), key: source.key, context: context) {
                    sources.append(FundingSource(name: source.key, amount: amount))
                }
            }
        }
        return (total, sources)
    }

    static func decodeIndicator(_ item: MappingEntry, context: DecodeContext) -> IndicatorProgress? {
        guard let fields = Fields(item.value, what: item.key, context: context) else { return nil }
        fields.rejectUnknown(allowed: indicatorKeys)
        let actual = fields.text("实际完成值")
        let expected = fields.text("全年预计完成值")
        let likelihood = fields.text("完成目标可能性").flatMap { text -> Located<Likelihood>? in
            if Placeholder.isPlaceholder(text.value) { return nil }
            guard let value = Likelihood(rawValue: text.value.trimmingSpaces()) else {
                context.report(.wrongType, at: text.mark, "完成目标可能性只能是：\(Likelihood.allCases.map(\.rawValue).joined(separator: "、"))",
                               hint: "这里是“\(text.value)”")
                return nil
            }
            return Located(value, at: text.mark)
        }
        var causes: [DeviationCause] = []
        var explanation: String?
        let causeEntry = fields.entry("偏差原因")
        if let causeEntry, let cause = Fields(causeEntry.value, what: "偏差原因", context: context) {
            cause.rejectUnknown(allowed: causeKeys)
            causes = decodeCauses(cause.required("类别"), context: context)
            explanation = cause.text("说明", required: false)?.value
        }
        guard let actual, let expected else { return nil }
        return IndicatorProgress(name: Located(item.key, at: item.keyMark), actualText: actual, expectedText: expected,
                                 causes: causes, causesMark: causeEntry?.keyMark, explanation: explanation,
                                 likelihood: likelihood, correction: fields.text("纠偏措施", required: false)?.value)
    }

    /// `类别: 人员保障` or `类别: [经费保障, 其他]`, kept in the form's order.
    static func decodeCauses(_ entry: MappingEntry?, context: DecodeContext) -> [DeviationCause] {
        guard let entry else { return [] }
        let items = entry.value.sequence ?? [entry.value]
        var found: Set<String> = []
        for item in items {
            guard let text = item.scalar else {
                context.report(.wrongType, at: item.mark, "偏差原因的类别应当是文字，这里却是\(item.kindName)")
                continue
            }
            if Placeholder.isPlaceholder(text) { continue }
            let name = text.trimmingSpaces()
            guard DeviationCause(rawValue: name) != nil else {
                let names = DeviationCause.allCases.map(\.rawValue)
                context.report(.wrongType, at: item.mark, "“\(name)”不是偏差原因的类别",
                               hint: Suggestion.closest(to: name, among: names).map { "是不是想写“\($0)”？" }
                                   ?? "类别只能是：\(names.joined(separator: "、"))")
                continue
            }
            found.insert(name)
        }
        return DeviationCause.allCases.filter { found.contains($0.rawValue) }
    }
}
