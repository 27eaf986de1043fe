import Foundation
import JixiaoData
import JixiaoDiagnostics
import JixiaoReview
import Synchronization

/// The order a publish renders its pages in, so that a project's tables are held in memory
/// during one batch only, and the long documents are written as they go. Year after year:
/// 1. the pages of no project, and the frames of the long documents (`PageStream`);
/// 2. a batch of projects at a time, their own pages and then their parts of every long
///    document (a project's tables, rendered for its pages, are copied from `BatchParts`);
/// 3. each long document put together.
/// Within each step the pages are rendered on every core, the longest first; the output is
/// the same whatever the number of workers and the size of the batches.
public struct RenderPlan: Sendable {
    /// Every page, year after year.
    public let jobs: [PageJob]
    /// Each year's number of projects, and where its pages are in `jobs`.
    private let years: [(projects: Int, jobs: Range<Int>)]

    /// How many projects' tables are rendered between two writes of the long documents: so
    /// many are in memory at once, and every batch waits for its longest page.
    public static let batchSize = 256

    /// The pages of every year of `dataSet`, one unit in today's shape (`SitePlan`).
    public init(_ dataSet: DataSet) {
        self.init(District(unit: dataSet))
    }

    /// The pages of every year of every unit, then the district's own (`DistrictPlan`).
    public init(_ district: District) {
        var jobs: [PageJob] = []
        years = DistrictPlan.pageGroups(district).map { group in
            defer { jobs += group.jobs }
            return (group.projects, jobs.count..<jobs.count + group.jobs.count)
        }
        self.jobs = jobs
    }

    /// Every page rendered, by its place in `jobs`; or every failure, thrown.
    public func render(with renderer: PageRenderer, workers: Int, batchSize: Int = batchSize) throws(RenderFailure) -> [PageJob.Rendered] {
        let run = Run(workers: workers, count: jobs.count)
        for year in years {
            let streams = Mutex([Int: PageStream]())
            run.perform(year.jobs.filter { !isProjectForm($0) }.map { index in
                Run.Task(path: jobs[index].relativePath, size: jobs[index].partCount + 1) {
                    switch try jobs[index].start(renderer) {
                    case .rendered(let page): run.rendered.withLock { $0[index] = page }
                    case .streaming(let stream): streams.withLock { $0[index] = stream }
                    }
                }
            })
            let started = streams.withLock { $0 }
            render(year, streams: Array(started.values), in: run, with: renderer, batchSize: batchSize)
            run.perform(started.map { index, stream in
                Run.Task(path: stream.job.relativePath, size: stream.job.partCount) {
                    let page = try stream.finish()
                    run.rendered.withLock { $0[index] = page }
                }
            })
        }
        if !run.failures.isEmpty { throw RenderFailure(diagnostics: run.failures.all) }
        return run.rendered.withLock { $0.map { $0! } }
    }

    /// Step 2 for one year: its projects' forms and parts of its long documents, a batch at a time.
    private func render(_ year: (projects: Int, jobs: Range<Int>), streams: [PageStream], in run: Run,
                        with renderer: PageRenderer, batchSize: Int) {
        let forms = Dictionary(grouping: year.jobs.filter(isProjectForm), by: { jobs[$0].owner! })
        var slots = streams.flatMap { stream in
            stream.job.slots.indices.map { SlotCursor(stream: stream, slot: $0) }
        }
        for first in stride(from: 0, to: year.projects, by: batchSize) {
            let batch = first..<min(first + batchSize, year.projects)
            let pages = batch.flatMap { forms[$0] ?? [] }.map { index in
                Run.Task(path: jobs[index].relativePath, size: 1) {
                    let page = try jobs[index].render(renderer)
                    run.rendered.withLock { $0[index] = page }
                }
            }
            let parts = slots.indices.compactMap { index in
                slots[index].take(before: batch.upperBound).map { range in
                    let (stream, slot) = (slots[index].stream, slots[index].slot)
                    return Run.Task(path: stream.job.relativePath, size: range.count) { try stream.write(slot: slot, parts: range) }
                }
            }
            run.perform(pages)
            run.perform(parts)
            renderer.batch.removeAll()
        }
    }

    /// A page of one project alone, rendered with its batch.
    private func isProjectForm(_ index: Int) -> Bool {
        jobs[index].owner != nil
    }
}

/// What rendering has produced so far, shared by the workers.
private final class Run: Sendable {
    let workers: Int
    let rendered: Mutex<[PageJob.Rendered?]>
    let failures = FailureList()

    /// A piece of work of one step, and about how many pages' worth it is.
    struct Task: Sendable {
        let path: String
        let size: Int
        let run: @Sendable () throws -> Void
    }

    init(workers: Int, count: Int) {
        self.workers = workers
        rendered = Mutex([PageJob.Rendered?](repeating: nil, count: count))
    }

    /// Runs the tasks, the longest first, unless something has failed; failures are collected.
    func perform(_ tasks: [Task]) {
        let order = tasks.sorted { $0.size > $1.size }
        if workers == 1 {
            order.forEach(attempt)
        } else {
            DispatchQueue.concurrentPerform(iterations: order.count) { attempt(order[$0]) }
        }
    }

    private func attempt(_ task: Task) {
            guard self.failures.isEmpty else { return }
            do {
                try task.run()
            } catch let failure as RenderFailure {
                failure.diagnostics.forEach(self.failures.append)
            } catch let failure as Stylesheet.Failure {
                self.failures.append(Diagnostic(.templateFailed, path: task.path, at: nil, failure.description))
            } catch {
                self.failures.append(Diagnostic(.outputFailed, path: task.path, at: nil, "写出失败：\(error)"))
            }
    }
}

/// How far the parts of one slot of a long document have been handed out.
private struct SlotCursor {
    let stream: PageStream
    let slot: Int
    private var next = 0

    init(stream: PageStream, slot: Int) {
        (self.stream, self.slot) = (stream, slot)
    }

    /// The parts not handed out yet of the projects before `owner`, if any.
    mutating func take(before owner: Int) -> Range<Int>? {
        let parts = stream.job.slots[slot]
        let end = parts[next...].firstIndex { $0.owner >= owner } ?? parts.count
        defer { next = end }
        return next < end ? next..<end : nil
    }
}

/// What went wrong rendering, for every page that failed.
public struct RenderFailure: Error {
    public let diagnostics: [Diagnostic]
}

/// Failures collected from the rendering workers. Two of them may meet the same failure at
/// once: it is told once.
final class FailureList: Sendable {
    private let diagnostics = Mutex([Diagnostic]())

    var isEmpty: Bool { diagnostics.withLock { $0.isEmpty } }
    var all: [Diagnostic] { diagnostics.withLock { $0 } }
    func append(_ diagnostic: Diagnostic) { diagnostics.withLock { if !$0.contains(diagnostic) { $0.append(diagnostic) } } }
}
