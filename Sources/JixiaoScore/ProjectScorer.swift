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
    /// False for a row marked 不适用: listed, not scored (no weight share, no score).
    public let applicable: Bool
    /// The printed 得分 where it differs from `score` and its line says 原文如此, or where it was
    /// printed blank: the page shows it.
    public let printedScore: Printed?
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
    /// The printed 预算执行得分 where it differs and its line says 原文如此, or was printed blank.
    public var printedScore: Printed? = nil
    /// The printed 预算执行率, shown whatever it is (checked at its precision, JX627).
    public var printedRate: PrintedRate? = nil
    /// The 其中 rows (资金构成) as written, each with its rate.
    public var parts: [FundingExecution] = []
}

/// One 其中 row's 预算执行率: computed where the row has both 全年预算数 and 全年执行数 (0.00 %
/// where the budget is 0, as the forms print it), and the printed one, shown whatever it is.
public struct FundingExecution: Sendable {
    public let row: FundingRow
    public let ratePercent: Decimal?
    public let printedRate: PrintedRate?
}

/// A printed figure that differs from the computed one and is marked 原文如此, or a cell the
/// form printed blank: the page shows the printed one, the year's review page (核对.html)
/// lists both.
public struct ScoreReviewItem: Sendable {
    /// What the figure is, in the user's words: 预算执行得分, 指标 足额保障率 得分, 总分 得分.
    public let what: String
    public let line: Int
    /// Each as the form prints it: `18`, `99%`; the printed one empty where the cell was blank.
    public let printed: String
    public let computed: String
}

/// A project scored against its goal table (docs/评分规则.md). A class: a score is passed to
/// every page and list that shows it, thousands at once, and a copy is then one reference.
public final class ProjectScore: Sendable {
    public let project: Project
    public let results: ProjectResults
    public let budget: BudgetExecution
    public let indicators: [IndicatorScore]
    /// The sum of the printed scores, so the printed figures always add up; with rows 不适用,
    /// that sum rescaled to 100 over the weights that apply.
    public let total: Decimal
    public let grade: Grade
    /// Whether `total` was rescaled (some row 不适用 carried weight).
    public let rescaled: Bool
    /// The sum of the weights, every row's and the budget row's: what a printed 总分 分值 is checked against.
    public let weightSum: Decimal
    /// The printed 总分 分值 and 得分 where they differ and their lines say 原文如此 (得分 also
    /// where printed blank).
    public let printedTotalWeight: Decimal?
    public let printedTotalScore: Printed?
    /// Every printed figure shown in place of a computed one.
    public let review: [ScoreReviewItem]
    /// The weight of each 一级 heading present (the form prints it: 产出指标(50分)).
    public let headingWeights: [IndicatorTaxonomy.Level1: Decimal]

    init(project: Project, results: ProjectResults, budget: BudgetExecution, indicators: [IndicatorScore], total: Decimal,
         rescaled: Bool, weightSum: Decimal, printedTotal: (weight: Decimal?, score: Printed?), review: [ScoreReviewItem],
         headingWeights: [IndicatorTaxonomy.Level1: Decimal]) {
        self.project = project
        self.results = results
        self.budget = budget
        self.indicators = indicators
        self.total = total
        grade = Grade(total: total)
        self.rescaled = rescaled
        self.weightSum = weightSum
        (printedTotalWeight, printedTotalScore) = printedTotal
        self.review = review
        self.headingWeights = headingWeights
    }

    /// Whether some row is 不适用 (the form then prints the rule for it).
    public var hasNotApplicable: Bool { indicators.contains { !$0.applicable } }

    public var figures: ScoreFigures {
        ScoreFigures(annual: budget.annual, spent: budget.spent, ratePercent: budget.ratePercent, total: total)
    }
}

public enum ProjectScorer {
    public static func score(_ project: Project, _ results: ProjectResults) -> (ProjectScore, [Diagnostic]) {
        let report = DiagnosticCollector(path: results.path)
        let byName = matchResults(project, results, report: report)
        let (headingWeights, budgetWeight) = weights(project, results, report: report)

        let printed = PrintedFigures(results: results, report: report)

        var scores: [IndicatorScore] = []
        // Exactly as many as there are: thousands of scores are held at once.
        scores.reserveCapacity(project.indicators.reduce(0) { $0 + $1.indicators.count })
        for (level1, groups) in headings(project) {
            let indicators = groups.flatMap { group in group.subgroups.flatMap { sub in sub.indicators.map { (group, sub, $0) } } }
            let weights = indicatorWeights(indicators.map(\.2), heading: level1, total: headingWeights[level1] ?? 0,
                                           byName: byName, results: results, report: report)
            for ((group, subgroup, indicator), weight) in zip(indicators, weights) {
                let result = byName[ExactText(indicator.name.value)]
                checkTarget(indicator, result, report: report)
                if let result, result.isNotApplicable(target: indicator.valueText.value) {
                    scores.append(IndicatorScore(level1: group.name.value, level2: subgroup.name.value, indicator: indicator,
                                                 result: result, weight: weight, score: 0, met: true, working: .notApplicable,
                                                 applicable: false, printedScore: nil))
                    continue
                }
                let (score, met, working) = result.map { scoreIndicator(indicator, $0, weight: weight, report: report) }
                    ?? (0, false, .noResult)
                // A score printed blank is shown blank on any row; a number is verified where the
                // rules compute the score, and is the evaluator's elsewhere.
                let shown = result.flatMap { result in
                    working.isComputed || result.score?.value == .blank
                        ? printed.verify(result.score, computed: score, code: .printedScoreMismatch,
                                         what: "指标“\(indicator.name.value)”的得分") : nil
                }
                scores.append(IndicatorScore(level1: group.name.value, level2: subgroup.name.value, indicator: indicator,
                                             result: result, weight: weight, score: score, met: met, working: working,
                                             applicable: true, printedScore: shown))
            }
        }
        var budget = budgetExecution(project, results, weight: budgetWeight, report: report)
        budget.printedRate = printed.verify(results.budgetRate, spent: budget.spent, annual: budget.annual, what: "预算执行率")
        budget.parts = results.fundingRows.map { row in
            FundingExecution(row: row, ratePercent: ScoringRules.rate(spent: row.spent, annual: row.annual, places: ScoringRules.places),
                             printedRate: printed.verify(row.rate, spent: row.spent, annual: row.annual,
                                                         what: "资金构成“\(row.name)”的预算执行率"))
        }
        budget.printedScore = printed.verify(results.budgetScore, computed: budget.score, code: .printedBudgetScoreMismatch,
                                             what: "预算执行得分")
        checkFundingRows(budget, results, report: report)
        let (total, rescaled) = total(scores, budget: budget)
        let weightSum = scores.reduce(budget.weight) { $0 + $1.weight }
        let printedTotal = (printed.verify(results.totalWeight.map { Located(.number($0.value), at: $0.mark) }, computed: weightSum,
                                           code: .printedTotalWeightMismatch, what: "总分分值")?.number,
                            printed.verify(results.totalScore, computed: total, code: .printedTotalScoreMismatch, what: "总分得分"))
        let score = ProjectScore(project: project, results: results, budget: budget, indicators: scores, total: total,
                                 rescaled: rescaled, weightSum: weightSum, printedTotal: printedTotal, review: printed.review,
                                 headingWeights: headingWeights)
        return (score, report.diagnostics)
    }

    /// The sum of the scores; with rows 不适用, rescaled to 100 over the weights that apply
    /// (财预〔2020〕10号: 用适用指标得分汇总后按百分制折算), multiplied before dividing, half up.
    private static func total(_ scores: [IndicatorScore], budget: BudgetExecution) -> (Decimal, rescaled: Bool) {
        let applicable = scores.filter(\.applicable)
        let sum = applicable.reduce(budget.score) { $0 + $1.score }
        let weights = applicable.reduce(budget.weight) { $0 + $1.weight }
        guard applicable.count < scores.count, weights != ScoringRules.totalWeight, weights > 0 else { return (sum, false) }
        return (Decimal.quotient(sum * ScoringRules.totalWeight, weights, places: ScoringRules.places), true)
    }

    /// A stand-alone file's 年度指标值 must be the goal table's 指标值, read as values (JX625).
    private static func checkTarget(_ indicator: Indicator, _ result: IndicatorResult?, report: DiagnosticCollector) {
        guard let target = result?.target, IndicatorValue(parsing: target.value) != indicator.value else { return }
        report(.targetDisagrees, at: target.mark,
               "年度指标值“\(target.value)”与目标表的指标值“\(indicator.valueText.value)”不符",
               hint: "自评表的年度指标值应与批复的目标表一致；照录原表时在这一行末尾加“# 原文如此”")
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
        // A row 不适用 takes no share: it keeps a 分值 printed for it, and otherwise weighs nothing.
        let given = indicators.map { indicator -> Decimal? in
            let result = byName[ExactText(indicator.name.value)]
            if let result, result.isNotApplicable(target: indicator.valueText.value) { return result.weight?.value ?? 0 }
            return result?.weight?.value
        }
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

    /// What a real table writes as the actual of a deadline kept (`完成` as much as `按时完成`).
    static let onTimeWords: Set<String> = ["按时完成", "按期完成", "如期完成", "完成", "已完成"]

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
        if met { return (weight, true, .onTime(weight: weight)) }
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
            report(.zeroBudget, at: results.annualBudget.mark, "全年预算数为 0，无法计算预算执行率")
            return BudgetExecution(initial: initial, annual: annual, spent: spent, weight: weight, ratePercent: 0, score: 0)
        }
        // Multiplied before dividing, so that rounding sees the exact value.
        let score = spent.inYuan >= annual.inYuan ? ScoringRules.printed(weight)
            : Decimal.quotient(spent.inYuan * weight, annual.inYuan, places: ScoringRules.places)
        return BudgetExecution(initial: initial, annual: annual, spent: spent, weight: weight,
                               ratePercent: ScoringRules.rate(spent: spent, annual: annual, places: ScoringRules.places)!,
                               score: score)
    }
}

/// The printed figures of one 自评 file, each verified against the computed one: a difference
/// is an error naming both numbers, a warning where the line says 原文如此, and then the printed
/// figure is what the page shows. A cell printed blank is shown blank, no finding.
private final class PrintedFigures {
    let results: ProjectResults
    let report: DiagnosticCollector
    private(set) var review: [ScoreReviewItem] = []

    init(results: ProjectResults, report: DiagnosticCollector) {
        (self.results, self.report) = (results, report)
    }

    /// The printed score to show in place of `computed` (both rounded to 0.01, half up), or nil
    /// to show the computed one.
    func verify(_ printed: Located<Printed>?, computed: Decimal, code: DiagnosticCode, what: String) -> Printed? {
        guard let printed else { return nil }
        let exact = ScoringRules.printed(computed)
        guard let number = printed.value.number else {
            review.append(ScoreReviewItem(what: what, line: printed.mark.line, printed: "", computed: exact.fixed(2)))
            return .blank
        }
        guard ScoringRules.printed(number) != exact else { return nil }
        report(code, at: printed.mark, "印出的\(what) \(number.plain) 与按规则算得的 \(exact.fixed(2)) 不符",
               hint: "核对原表；照录原表的差错时在这一行末尾加“# 原文如此”，页面照印原值，核对页列出两个数")
        guard results.markedLines.contains(printed.mark.line) else { return nil }
        review.append(ScoreReviewItem(what: what, line: printed.mark.line, printed: number.plain, computed: exact.fixed(2)))
        return printed.value
    }

    /// A printed 预算执行率, shown whatever it is: checked against 全年执行数 ÷ 全年预算数 rounded
    /// (half up) to as many decimals as were printed, so 99% stands for 99.10%; a difference
    /// beyond that is JX627. The review page lists a rate printed blank (not one printed as a dash), and one marked
    /// 原文如此 that is not the computed one to 0.01 %.
    func verify(_ printed: Located<PrintedRate>?, spent: Amount?, annual: Amount?, what: String) -> PrintedRate? {
        guard let printed else { return nil }
        guard let computed = ScoringRules.rate(spent: spent, annual: annual, places: ScoringRules.places) else { return printed.value }
        let computedText = computed.fixed(2) + "%"
        guard let percent = printed.value.percent else {
            // A dash says the cell does not apply; only a blank one hides a figure worth listing.
            if printed.value.mark.isEmpty {
                review.append(ScoreReviewItem(what: what, line: printed.mark.line, printed: "", computed: computedText))
            }
            return printed.value
        }
        let atPrecision = ScoringRules.rate(spent: spent, annual: annual, places: printed.value.places)!
        if atPrecision != percent {
            report(.printedRateMismatch, at: printed.mark,
                   "印出的\(what) \(printed.value.text) 与按规则算得的 \(computedText) 不符（按印出的位数取整为 \(atPrecision.fixed(printed.value.places))%）",
                   hint: "预算执行率 = 全年执行数 ÷ 全年预算数；照录原表的差错时在这一行末尾加“# 原文如此”，页面照印原值，核对页列出两个数")
        }
        if percent != computed, results.markedLines.contains(printed.mark.line) {
            review.append(ScoreReviewItem(what: what, line: printed.mark.line, printed: printed.value.text, computed: computedText))
        }
        return printed.value
    }
}
