import JixiaoData
import JixiaoDiagnostics
import JixiaoModel

/// One unit's tables, year by year: what the finance bureau receives from one 预算单位.
/// A data folder in today's shape (`data/<年度>/`) is one unit; a folder of units gives one each.
public struct ReviewUnit: Sendable {
    public let name: String
    /// In year order.
    public let years: [YearData]

    public init(name: String, years: [YearData]) {
        self.name = name
        self.years = years.sorted { $0.year < $1.year }
    }

    /// The units of a data folder (`DataSetLoader.loadUnits`), each with its years.
    public static func units(of district: District) -> [ReviewUnit] {
        district.units.filter { !$0.dataSet.years.isEmpty }.map { ReviewUnit(name: $0.name, years: $0.dataSet.years) }
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
