import Foundation
import JixiaoDiagnostics

/// The year-end results of one project (`data/<年度>/自评/<项目名称>.yaml`), kept apart from
/// the approved goal table, which stays untouched.
public struct ProjectResults: Sendable {
    public var path: String
    /// Sample data written to demonstrate the rules, not a real year's results.
    public var isSample: Bool
    public var projectName: Located<String>
    public var supervisor: String?
    public var implementer: String?
    /// 年初预算数; nil means the goal table's 预算.合计.
    public var initialBudget: Located<Amount>?
    public var annualBudget: Located<Amount>
    public var spent: Located<Amount>
    /// The 其中 rows: 当年财政拨款, 上年结转资金, 其他资金, each optional.
    public var fundingRows: [FundingRow]
    public var summary: String
    /// 一级 weights by heading name (and 预算执行率), when the project sets its own.
    public var weights: [Located<WeightEntry>]
    public var indicators: [IndicatorResult]
    public var problems: String
    public var improvements: String

    /// `版式`, overriding the goal table's and the unit's.
    public var layout: Located<Layout>? = nil
    public var reportNumber = ""
    /// `表名`: the form's own title, printed instead of the layout's; empty when not given.
    public var title = ""
    /// 项目编码 as the 自评表 prints it; nil leaves the goal table's.
    public var code: String? = nil
    /// 项目负责人, 财务负责人, 评价结论, 项目实施内容 (四川: 项目实施内容及过程概述).
    public var leader = ""
    public var financeLeader = ""
    public var conclusion = ""
    public var implementation = ""
    /// The form's own cells the model has no key for (`表头`, `表尾`: 填表人, 联系电话 …) and its
    /// notes (`表注`), printed as the goal table prints its own (`Project.head`, `foot`, `notes`).
    public var head: [FormCell] = []
    public var foot: [FormCell] = []
    public var notes: [String] = []
    /// 项目年度目标: printed instead of the goal table's 绩效目标 when given.
    public var yearGoals: [String]? = nil
    /// The printed 得分 of the budget row, and the printed 总分 row: verified, not used (a
    /// score printed blank is shown blank).
    public var budgetScore: Located<Printed>? = nil
    public var totalWeight: Located<Decimal>? = nil
    public var totalScore: Located<Printed>? = nil
    /// The 预算执行率 the 总额 row printed (verified at its precision, and shown), and its 原因.
    public var budgetRate: Located<PrintedRate>? = nil
    public var budgetReason = ""
    /// The indicator tree of a file that carries its own `绩效指标`: such a file needs no goal
    /// table. Its results are in `indicators`, in the same order.
    public var standalone: [IndicatorGroup]? = nil
    /// The lines marked `# 原文如此`: a printed figure on one of them that differs is shown as printed.
    public var markedLines: Set<Int> = []
}

extension ProjectResults {
    /// The project a stand-alone file (one with its own `绩效指标`) stands for: its indicators
    /// as the goal side, its 项目年度目标 as goals, its 年初预算数 (else 全年预算数) as budget; no
    /// spending plan, description or basis, which a 自评表 does not have. nil for a file that
    /// lists results by name (`指标`) and needs its goal table.
    public var standaloneProject: Project? {
        guard let standalone else { return nil }
        let total = initialBudget ?? annualBudget
        var project = Project(path: path, order: nil, code: code ?? "", name: projectName, purpose: nil,
                              budget: Budget(total: total, sources: [], breakdown: [], hasUnfilledSource: false),
                              plan: [], goals: yearGoals ?? [], indicators: standalone, year: nil)
        project.layout = layout
        project.reportNumber = reportNumber
        project.isStandalone = true
        return project
    }
}

public struct WeightEntry: Sendable {
    public let heading: String
    public let weight: Decimal
}

/// One 其中 row of 资金构成: any name, as the form prints it (当年财政拨款, 上年结转资金, 其他资金 in
/// the default form; 财政资金, 财政专户管理资金, 单位资金, 其他资金 in Sichuan's).
public struct FundingRow: Sendable {
    /// The rows the default form prints when a file writes none.
    public static let names = ["当年财政拨款", "上年结转资金", "其他资金"]
    /// The rows the Sichuan form prints.
    public static let sichuanNames = ["财政资金", "财政专户管理资金", "单位资金", "其他资金"]
    public let name: String
    public let initial: Amount?
    public let annual: Amount?
    public let spent: Amount?
    /// The row's printed 预算执行率 (verified like the 总额's, and shown) and its 原因 (四川).
    public let rate: Located<PrintedRate>?
    public let reason: String

    public init(name: String, initial: Amount?, annual: Amount?, spent: Amount?, rate: Located<PrintedRate>? = nil,
                reason: String = "") {
        (self.name, self.initial, self.annual, self.spent) = (name, initial, annual, spent)
        (self.rate, self.reason) = (rate, reason)
    }
}

/// How far a qualitative indicator was achieved: the three bands of 财预〔2020〕10号.
public enum Achievement: String, Sendable, CaseIterable {
    case achieved = "达成"
    case partial = "部分达成"
    case missed = "未达成"

    /// The band's full name as 财预〔2020〕10号 prints it; tables copy it as often as the short one.
    public var officialName: String {
        switch self {
        case .achieved: return "达成年度指标"
        case .partial: return "部分达成年度指标并具有一定效果"
        case .missed: return "未达成年度指标且效果较差"
        }
    }

    /// Reads the short or the official name.
    public init?(text: String) {
        guard let found = Achievement.allCases.first(where: { $0.rawValue == text || $0.officialName == text }) else { return nil }
        self = found
    }
}

/// The result of one 三级指标, keyed by its name. A class, as `Indicator` is: each scored
/// row refers to it.
public final class IndicatorResult: Sendable {
    public let name: Located<String>
    public let actualText: Located<String>
    public let deviationReason: String?
    /// The weight the data sets for this indicator, overriding the equal split.
    public let weight: Located<Decimal>?
    /// The 得分 written: the evaluator's score where the rules leave it to the evaluator (a
    /// missed deadline, a qualitative indicator); elsewhere the printed score, verified. A
    /// score printed blank (`得分: ""`) is shown blank and gives the evaluator no score.
    public let score: Located<Printed>?
    /// For qualitative indicators: 达成 (default), 部分达成, 未达成.
    public let achievement: Located<Achievement>?
    /// `不适用: 是`: listed, not scored.
    public let notApplicable: Bool
    /// 年度指标值 as a stand-alone file writes it (combined with its cells): checked against
    /// the goal table when there is one.
    public let target: Located<String>?

    init(name: Located<String>, actualText: Located<String>, deviationReason: String?, weight: Located<Decimal>?,
         score: Located<Printed>?, achievement: Located<Achievement>?, notApplicable: Bool = false,
         target: Located<String>? = nil) {
        self.name = name
        self.actualText = actualText
        self.deviationReason = deviationReason
        self.weight = weight
        self.score = score
        self.achievement = achievement
        self.notApplicable = notApplicable
        self.target = target
    }

    /// The evaluator's score: the 得分 written, unless it was printed blank.
    public var evaluatorScore: Located<Decimal>? {
        score.flatMap { score in score.value.number.map { Located($0, at: score.mark) } }
    }

    /// Not applicable: marked so, or `/` in its target and actual alike (a real form's row of
    /// slashes).
    public func isNotApplicable(target: String) -> Bool {
        notApplicable || (target.trimmingSpaces() == "/" && actualText.value.trimmingSpaces() == "/")
    }
}

/// The year-end results of the department (`data/<年度>/自评/部门整体.yaml`).
public struct DepartmentResults: Sendable {
    public var path: String
    public var isSample: Bool
    public var sections: [ReportSection]
    /// Actual values by sub-goal (its name, or its category's title) and measure.
    public var measures: [MeasureResult]
}

public struct ReportSection: Sendable {
    public static let keys = ["部门基本情况", "自评工作开展情况", "存在问题及原因", "改进措施与建议", "结果应用"]
    public let key: String
    public let text: String
}

public struct MeasureResult: Sendable {
    public let subgoal: Located<String>
    public let measure: Located<String>
    public let actualText: Located<String>?
    /// A grade stated outright, where the condition is text a program cannot evaluate.
    public let grade: Located<String>?
    public let note: String?
}
