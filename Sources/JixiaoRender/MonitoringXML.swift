import Foundation
import JixiaoCheck
import JixiaoModel
import JixiaoScore

/// Monitoring reviews → the XML of the 项目支出绩效目标执行监控表 and of the year's monitoring
/// summary. Every figure is the review's (`MonitoringReview`); percentages are printed to
/// 0.01 % and given as plain numbers as well (`*-value`) where a figure draws them.
public enum MonitoringXML {
    /// One 项目支出绩效目标执行监控表.
    public static func projectPage(_ review: MonitoringReview, context: DocumentXML.PageContext, isSample: Bool) -> XMLTree {
        let monitoring = review.monitoring
        let tree = XMLTree(root: "monitoring", attributes: context.attributes + AssessmentXML.sampleAttribute(isSample) + [
            ("as-of", monitoring.asOf.value.text), ("period", period(monitoring.asOf.value)),
            ("threshold", review.threshold.plain),
        ])
        let root = tree.rootElement
        root.add("name", text: review.project.name.value)
        root.add("supervisor", text: monitoring.supervisor ?? "")
        root.add("implementer", text: monitoring.implementer ?? "")
        var fundsAttributes = [("planned", percent(review.plannedPercent))]
        if let gap = review.gap { fundsAttributes.append(("gap", gap.fixed(2))) }
        if review.isBehind { fundsAttributes.append(("behind", "1")) }
        let funds = root.add("funds", fundsAttributes)
        funds.add("row", [("name", "年度资金总额"), ("budget", wan(review.project.budget.total.value)),
                          ("spent", wan(monitoring.spent.value)), ("rate", percent(review.ratePercent))])
        for source in review.sources {
            funds.add("row", [("name", source.name), ("budget", wan(source.budget)), ("spent", source.spent.map(wan) ?? ""),
                              ("rate", percent(source.ratePercent)), ("part", "1")])
        }
        let goals = root.add("goals")
        for (number, goal) in review.project.goals.enumerated() {
            goals.add("goal", [("n", String(number + 1))], text: goal)
        }
        let indicators = root.add("indicators")
        var level1: XMLTree.Element?
        var level2: XMLTree.Element?
        var (lastLevel1, lastLevel2) = ("", "")
        for row in review.rows {
            if level1 == nil || row.level1 != lastLevel1 {
                level1 = indicators.add("level1", [("name", row.level1)])
                (lastLevel1, level2) = (row.level1, nil)
            }
            if level2 == nil || row.level2 != lastLevel2 {
                level2 = level1!.add("level2", [("name", row.level2)])
                lastLevel2 = row.level2
            }
            let progress = row.progress
            let indicator = level2!.add("indicator", row.likelihood.map { [("likelihood", $0.rawValue)] } ?? [])
            indicator.add("name", text: row.indicator.name.value)
            indicator.add("target", text: row.indicator.valueText.value)
            indicator.add("actual", text: progress?.actualText.value ?? "")
            indicator.add("expected", text: progress?.expectedText.value ?? "")
            let causes = indicator.add("causes")
            for cause in progress?.causes ?? [] { causes.add("cause", text: cause.rawValue) }
            indicator.add("explanation", text: progress?.explanation ?? "")
            indicator.add("correction", text: progress?.correction ?? "")
        }
        return tree
    }

    /// The year's monitoring summary: each project's execution against the plan (a line of
    /// the table and a bar of the figure), the projects behind plan by more than the threshold
    /// (the template picks them by `behind`), and the indicators at risk.
    public static func summaryPage(_ entries: [(name: String, href: String?, review: MonitoringReview?)], threshold: Decimal,
                                   context: DocumentXML.PageContext, isSample: Bool) -> XMLTree {
        let reviews = entries.compactMap(\.review)
        let budget = Amount(reviews.reduce(Decimal(0)) { $0 + $1.project.budget.total.value.inWanYuan }, .wanYuan)
        let spent = Amount(reviews.reduce(Decimal(0)) { $0 + $1.monitoring.spent.value.inWanYuan }, .wanYuan)
        let dates = Set(reviews.map(\.monitoring.asOf.value))
        var attributes = context.attributes + AssessmentXML.sampleAttribute(isSample) + [
            ("threshold", threshold.plain), ("far-threshold", (threshold * MonitoringRules.farBehindFactor).plain),
            ("project-count", String(entries.count)), ("monitored", String(reviews.count)),
            ("behind-count", String(reviews.count(where: \.isBehind))),
            ("total-budget", wan(budget)), ("total-spent", wan(spent)),
            ("rate", percent(MonitoringChecks.rate(spent, of: budget))),
        ]
        if dates.count == 1, let date = dates.first { attributes += [("as-of", date.text), ("period", period(date))] }
        let tree = XMLTree(root: "monitoring-summary", attributes: attributes)
        let root = tree.rootElement
        for (number, entry) in entries.enumerated() {
            var line = [("n", String(number + 1)), ("name", entry.name)]
            if let review = entry.review {
                line += [("as-of", review.monitoring.asOf.value.text),
                         ("budget", wan(review.project.budget.total.value)), ("spent", wan(review.monitoring.spent.value)),
                         ("rate", percent(review.ratePercent)), ("planned", percent(review.plannedPercent))]
                if let href = entry.href { line.append(("href", href)) }
                if let rate = review.ratePercent { line.append(("rate-value", rate.plain)) }
                if let planned = review.plannedPercent { line.append(("planned-value", planned.plain)) }
                if let gap = review.gap { line.append(("gap", gap.fixed(2))) }
                if review.isBehind { line.append(("behind", "1")) }
                if review.isFarBehind { line.append(("far-behind", "1")) }
            }
            root.add("project", line)
        }
        for entry in entries {
            guard let review = entry.review else { continue }
            for row in review.atRisk {
                guard let progress = row.progress, let likelihood = row.likelihood else { continue }
                var line = [("project", entry.name), ("indicator", row.indicator.name.value),
                            ("target", row.indicator.valueText.value), ("actual", progress.actualText.value),
                            ("expected", progress.expectedText.value), ("likelihood", likelihood.rawValue),
                            ("causes", progress.causes.map(\.rawValue).joined(separator: "、")),
                            ("explanation", progress.explanation ?? ""), ("correction", progress.correction ?? "")]
                if let href = entry.href { line.append(("href", href)) }
                root.add("at-risk", line)
            }
        }
        return tree
    }

    /// The form's column heading for what is done so far: 1—7月 for a month's end, else the day.
    static func period(_ date: CalendarDate) -> String {
        date.isMonthEnd ? (date.month == 1 ? "1月" : "1—\(date.month)月") : "截至\(date.month)月\(date.day)日"
    }

    static func percent(_ value: Decimal?) -> String {
        value.map { $0.fixed(MonitoringRules.places) + "%" } ?? ""
    }
}
