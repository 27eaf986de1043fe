import Foundation
import JixiaoCompare
import JixiaoData
import JixiaoModel
import JixiaoScore

/// The district's pages and the year-over-year comparison as the XML the templates read
/// (templates/district.xsl, comparison.xsl; the contract at the top of each).
public enum DistrictXML {
    /// What the district's pages are called in their footer.
    static let districtName = "各单位"

    /// One unit's year as the district index lists it.
    struct UnitYearLink {
        let year: Int
        let href: String
        let projects: Int
        let comparisonHref: String?
    }

    /// `output/index.html`: every unit with a link to each of its years, and each year's roll-up.
    static func indexPage(units: [(name: String, years: [UnitYearLink])], summaries: [(year: Int, href: String)]) -> XMLTree {
        let tree = XMLTree(root: "district-index", attributes: [
            ("year", summaries.last.map { String($0.year) } ?? ""), ("unit", districtName), ("unit-count", String(units.count)),
        ])
        let root = tree.rootElement
        for summary in summaries {
            root.add("summary", [("year", String(summary.year)), ("href", summary.href)])
        }
        for (number, unit) in units.enumerated() {
            let element = root.add("unit", [("n", String(number + 1)), ("name", unit.name)])
            for year in unit.years {
                element.add("year", [("year", String(year.year)), ("href", year.href), ("projects", String(year.projects))]
                            + (year.comparisonHref.map { [("comparison-href", $0)] } ?? []))
            }
        }
        return tree
    }

    /// `output/汇总/<年度>.html`: the roll-up of one year, with links (relative to the page) to each
    /// line's unit's index of the year (by unit) and to each poor project's 自评表.
    static func summaryPage(_ rollUp: DistrictRollUp, indexHref: String, unitHrefs: [Int: String], poorHrefs: [String?]) -> XMLTree {
        var attributes: [(String, String)] = [
            ("year", String(rollUp.year)), ("unit", districtName), ("index-href", indexHref),
            ("unit-count", String(rollUp.lines.count)), ("projects", String(rollUp.projects)),
            ("assessed", String(rollUp.assessed)), ("findings", String(rollUp.findings)),
        ]
        if rollUp.hasAssessment {
            attributes += [("budget", wan(rollUp.totalBudget)), ("spent", wan(rollUp.totalSpent))]
            if let rate = rollUp.ratePercent { attributes.append(("rate", rate.fixed(2) + "%")) }
            if let average = rollUp.averageScore { attributes.append(("average", average.fixed(2))) }
            attributes += Grade.allCases.map { ("count-\($0.rawValue)", String(rollUp.count($0))) }
        }
        let tree = XMLTree(root: "district-summary", attributes: attributes)
        let root = tree.rootElement
        let bands = root.add("grade-bands")
        for (grade, lower) in Grade.bands {
            bands.add("band", [("grade", grade.rawValue), ("from", lower.plain)])
        }
        for (number, line) in rollUp.lines.enumerated() {
            var attributes = [("n", String(number + 1)), ("name", line.name), ("projects", String(line.projects)),
                              ("assessed", String(line.assessed)), ("findings", String(line.findings))]
            if let href = unitHrefs[line.unit] { attributes.append(("href", href)) }
            if let summary = line.summary {
                attributes += [("budget", wan(summary.totalBudget)), ("spent", wan(summary.totalSpent))]
                if let rate = summary.ratePercent { attributes.append(("rate", rate.fixed(2) + "%")) }
                if let average = summary.averageScore { attributes.append(("average", average.fixed(2))) }
                attributes += Grade.allCases.map { ("count-\($0.rawValue)", String(summary.count($0))) }
            }
            root.add("line", attributes)
        }
        // The execution figure's bars, drawn as the report draws each project's (report.xsl, budget-bar).
        let executed = rollUp.lines.compactMap { line in line.summary.flatMap { summary in summary.ratePercent.map { (line, summary, $0) } } }
        for (bar, (line, summary, rate)) in executed.enumerated() {
            root.add("budget-bar", [("bar", String(bar + 1)), ("name", line.name), ("rate", rate.fixed(2) + "%"),
                                    ("rate-value", rate.plain), ("spent", wan(summary.totalSpent)), ("budget", wan(summary.totalBudget))])
        }
        for (poor, href) in zip(rollUp.poor, poorHrefs) {
            let unit = rollUp.lines.first { $0.unit == poor.unit }?.name ?? ""
            root.add("poor", [("unit", unit), ("name", poor.name), ("score", poor.score.fixed(2))] + (href.map { [("href", $0)] } ?? []))
        }
        return tree
    }

    /// Where the goal tables of a comparison are, relative to its page.
    struct ComparisonLinks {
        /// This year's goal tables and last year's, by place in their years' entries.
        let goalTables: [String]
        let previousGoalTables: [String]
        /// Each matched project's own comparison page, by place in `projects`; nil on that page itself.
        let projectPages: [String]?
    }

    /// The budget of both years in 万元 and, when it changed, by how much (`+6万元`).
    private static func budgetAttributes(_ change: ProjectChange) -> [(String, String)] {
        var attributes = [("budget", change.budget.converted(to: .wanYuan).description),
                          ("previous-budget", change.previousBudget.converted(to: .wanYuan).description)]
        if change.budgetChanged {
            let difference = change.budget.inWanYuan - change.previousBudget.inWanYuan
            attributes.append(("budget-change", (difference > 0 ? "+" : "") + Amount(difference, .wanYuan).description))
        }
        return attributes
    }

    /// What a matched project's own pages (its goal table and 自评表) say of last year's table:
    /// a line 与上年相比 with the counts of what changed, linking to its comparison page
    /// (`<changes>` in the page's frame, comparison.xsl). The counts are those of that page.
    public struct ChangeLine: Sendable {
        let attributes: [(String, String)]

        /// `href`: the comparison page, relative to the project's pages (`../对比/<项目>.html`).
        public init(_ change: ProjectChange, previousYear: Int, href: String) {
            attributes = [("href", href), ("previous-year", String(previousYear))] + DistrictXML.budgetAttributes(change) + [
                ("added", String(change.addedIndicators.count)), ("removed", String(change.removedIndicators.count)),
                ("lowered", String(change.lowered.count)), ("copied", String(change.copied.count)),
            ]
        }

        /// For the page key: everything the line shows.
        var keyValues: [String] { attributes.flatMap { [$0.0, $0.1] } }
    }

    /// A unit's year against its year before (`年度对比.html`), or one project's part of it
    /// (`对比/<项目>.html`, `only` its place in `comparison.projects`).
    static func comparisonPage(_ comparison: YearComparison, current: YearData, previous: YearData, links: ComparisonLinks,
                               indexHref: String, only: Int? = nil) -> XMLTree {
        let tree = XMLTree(root: "comparison", attributes: [
            ("year", String(comparison.year)), ("unit", current.unit), ("index-href", indexHref),
            ("previous-year", String(comparison.previousYear)), ("projects", String(current.entries.count)),
            ("matched", String(comparison.projects.count)), ("changed", String(comparison.projects.count { $0.hasChanges })),
        ] + (only != nil ? [("single", "1")] : []))
        let root = tree.rootElement
        let shown = only.map { [$0] } ?? Array(comparison.projects.indices)
        for place in shown {
            let change = comparison.projects[place]
            var attributes = [("name", change.name), ("previous-name", change.previousName), ("matched-by", change.matchedBy.rawValue),
                              ("goal-href", links.goalTables[change.current]),
                              ("previous-goal-href", links.previousGoalTables[change.previous])] + budgetAttributes(change)
            if let pages = links.projectPages { attributes.append(("href", pages[place])) }
            if !change.hasChanges { attributes.append(("unchanged", "1")) }
            let element = root.add("change", attributes)
            for (kind, places) in [("added", change.addedIndicators), ("removed", change.removedIndicators)] {
                for place in places {
                    element.add(kind, [("level1", place.level1), ("level2", place.level2), ("name", place.name), ("value", place.valueText)])
                }
            }
            for lowered in change.lowered {
                let place = lowered.indicator
                element.add("lowered", [("level1", place.level1), ("level2", place.level2), ("name", place.name),
                                        ("from", lowered.previousText), ("to", place.valueText), ("kind", lowered.kind.rawValue)])
            }
            for copied in change.copied {
                element.add("copied", [("field", copied.field)], text: copied.text)
            }
        }
        if only == nil {
            for index in comparison.added {
                root.add("new-project", [("name", current.entries[index].name), ("href", links.goalTables[index])])
            }
            for index in comparison.dropped {
                root.add("dropped-project", [("name", previous.entries[index].name), ("href", links.previousGoalTables[index])])
            }
        }
        return tree
    }
}
