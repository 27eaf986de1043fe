import JixiaoCompare
import JixiaoData
import JixiaoDiagnostics
import JixiaoModel

/// 绩效目标审核: the finance bureau's review of the goal tables before it approves a budget
/// (docs/审核规则.md). Advice, never errors: every finding is a warning with a JX8xx code.
public enum Reviewer {
    /// Reviews `year` of each unit, or each unit's latest year when nil; a unit without that
    /// year is left out.
    public static func review(_ units: [ReviewUnit], year: Int? = nil) -> ReviewReport {
        ReviewReport(units: units.compactMap { unit in
            let lookup = PreviousYearLookup(years: unit.years)
            let data = year.map { wanted in unit.years.first { $0.year == wanted } } ?? unit.years.last
            guard let data else { return nil }
            return UnitReview(name: unit.name, years: [review(data, lookup: lookup)])
        })
    }

    /// One year's projects, each against its counterpart of the year before.
    public static func review(_ data: YearData, lookup: PreviousYearLookup) -> YearReview {
        let year = data.year
        // One pass on one core: a project's review takes microseconds, far less than reading it.
        // A stand-alone 自评表 has no goal table to review.
        let projects = data.entries.filter { !$0.project.isStandalone }.map { entry in
            let counterpart = lookup.counterpart(of: entry.project, in: year)
            return ProjectReview(name: entry.name, code: entry.project.code, path: entry.path,
                                 findings: review(entry.project, year: year, counterpart: counterpart))
        }
        return YearReview(year: year, previousYear: lookup.previousYear(of: year), projects: projects)
    }

    /// Every rule applied to one project, its findings in the order of the file.
    public static func review(_ project: Project, year: Int, counterpart: Counterpart?) -> [Diagnostic] {
        let report = DiagnosticCollector(path: project.path)
        let table = ReviewedTable(project: project, year: year)
        let change = counterpart.map { YearComparison.changes(project, previous: $0.project, yearsApart: year - $0.year) }
        CompletenessRules(table: table, report: report).run()
        MeasurabilityRules(table: table, report: report).run()
        AmbitionRules(table: table, counterpart: counterpart, change: change, report: report).run()
        if let counterpart, let change { ChangeRules(table: table, counterpart: counterpart, change: change, report: report).run() }
        ConsistencyRules(table: table, report: report).run()
        return report.diagnostics.enumerated().sorted {
            ($0.element.mark ?? SourceMark(line: 0, column: 0), $0.offset) < ($1.element.mark ?? SourceMark(line: 0, column: 0), $1.offset)
        }.map(\.element)
    }
}
