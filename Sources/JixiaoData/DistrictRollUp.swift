import Foundation
import JixiaoModel
import JixiaoScore

/// The district's roll-up of one year: a line per unit that has the year, then the totals,
/// then the projects graded 差. Each unit's figures are its report's (`AssessmentSummary`:
/// assessed projects only), printed as the report prints them; the totals are sums of the
/// printed lines, and the rate and the average are worked out from the printed figures.
public struct DistrictRollUp: Sendable {
    public struct Line: Sendable {
        public let unit: Int
        public let name: String
        public let projects: Int
        /// nil: the unit's year has no self-assessment yet.
        public let summary: AssessmentSummary?
        public let findings: Int

        public var assessed: Int { summary?.scored.count ?? 0 }
    }

    public struct PoorProject: Sendable {
        public let unit: Int
        /// By its place in the year's entries (its pages are named by it).
        public let project: Int
        public let name: String
        public let score: Decimal
    }

    public let year: Int
    public let lines: [Line]
    public let poor: [PoorProject]

    public init(_ district: District, year: Int) {
        self.year = year
        var lines: [Line] = []
        var poor: [PoorProject] = []
        for unitYear in district.unitYears where unitYear.year.year == year {
            let unit = district.units[unitYear.unit]
            let data = unitYear.year
            lines.append(Line(unit: unitYear.unit, name: unit.name, projects: data.entries.count, summary: data.summary,
                              findings: unit.diagnostics(ofYear: year).count))
            for (index, entry) in data.entries.enumerated() {
                guard let figures = entry.assessment?.score.figures, figures.grade == .poor else { continue }
                poor.append(PoorProject(unit: unitYear.unit, project: index, name: entry.name, score: figures.total))
            }
        }
        self.lines = lines
        self.poor = poor
    }

    public var projects: Int { lines.reduce(0) { $0 + $1.projects } }
    public var assessed: Int { lines.reduce(0) { $0 + $1.assessed } }
    public var findings: Int { lines.reduce(0) { $0 + $1.findings } }
    public var hasAssessment: Bool { lines.contains { $0.summary != nil } }

    /// The sums of the lines' printed 全年预算数 and 全年执行数 (exact: each is printed in full, `wan`).
    public var totalBudget: Amount { Amount(lines.reduce(Decimal(0)) { $0 + ($1.summary?.totalBudget.inWanYuan ?? 0) }, .wanYuan) }
    public var totalSpent: Amount { Amount(lines.reduce(Decimal(0)) { $0 + ($1.summary?.totalSpent.inWanYuan ?? 0) }, .wanYuan) }

    /// The district's execution rate in percent, to 0.01 %: total spent over total budget.
    public var ratePercent: Decimal? {
        guard totalBudget.value > 0 else { return nil }
        return Decimal.quotient(totalSpent.inYuan * 100, totalBudget.inYuan, places: ScoringRules.places)
    }

    /// The mean of every assessed project's printed score across the units, to 0.01 (not the
    /// mean of the units' averages: a unit of 50 projects weighs more than one of 5).
    public var averageScore: Decimal? {
        let scores = lines.flatMap { $0.summary?.scored.map(\.total) ?? [] }
        guard !scores.isEmpty else { return nil }
        return Decimal.quotient(scores.reduce(Decimal(0), +), Decimal(scores.count), places: ScoringRules.places)
    }

    public func count(_ grade: Grade) -> Int { lines.reduce(0) { $0 + ($1.summary?.count(grade) ?? 0) } }
}
