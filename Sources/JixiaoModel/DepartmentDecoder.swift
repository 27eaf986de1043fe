import Foundation
import JixiaoDiagnostics
import JixiaoParser

/// Tree → `Department`. Key names: docs/数据格式.md.
public enum DepartmentDecoder {
    public static let keys = ["单位", "年度", "版式", "总体绩效目标", "分项绩效目标", "工作保障措施", "执行进度预警"]
    static let categoryKeys = ["类别", "目标"]
    static let subgoalKeys = ["名称", "内容", "评定", "标准"]
    static let measureKeys = ["指标", "优秀", "差", "等级名称"]
    static let labelKeys = ["优秀", "合格", "差"]
    static let safeguardKeys = ["标题", "内容"]

    public static func decode(_ source: SourceFile) -> Decoded<Department> {
        .decoding(source) { tree, context in decode(tree, context: context) }
    }

    static func decode(_ tree: Node, context: DecodeContext) -> Department? {
        guard let fields = Fields(tree, what: "部门整体绩效目标文件", context: context) else { return nil }
        fields.rejectUnknown(allowed: keys)
        let unit = fields.text("单位")
        let year = fields.integer("年度", required: true)
        let overall = fields.text("总体绩效目标")
        let categories = (fields.list("分项绩效目标") ?? []).compactMap { decodeCategory($0, context: context) }
        let safeguards = (fields.list("工作保障措施", required: false) ?? []).compactMap { node -> Safeguard? in
            guard let item = Fields(node, what: "工作保障措施", context: context) else { return nil }
            item.rejectUnknown(allowed: safeguardKeys)
            guard let title = item.text("标题"), let content = item.text("内容") else { return nil }
            return Safeguard(title: title.value, content: content.value)
        }
        let threshold = fields.text("执行进度预警", required: false).flatMap { text -> Located<Decimal>? in
            guard let value = Decimal(exactly: Substring(text.value.trimmingSpaces())), value > 0, value <= 100 else {
                context.report(.badNumber, at: text.mark, "“执行进度预警”应当是 0 到 100 之间的百分点数，这里是“\(text.value)”",
                               hint: "例如 10：执行率比计划支出进度低 10 个百分点以上时警告")
                return nil
            }
            return Located(value, at: text.mark)
        }
        let layout = fields.layout()
        guard let unit, let year, let overall else { return nil }
        return Department(path: context.path, unit: unit.value, year: year, overallGoal: overall.value,
                          categories: categories, safeguards: safeguards, behindPlanThreshold: threshold, layout: layout)
    }

    static func decodeCategory(_ node: Node, context: DecodeContext) -> GoalCategory? {
        guard let fields = Fields(node, what: "分项绩效目标", context: context) else { return nil }
        fields.rejectUnknown(allowed: categoryKeys)
        let title = fields.text("类别")
        let subgoals = (fields.list("目标") ?? []).compactMap { decodeSubgoal($0, context: context) }
        guard let title else { return nil }
        return GoalCategory(title: title.value, subgoals: subgoals)
    }

    static func decodeSubgoal(_ node: Node, context: DecodeContext) -> SubGoal? {
        guard let fields = Fields(node, what: "目标", context: context) else { return nil }
        fields.rejectUnknown(allowed: subgoalKeys)
        let name = fields.text("名称", required: false)
        let content = fields.text("内容")
        let rating = fields.text("评定")
        let measures = (fields.list("标准") ?? []).compactMap { decodeMeasure($0, context: context) }
        guard let content, let rating else { return nil }
        return SubGoal(name: name?.value, content: content.value, rating: rating.value, measures: measures)
    }

    static func decodeMeasure(_ node: Node, context: DecodeContext) -> Measure? {
        guard let fields = Fields(node, what: "评定标准", context: context) else { return nil }
        fields.rejectUnknown(allowed: measureKeys)
        let indicator = fields.text("指标")
        let excellent = fields.text("优秀")
        let poor = fields.text("差")
        var labels = GradeLabels()
        if let entry = fields.entry("等级名称"), let names = Fields(entry.value, what: "等级名称", context: context) {
            names.rejectUnknown(allowed: labelKeys)
            labels.excellent = names.text("优秀", required: false)?.value ?? labels.excellent
            labels.pass = names.text("合格", required: false)?.value ?? labels.pass
            labels.poor = names.text("差", required: false)?.value ?? labels.poor
        }
        guard let indicator, let excellent, let poor else { return nil }
        return Measure(indicator: indicator.value, excellentText: excellent, poorText: poor,
                       excellent: GradeCondition(parsing: excellent.value), poor: GradeCondition(parsing: poor.value),
                       labels: labels)
    }
}
