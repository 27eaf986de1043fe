import Foundation
import JixiaoDiagnostics
import JixiaoParser

/// Tree → `Project`. Key names are those printed on the form; see docs/数据格式.md.
public enum ProjectDecoder {
    public static let keys = ["序号", "年度", "版式", "报表编号", "表名", "项目编码", "项目名称", "表头", "资金用途", "预算", "资金支出计划",
                              "绩效目标", "栏目名称", "绩效指标", "表尾", "表注"]
    /// The indicator columns whose heading a form may word its own way (`栏目名称`).
    public static let headedColumns = ["描述", "指标值", "依据"]
    static let budgetKeys = ["合计", "来源", "明细"]
    static let itemKeys = ["名称", "金额", "计算", "单价"]
    static let indicatorKeys = ["名称", "描述", "指标性质", "指标方向", "指标值", "度量单位", "分项指标值", "依据"]

    public static func decode(_ source: SourceFile) -> Decoded<Project> {
        .decoding(source) { tree, context in decode(tree, context: context) }
    }

    static func decode(_ tree: Node, context: DecodeContext) -> Project? {
        guard let fields = Fields(tree, what: "项目文件", context: context) else { return nil }
        fields.rejectUnknown(allowed: keys)
        let order = fields.integer("序号", required: false)
        let year = fields.integer("年度", required: false)
        let code = fields.text("项目编码", required: false, allowEmpty: true)
        let name = fields.text("项目名称")
        // 资金用途 and 资金支出计划 are rows some forms do not have: absent, the page prints no row.
        let purpose = fields.column("资金用途")
        let budget = fields.required("预算").flatMap { decodeBudget($0.value, context: context) }
        let plan = fields.list("资金支出计划", required: false)
            .map { decodePlan($0, at: fields.entry("资金支出计划")!.value.mark, context: context) } ?? []
        let goals = fields.list("绩效目标").map { decodeGoals($0, context: context) }
        let indicators = fields.required("绩效指标").flatMap { decodeIndicators($0.value, context: context) }
        let layout = fields.layout()
        let reportNumber = fields.text("报表编号", required: false)?.value ?? ""
        let title = fields.text("表名", required: false)?.value ?? ""
        let head = fields.formCells("表头")
        let foot = fields.formCells("表尾")
        let notes = fields.paragraphs("表注") ?? []
        let headings = fields.formCells("栏目名称", allowed: headedColumns)
        guard let name, let budget, let goals, let indicators else { return nil }
        checkColumns(indicators, context: context)
        return Project(path: context.path, order: order?.value, code: code?.value ?? "", name: name, purpose: purpose,
                       budget: budget, plan: plan, goals: goals.map(\.value), indicators: indicators, year: year,
                       layout: layout, reportNumber: reportNumber, title: title, head: head, foot: foot,
                       columnHeadings: headings, notes: notes, purposeMark: fields.entry("资金用途")?.value.mark, goalMarks: goals.map(\.mark))
    }

    /// 描述 and 依据 are columns of the form, not of a row: a form without one writes it in no row
    /// (and the page prints no such column), a form with one needs it in every row.
    static func checkColumns(_ groups: [IndicatorGroup], context: DecodeContext) {
        let indicators = groups.flatMap(\.indicators)
        for (key, cell) in [("描述", \Indicator.description), ("依据", \Indicator.basis)] {
            guard indicators.contains(where: { $0[keyPath: cell] != nil }) else { continue }
            for indicator in indicators where indicator[keyPath: cell] == nil {
                context.report(.missingField, at: indicator.name.mark,
                               "三级指标“\(indicator.name.value)”没有“\(key)”，本表其他指标都有这一栏",
                               hint: "添加一行“\(key): …”；原表没有这一栏时，所有指标都不写“\(key)”")
            }
        }
    }

    static func decodeBudget(_ node: Node, context: DecodeContext) -> Budget? {
        guard let fields = Fields(node, what: "预算", context: context) else { return nil }
        fields.rejectUnknown(allowed: budgetKeys)
        let total = fields.amount("合计", required: true)
        var sources: [FundingSource] = []
        var hasUnfilledSource = false
        if let entry = fields.entry("来源"), Fields(entry.value, what: "来源", context: context) != nil {
            for source in entry.value.mapping ?? [] {
                guard let text = source.value.scalar else {
                    context.report(.wrongType, at: source.value.mark, "资金来源“\(source.key)”应当是金额，这里却是\(source.value.kindName)")
                    continue
                }
                hasUnfilledSource = hasUnfilledSource || Placeholder.isPlaceholder(text)
                if let amount = Fields.amount(Located(text, at: source.value.mark), key: source.key, context: context) {
                    sources.append(FundingSource(name: source.key, amount: amount))
                }
            }
        }
        var breakdown: [BreakdownItem] = []
        for itemNode in fields.list("明细", required: false) ?? [] {
            guard let item = Fields(itemNode, what: "明细项", context: context) else { continue }
            item.rejectUnknown(allowed: itemKeys)
            // An item without its name is reported but kept, so that its amount still counts
            // and no second, misleading "does not add up" follows.
            let name = item.text("名称")?.value ?? ""
            let amount = item.amount("金额", required: false)
            let formula = item.text("计算", required: false)
            let rate = item.text("单价", required: false)
            if item.entry("金额") == nil, formula == nil {
                context.report(.missingField, at: itemNode.mark, "明细项“\(name)”既没有“金额”也没有“计算”",
                               hint: "至少写出其中之一")
            }
            breakdown.append(BreakdownItem(name: name, amount: amount, formula: formula, rate: rate))
        }
        guard let total else { return nil }
        return Budget(total: total, sources: sources, breakdown: breakdown, hasUnfilledSource: hasUnfilledSource)
    }

    static func decodePlan(_ items: [Node], at mark: SourceMark, context: DecodeContext) -> [Located<PlanShare>] {
        if items.count != 4 {
            context.report(.wrongType, at: mark, "资金支出计划应当有四个季度的累计比例，这里有 \(items.count) 个",
                           hint: "例如 [25%, 50%, 75%, 100%]")
        }
        return items.compactMap { item in
            guard let text = item.scalar else {
                context.report(.wrongType, at: item.mark, "季度比例应当是文本，例如 25%，这里却是\(item.kindName)")
                return nil
            }
            let trimmed = text.trimmingSpaces()
            let percent = trimmed.hasSuffix("%") ? Decimal(exactly: Substring(trimmed.dropLast())) : nil
            return Located(PlanShare(text: trimmed, percent: percent), at: item.mark)
        }
    }

    static func decodeGoals(_ items: [Node], context: DecodeContext) -> [Located<String>] {
        items.compactMap { item in
            guard let text = item.scalar else {
                context.report(.wrongType, at: item.mark, "每条绩效目标应当是一段文本，这里却是\(item.kindName)")
                return nil
            }
            context.checkCharacters(text, at: item.mark)
            return Located(text, at: item.mark)
        }
    }

    /// The 一级 → 二级 → list tree, each item read by `item` (the goal table's rows here; the
    /// stand-alone 自评's rows in `ResultsDecoder`). `points` receives a weight a 一级 key carries
    /// as printed (`产出指标(50分)`).
    static func decodeIndicators(_ node: Node, context: DecodeContext,
                                 points: (String, Decimal, SourceMark) -> Void = { _, _, _ in },
                                 item: (Node, DecodeContext) -> Indicator? = decodeIndicator) -> [IndicatorGroup]? {
        guard let level1Entries = node.mapping else {
            _ = Fields(node, what: "绩效指标", context: context)
            return nil
        }
        return level1Entries.map { level1Entry in
            let (heading, weight) = HeadingPoints.split(level1Entry.key)
            if let weight { points(heading, weight, level1Entry.keyMark) }
            let level1 = IndicatorTaxonomy.level1(named: heading)
            if level1 == nil {
                let suggestion = Suggestion.closest(to: level1Entry.key, among: IndicatorTaxonomy.level1Names)
                context.report(.unknownLevel1, at: level1Entry.keyMark, "“\(level1Entry.key)”不是一级指标",
                               hint: suggestion.map { "是不是想写“\($0)”？" }
                                   ?? "一级指标只能是：\(IndicatorTaxonomy.level1Names.joined(separator: "、"))")
            }
            var subgroups: [IndicatorSubgroup] = []
            if let level2Entries = level1Entry.value.mapping {
                for level2Entry in level2Entries {
                    if let level1, !IndicatorTaxonomy.allows(level2Entry.key, under: level1) {
                        let names = IndicatorTaxonomy.level2Names(under: level1)
                        context.report(.unknownLevel2, at: level2Entry.keyMark,
                                       "二级指标“\(level2Entry.key)”不属于一级指标“\(level1Entry.key)”",
                                       hint: "“\(level1Entry.key)”下可用：\(names.joined(separator: "、"))")
                    }
                    let indicators = decodeIndicatorList(level2Entry, context: context, item: item)
                    subgroups.append(IndicatorSubgroup(name: Located(level2Entry.key, at: level2Entry.keyMark),
                                                       indicators: indicators))
                }
            } else {
                _ = Fields(level1Entry.value, what: level1Entry.key, context: context)
            }
            return IndicatorGroup(name: Located(heading, at: level1Entry.keyMark), level1: level1,
                                  subgroups: subgroups)
        }
    }

    static func decodeIndicatorList(_ entry: MappingEntry, context: DecodeContext,
                                    item: (Node, DecodeContext) -> Indicator?) -> [Indicator] {
        guard let items = entry.value.sequence else {
            context.report(.wrongType, at: entry.value.mark,
                           "“\(entry.key)”下应当是三级指标的列表（每项以“- 名称:”开头），这里却是\(entry.value.kindName)")
            return []
        }
        return items.compactMap { item($0, context) }
    }

    static func decodeIndicator(_ item: Node, context: DecodeContext) -> Indicator? {
        guard let fields = Fields(item, what: "三级指标", context: context) else { return nil }
        fields.rejectUnknown(allowed: indicatorKeys)
        // A row missing a cell other than its name is reported here and kept: dropped, it
        // would surface again as a result without an indicator and as weights that do not
        // add up. Its value, left blank, is checked no further.
        let name = fields.text("名称")
        let description = fields.column("描述")
        let (value, cells) = fields.indicatorValue("指标值", at: item.mark)
        let basis = fields.column("依据")
        let shares = decodeShares(fields, context: context)
        guard let name else { return nil }
        return Indicator(name: name, description: description, valueText: value,
                         value: IndicatorValue(parsing: value.value), basis: basis, cells: cells, shares: shares)
    }

    /// 分项指标值: recipient → value text, in the order written.
    static func decodeShares(_ fields: Fields, context: DecodeContext) -> [(recipient: String, value: String)] {
        guard let entry = fields.entry("分项指标值"), Fields(entry.value, what: "分项指标值", context: context) != nil else { return [] }
        return (entry.value.mapping ?? []).compactMap { share in
            guard let text = share.value.scalar else {
                context.report(.wrongType, at: share.value.mark, "“\(share.key)”的指标值应当是文本，这里却是\(share.value.kindName)")
                return nil
            }
            context.checkCharacters(text, at: share.value.mark)
            return (share.key, text)
        }
    }
}

/// A 一级 heading as a real form prints it, with its points: `产出指标(50分)`, `产出指标（50分）`.
enum HeadingPoints {
    static func split(_ key: String) -> (heading: String, points: Decimal?) {
        for (open, close) in [("(", "分)"), ("（", "分）")] where key.hasSuffix(close) {
            guard let start = key.range(of: open, options: .backwards) else { continue }
            let number = key[start.upperBound..<key.index(key.endIndex, offsetBy: -close.count)]
            guard let points = Decimal(exactly: Substring(number.trimmingSpaces())) else { continue }
            return (String(key[..<start.lowerBound]).trimmingSpaces(), points)
        }
        return (key, nil)
    }
}
