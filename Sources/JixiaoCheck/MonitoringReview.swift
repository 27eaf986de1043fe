import Foundation
import JixiaoDiagnostics
import JixiaoModel

/// The numbers of mid-year monitoring, in one place (docs/检查规则.md, JX7xx).
public enum MonitoringRules {
    /// A project whose execution rate is more than this many percentage points below the
    /// plan's share is behind plan (JX707), unless 部门整体绩效目标.yaml sets 执行进度预警.
    public static let defaultBehindPlanThreshold: Decimal = 10
    /// Far behind (JX708): more than this many times the threshold.
    public static let farBehindFactor: Decimal = 2
    /// Percentages are printed, and compared, to 0.01 %.
    public static let places = 2
}

/// The spending plan of a goal table read at a date: the cumulative quarterly shares
/// (资金支出计划) reached at the end of each quarter, and in between a straight line, day by
/// day, from the share at the end of the quarter before (0 % before the first) to the share
/// at the end of the quarter the date falls in. The date counts as a whole day spent.
public enum SpendingPlan {
    /// The share in percent expected by the end of `date`, rounded half up to 0.01 %; nil
    /// unless the plan is four percentages.
    public static func expectedPercent(_ plan: [Located<PlanShare>], on date: CalendarDate) -> Decimal? {
        let shares = plan.compactMap(\.value.percent)
        guard shares.count == 4, plan.count == 4 else { return nil }
        let quarter = date.quarter
        let (first, last) = date.quarterBounds
        let length = Decimal(last.dayOfYear - first.dayOfYear + 1)
        let elapsed = Decimal(date.dayOfYear - first.dayOfYear + 1)
        let before = quarter == 0 ? 0 : shares[quarter - 1]
        // One division, last, so that the rounding sees the exact value.
        return Decimal.quotient(before * length + (shares[quarter] - before) * elapsed, length, places: MonitoringRules.places)
    }
}

/// One project at the monitoring date: its execution against the plan, each indicator's
/// progress beside its goal-table row, and what the checks flag. Made once by the loader;
/// the pages and the summary use these figures and never compute their own.
public struct MonitoringReview: Sendable {
    public let project: Project
    public let monitoring: ProjectMonitoring
    /// 执行数 ÷ 预算合计 in percent, to 0.01 %; nil for a budget of 0.
    public let ratePercent: Decimal?
    /// The plan's share at the date (`SpendingPlan`); nil when the plan cannot be read or the
    /// date is outside the budget year.
    public let plannedPercent: Decimal?
    /// The threshold applied (`MonitoringRules`, or the department's 执行进度预警).
    public let threshold: Decimal
    public let sources: [SourceExecution]
    public let rows: [ProgressRow]

    /// Percentage points behind the plan: the printed plan share less the printed rate, so
    /// that the three printed figures agree; negative when ahead.
    public var gap: Decimal? {
        guard let ratePercent, let plannedPercent else { return nil }
        return plannedPercent - ratePercent
    }

    /// More than `threshold` points behind (JX707).
    public var isBehind: Bool { gap.map { $0 > threshold } ?? false }

    /// More than `farBehindFactor` × `threshold` points behind (JX708).
    public var isFarBehind: Bool { gap.map { $0 > threshold * MonitoringRules.farBehindFactor } ?? false }

    /// The rows whose target is not sure to be met (有可能, 完全不可能), the least likely first.
    public var atRisk: [ProgressRow] {
        let risky = rows.filter { $0.likelihood != nil && $0.likelihood != .certain }
        return risky.filter { $0.likelihood == .impossible } + risky.filter { $0.likelihood == .possible }
    }
}

/// A funding source of the goal table with its 执行数, where the monitoring file gives it.
public struct SourceExecution: Sendable {
    public let name: String
    public let budget: Amount
    public let spent: Amount?
    public let ratePercent: Decimal?
}

/// One row of the monitoring table: the goal table's indicator and its progress, if reported.
public struct ProgressRow: Sendable {
    public let level1: String
    public let level2: String
    public let indicator: Indicator
    public let progress: IndicatorProgress?

    public var likelihood: Likelihood? { progress?.likelihood?.value }
}

/// The checks of a monitoring file against its project's goal table (docs/检查规则.md, JX7xx),
/// and the review they are made on.
public enum MonitoringChecks {
    /// `year` is the budget year; `threshold` the department's 执行进度预警, if set.
    public static func review(_ project: Project, _ monitoring: ProjectMonitoring, year: Int,
                              threshold: Decimal?) -> (MonitoringReview, [Diagnostic]) {
        let report = DiagnosticCollector(path: monitoring.path)
        let threshold = threshold ?? MonitoringRules.defaultBehindPlanThreshold
        let date = monitoring.asOf
        let inYear = date.value.year == year
        if !inYear {
            report(.badMonitoringDate, at: date.mark, "截至日期 \(date.value.text) 不在预算年度 \(year) 年内",
                   hint: "运行监控填报的是本年度的执行情况；改正日期，或把文件移到 \(date.value.year)/监控/")
        }
        let budget = project.budget.total.value
        checkSpent(monitoring.spent, against: budget, what: "执行数", report: report)
        let sources = sourceExecution(project, monitoring, report: report)
        let review = MonitoringReview(
            project: project, monitoring: monitoring, ratePercent: rate(monitoring.spent.value, of: budget),
            plannedPercent: inYear ? SpendingPlan.expectedPercent(project.plan, on: date.value) : nil,
            threshold: threshold, sources: sources, rows: rows(project, monitoring, report: report))
        checkProgress(review, report: report)
        return (review, report.diagnostics)
    }

    /// `spent` ÷ `budget` in percent, rounded half up to 0.01 %.
    public static func rate(_ spent: Amount, of budget: Amount) -> Decimal? {
        guard budget.inYuan > 0 else { return nil }
        return Decimal.quotient(spent.inYuan * 100, budget.inYuan, places: MonitoringRules.places)
    }

    private static func checkSpent(_ spent: Located<Amount>, against budget: Amount, what: String, report: DiagnosticCollector) {
        guard spent.value.inYuan > budget.inYuan else { return }
        let over = Amount(spent.value.inWanYuan - budget.inWanYuan, .wanYuan)
        report(.overspent, at: spent.mark, "\(what) \(spent.value) 超过预算 \(budget)（多 \(over)）",
               hint: "执行数不能超过目标表中的预算；预算调整过时先改目标表")
    }

    /// Each goal-table source with its 执行数; the sources written must be the goal table's,
    /// add up to the total and stay within their budgets.
    private static func sourceExecution(_ project: Project, _ monitoring: ProjectMonitoring,
                                        report: DiagnosticCollector) -> [SourceExecution] {
        let written = monitoring.spentBySource
        let names = project.budget.sources.map(\.name)
        for source in written where !names.contains(source.name) {
            report(.spentSourcesMismatch, at: source.amount.mark, "目标表中没有资金来源“\(source.name)”",
                   hint: Suggestion.closest(to: source.name, among: names).map { "是不是想写“\($0)”？" }
                       ?? (names.isEmpty ? "目标表没有列出资金来源，这里只写合计" : "目标表的资金来源：\(names.joined(separator: "、"))"))
        }
        if !written.isEmpty {
            let sum = written.reduce(Decimal(0)) { $0 + $1.amount.value.inWanYuan }
            let total = monitoring.spent.value.inWanYuan
            if sum != total {
                report(.spentSourcesMismatch, at: monitoring.spent.mark,
                       "各来源执行数之和 \(Amount(sum, .wanYuan)) 与执行数合计 \(monitoring.spent.value) 不符（差 \(Amount(abs(sum - total), .wanYuan))）",
                       hint: "来源：" + written.map { "\($0.name) \($0.amount.value)" }.joined(separator: " + "))
            }
        }
        return project.budget.sources.map { source in
            let spent = written.first { $0.name == source.name }
            if let spent { checkSpent(spent.amount, against: source.amount.value, what: "“\(source.name)”的执行数", report: report) }
            return SourceExecution(name: source.name, budget: source.amount.value, spent: spent?.amount.value,
                                   ratePercent: spent.flatMap { rate($0.amount.value, of: source.amount.value) })
        }
    }

    /// The goal table's rows in order, each with its progress; names that match nothing, or
    /// more than one row, are reported.
    private static func rows(_ project: Project, _ monitoring: ProjectMonitoring, report: DiagnosticCollector) -> [ProgressRow] {
        let matching = IndicatorMatching(project, rows: monitoring.indicators) { $0.name }
        matching.reportUnmatched(as: .unknownIndicatorProgress, into: report)
        for indicator in matching.missing {
            report(.missingIndicatorProgress, at: monitoring.projectName.mark, "三级指标“\(indicator.name.value)”没有执行情况",
                   hint: "在“指标”下添加“\(indicator.name.value):”及其实际完成值、全年预计完成值和完成目标可能性")
        }
        return project.indicators.flatMap { group in
            group.subgroups.flatMap { subgroup in
                subgroup.indicators.map { indicator in
                    ProgressRow(level1: group.name.value, level2: subgroup.name.value, indicator: indicator,
                                progress: matching.byName[ExactText(indicator.name.value)])
                }
            }
        }
    }

    /// Behind plan (JX707); 确定能 while far behind (JX708); a target at risk without its
    /// reason or corrective measures (JX709).
    private static func checkProgress(_ review: MonitoringReview, report: DiagnosticCollector) {
        let monitoring = review.monitoring
        if review.isBehind, let gap = review.gap, let rate = review.ratePercent, let planned = review.plannedPercent {
            report(.behindPlan, .warning, at: monitoring.spent.mark,
                   "截至\(monitoring.asOf.value.text)执行率 \(rate.fixed(2))%，按资金支出计划应达到 \(planned.fixed(2))%，落后 \(gap.fixed(2)) 个百分点（预警线 \(review.threshold.plain) 个百分点）",
                   hint: "在落后的指标中写明偏差原因和纠偏措施；预警线可在 部门整体绩效目标.yaml 的“执行进度预警”中设置")
        }
        let certain = review.rows.compactMap { $0.progress }.filter { $0.likelihood?.value == .certain }
        if review.isFarBehind, let gap = review.gap, let first = certain.first?.likelihood {
            report(.certainWhileFarBehind, .warning, at: first.mark,
                   "执行进度落后计划 \(gap.fixed(2)) 个百分点（超过预警线的 \(MonitoringRules.farBehindFactor.plain) 倍），却有 \(certain.count) 个指标填报“确定能”完成",
                   hint: "核实这些指标能否如期完成：" + certain.map(\.name.value).joined(separator: "、"))
        }
        for row in review.rows {
            guard let progress = row.progress, let likelihood = progress.likelihood, likelihood.value != .certain else { continue }
            var absent: [String] = []
            if progress.causes.isEmpty { absent.append("偏差原因") }
            if progress.correction == nil { absent.append("纠偏措施") }
            guard !absent.isEmpty else { continue }
            report(.unexplainedRisk, .warning, at: likelihood.mark,
                   "“\(progress.name.value)”填报“\(likelihood.value.rawValue)”完成目标，却没有写\(absent.joined(separator: "和"))",
                   hint: "偏差原因的类别：\(DeviationCause.allCases.map(\.rawValue).joined(separator: "、"))，并在“说明”中写明；“纠偏措施”写拟采取的措施")
        }
    }
}
