import JixiaoCompare
import JixiaoData
import JixiaoModel

/// This project's previous-year counterpart: its goal table and, once that year was
/// assessed, its results. What the ambition rules compare with.
public struct Counterpart: Sendable {
    public let year: Int
    public let project: Project
    public let results: ProjectResults?

    public init(year: Int, project: Project, results: ProjectResults?) {
        (self.year, self.project, self.results) = (year, project, results)
    }
}

/// Finds a project's counterpart in the year before, among one unit's years: matched as the
/// year-over-year comparison matches them (`YearComparison.match`: the same 项目编码, else the
/// same name where one has no code). Only the immediately preceding year counts.
public struct PreviousYearLookup: Sendable {
    /// By year: each project of the year, by its file, with its counterpart.
    private let counterparts: [Int: [String: Counterpart]]

    public init(years: [YearData]) {
        let byYear = Dictionary(years.map { ($0.year, $0) }) { first, _ in first }
        var counterparts: [Int: [String: Counterpart]] = [:]
        for data in years {
            guard let previous = byYear[data.year - 1] else { continue }
            var found: [String: Counterpart] = [:]
            for pair in YearComparison.match(data.entries.map(\.project), previous.entries.map(\.project)) {
                let entry = previous.entries[pair.previous]
                found[data.entries[pair.current].project.path] = Counterpart(
                    year: previous.year, project: entry.project, results: entry.assessment?.score.results)
            }
            counterparts[data.year] = found
        }
        self.counterparts = counterparts
    }

    /// The year compared with, when its folder is there.
    public func previousYear(of year: Int) -> Int? {
        counterparts[year] == nil ? nil : year - 1
    }

    public func counterpart(of project: Project, in year: Int) -> Counterpart? {
        counterparts[year]?[project.path]
    }
}
