import Foundation
import JixiaoDiagnostics

/// 部门整体绩效目标 (第一部分 of the annual document).
public struct Department: Sendable {
    /// The data file it was read from, as diagnostics name it.
    public var path: String
    public var unit: String
    public var year: Located<Int>
    public var overallGoal: String
    public var categories: [GoalCategory]
    public var safeguards: [Safeguard]
    /// 执行进度预警: how many percentage points behind the spending plan a project may fall
    /// before mid-year monitoring warns; nil leaves the default (JixiaoCheck's `MonitoringRules`).
    public var behindPlanThreshold: Located<Decimal>?
    /// `版式`: the layout of every table of the unit unless a table sets its own.
    public var layout: Located<Layout>? = nil
}

/// A numbered category of 分项绩效目标, e.g. （一）安全和环境卫生工作.
public struct GoalCategory: Sendable {
    public let title: String
    public let subgoals: [SubGoal]
}

public struct SubGoal: Sendable {
    /// The heading before "："; the seed leaves it out where a category has a single goal.
    public let name: String?
    public let content: String
    /// The grading sentence, verbatim.
    public let rating: String
    public let measures: [Measure]
}

/// One graded measure: the conditions for 优秀 and 差 as written.
public struct Measure: Sendable {
    public let indicator: String
    public let excellentText: Located<String>
    public let poorText: Located<String>
    public let excellent: GradeCondition
    public let poor: GradeCondition
    public let labels: GradeLabels
}

/// The three grade names; a file may rename them (优秀社区 / 不合格社区).
public struct GradeLabels: Sendable, Equatable {
    public var excellent = "优秀"
    public var pass = "合格"
    public var poor = "差"

    public init() {}
}

/// One 工作保障措施: （一）完善制度建设。…
public struct Safeguard: Sendable {
    public let title: String
    public let content: String
}
