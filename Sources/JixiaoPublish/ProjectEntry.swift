import Foundation
import JixiaoDiagnostics
import JixiaoModel
import JixiaoRender
import JixiaoScore

/// One project of a year as the publisher sees it: what the pages of other projects need of
/// it (`ProjectFacts`), its model, and its year-end score where it has results. Of a file an
/// earlier publish read, the facts are remembered and the model is decoded only when one of
/// the project's own pages or parts must be built again: at ten thousand projects a republish
/// after one change then decodes and scores one project, not all of them. A publish keeps
/// no model beyond its use: each is decoded again for its project's batch (`RenderPlan`).
struct ProjectEntry: Sendable {
    let path: String
    let facts: ProjectFacts
    let model: Lazy<Project>
    var assessment: AssessedProject?
}

/// A project's results and score, beside its `ProjectEntry`.
struct AssessedProject: Sendable {
    let resultsPath: String
    let facts: ScoreFacts
    let score: Lazy<ProjectScore>
}

/// What an earlier publish found of a data file with this digest.
protocol FileFacts {
    var digest: Fingerprint { get }
    /// The warnings loading it on its own gave: counted again, though not repeated.
    var warnings: Int { get }
}

/// What pages about other projects need of a project file (its name, place and budget), and
/// how many warnings loading it on its own gave (decoding and `Checker`): a function of the
/// file's text and its place (the year and the file name are in its path).
struct ProjectFacts: FileFacts, Equatable {
    let digest: Fingerprint
    let warnings: Int
    let name: String
    let nameMark: SourceMark
    let order: Int?
    let code: String
    let budget: Amount
}

extension ProjectFacts {
    init(_ project: Project, digest: Fingerprint, warnings: Int) {
        self.init(digest: digest, warnings: warnings, name: project.name.value, nameMark: project.name.mark,
                  order: project.order, code: project.code, budget: project.budget.total.value)
    }
}

/// What matching a results file to its project needs, and the warnings decoding it gave.
struct ResultsFacts: FileFacts, Equatable {
    let digest: Fingerprint
    let warnings: Int
    let projectName: String
    let nameMark: SourceMark
    let isSample: Bool
}

extension ResultsFacts {
    init(_ results: ProjectResults, digest: Fingerprint, warnings: Int) {
        self.init(digest: digest, warnings: warnings, projectName: results.projectName.value,
                  nameMark: results.projectName.mark, isSample: results.isSample)
    }
}

/// What the report's summary, figures and list slots need of a score, and the warnings
/// scoring gave: a function of the project file and the results file scored together.
struct ScoreFacts: Equatable {
    let projectDigest: Fingerprint
    let resultsDigest: Fingerprint
    let warnings: Int
    let figures: ScoreFigures
    /// The report's lists the project has something in, in page order.
    let lists: [AssessmentXML.ProjectList]

    /// The digests of the files scored, which every page showing the score is built from.
    var files: [Fingerprint] { [projectDigest, resultsDigest] }
}

extension ScoreFacts {
    init(_ score: ProjectScore, projectDigest: Fingerprint, resultsDigest: Fingerprint, warnings: Int) {
        self.init(projectDigest: projectDigest, resultsDigest: resultsDigest, warnings: warnings, figures: score.figures,
                  lists: AssessmentXML.ProjectList.allCases.filter { $0.includes(score) })
    }
}

/// The facts of every data file a publish read, by path, for the next publish.
struct DataFacts: Equatable {
    var projects: [PathKey: ProjectFacts] = [:]
    var results: [PathKey: ResultsFacts] = [:]
    /// By the results file's path.
    var scores: [PathKey: ScoreFacts] = [:]
    /// Each project and results file's `FileIdentity`, taken before it was read: while
    /// it is the same, so is the file's text, and the file need not even be read again (as
    /// a publish with nothing changed trusts the same stamps).
    var stamps: [PathKey: FileIdentity] = [:]
}

/// A value made on first use, by whichever worker needs it first, and kept until released:
/// a publish releases each project's models once its pages are written, so that at ten
/// thousand projects they are never all in memory at once. A released value that can be
/// made again is, should it be needed again.
final class Lazy<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?
    private let make: (() throws -> Value)?

    /// A value that is never released.
    init(_ value: Value) {
        self.value = value
        make = nil
    }

    init(making make: @escaping () throws -> Value) { self.make = make }

    func get() throws -> Value {
        try lock.withLock {
            if let value { return value }
            let made = try make!()
            value = made
            return made
        }
    }

    /// Whether the value is in memory now.
    var isHeld: Bool { lock.withLock { value != nil } }

    /// Lets the value go, if it can be made again.
    func release() {
        lock.withLock { if make != nil { value = nil } }
    }
}

extension Lazy {
    /// The model of a data file read earlier, decoded from the file on first use. The file
    /// must still hold the text read then (`digest`): the pages already known to be unchanged
    /// were judged by that text, and a page built from another would contradict them.
    static func reading(_ path: String, digest: Fingerprint, encoding: SourceEncoding,
                        _ decode: @escaping (SourceFile) -> Value?) -> Lazy<Value> {
        Lazy(making: {
            guard case .success(let source) = SourceReader.read(path, encoding: encoding),
                  Digest(file: source).fingerprint == digest, let value = decode(source) else {
                throw PublishFailure(diagnostics: [Diagnostic(
                    .dataChanged, path: path, at: nil, "生成页面期间，这个数据文件被改动或删除了",
                    hint: "改完数据后重新发布；原有的输出目录保持不变")])
            }
            return value
        })
    }
}
