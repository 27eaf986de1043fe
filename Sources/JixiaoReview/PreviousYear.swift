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

/// Finds a project's counterpart in the year before, among one unit's year folders side by
/// side (`data/<年度>/`): the project with the same 项目编码 or, without one, the same name.
/// Only the immediately preceding year counts. Kept to this one small type so that the
/// matcher of several units and years can take its place.
public struct PreviousYearLookup: Sendable {
    private struct YearIndex: Sendable {
        var byCode: [String: ProjectEntry] = [:]
        var byName: [String: ProjectEntry] = [:]
    }

    private let index: [Int: YearIndex]

    public init(years: [YearData]) {
        var index: [Int: YearIndex] = [:]
        for data in years {
            var year = YearIndex()
            for entry in data.entries {
                let code = entry.project.code.trimmingSpaces()
                if !code.isEmpty, year.byCode[code] == nil { year.byCode[code] = entry }
                if year.byName[entry.name] == nil { year.byName[entry.name] = entry }
            }
            index[data.year] = year
        }
        self.index = index
    }

    /// The year compared with, when its folder is there.
    public func previousYear(of year: Int) -> Int? {
        index[year - 1] == nil ? nil : year - 1
    }

    public func counterpart(of project: Project, in year: Int) -> Counterpart? {
        guard let previous = index[year - 1] else { return nil }
        let code = project.code.trimmingSpaces()
        let match = code.isEmpty ? previous.byName[project.name.value] : previous.byCode[code]
        guard let entry = match else { return nil }
        return Counterpart(year: year - 1, project: entry.project, results: entry.assessment?.score.results)
    }
}
