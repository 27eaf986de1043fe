import Foundation
import JixiaoDiagnostics

/// A value together with where it was written, so later checks can point at it.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let mark: SourceMark

    public init(_ value: Value, at mark: SourceMark) {
        self.value = value
        self.mark = mark
    }
}

extension Located: Equatable where Value: Equatable {}

/// One 项目绩效目标表.
public struct Project: Sendable {
    /// The data file it was read from, as diagnostics name it.
    public var path: String
    /// Position in the annual document; tables without one follow, by name.
    public var order: Int?
    public var code: String
    public var name: Located<String>
    /// 项目资金主要用途; nil when the form has no such row (the page then prints none).
    public var purpose: String?
    public var budget: Budget
    /// Cumulative share spent by the end of each quarter, as written (`25%`); empty when the
    /// form has no 资金支出计划 row (the page then prints none, and nothing is checked).
    public var plan: [Located<PlanShare>]
    public var goals: [String]
    public var indicators: [IndicatorGroup]
    public var year: Located<Int>?
    /// The table's own `版式`, overriding the unit's (`Department.layout`).
    public var layout: Located<Layout>? = nil
    /// 报表编号, as printed (empty when not given).
    public var reportNumber: String = ""
    /// The form's own title (`表名`), printed instead of the layout's; empty when not given.
    public var title: String = ""
    /// The form's own cells, in file order: `表头` above the goals and indicators, `表尾` under them.
    public var head: [FormCell] = []
    public var foot: [FormCell] = []
    /// Column headings as the form words them (`栏目名称`), by the data key of the column.
    public var columnHeadings: [FormCell] = []
    /// The notes the form prints under itself (`表注`: 注：1.……), a paragraph each, as written.
    public var notes: [String] = []
    /// Made from a stand-alone 自评 file (`ProjectResults.standalone`): there is no goal table
    /// to publish, only the self-assessment.
    public var isStandalone = false
    /// Where 资金用途 and each of `goals` were written, for findings about the text itself (the
    /// review's text copied from last year); nil and empty for a table not read from a goal file.
    public var purposeMark: SourceMark? = nil
    public var goalMarks: [SourceMark] = []
}

/// A labelled cell a form prints as it stands: label | text (`预算部门 | 湘潭市环境卫生管理处`).
public struct FormCell: Sendable, Equatable {
    public let label: String
    public let text: String

    public init(label: String, text: String) {
        (self.label, self.text) = (label, text)
    }
}

public struct PlanShare: Sendable, Equatable {
    public let text: String
    /// The percentage, when `text` is one.
    public let percent: Decimal?
}

public struct Budget: Sendable {
    public var total: Located<Amount>
    /// The sources whose amount is filled in.
    public var sources: [FundingSource]
    public var breakdown: [BreakdownItem]
    /// Some source is still `待填写`: its share is unknown, so the sources cannot be summed.
    public var hasUnfilledSource: Bool
}

public struct FundingSource: Sendable {
    public let name: String
    public let amount: Located<Amount>
}

/// One line of the breakdown stated in 资金用途.
public struct BreakdownItem: Sendable {
    public let name: String
    public let amount: Located<Amount>?
    /// The formula as the text states it (`5000元/人 × 21人 + 3500元/人 × 43人`).
    public let formula: Located<String>?
    /// A unit rate stated without a full formula (`200元/党员`).
    public let rate: Located<String>?
}

/// A 一级 heading with its 二级 headings, in document order.
public struct IndicatorGroup: Sendable {
    public let name: Located<String>
    public let level1: IndicatorTaxonomy.Level1?
    public let subgroups: [IndicatorSubgroup]

    public var indicators: [Indicator] { subgroups.flatMap(\.indicators) }
}

public struct IndicatorSubgroup: Sendable {
    public let name: Located<String>
    public let indicators: [Indicator]
}

/// A 三级 indicator: one row of the goal table. A class: each scored row refers to its
/// indicator, and a copy of its six fields for every row of ten thousand projects was a sixth
/// of a large publish's memory.
public final class Indicator: Sendable {
    public let name: Located<String>
    /// 绩效指标描述 and 指标值确定依据; nil where the form has no such column.
    public let description: String?
    public let valueText: Located<String>
    public let value: IndicatorValue
    public let basis: String?
    /// The separate cells of layouts that print them apart (指标性质 | 指标值 | 度量单位), as
    /// written; nil when the data gives the value in one text. `valueText` is their combination.
    public let cells: ValueCells?
    /// 分项指标值: a value per recipient, in the order written.
    public let shares: [(recipient: String, value: String)]

    init(name: Located<String>, description: String?, valueText: Located<String>, value: IndicatorValue, basis: String?,
         cells: ValueCells? = nil, shares: [(recipient: String, value: String)] = []) {
        self.name = name
        self.description = description
        self.valueText = valueText
        self.value = value
        self.basis = basis
        self.cells = cells
        self.shares = shares
    }

    /// The unit a name states in brackets: `平均每亩地投入的清场费（元）` → `元`. Only a known
    /// unit counts (`MeasureUnits`): `足额保障率(参保率)` names an alias, not a unit.
    public var unitInName: String? {
        let name = self.name.value
        // The last scalar, not `hasSuffix`: asked of every indicator by several checks, and
        // `hasSuffix` compares Chinese text canonically, a scalar at a time.
        let last = name.unicodeScalars.last
        for (open, close) in [("（", "）"), ("(", ")")] where last == close.unicodeScalars.first {
            guard let start = name.range(of: open, options: .backwards) else { continue }
            let unit = String(name[start.upperBound..<name.index(name.endIndex, offsetBy: -close.count)])
            return MeasureUnits.isKnown(unit) ? unit : nil
        }
        return nil
    }

    /// The unit the target is measured in: its own, or the one its name states.
    public var targetUnit: String {
        if case .comparison(let comparison) = value, !comparison.unit.isEmpty { return comparison.unit }
        return unitInName ?? ""
    }
}

/// The cells 指标性质 | 指标值 | 度量单位 as a layout prints them apart.
public struct ValueCells: Sendable, Equatable {
    /// The operator as printed (`=`, `≥`, `定性`…), empty when not given.
    public let nature: String
    public let value: String
    /// As printed (`%`, `百分比`, `万元`), empty when not given.
    public let unit: String

    public init(nature: String, value: String, unit: String) {
        (self.nature, self.value, self.unit) = (nature, value, unit)
    }
}
