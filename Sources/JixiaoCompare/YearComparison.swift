import Foundation
import JixiaoData
import JixiaoDiagnostics
import JixiaoModel

/// A unit's year against its year before: each project matched to last year's, and what
/// changed in its goal table. A project is matched by its 项目编码 where both years' tables
/// have the same one, otherwise, where one of them has none, by the same 项目名称 (`match`).
public struct YearComparison: Sendable {
    public let year: Int
    public let previousYear: Int
    /// The matched projects, in this year's order.
    public let projects: [ProjectChange]
    /// This year's projects with none last year, by their place in this year's entries.
    public let added: [Int]
    /// Last year's projects with none this year, by their place in last year's entries.
    public let dropped: [Int]

    public init(_ current: YearData, previous: YearData) {
        year = current.year
        previousYear = previous.year
        let pairs = YearComparison.match(current.entries.map(\.project), previous.entries.map(\.project))
        projects = pairs.map { ProjectChange(current.entries[$0.current].project, at: $0.current,
                                             previous: previous.entries[$0.previous].project, at: $0.previous,
                                             matchedBy: $0.by, yearsApart: current.year - previous.year) }
        let matchedCurrent = Set(pairs.map(\.current)), matchedPrevious = Set(pairs.map(\.previous))
        added = current.entries.indices.filter { !matchedCurrent.contains($0) }
        dropped = previous.entries.indices.filter { !matchedPrevious.contains($0) }
    }

    public enum Match: String, Sendable { case code = "项目编码", name = "项目名称" }

    /// What changed in one project's table since `previous`, `yearsApart` budget years before.
    public static func changes(_ project: Project, previous: Project, yearsApart: Int) -> ProjectChange {
        ProjectChange(project, at: 0, previous: previous, at: 0, matchedBy: project.code.isEmpty ? .name : .code, yearsApart: yearsApart)
    }

    /// Pairs of places: by the same 项目编码 first, then by the same name where one of the two
    /// tables has no code (two different codes are two projects, whatever their names).
    public static func match(_ current: [Project], _ previous: [Project]) -> [(current: Int, previous: Int, by: Match)] {
        var byCode: [String: Int] = [:], byName: [String: Int] = [:]
        for (index, project) in previous.enumerated().reversed() {
            if !project.code.isEmpty { byCode[project.code] = index }
            byName[project.name.value] = index
        }
        var pairs: [(Int, Int, Match)] = []
        var taken = Set<Int>()
        var unmatched: [Int] = []
        for (index, project) in current.enumerated() {
            if !project.code.isEmpty, let other = byCode[project.code], !taken.contains(other) {
                pairs.append((index, other, .code))
                taken.insert(other)
            } else {
                unmatched.append(index)
            }
        }
        for index in unmatched {
            guard let other = byName[current[index].name.value], !taken.contains(other),
                  current[index].code.isEmpty || previous[other].code.isEmpty else { continue }
            pairs.append((index, other, .name))
            taken.insert(other)
        }
        return pairs.sorted { $0.0 < $1.0 }
    }
}

/// One project's goal table against last year's.
public struct ProjectChange: Sendable {
    /// Places in this year's and last year's entries.
    public let current: Int
    public let previous: Int
    public let name: String
    public let previousName: String
    public let matchedBy: YearComparison.Match
    public let budget: Amount
    public let previousBudget: Amount
    public let addedIndicators: [IndicatorPlace]
    public let removedIndicators: [IndicatorPlace]
    public let lowered: [LoweredTarget]
    /// Texts word for word as last year's table wrote them.
    public let copied: [CopiedText]

    init(_ project: Project, at current: Int, previous old: Project, at previous: Int, matchedBy: YearComparison.Match,
         yearsApart: Int) {
        (self.current, self.previous, self.matchedBy) = (current, previous, matchedBy)
        (name, previousName) = (project.name.value, old.name.value)
        (budget, previousBudget) = (project.budget.total.value, old.budget.total.value)
        let now = IndicatorPlace.all(project), before = IndicatorPlace.all(old)
        let beforeByKey = Dictionary(before.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let nowKeys = Set(now.map(\.key))
        addedIndicators = now.filter { beforeByKey[$0.key] == nil }
        removedIndicators = before.filter { !nowKeys.contains($0.key) }
        let grew = project.budget.total.value.inYuan > old.budget.total.value.inYuan
        lowered = now.compactMap { place in
            beforeByKey[place.key].flatMap { LoweredTarget(place, was: $0, budgetGrew: grew, yearsApart: yearsApart) }
        }
        var copied: [CopiedText] = []
        if let purpose = project.purpose, !purpose.isEmpty, purpose == old.purpose {
            copied.append(CopiedText(field: "项目资金主要用途", text: purpose, mark: project.purposeMark, previousMark: old.purposeMark))
        }
        let oldGoals = Dictionary(old.goals.enumerated().map { ($1, $0) }) { first, _ in first }
        func mark(_ marks: [SourceMark], _ index: Int) -> SourceMark? { marks.indices.contains(index) ? marks[index] : nil }
        for (number, goal) in project.goals.enumerated() {
            guard let before = oldGoals[goal] else { continue }
            copied.append(CopiedText(field: "目标\(number + 1)", text: goal, mark: mark(project.goalMarks, number),
                                     previousMark: mark(old.goalMarks, before)))
        }
        self.copied = copied
    }

    public var budgetChanged: Bool { budget.inYuan != previousBudget.inYuan }
    public var hasChanges: Bool {
        budgetChanged || !addedIndicators.isEmpty || !removedIndicators.isEmpty || !lowered.isEmpty || !copied.isEmpty
    }
}

/// A 三级 indicator where its table puts it, known by its 一级 heading and its name.
public struct IndicatorPlace: Sendable {
    public let level1: String
    public let level2: String
    /// The row itself, with where it was written.
    public let source: Indicator
    /// Under 产出指标 · 数量指标: a count, which should not shrink while the budget grows.
    public let isQuantity: Bool

    public var name: String { source.name.value }
    public var value: IndicatorValue { source.value }
    public var valueText: String { source.valueText.value }

    var key: String { level1 + "\u{0}" + name }

    /// A 一级 heading by its kind, so that 效果指标 this year matches 效益指标 last year.
    public static func level1(of group: IndicatorGroup) -> String {
        group.level1?.rawValue ?? group.name.value
    }

    static func all(_ project: Project) -> [IndicatorPlace] {
        project.indicators.flatMap { group in
            let level1 = level1(of: group)
            return group.subgroups.flatMap { subgroup in
                let isQuantity = group.level1 == .output && subgroup.name.value == LoweredTarget.quantityHeading
                return subgroup.indicators.map {
                    IndicatorPlace(level1: level1, level2: subgroup.name.value, source: $0, isQuantity: isQuantity)
                }
            }
        }
    }
}

/// A target set lower than last year's for the same indicator: the one decision of "target
/// lowered", which the comparison pages show and the review reports (JX820).
public struct LoweredTarget: Sendable {
    public enum Kind: String, Sendable {
        /// A number to reach (≥, >, =) set lower: 满意度 90% → 85%.
        case lowerTarget = "目标值降低"
        /// A ceiling (≤, <) set higher: 不超过5个工作日 → 不超过7个工作日.
        case higherCeiling = "上限放宽"
        /// A later day in the year: 6月30日前 → 9月30日前.
        case laterDeadline = "完成时限推后"
        /// A smaller 数量 while the budget grew.
        case smallerQuantityLargerBudget = "数量减少而预算增加"
    }

    static let quantityHeading = "数量指标"

    public let indicator: IndicatorPlace
    /// Last year's row of the same indicator.
    public let previous: IndicatorPlace
    public let kind: Kind

    public var previousText: String { previous.valueText }

    /// Numbers compare in one unit (元 and 万元 alike; a bare number in the unit its name
    /// states) and in one direction (two floors or two ceilings); a deadline within its own
    /// budget year, `yearsApart` years on.
    init?(_ now: IndicatorPlace, was before: IndicatorPlace, budgetGrew: Bool, yearsApart: Int) {
        switch (now.value, before.value) {
        case (.comparison(let new), .comparison(let old)) where new.op.isCeiling == old.op.isCeiling:
            let (a, b) = (Quantity(new, of: now.source), Quantity(old, of: before.source))
            guard a.unit == b.unit else { return nil }
            if !new.op.isCeiling, a.number < b.number {
                kind = budgetGrew && now.isQuantity ? .smallerQuantityLargerBudget : .lowerTarget
            } else if new.op.isCeiling, a.number > b.number {
                kind = .higherCeiling
            } else {
                return nil
            }
        case (.deadline(let new), .deadline(let old)):
            // The same day a year on is the same deadline.
            guard (new.year - yearsApart, new.month, new.day) > (old.year, old.month, old.day) else { return nil }
            kind = .laterDeadline
        default:
            return nil
        }
        indicator = now
        previous = before
    }
}

/// A text of this year's table word for word as last year's.
public struct CopiedText: Sendable {
    public let field: String
    public let text: String
    /// Where this year's table wrote it, and last year's.
    public let mark: SourceMark?
    public let previousMark: SourceMark?
}

/// A target read as a number in a unit that compares across years: money in 元, the rest as
/// written (or as the indicator's name states it).
public struct Quantity: Equatable, Sendable {
    public let number: Decimal
    public let unit: String

    public init(_ comparison: Comparison, of indicator: Indicator?) {
        if let money = comparison.moneyUnit ?? (comparison.unit.isEmpty ? indicator?.unitInName.flatMap(MoneyUnit.init) : nil) {
            (number, unit) = (Amount(comparison.number, money).inYuan, MoneyUnit.yuan.rawValue)
        } else {
            (number, unit) = (comparison.number, comparison.unit.isEmpty ? indicator?.unitInName ?? "" : comparison.unit)
        }
    }
}

extension ComparisonOperator {
    /// A floor (≥, >, a bare number) is made less ambitious by lowering it, a ceiling (≤, <) by raising it.
    public var isCeiling: Bool { self == .atMost || self == .less }
}
