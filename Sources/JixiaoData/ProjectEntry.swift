import JixiaoCheck
import JixiaoDigest
import JixiaoModel
import JixiaoScore

/// One project of a year: its file, its model and, once it has results, its year-end score.
public struct ProjectEntry: Sendable {
    public let path: String
    /// Of the file's text: what every page showing the project is made from.
    public let digest: Fingerprint
    public let project: Project
    public var assessment: AssessedProject?
    /// Once the year's monitoring has begun and the project has its file.
    public var monitoring: MonitoredProject?

    public var name: String { project.name.value }
}

/// A project's results file and the score it gives.
public struct AssessedProject: Sendable {
    public let resultsPath: String
    public let resultsDigest: Fingerprint
    public let score: ProjectScore
}

/// A project's monitoring file and the review it gives.
public struct MonitoredProject: Sendable {
    public let path: String
    public let digest: Fingerprint
    public let review: MonitoringReview
}

extension YearData {
    /// The layout of a project's goal table: its own `版式`, else the unit's, else the default.
    public func goalTableLayout(_ entry: ProjectEntry) -> Layout {
        entry.project.layout?.value ?? department?.layout?.value ?? .standard
    }

    /// The layout of a project's 自评表: the results file's `版式`, else the goal table's.
    public func assessmentLayout(_ entry: ProjectEntry) -> Layout {
        entry.assessment?.score.results.layout?.value ?? goalTableLayout(entry)
    }
}
