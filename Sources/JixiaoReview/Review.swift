import JixiaoData
import JixiaoDiagnostics
import JixiaoModel

/// One unit's tables, year by year: what the finance bureau receives from one 预算单位.
/// Today a data folder holds one unit (`data/<年度>/`); a folder of units gives one each.
public struct ReviewUnit: Sendable {
    public let name: String
    /// In year order.
    public let years: [YearData]

    public init(name: String, years: [YearData]) {
        self.name = name
        self.years = years.sorted { $0.year < $1.year }
    }

    /// The units of a data set. A data folder is one unit today, named by the 单位 of its
    /// latest 部门整体绩效目标.yaml; the list is where a folder of units will plug in.
    public static func units(of dataSet: DataSet) -> [ReviewUnit] {
        guard !dataSet.years.isEmpty else { return [] }
        let name = dataSet.years.reversed().map(\.unit).first { !$0.isEmpty } ?? ""
        return [ReviewUnit(name: name, years: dataSet.years)]
    }
}

/// The review of every unit, grouped unit → year → project.
public struct ReviewReport: Sendable {
    public let units: [UnitReview]

    public var findingCount: Int { units.reduce(0) { $0 + $1.findingCount } }
    public var projectCount: Int { units.reduce(0) { $0 + $1.years.reduce(0) { $0 + $1.projects.count } } }
}

public struct UnitReview: Sendable {
    public let name: String
    public let years: [YearReview]

    public var findingCount: Int { years.reduce(0) { $0 + $1.findingCount } }
}

public struct YearReview: Sendable {
    public let year: Int
    /// The year the ambition rules compared with, when its folder is there.
    public let previousYear: Int?
    /// Every project of the year, in the order of the annual document, findings or not.
    public let projects: [ProjectReview]

    public var findingCount: Int { projects.reduce(0) { $0 + $1.findings.count } }
}

public struct ProjectReview: Sendable {
    public let name: String
    public let code: String
    public let path: String
    /// In the order of the file.
    public let findings: [Diagnostic]
}
