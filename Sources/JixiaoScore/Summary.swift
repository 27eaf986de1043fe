import Foundation
import JixiaoModel

/// What the summary table shows of a project's score, and all a page about other projects
/// needs of it: small enough to keep for every project, and to remember from one publish
/// to the next without scoring the project again.
public struct ScoreFigures: Sendable, Equatable {
    /// 全年预算数 and 全年执行数.
    public let annual: Amount
    public let spent: Amount
    /// 执行率 in percent, to 0.01 %.
    public let ratePercent: Decimal
    public let total: Decimal

    public init(annual: Amount, spent: Amount, ratePercent: Decimal, total: Decimal) {
        self.annual = annual
        self.spent = spent
        self.ratePercent = ratePercent
        self.total = total
    }

    public var grade: Grade { Grade(total: total) }
}

/// The summary table of the annual report and of `jixiao score`: one row per project,
/// then the totals. Projects without results (未自评) are listed but excluded from totals.
public struct AssessmentSummary: Sendable {
    public struct Row: Sendable {
        public let number: Int
        public let name: String
        /// nil for a project not yet assessed (未自评).
        public let score: ScoreFigures?

        public var budget: Amount? { score?.annual }
        public var spent: Amount? { score?.spent }
    }

    public let rows: [Row]

    /// Every project in document order, by name, with its figures where it has been assessed.
    public init(_ projects: [(name: String, score: ScoreFigures?)]) {
        rows = projects.enumerated().map { Row(number: $0.offset + 1, name: $0.element.name, score: $0.element.score) }
        scored = rows.compactMap(\.score)
        // Once: each term is a conversion to 万元, and a report asks for the totals again and again.
        totalBudget = Amount(scored.reduce(Decimal(0)) { $0 + $1.annual.inWanYuan }, .wanYuan)
        totalSpent = Amount(scored.reduce(Decimal(0)) { $0 + $1.spent.inWanYuan }, .wanYuan)
        gradeCounts = Dictionary(grouping: scored, by: \.grade).mapValues(\.count)
    }

    public let scored: [ScoreFigures]

    /// 全年预算数 and 全年执行数 of the assessed projects, in 万元.
    public let totalBudget: Amount
    public let totalSpent: Amount
    /// Counted once, like the totals: grading is a comparison of decimals, for each project.
    private let gradeCounts: [Grade: Int]

    /// Overall execution rate in percent, to 0.01 %.
    public var ratePercent: Decimal? {
        guard totalBudget.value > 0 else { return nil }
        return Decimal.quotient(totalSpent.inYuan * 100, totalBudget.inYuan, places: ScoringRules.places)
    }

    /// The mean of the assessed projects' printed totals, to 0.01.
    public var averageScore: Decimal? {
        guard !scored.isEmpty else { return nil }
        return Decimal.quotient(scored.reduce(Decimal(0)) { $0 + $1.total }, Decimal(scored.count), places: ScoringRules.places)
    }

    public func count(_ grade: Grade) -> Int { gradeCounts[grade] ?? 0 }
    public var notAssessedCount: Int { rows.filter { $0.score == nil }.count }
}

/// Money in 万元 without the unit, as the summary table prints it: `154`, `68.5`.
public func wan(_ amount: Amount) -> String { amount.converted(to: .wanYuan).value.plain }
