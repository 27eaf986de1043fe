import Foundation
import JixiaoDiagnostics
import JixiaoModel

/// One scored row of the 自评表.
public struct IndicatorScore: Sendable {
    public let level1: String
    public let level2: String
    public let indicator: Indicator
    public let result: IndicatorResult?
    public let weight: Decimal
    public let score: Decimal
    public let met: Bool
    /// How the score came about (`Working`), worded when shown.
    public let working: Working
}

/// The 预算执行率 row.
public struct BudgetExecution: Sendable {
    public let initial: Amount
    public let annual: Amount
    public let spent: Amount
    public let weight: Decimal
    /// 全年执行数 ÷ 全年预算数 as a percentage, to 0.01 %.
    public let ratePercent: Decimal
    public let score: Decimal
}

/// A project scored against its goal table (docs/评分规则.md). A class: a score is passed to
/// every page and list that shows it, thousands at once, and a copy is then one reference.
public final class ProjectScore: Sendable {
    public let project: Project
    public let results: ProjectResults
    public let budget: BudgetExecution
    public let indicators: [IndicatorScore]
    /// The sum of the printed scores, so the printed figures always add up.
    public let total: Decimal
    public let grade: Grade

    init(project: Project, results: ProjectResults, budget: BudgetExecution, indicators: [IndicatorScore], total: Decimal) {
        self.project = project
        self.results = results
        self.budget = budget
        self.indicators = indicators
        self.total = total
        grade = Grade(total: total)
    }

    public var figures: ScoreFigures {
        ScoreFigures(annual: budget.annual, spent: budget.spent, ratePercent: budget.ratePercent, total: total)
    }
}

public enum ProjectScorer {
    public static func score(_ project: Project, _ results: ProjectResults) -> (ProjectScore, [Diagnostic]) {
        let report = DiagnosticCollector(path: results.path)
        let byName = matchResults(project, results, report: report)
        let (headingWeights, budgetWeight) = weights(project, results, report: report)

        var scores: [IndicatorScore] = []
        // Exactly as many as there are: thousands of scores are held at once.
        scores.reserveCapacity(project.indicators.reduce(0) { $0 + $1.indicators.count })
        for (level1, groups) in headings(project) {
            let indicators = groups.flatMap { group in group.subgroups.flatMap { sub in sub.indicators.map { (group, sub, $0) } } }
            let weights = indicatorWeights(indicators.map(\.2), heading: level1, total: headingWeights[level1] ?? 0,
                                           byName: byName, results: results, report: report)
            for ((group, subgroup, indicator), weight) in zip(indicators, weights) {
                let result = byName[ExactText(indicator.name.value)]
                let (score, met, working) = result.map { scoreIndicator(indicator, $0, weight: weight, report: report) }
                    ?? (0, false, .noResult)
                scores.append(IndicatorScore(level1: group.name.value, level2: subgroup.name.value, indicator: indicator,
                                             result: result, weight: weight, score: score, met: met, working: working))
            }
        }
        let budget = budgetExecution(project, results, weight: budgetWeight, report: report)
        checkFundingRows(budget, results, report: report)
        let total = scores.reduce(budget.score) { $0 + $1.score }
        let score = ProjectScore(project: project, results: results, budget: budget, indicators: scores, total: total)
        return (score, report.diagnostics)
    }

    // MARK: - Matching results to indicators

    private static func matchResults(_ project: Project, _ results: ProjectResults,
                                     report: DiagnosticCollector) -> [ExactText: IndicatorResult] {
        let matching = IndicatorMatching(project, rows: results.indicators) { $0.name }
        matching.reportUnmatched(as: .unknownIndicatorResult, into: report)
        for indicator in matching.missing {
            report(.missingIndicatorResult, at: results.projectName.mark,
                   "三级指标“\(indicator.name.value)”没有实际完成值",
                   hint: "在“指标”下添加“\(indicator.name.value):”及其“实际完成值”；尚未自评的项目不要建自评文件")
        }
        return matching.byName
    }

    // MARK: - Weights

    /// The 一级 headings present, each with its groups, in document order.
    private static func headings(_ project: Project) -> [(IndicatorTaxonomy.Level1, [IndicatorGroup])] {
        var order: [IndicatorTaxonomy.Level1] = []
        var groups: [IndicatorTaxonomy.Level1: [IndicatorGroup]] = [:]
        for group in project.indicators {
            guard let level1 = group.level1 else { continue }
            if groups[level1] == nil { order.append(level1) }
            groups[level1, default: []].append(group)
        }
        return order.map { ($0, groups[$0]!) }
    }

    private static func weights(_ project: Project, _ results: ProjectResults,
                                report: DiagnosticCollector) -> ([IndicatorTaxonomy.Level1: Decimal], Decimal) {
        let present = headings(project).map(\.0)
        var weights = ScoringRules.defaultWeights.filter { present.contains($0.key) }
        var budgetWeight = ScoringRules.defaultBudgetWeight
        for entry in results.weights {
            if entry.value.heading == ScoringRules.budgetHeading {
                budgetWeight = entry.value.weight
            } else if let level1 = IndicatorTaxonomy.level1(named: entry.value.heading) {
                weights[level1] = entry.value.weight
            } else {
                report(.weightsNot100, at: entry.mark, "权重中的“\(entry.value.heading)”不是一级指标",
                       hint: "可用：\(IndicatorTaxonomy.level1Names.joined(separator: "、"))、\(ScoringRules.budgetHeading)")
            }
        }
        if present.contains(.cost), weights[.cost] == nil {
            report(.weightsNot100, at: results.projectName.mark, "成本指标作为一级指标时，须在“权重”中给出它的分值",
                   hint: "例如 权重: {产出指标: 40, 成本指标: 10, …}（多行写法）")
        }
        let sum = present.reduce(budgetWeight) { $0 + (weights[$1] ?? 0) }
        if sum != ScoringRules.totalWeight {
            let parts = present.map { "\($0.rawValue) \((weights[$0] ?? 0).plain)" } + ["\(ScoringRules.budgetHeading) \(budgetWeight.plain)"]
            report(.weightsNot100, at: results.weights.first?.mark ?? results.projectName.mark,
                   "权重之和为 \(sum.plain)，应为 100（\(parts.joined(separator: " + "))）",
                   hint: "默认权重为产出 50、效益 30、满意度 10、预算执行率 10；缺少某类指标或另设成本指标时，请在“权重”中写明各项")
        }
        return (weights, budgetWeight)
    }

    /// Given 分值 stand; the rest of the heading's weight is split equally (largest remainder).
    private static func indicatorWeights(_ indicators: [Indicator], heading: IndicatorTaxonomy.Level1, total: Decimal,
                                         byName: [ExactText: IndicatorResult], results: ProjectResults,
                                         report: DiagnosticCollector) -> [Decimal] {
        let given = indicators.map { byName[ExactText($0.name.value)]?.weight?.value }
        let givenSum = given.compactMap { $0 }.reduce(0, +)
        let openCount = given.filter { $0 == nil }.count
        let rest = total - givenSum
        if rest < 0 || (openCount == 0 && rest != 0) {
            let mark = indicators.compactMap { byName[ExactText($0.name.value)]?.weight?.mark }.first ?? results.projectName.mark
            report(.indicatorWeightsMismatch, at: mark,
                   "“\(heading.rawValue)”下各三级指标的分值合计 \(givenSum.plain)，与该一级指标的权重 \(total.plain) 不符",
                   hint: "分值之和须等于一级权重；不写分值的指标平分剩余权重")
        }
        var shares = splitWeight(max(rest, 0), into: openCount).makeIterator()
        return given.map { $0 ?? shares.next()! }
    }

    // MARK: - One indicator

    private static func scoreIndicator(_ indicator: Indicator, _ result: IndicatorResult, weight: Decimal,
                                       report: DiagnosticCollector) -> (Decimal, Bool, Working) {
        // A blank or 待填写 actual was reported when the file was read; it is not a second finding.
        let actual = result.actualText.value
        if actual.isBlank || Placeholder.isPlaceholder(actual) { return (0, false, .noResult) }
        switch indicator.value {
        case .comparison(let target):
            return scoreComparison(indicator, target, result, weight: weight, report: report)
        case .deadline(let deadline):
            return scoreDeadline(deadline, result, weight: weight, report: report)
        case .qualitative:
            return scoreQualitative(result, weight: weight, report: report)
        }
    }

    private static func scoreComparison(_ indicator: Indicator, _ target: Comparison, _ result: IndicatorResult,
                                        weight: Decimal, report: DiagnosticCollector) -> (Decimal, Bool, Working) {
        if let given = result.evaluatorScore {
            report(.ignoredEntry, .warning, at: given.mark, "定量指标按实际完成值计算得分，这里写的“得分” \(given.value.plain) 不起作用",
                   hint: "删除“得分”；表上印的得分与计算不同时，请核对实际完成值")
        }
        reportIgnoredAchievement(result, kind: "定量指标按实际完成值计算得分", report: report)
        guard let actual = actualNumber(indicator, target, result, report: report) else { return (0, false, .notComparable) }
        let goal = target.number
        let unit = indicator.targetUnit
        // A bare number is a target to reach: scored as ≥.
        let op: ComparisonOperator = target.op == .equal ? .atLeast : target.op
        if op.holds(actual, goal) {
            if op.isPositive, goal > 0, actual >= goal * ScoringRules.overshootRatio, result.deviationReason == nil {
                report(.overshoot, .warning, at: result.actualText.mark,
                       "实际完成值 \(actual.plain)\(unit) 超出目标 \(goal.plain)\(unit) 30% 以上",
                       hint: "照样得满分；请在“偏差原因”中说明，并检讨目标是否定得过低（财预〔2020〕10号）")
            }
            return (weight, true, .reached(actual: actual, op: op, goal: goal, unit: unit, weight: weight))
        }
        let (raw, score) = ScoringRules.missedScore(actual: actual, op: op, goal: goal, weight: weight)
        return (score, false, .missed(actual: actual, op: op, goal: goal, weight: weight, raw: raw, score: score))
    }

    /// 达成情况 grades text; a number or a date is graded by itself.
    private static func reportIgnoredAchievement(_ result: IndicatorResult, kind: String, report: DiagnosticCollector) {
        guard let achievement = result.achievement else { return }
        report(.ignoredEntry, .warning, at: achievement.mark, "\(kind)，这里写的“达成情况” \(achievement.value.rawValue) 不起作用",
               hint: "“达成情况”只用于定性指标；请删除")
    }

    /// The actual value in the target's unit, or nil (and a diagnostic).
    private static func actualNumber(_ indicator: Indicator, _ target: Comparison, _ result: IndicatorResult,
                                     report: DiagnosticCollector) -> Decimal? {
        guard case .comparison(let actual) = IndicatorValue(parsing: result.actualText.value) else {
            report(.unreadableActual, at: result.actualText.mark, "实际完成值“\(result.actualText.value)”不是数值",
                   hint: "写成数字，单位与指标值一致，例如 \(indicator.valueText.value)")
            return nil
        }
        let unit = indicator.targetUnit
        if actual.unit.isEmpty, !target.unit.isEmpty, indicator.unitInName == nil {
            // 0.9 against 85%以上 was most likely meant as 90 %; it is scored as written, 0.9 %.
            report(.actualWithoutUnit, .warning, at: result.actualText.mark,
                   "实际完成值“\(result.actualText.value)”没有单位，按指标值的单位读作 \(actual.number.plain)\(unit)",
                   hint: "写明单位，例如 \(actual.number.plain)\(unit)")
        }
        if actual.unit == unit || actual.unit.isEmpty { return actual.number }
        if let from = actual.moneyUnit, let to = MoneyUnit(rawValue: unit) {
            return Amount(actual.number, from).converted(to: to).value
        }
        report(.actualUnitMismatch, at: result.actualText.mark,
               "实际完成值“\(result.actualText.value)”的单位与指标值“\(indicator.valueText.value)”不一致",
               hint: unit.isEmpty ? "指标值没有单位，实际完成值也只写数字" : "用“\(unit)”表示实际完成值")
        return nil
    }

    static let onTimeWords: Set<String> = ["按时完成", "按期完成", "如期完成"]

    private static func scoreDeadline(_ deadline: Deadline, _ result: IndicatorResult, weight: Decimal,
                                      report: DiagnosticCollector) -> (Decimal, Bool, Working) {
        reportIgnoredAchievement(result, kind: "时效指标按完成时间评分", report: report)
        let text = result.actualText.value.trimmingSpaces()
        var met = onTimeWords.contains(text)
        if !met {
            guard case .deadline(let done) = IndicatorValue(parsing: text) else {
                report(.unreadableActual, at: result.actualText.mark, "完成时间“\(text)”无法识别",
                       hint: "写成“2021年11月30日”或“按时完成”")
                return (0, false, .deadlineNotReadable)
            }
            met = (done.year, done.month, done.day) <= (deadline.year, deadline.month, deadline.day)
        }
        if met {
            if let given = result.evaluatorScore {
                report(.ignoredEntry, .warning, at: given.mark, "按时完成得满分 \(weight.plain)，这里写的“得分” \(given.value.plain) 不起作用",
                       hint: "“得分”只在未按时完成时由评价人给出；请删除")
            }
            return (weight, true, .onTime(weight: weight))
        }
        // The limit is compared exactly: 80 % of 16.66 is 13.328, and 13.33 lies above it.
        let cap = weight * ScoringRules.missedDeadlineCap
        if result.deviationReason == nil {
            report(.missingReason, at: result.actualText.mark, "未按时完成，须写明“偏差原因”")
        }
        guard let given = result.evaluatorScore else {
            report(.missingEvaluatorScore, at: result.actualText.mark,
                   "未按时完成，须由评价人给出“得分”（不超过分值的 80%，即 \(cap.plain)）")
            return (0, false, .lateWithoutScore)
        }
        if given.value < 0 || given.value > cap {
            report(.scoreOutOfBand, at: given.mark, "未按时完成的得分 \(given.value.plain) 超出范围 0–\(cap.plain)（分值 \(weight.plain) 的 80%）")
        }
        return (ScoringRules.printed(given.value), false, .late(given: given.value, cap: cap))
    }

    private static func scoreQualitative(_ result: IndicatorResult, weight: Decimal,
                                         report: DiagnosticCollector) -> (Decimal, Bool, Working) {
        let achievement = result.achievement?.value ?? .achieved
        let band = ScoringRules.band(achievement)
        // Limits are compared exactly: 60 % of 16.67 is 10.002, so 10 lies below it.
        let low = weight * band.lower
        let high = weight * band.upper
        guard let given = result.evaluatorScore else {
            if achievement == .achieved { return (weight, true, .qualitativeAchieved(weight: weight)) }
            report(.missingEvaluatorScore, at: result.achievement?.mark ?? result.actualText.mark,
                   "“\(achievement.rawValue)”的定性指标须由评价人给出“得分”（\(low.plain)–\(high.plain)）")
            return (0, false, .qualitativeWithoutScore(achievement))
        }
        let inBand = given.value >= low && (band.upperIncluded ? given.value <= high : given.value < high)
        if !inBand {
            let range = band.upperIncluded ? "\(low.plain)–\(high.plain)" : "\(low.plain) 至不足 \(high.plain)"
            report(.scoreOutOfBand, at: given.mark,
                   "“\(achievement.rawValue)”的得分应在 \(range) 之间（分值 \(weight.plain) 的 \(band.lower * 100)%–\(band.upper * 100)%），这里是 \(given.value.plain)")
        }
        return (ScoringRules.printed(given.value), achievement == .achieved, .qualitative(achievement, given: given.value))
    }

    // MARK: - 资金构成

    /// The 其中 rows (当年财政拨款, 上年结转资金, 其他资金) are parts of 年度资金总额: in each column
    /// that a row fills, the rows must add up to the total. A real 自评表 printed its total as
    /// 0 / 0 / 0 above a 当年财政拨款 row of 90 / 89.974 / 89.974.
    private static func checkFundingRows(_ budget: BudgetExecution, _ results: ProjectResults, report: DiagnosticCollector) {
        let columns: [(String, Amount, SourceMark, KeyPath<FundingRow, Amount?>)] = [
            ("年初预算数", budget.initial, results.initialBudget?.mark ?? results.annualBudget.mark, \.initial),
            ("全年预算数", budget.annual, results.annualBudget.mark, \.annual),
            ("全年执行数", budget.spent, results.spent.mark, \.spent),
        ]
        for (column, total, mark, cell) in columns {
            let parts = results.fundingRows.compactMap { row in row[keyPath: cell].map { (row.name, $0) } }
            guard !parts.isEmpty else { continue }
            let sum = parts.reduce(Decimal(0)) { $0 + $1.1.inYuan }
            guard sum != total.inYuan else { continue }
            let sumText = Amount(sum / total.unit.yuanPerUnit, total.unit)
            report(.fundingRowsMismatch, at: mark,
                   "资金构成的\(column)合计 \(sumText) 与年度资金总额的\(column) \(total) 不符",
                   hint: "其中：" + parts.map { "\($0.0) \($0.1)" }.joined(separator: " + "))
        }
    }

    // MARK: - 预算执行率

    private static func budgetExecution(_ project: Project, _ results: ProjectResults, weight: Decimal,
                                        report: DiagnosticCollector) -> BudgetExecution {
        let annual = results.annualBudget.value
        let spent = results.spent.value
        let initial = results.initialBudget?.value ?? project.budget.total.value
        guard annual.inYuan > 0 else {
            report(.badAmount, at: results.annualBudget.mark, "全年预算数为 0，无法计算预算执行率")
            return BudgetExecution(initial: initial, annual: annual, spent: spent, weight: weight, ratePercent: 0, score: 0)
        }
        // Multiplied before dividing, so that rounding sees the exact value.
        let score = spent.inYuan >= annual.inYuan ? ScoringRules.printed(weight)
            : Decimal.quotient(spent.inYuan * weight, annual.inYuan, places: ScoringRules.places)
        return BudgetExecution(initial: initial, annual: annual, spent: spent, weight: weight,
                               ratePercent: Decimal.quotient(spent.inYuan * 100, annual.inYuan, places: ScoringRules.places),
                               score: score)
    }
}
