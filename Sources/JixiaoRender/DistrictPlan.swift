import Foundation
import JixiaoCompare
import JixiaoData
import JixiaoReview

extension OutputLayout {
    /// The district's roll-ups: `汇总/<年度>.html`.
    public static let districtSummaryDirectory = "汇总"
    /// A unit's year against its year before, and each matched project's part of it.
    public static let comparisonPage = "年度对比.html"
    public static let comparisonDirectory = "对比"
}

/// The pages of a data folder of units: each unit's years as `SitePlan` plans one unit's,
/// under `<单位>/` in a district; for a year with the year before it, the comparison pages;
/// and for a district, its index and each year's roll-up. One unit in today's shape gets
/// exactly today's pages (and a comparison where it has consecutive years).
enum DistrictPlan {
    /// The pages of each unit's year in `District.unitYears` order, then the district's own (if any).
    static func pageGroups(_ district: District) -> [(projects: Int, jobs: [PageJob])] {
        let lookups = district.units.map { PreviousYearLookup(years: $0.dataSet.years) }
        var groups = district.unitYears.map { unitYear in
            let prefix = district.units[unitYear.unit].outputPrefix
            let comparison = unitYear.previous.map { YearComparison(unitYear.year, previous: $0) }
            let listed = comparison.map { [(href: OutputNames.href(OutputLayout.comparisonPage),
                                             title: "\(unitYear.year.year)年度与\($0.previousYear)年度绩效目标对比")] } ?? []
            var jobs = SitePlan.pageJobs(unitYear.year, alsoListed: listed, changes: comparison.map { changeLines($0, year: unitYear.year) } ?? [:],
                                         lookup: lookups[unitYear.unit])
            if let comparison, let previous = unitYear.previous {
                jobs += comparisonJobs(comparison, current: unitYear.year, previous: previous)
            }
            return (unitYear.year.entries.count, jobs.map { $0.moved(under: prefix) })
        }
        if !district.isSingleUnit { groups.append((0, districtJobs(district))) }
        return groups
    }

    /// The line each matched project's pages show, linking from 项目/ and 自评/ to its comparison page.
    private static func changeLines(_ comparison: YearComparison, year: YearData) -> [Int: DistrictXML.ChangeLine] {
        var lines: [Int: DistrictXML.ChangeLine] = [:]
        let names = OutputNames(year.entries.map(\.name)).fileNames
        for change in comparison.projects {
            lines[change.current] = DistrictXML.ChangeLine(
                change, previousYear: comparison.previousYear,
                href: OutputNames.href("..", OutputLayout.comparisonDirectory, names[change.current]))
        }
        return lines
    }

    /// `<年度>/年度对比.html` and `<年度>/对比/<项目>.html` for each matched project.
    private static func comparisonJobs(_ comparison: YearComparison, current: YearData, previous: YearData) -> [PageJob] {
        let folder = String(current.year)
        let names = OutputNames(current.entries.map(\.name)).fileNames
        let previousNames = OutputNames(previous.entries.map(\.name)).fileNames
        let previousFolder = String(previous.year)
        // A project's comparison page has its goal table's file name: 对比/<X>.html beside 项目/<X>.html.
        let pageNames = comparison.projects.map { names[$0.current] }
        let inYear = DistrictXML.ComparisonLinks(
            goalTables: names.map { OutputNames.href(OutputLayout.projectDirectory, $0) },
            previousGoalTables: previousNames.map { OutputNames.href("..", previousFolder, OutputLayout.projectDirectory, $0) },
            projectPages: pageNames.map { OutputNames.href(OutputLayout.comparisonDirectory, $0) })
        let inFolder = DistrictXML.ComparisonLinks(
            goalTables: names.map { OutputNames.href("..", OutputLayout.projectDirectory, $0) },
            previousGoalTables: previousNames.map { OutputNames.href("..", "..", previousFolder, OutputLayout.projectDirectory, $0) },
            projectPages: nil)
        var jobs = [PageJob(relativePath: "\(folder)/\(OutputLayout.comparisonPage)", build: {
            DistrictXML.comparisonPage(comparison, current: current, previous: previous, links: inYear, indexHref: OutputLayout.index)
        })]
        for (place, name) in pageNames.enumerated() {
            jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.comparisonDirectory)/\(name)", build: {
                DistrictXML.comparisonPage(comparison, current: current, previous: previous, links: inFolder,
                                           indexHref: OutputNames.href("..", OutputLayout.index), only: place)
            }))
        }
        return jobs
    }

    /// `index.html` listing every unit, and `汇总/<年度>.html` for each year.
    private static func districtJobs(_ district: District) -> [PageJob] {
        let years = district.years
        let summaries = years.map { (year: $0, href: OutputNames.href(OutputLayout.districtSummaryDirectory, "\($0).html")) }
        let units = district.units.map { unit in
            (name: unit.name, years: unit.dataSet.years.map { year in
                DistrictXML.UnitYearLink(
                    year: year.year, href: OutputNames.href(unit.folderName ?? "", String(year.year), OutputLayout.index),
                    projects: year.entries.count,
                    comparisonHref: unit.dataSet.years.contains { $0.year == year.year - 1 }
                        ? OutputNames.href(unit.folderName ?? "", String(year.year), OutputLayout.comparisonPage) : nil)
            })
        }
        var jobs = [PageJob(relativePath: OutputLayout.index, build: { DistrictXML.indexPage(units: units, summaries: summaries) })]
        for year in years {
            let rollUp = DistrictRollUp(district, year: year)
            var hrefs: [Int: String] = [:]
            for line in rollUp.lines {
                hrefs[line.unit] = OutputNames.href("..", district.units[line.unit].folderName ?? "", String(year), OutputLayout.index)
            }
            let poorHrefs = rollUp.poor.map { poor -> String? in
                let unit = district.units[poor.unit]
                guard let data = unit.dataSet.years.first(where: { $0.year == year }) else { return nil }
                let name = OutputNames(data.entries.map(\.name)).fileNames[poor.project]
                return OutputNames.href("..", unit.folderName ?? "", String(year), OutputLayout.assessmentDirectory, name)
            }
            let unitHrefs = hrefs
            jobs.append(PageJob(relativePath: "\(OutputLayout.districtSummaryDirectory)/\(year).html", build: {
                DistrictXML.summaryPage(rollUp, indexHref: OutputNames.href("..", OutputLayout.index), unitHrefs: unitHrefs,
                                        poorHrefs: poorHrefs)
            }))
        }
        return jobs
    }
}

extension PageJob {
    /// The same page under `prefix` in the output folder (a unit's folder in a district).
    func moved(under prefix: String) -> PageJob {
        guard !prefix.isEmpty else { return self }
        var moved = self
        moved.relativePath = prefix + relativePath
        return moved
    }
}
