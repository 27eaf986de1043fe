import Foundation
@testable import JixiaoPublish
import JixiaoDiagnostics
import JixiaoModel
import JixiaoRender
import JixiaoScore
import Testing

/// Publishing again into the same output reuses what did not change, and the result is
/// always byte for byte what a publish from scratch gives.
@Suite("Incremental publishing")
struct IncrementalPublishTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-inc-\(UUID().uuidString)")
    var data: URL { root.appendingPathComponent("data") }
    var templates: URL { root.appendingPathComponent("templates") }
    var project: URL { data.appendingPathComponent("2021/项目/村级组织经费.yaml") }

    init() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Published.repository.appendingPathComponent("data"), to: data)
        try FileManager.default.copyItem(at: Published.repository.appendingPathComponent("templates"), to: templates)
    }

    /// `dataPath`: the data folder as named on the command line, if not `data.path`.
    func publish(into output: String, incremental: Bool = true, orientation: PageOrientation? = nil,
                 dataPath: String? = nil, batchSize: Int = RenderPlan.batchSize) throws -> PublishReport {
        var options = PublishOptions(dataDirectory: dataPath ?? data.path, outputDirectory: root.appendingPathComponent(output).path,
                                     templatesDirectory: templates.path)
        options.xlsx = true
        options.incremental = incremental
        options.orientation = orientation
        options.batchSize = batchSize
        return try Publisher.publish(options)
    }

    func files(_ output: String) throws -> [String: Data] { try snapshot(of: root.appendingPathComponent(output)) }

    /// What a publish from scratch of the same data writes: what every republish must match.
    func clean(orientation: PageOrientation? = nil) throws -> [String: Data] {
        _ = try publish(into: "clean", incremental: false, orientation: orientation)
        return try files("clean")
    }

    /// Replaces `old` with `new` in `file`, which must hold it.
    func edit(_ file: URL, replacing old: String, with new: String, atomically: Bool = true) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: old, with: new)
        try #require(edited != text, "“\(old)” is in \(file.lastPathComponent)")
        try edited.write(to: file, atomically: atomically, encoding: .utf8)
    }

    /// The manifest holds every file of the output with its stamp as it is on disk, though
    /// it records them as they are written and linked, without listing the output again:
    /// after a publish from scratch, and after republishes that link the unchanged pages
    /// from the output (into a spare of other files, then into one sharing them).
    @Test func theManifestRecordsEveryFileAsItIsOnDisk() throws {
        let output = root.appendingPathComponent("out")
        func recorded() throws -> [PathKey: FileStamp] { try #require(PublishManifest.read(for: output.path)).files }
        _ = try publish(into: "out")
        let listed = PublishManifest.listFiles(in: output)
        #expect(listed.keys.filter { $0.path.hasSuffix(".xlsx") }.count == 28 && listed.count == 28 + 33)
        #expect(try recorded() == listed)
        for value in ["10", "11"] {
            try edit(project, replacing: "指标值: \(value == "10" ? "9" : "10")\n", with: "指标值: \(value)\n")
            let report = try publish(into: "out")
            #expect(report.reusedPages > 0)
            #expect(try recorded() == PublishManifest.listFiles(in: output))
        }
    }

    @Test func nothingChangedLeavesTheOutputAlone() throws {
        let first = try publish(into: "out")
        #expect(!first.upToDate && first.reusedPages == 0)
        let before = try files("out")
        let again = try publish(into: "out")
        #expect(again.upToDate)
        #expect(again.pages == first.pages && again.spreadsheets == first.spreadsheets)
        #expect(again.warningCount == 7 && again.dataFileCount == 30)
        #expect(try files("out") == before)
    }

    @Test func oneProjectChangedRedoesOnlyWhatShowsIt() throws {
        _ = try publish(into: "out")
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")

        let report = try publish(into: "out")
        // Its goal table and the annual document; its 自评表, where the actual 9 now misses
        // the target 10, the report that annexes it, and the index showing its lower score.
        // Everything else is reused.
        #expect(report.reusedPages == report.pages.count - 5)
        #expect(try files("out") == clean())
    }

    /// The same data folder named another way (`./data`, a trailing slash): a change still
    /// redoes only what shows it.
    @Test func theDataFolderSpelledAnotherWayIsTheSameData() throws {
        _ = try publish(into: "out")
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")
        let report = try publish(into: "out", dataPath: data.path + "/./")
        #expect(report.reusedPages == report.pages.count - 5)
        #expect(try files("out") == clean())
    }

    /// Facts are kept by a file's path within the data folder, so the folder named another
    /// way still finds them: nothing is decoded or checked again, the warnings still count.
    @Test func factsStandForTheDataFolderNamedAnotherWay() throws {
        let fresh = DataSetLoader.load(directory: data.path, encoding: .utf8, keepSources: false, earlier: DataFacts())
        #expect(fresh.facts.projects[PathKey("2021/项目/村级组织经费.yaml")] != nil)
        let again = DataSetLoader.load(directory: data.path + "/./", encoding: .utf8, keepSources: false, earlier: fresh.facts)
        #expect(again.facts == fresh.facts)
        #expect(again.diagnostics.filter { $0.severity == .warning }.isEmpty && again.warningCount == fresh.warningCount)
    }

    /// Facts are kept by year and by path within the year's folder: the year's folder loaded
    /// on its own finds those of the whole data folder, and last year's files copied into a
    /// new year's folder are checked for that year (their deadlines now lie outside it, JX404).
    @Test func factsAreKeptByYear() throws {
        let lastYear = data.appendingPathComponent("2021")
        func load(_ folder: URL, earlier: DataFacts = DataFacts()) -> DataSet {
            DataSetLoader.load(directory: folder.path, encoding: .utf8, keepSources: false, earlier: earlier)
        }
        let facts = load(lastYear).facts
        #expect(facts == load(data).facts)
        let nextYear = root.appendingPathComponent("next/2022")
        try FileManager.default.createDirectory(at: nextYear.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: lastYear, to: nextYear)
        let copied = load(nextYear, earlier: facts)
        #expect(copied.diagnostics.contains { $0.code == .deadlineOutsideYear && $0.path.contains("/2022/项目/") })
        #expect(copied.facts.projects.keys.allSatisfy { $0.path.hasPrefix("2022/") })
    }

    /// With the last publish's facts kept for unchanged files, the warnings still add up as a
    /// full check counts them, a changed file is checked anew, and an error in it still stops
    /// the publish. (That the kept facts are used: `earlierFactsStandForTheSameTextOnly`.)
    @Test func onlyChangedFilesAreCheckedAgain() throws {
        #expect(try publish(into: "out").warningCount == 7)
        let file = data.appendingPathComponent("2021/项目/综合服务中心建设经费.yaml")
        try edit(file, replacing: "计算: 427.8万元 + 183万元", with: "计算: 427万元 + 183万元")
        #expect(try publish(into: "out").warningCount == 6)
        try edit(file, replacing: "计算: 427万元 + 183万元", with: "计算: 427.8万元 + 183万元")
        #expect(try publish(into: "out").warningCount == 7)
        try edit(file, replacing: "# 原文如此（427.8 + 183 - 400 = 210.8万元）", with: "")
        #expect(throws: PublishFailure.self) { try publish(into: "out") }
    }

    /// What an earlier publish found of a file is taken as found where the file's text is the
    /// same, and only there: the made-up facts below show whether they were used.
    @Test func earlierFactsStandForTheSameTextOnly() throws {
        let file = PathKey("2021/项目/村级组织经费.yaml")
        let fresh = DataSetLoader.load(directory: data.path, encoding: .utf8, keepSources: false, earlier: DataFacts())
        let facts = try #require(fresh.facts.projects[file])
        func load(digest: Fingerprint) -> DataSet {
            var earlier = DataFacts()
            earlier.projects[file] = ProjectFacts(digest: digest, warnings: facts.warnings + 5, name: facts.name,
                                                  nameMark: facts.nameMark, order: facts.order, code: "记下的编码", budget: facts.budget)
            return DataSetLoader.load(directory: data.path, encoding: .utf8, keepSources: false, earlier: earlier)
        }
        func codes(_ dataSet: DataSet) -> [String] { dataSet.years.flatMap(\.entries).map(\.facts.code) }

        let same = load(digest: facts.digest)
        #expect(same.warningCount == fresh.warningCount + 5)
        #expect(codes(same).contains("记下的编码"))
        #expect(same.facts.projects[file]?.code == "记下的编码")
        let changed = load(digest: Fingerprint(high: ~facts.digest.high, low: facts.digest.low))
        #expect(changed.warningCount == fresh.warningCount)
        #expect(codes(changed) == codes(fresh))
        #expect(changed.facts == fresh.facts)
    }

    /// A file with the stamp it had when its facts were taken (size, time and inode) is not
    /// read at all: facts made up for other text still stand for it. Touched, it is read, and
    /// the facts stand again only if its text is the same.
    @Test func aFileWithTheSameStampIsNotReadAgain() throws {
        let file = PathKey("2021/项目/村级组织经费.yaml")
        let fresh = DataSetLoader.load(directory: data.path, encoding: .utf8, keepSources: false, earlier: DataFacts())
        let facts = try #require(fresh.facts.projects[file])
        var earlier = fresh.facts
        earlier.projects[file] = ProjectFacts(digest: Fingerprint(high: ~facts.digest.high, low: facts.digest.low), warnings: facts.warnings, name: facts.name, nameMark: facts.nameMark,
                                              order: facts.order, code: "记下的编码", budget: facts.budget)
        func code() -> String? {
            DataSetLoader.load(directory: data.path, encoding: .utf8, keepSources: false, earlier: earlier)
                .years.flatMap(\.entries).first { $0.path == project.path }?.facts.code
        }
        #expect(code() == "记下的编码")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: project.path)
        #expect(code() == facts.code)
    }

    /// What a file says depends on the encoding it is read with: facts taken with one stand
    /// for nothing when the data is published with another, and the republish finds what a
    /// publish from scratch with that encoding finds.
    @Test func factsStandForTheEncodingTheyWereReadWith() throws {
        _ = try publish(into: "out")
        func attempt(_ output: String, incremental: Bool) -> [String] {
            var options = PublishOptions(dataDirectory: data.path, outputDirectory: root.appendingPathComponent(output).path,
                                         templatesDirectory: templates.path, encoding: .gb18030)
            options.incremental = incremental
            do {
                _ = try Publisher.publish(options)
                return []
            } catch let failure as PublishFailure {
                return failure.diagnostics.map { "\($0.code.rawValue) \($0.path)" }.sorted()
            } catch {
                return ["\(error)"]
            }
        }
        let clean = attempt("clean", incremental: false)
        #expect(!clean.isEmpty, "UTF-8 data read as GB18030 is not the same data")
        #expect(attempt("out", incremental: true) == clean)
    }

    /// A score is remembered for the pair of texts it was scored from: the made-up total below
    /// shows in the summary while both files are the same, and a change to either scores anew.
    @Test func earlierScoresStandForTheSamePairOnly() throws {
        let results = PathKey("2021/自评/村级组织经费.yaml")
        let fresh = DataSetLoader.load(directory: data.path, encoding: .utf8, keepSources: false, earlier: DataFacts())
        let score = try #require(fresh.facts.scores[results])
        func total(projectDigest: Fingerprint, resultsDigest: Fingerprint) throws -> String? {
            var earlier = fresh.facts
            earlier.scores[results] = ScoreFacts(
                projectDigest: projectDigest, resultsDigest: resultsDigest, warnings: score.warnings,
                figures: ScoreFigures(annual: score.figures.annual, spent: score.figures.spent,
                                      ratePercent: score.figures.ratePercent, total: 12.34),
                lists: score.lists)
            let dataSet = DataSetLoader.load(directory: data.path, encoding: .utf8, keepSources: false, earlier: earlier)
            return try #require(dataSet.years.first?.summary).rows.first { $0.name == "村级组织经费" }?.score?.total.fixed(2)
        }
        #expect(try total(projectDigest: score.projectDigest, resultsDigest: score.resultsDigest) == "12.34")
        #expect(try total(projectDigest: score.projectDigest, resultsDigest: Fingerprint(high: 0, low: 0)) == score.figures.total.fixed(2))
        #expect(try total(projectDigest: Fingerprint(high: 0, low: 0), resultsDigest: score.resultsDigest) == score.figures.total.fixed(2))
    }

    /// The facts survive the manifest: what the next publish reads is what this one found.
    @Test func theManifestKeepsEveryFact() throws {
        _ = try publish(into: "out")
        let manifest = try #require(PublishManifest.read(for: root.appendingPathComponent("out").path))
        let loaded = DataSetLoader.load(directory: data.path, encoding: .utf8, keepSources: false, earlier: DataFacts())
        #expect(manifest.facts.projects.count == 14 && manifest.facts.scores.count == 14)
        #expect(manifest.facts == loaded.facts)
        var odd = manifest
        // A backslash or a tab before a combining accent is one character with it: the accent
        // must not hide it from the escaping.
        let name = "名\t称\\n\n\\\u{301}\t\u{301}"
        odd.facts.projects[PathKey("x")] = ProjectFacts(digest: Fingerprint(high: 1, low: .max), warnings: 0, name: name,
                                                        nameMark: SourceMark(line: 3, column: 7), order: -2, code: "a\\b",
                                                        budget: Amount(Decimal(string: "0.05")!, .wanYuan))
        // Fields read as numbers: a file's time before 1970, an inode of twenty digits.
        var status = stat()
        (status.st_size, status.st_mtim.tv_sec, status.st_mtim.tv_nsec, status.st_ino) = (12, -5, 7, .max)
        odd.facts.stamps[PathKey("x")] = FileIdentity(status)
        try odd.write(for: root.appendingPathComponent("out").path)
        let read = PublishManifest.read(for: root.appendingPathComponent("out").path)
        #expect(read?.facts == odd.facts)
        #expect(read?.facts.projects[PathKey("x")].map { Array($0.name.utf8) } == Array(name.utf8))
    }

    /// The publisher's side of the same: a file that no longer holds the text its remembered
    /// facts were taken from (here the manifest says another digest) stops the publish with
    /// JX907 once a page needs it, and the output stays as it was.
    @Test func aPageNeedingAChangedFileStopsThePublish() throws {
        _ = try publish(into: "out")
        let before = try files("out")
        let output = root.appendingPathComponent("out").path
        var manifest = try #require(PublishManifest.read(for: output))
        let key = PathKey("2021/项目/村级组织经费.yaml")
        let facts = try #require(manifest.facts.projects[key])
        manifest.facts.projects[key] = ProjectFacts(digest: Fingerprint(high: ~facts.digest.high, low: facts.digest.low), warnings: facts.warnings, name: facts.name,
                                                    nameMark: facts.nameMark, order: facts.order, code: facts.code, budget: facts.budget)
        try manifest.write(for: output)
        // Another file changed, so that the data is read at all.
        try edit(data.appendingPathComponent("2021/自评/信访维稳专项资金.yaml"), replacing: "全年执行数: 25.5万元",
                 with: "全年执行数: 28.5万元")
        #expect { try publish(into: "out") } throws: { error in
            (error as? PublishFailure)?.diagnostics.map { "\($0.code.rawValue) \($0.path)" } == ["JX907 \(project.path)"]
        }
        #expect(try files("out") == before)
    }

    /// A file whose facts stood for it is read again only if a page needs its model; changed
    /// by then, it stops the publish (JX907) rather than give a page that contradicts the rest.
    @Test func aFileChangedDuringThePublishStopsIt() throws {
        let path = project.path
        let digest = Digest(file: SourceFile(path: path, bytes: Array(try Data(contentsOf: project)))).fingerprint
        let model = { Lazy<String>.reading(path, digest: digest, encoding: .utf8) { _ in "模型" } }
        #expect(try model().get() == "模型")
        let changed = model()
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")
        #expect { try changed.get() } throws: { ($0 as? PublishFailure)?.diagnostics.map(\.code.rawValue) == ["JX907"] }
    }

    /// A results file changed: its 自评表 and what shows its score (the report, the index).
    @Test func oneResultsFileChangedRedoesItsAssessment() throws {
        _ = try publish(into: "out")
        let results = data.appendingPathComponent("2021/自评/信访维稳专项资金.yaml")
        try edit(results, replacing: "全年执行数: 25.5万元", with: "全年执行数: 28.5万元")

        let report = try publish(into: "out")
        #expect(report.reusedPages == report.pages.count - 3)
        #expect(try files("out") == clean())
    }

    /// Rendered a few projects at a time, a long document's unchanged parts are copied from the
    /// earlier file batch by batch, and where each lands is recorded right: the next republish
    /// copies from a file put together from batches.
    @Test func republishingInBatchesMatchesAPublishFromScratch() throws {
        _ = try publish(into: "out", batchSize: 3)
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")
        let report = try publish(into: "out", batchSize: 3)
        #expect(report.reusedPages == report.pages.count - 5)
        #expect(try files("out") == clean())

        let results = data.appendingPathComponent("2021/自评/信访维稳专项资金.yaml")
        try edit(results, replacing: "全年执行数: 25.5万元", with: "全年执行数: 28.5万元")
        let again = try publish(into: "out", batchSize: 2)
        #expect(again.reusedPages == again.pages.count - 3)
        #expect(try files("out") == clean())
    }

    /// Loaded for publishing, no project's model is held; rendered in batches, each batch
    /// lets its models go, and a model let go is made again where it is needed again.
    @Test func modelsAreHeldOnlyDuringTheirBatch() throws {
        let dataSet = DataSetLoader.load(directory: data.path, encoding: .utf8, keepSources: false, earlier: DataFacts())
        let year = try #require(dataSet.years.first)
        let held = {
            year.entries.filter { $0.model.isHeld || $0.assessment?.score.isHeld == true }
                .map(\.facts.name)
        }
        #expect(year.entries.count == 14 && held().isEmpty)

        // Every tree built notes how many projects' models are held at that moment.
        let most = Locked(0)
        let note = { let count = held().count; most.withLock { $0 = max($0, count) } }
        let (plan, output, renderer) = try renderingPlan(year) { job in
            observing(job, page: note, part: { _ in note() })
        }
        let rendered = try plan.render(with: renderer, workers: 2, batchSize: 4)
        #expect(rendered.count == plan.jobs.count && rendered.allSatisfy { !$0.reused })
        #expect(most.withLock { $0 } == 4, "a batch's models, never more")
        #expect(held().isEmpty)
        output.discard()

        let first = try #require(year.entries.first)
        #expect(try first.model.get().name.value == first.facts.name && first.model.isHeld)
    }

    /// A project's table is a part of its own page and of a long document (the goal table of
    /// the annual document, the 自评表 of the report's annexes), built and transformed once
    /// for both: the second takes the bytes of the first.
    @Test func eachTableIsRenderedOnceForItsPageAndItsDocument() throws {
        let dataSet = DataSetLoader.load(directory: data.path, encoding: .utf8, keepSources: false, earlier: DataFacts())
        let year = try #require(dataSet.years.first)
        let builds = Locked([Fingerprint: Int]())
        let (plan, output, renderer) = try renderingPlan(year) { job in
            observing(job, page: {}, part: { part in builds.withLock { $0[part.key!.fingerprint, default: 0] += 1 } })
        }
        _ = try plan.render(with: renderer, workers: 2, batchSize: 4)
        output.discard()

        let uses = Dictionary(plan.jobs.flatMap(\.parts).map { ($0.key!.fingerprint, 1) }, uniquingKeysWith: +)
        let shared = uses.filter { $0.value == 2 }.keys
        let assessed = year.entries.filter { $0.assessment != nil }.count
        #expect(assessed > 0 && shared.count == year.entries.count + assessed)
        #expect(shared.allSatisfy { builds.withLock { $0 }[$0] == 1 })
        #expect(builds.withLock { $0 }.count == uses.count, "every other part is built as before")
    }

    /// The lines of the index and of the report's summary are grouped into parts in order,
    /// each owned by its first line's project and keyed by its lines: a changed line changes
    /// its own part's key, and no other.
    @Test func linesAreGroupedIntoPartsKeyedByTheirLines() throws {
        func parts(_ texts: [String]) -> [PageJob.Part] {
            PageJob.Part.lines(of: 0..<texts.count, size: 5, owner: { $0 * 10 }) { index in
                var key = Digest()
                key.add(field: texts[index])
                return key
            } build: { range in
                let tree = XMLTree(root: "part")
                range.forEach { tree.rootElement.add("line", [("n", String($0))]) }
                return tree
            }
        }
        let texts = (0..<12).map { "line \($0)" }
        let before = parts(texts)
        #expect(before.map(\.owner) == [0, 50, 100])
        let built = try before.map { String(decoding: try $0.build().serialized(), as: UTF8.self) }
        #expect(built.map { $0.components(separatedBy: "<line").count - 1 } == [5, 5, 2])
        #expect(built[1].contains("n=\"5\"") && built[1].contains("n=\"9\"") && !built[1].contains("n=\"10\""))

        var changed = texts
        changed[7] = "changed"
        #expect(zip(before, parts(changed)).map { $0.key!.fingerprint == $1.key!.fingerprint } == [true, false, true])
    }

    /// A publish keeps no model: a file changed after it was checked is read again for its
    /// pages, found changed, and stops the publish (JX907) rather than show other data.
    @Test func aFileChangedAfterItWasCheckedStopsAFullPublish() throws {
        let dataSet = DataSetLoader.load(directory: data.path, encoding: .utf8, keepSources: false, earlier: DataFacts())
        let year = try #require(dataSet.years.first)
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")

        let (plan, output, renderer) = try renderingPlan(year)
        defer { output.discard() }
        #expect {
            _ = try plan.render(with: renderer, workers: 2, batchSize: 4)
        } throws: { error in
            let diagnostics = (error as? PublishFailure)?.diagnostics ?? []
            return diagnostics.map(\.code) == [.dataChanged] && diagnostics.first?.path == project.path
        }
    }

    /// Two workers meeting the same changed file at once (its page and its part of a long
    /// document) tell it once.
    @Test func aFailureMetTwiceIsToldOnce() {
        let failures = FailureList()
        let changed = Diagnostic(.dataChanged, path: project.path, at: nil, "生成页面期间，这个数据文件被改动或删除了")
        failures.append(changed)
        failures.append(changed)
        failures.append(Diagnostic(.dataChanged, path: data.path + "/2021/自评/村级组织经费.yaml", at: nil, changed.message))
        #expect(failures.all.map(\.path) == [project.path, data.path + "/2021/自评/村级组织经费.yaml"])
    }

    /// `job`, calling `page` whenever its tree is built and `part` whenever one of its parts' is.
    private func observing(_ job: PageJob, page: @escaping () -> Void, part: @escaping (PageJob.Part) -> Void) -> PageJob {
        PageJob(relativePath: job.relativePath, spreadsheet: job.spreadsheet, owner: job.owner, key: job.key,
                build: { defer { page() }; return try job.build() },
                slots: job.slots.map { parts in
                    parts.map { original in
                        PageJob.Part(owner: original.owner, key: original.key,
                                     build: { defer { part(original) }; return try original.build() })
                    }
                })
    }

    /// The plan of a year's pages (each job as `observing` makes it), a staging directory for
    /// them, and a renderer of the test's templates, with nothing to reuse.
    private func renderingPlan(_ year: YearData, observing: (PageJob) -> PageJob = { $0 }) throws
        -> (RenderPlan, StagedDirectory, PageRenderer) {
        let plan = RenderPlan([(year.entries, Publisher.pageJobs(year).map(observing))])
        let output = try StagedDirectory(replacing: root.appendingPathComponent("out").path)
        try output.createFolders(for: plan.jobs.map(\.relativePath))
        let css = try String(contentsOf: templates.appendingPathComponent("jixiao.css"), encoding: .utf8)
        let renderer = PageRenderer(stylesheet: try Stylesheet(path: templates.appendingPathComponent("jixiao.xsl").path),
                                    parameters: [], style: PageStyle(css: css), rendering: Digest(), output: output, xml: nil,
                                    spreadsheets: nil, previous: nil)
        return (plan, output, renderer)
    }

    /// Pages known by their data files' digests (the project pages, the 自评表, the parts of
    /// the long documents) are redone when what they show comes from elsewhere: the unit,
    /// from the department file, heads every page.
    @Test func theUnitChangedRedoesEveryPage() throws {
        _ = try publish(into: "out")
        let department = data.appendingPathComponent("2021/部门整体绩效目标.yaml")
        try edit(department, replacing: "单位: 街道办事处", with: "单位: 某某街道办事处")

        let report = try publish(into: "out")
        #expect(report.reusedPages == 0)
        #expect(try files("out") == clean())
        let page = try #require(try files("out").first { $0.key.hasPrefix("2021/项目/") && $0.key.hasSuffix(".html") })
        #expect(String(decoding: page.value, as: UTF8.self).contains("某某街道办事处"))
    }

    /// Data reached through a link (here the whole 项目 folder) is watched where it lives.
    @Test func aChangeBehindALinkedFolderIsNoticed() throws {
        let elsewhere = root.appendingPathComponent("projects-elsewhere")
        let folder = data.appendingPathComponent("2021/项目")
        try FileManager.default.moveItem(at: folder, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: elsewhere)
        _ = try publish(into: "out")
        try edit(elsewhere.appendingPathComponent("村级组织经费.yaml"), replacing: "指标值: 9\n", with: "指标值: 10\n")

        let report = try publish(into: "out")
        #expect(!report.upToDate && report.reusedPages == report.pages.count - 5)
        #expect(try files("out") == clean())
    }

    /// A data file replaced by another of the same size and time (a copy that keeps its time,
    /// an undo that restores it) is still noticed: it is another file.
    @Test func aFileReplacedKeepingItsSizeAndTimeIsNoticed() throws {
        _ = try publish(into: "out")
        var before = stat()
        #expect(stat(project.path, &before) == 0)
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 8\n")
        let times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, project.path, times, 0) == 0)
        var after = stat()
        #expect(stat(project.path, &after) == 0 && after.st_size == before.st_size
                && after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)

        let report = try publish(into: "out")
        #expect(!report.upToDate)
        #expect(try files("out") == clean())
    }

    /// A reused page is the output's own file, even where the spare holds another under its
    /// name that something else also links to: here a page of the output replaced by a file of
    /// the same size and time, while the file it replaced lives on as a backup link.
    @Test func aReusedPageIsTheOutputsFileNeverAnotherTheSpareShares() throws {
        _ = try publish(into: "out")
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")
        _ = try publish(into: "out")  // the spare shares the unchanged pages with the output
        let page = root.appendingPathComponent("out/2021/项目/墓穴安置经费.html").path
        #expect(link(page, root.appendingPathComponent("backup.html").path) == 0)
        var before = stat()
        #expect(stat(page, &before) == 0)
        let replaced = try String(contentsOfFile: page, encoding: .utf8)
            .replacingOccurrences(of: "墓穴安置经费", with: "墓穴安置經費")  // as many bytes
        #expect(unlink(page) == 0)
        try replaced.write(toFile: page, atomically: false, encoding: .utf8)
        #expect(utimensat(AT_FDCWD, page, [before.st_atim, before.st_mtim], 0) == 0)

        try edit(data.appendingPathComponent("2021/项目/垃圾分类督导员经费.yaml"), replacing: "聘请269名", with: "聘请269名（含替补）")
        #expect(try publish(into: "out").reusedPages > 0)
        #expect(try String(contentsOfFile: page, encoding: .utf8) == replaced, "the file the manifest's stamp stands for")
    }

    /// A page edited by hand, even to the same size, is written again, never kept or reused.
    @Test func aPageEditedByHandIsWrittenAgain() throws {
        _ = try publish(into: "out")
        let clean = try files("out")
        try edit(root.appendingPathComponent("out/2021/项目/村级组织经费.html"),
                 replacing: "村级组织经费项目绩效目标表", with: "村级组织经费项目绩效日标表", atomically: false)
        let report = try publish(into: "out")
        #expect(!report.upToDate)
        #expect(report.reusedPages == report.pages.count - 1)
        #expect(try files("out") == clean)
    }

    @Test func changedTemplatesRedoEveryPage() throws {
        _ = try publish(into: "out")
        let css = templates.appendingPathComponent("jixiao.css")
        try (String(contentsOf: css, encoding: .utf8) + "\n.extra { color: #000; }\n").write(to: css, atomically: true, encoding: .utf8)
        let report = try publish(into: "out")
        #expect(report.reusedPages == 0)
        #expect(try files("out") == clean())
    }

    @Test func aPageRemovedByHandIsWrittenAgain() throws {
        let first = try publish(into: "out")
        let page = root.appendingPathComponent("out/2021/项目/村级组织经费.html")
        try FileManager.default.removeItem(at: page)
        let report = try publish(into: "out")
        #expect(!report.upToDate)
        #expect(report.reusedPages == first.pages.count - 1)
        #expect(try files("out") == clean())
    }

    /// The output a publish replaces is kept as the spare whose files the next publish writes
    /// over. Pages the live output shares with it (unchanged pages are hard links) are never
    /// written through, files the new output lacks are gone, and shrunk files are cut short.
    @Test func theReplacedOutputIsRecycledButNeverWrittenThrough() throws {
        _ = try publish(into: "out")
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")
        _ = try publish(into: "out")  // shares every unchanged page with the replaced output, now the spare
        let live = try files("out")
        let spare = ".out.jixiao-spare"
        #expect(try files(spare).count == live.count, "the replaced output is kept")

        for folder in ["项目", "自评"] {
            try FileManager.default.removeItem(at: data.appendingPathComponent("2021/\(folder)/马家屯遮荫款.yaml"))
        }
        // Every page changes (turned landscape) and is written over the spare's files.
        let report = try publish(into: "out", incremental: false, orientation: .landscape)
        #expect(report.reusedPages == 0)
        #expect(try files(spare) == live, "the output replaced now was not written through")
        let published = try files("out")
        #expect(!published.keys.contains { $0.contains("马家屯遮荫款") })
        #expect(try published == clean(orientation: .landscape))
    }

    /// A spare sharing unchanged pages with the live output (as after every incremental
    /// publish) keeps them in place when the next publish reuses them again, and what that
    /// publish renders goes into new files: the output it replaces is never written through.
    @Test func sharedPagesOfTheSpareAreKeptOrReplacedNeverWrittenThrough() throws {
        _ = try publish(into: "out")
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")
        _ = try publish(into: "out")
        let live = try files("out")
        let page = root.appendingPathComponent("out/2021/项目/墓穴安置经费.html").path
        let inode = try #require(FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int)

        // Another project changes: its pages are among those the spare (the output before
        // last) shares with the live output.
        try edit(data.appendingPathComponent("2021/项目/垃圾分类督导员经费.yaml"), replacing: "聘请269名", with: "聘请269名（含替补）")
        let report = try publish(into: "out")
        #expect(report.reusedPages < report.pages.count - 3 && report.reusedPages > 0)
        #expect(try files(".out.jixiao-spare") == live, "the output replaced now was not written through")
        #expect(try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int == inode, "an unchanged page is the same file")
        #expect(try files("out") == clean())
    }

    /// The inode of a file under the test's root: which file a page is, whatever it holds.
    func inode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)[.systemFileNumber] as? Int
    }

    /// Publishes twice from scratch (the spare: the first output, sharing no file with the
    /// output), then once more with one project changed: that republish links the unchanged
    /// pages and sets the spare aside as the reserve. Returns what the reserve holds.
    func publishLeavingAReserve() throws -> [String: Data] {
        _ = try publish(into: "out")
        _ = try publish(into: "out", incremental: false)
        let stale = try files(".out.jixiao-spare")
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")
        #expect(try publish(into: "out").reusedPages > 0)
        #expect(try files(".out.jixiao-reserve") == stale, "the spare is set aside whole")
        return stale
    }

    /// After a full publish the spare holds other files than the output's. A republish that
    /// links the output's pages sets it aside whole as the reserve rather than deleting its
    /// files one by one, and the next publish that writes every page writes over the
    /// reserve's files; the spare of links it no longer needs goes.
    @Test func aSpareOfOtherPagesIsKeptAsTheReserveForAFullPublish() throws {
        let page = "2021/项目/墓穴安置经费.html"
        _ = try publishLeavingAReserve()
        let reserveFile = try inode(".out.jixiao-reserve/" + page)
        #expect(try inode(".out.jixiao-spare/" + page) == inode("out/" + page), "the replaced output shares the unchanged pages")
        #expect(try files("out") == clean())

        let live = try files("out")
        let liveFile = try inode("out/" + page)
        _ = try publish(into: "out", incremental: false, orientation: .landscape)
        #expect(try inode("out/" + page) == reserveFile, "the reserve's file is written over")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".out.jixiao-reserve").path))
        #expect(try inode(".out.jixiao-spare/" + page) == liveFile)
        #expect(try files(".out.jixiao-spare") == live, "the output replaced now was not written through")
        #expect(try files("out") == clean(orientation: .landscape))
    }

    /// A republish that finds a spare of other files beside a reserve already kept takes the
    /// spare over as before: one reserve is enough, and it is left as it is.
    @Test func oneReserveIsKept() throws {
        let reserve = try publishLeavingAReserve()
        // Every page anew (turned landscape) into the spare of links: the output it replaces
        // shares none of them, and becomes the spare.
        #expect(try publish(into: "out", orientation: .landscape).reusedPages == 0)
        try edit(project, replacing: "指标值: 10\n", with: "指标值: 11\n")
        #expect(try publish(into: "out", orientation: .landscape).reusedPages > 0)
        #expect(try files(".out.jixiao-reserve") == reserve)
        #expect(try files("out") == clean(orientation: .landscape))
    }

    /// The page.orientation parameter prints every page one way; a changed option redoes all.
    @Test func orientationOptionTurnsEveryPage() throws {
        _ = try publish(into: "out")
        func sheet(_ page: String) throws -> String? {
            let xhtml = try XHTMLPage(path: root.appendingPathComponent("out/2021/\(page)").path)
            return xhtml.elements("div").compactMap { xhtml.attribute($0, "class") }.first { $0.hasPrefix("sheet") }
        }
        #expect(try sheet("项目/村级组织经费.html") == "sheet portrait")
        #expect(try sheet("自评/村级组织经费.html") == "sheet landscape")
        let report = try publish(into: "out", orientation: .landscape)
        #expect(report.reusedPages == 0)
        #expect(try sheet("项目/村级组织经费.html") == "sheet landscape")
        _ = try publish(into: "out", orientation: .portrait)
        #expect(try sheet("自评/村级组织经费.html") == "sheet portrait")
    }
}
