import Foundation
import JixiaoData
import JixiaoDiagnostics
import JixiaoDigest
import JixiaoOutput
@testable import JixiaoPublish
@testable import JixiaoRender
import Testing
import JixiaoImport
import JixiaoExport

/// Publishing again into the same output takes what did not change, judged by the digests of
/// content alone, and the result is always byte for byte what a publish from scratch gives.
@Suite("Incremental publishing")
struct IncrementalPublishTests {
    let scratch = Scratch("jixiao-inc")
    var root: URL { scratch.url }
    var data: URL { root.appendingPathComponent("data") }
    var templates: URL { root.appendingPathComponent("templates") }
    var project: URL { data.appendingPathComponent("2021/项目/村级组织经费.yaml") }
    var output: URL { root.appendingPathComponent("out") }

    init() throws {
        try FileManager.default.copyItem(at: Published.repository.appendingPathComponent("data"), to: data)
        try FileManager.default.copyItem(at: Published.repository.appendingPathComponent("templates"), to: templates)
    }

    /// `dataPath`: the data folder as named on the command line, if not `data.path`.
    func publish(into output: String = "out", incremental: Bool = true, orientation: PageOrientation? = nil,
                 dataPath: String? = nil, batchSize: Int = RenderPlan.batchSize) throws -> PublishReport {
        var options = PublishOptions(dataDirectory: dataPath ?? data.path, outputDirectory: root.appendingPathComponent(output).path,
                                     templatesDirectory: templates.path)
        options.xlsx = true
        options.docx = true
        options.incremental = incremental
        options.orientation = orientation
        options.batchSize = batchSize
        return try Publisher.publish(options)
    }

    func files(_ output: String = "out") throws -> [String: Data] { try snapshot(of: root.appendingPathComponent(output)) }

    /// What a publish from scratch of the same data writes: what every republish must match
    /// (the manifests too, which hold every file's digest).
    func clean(orientation: PageOrientation? = nil) throws -> [String: Data] {
        _ = try publish(into: "clean", incremental: false, orientation: orientation)
        return try files("clean")
    }

    /// Replaces `old` with `new` in `file`, which must hold it.
    func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: old, with: new)
        try #require(edited != text, "“\(old)” is in \(file.lastPathComponent)")
        try edited.write(to: file, atomically: true, encoding: .utf8)
    }

    /// Writes `text` into `file` in place, keeping its size, inode and modification time: a
    /// change only its content tells.
    func overwriteKeepingStamp(_ file: URL, replacing old: String, with new: String) throws {
        var status = stat()
        try #require(stat(file.path, &status) == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: old, with: new)
        try #require(edited != text && edited.utf8.count == text.utf8.count)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        var times = [status.st_atim, status.st_mtim]
        try #require(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
        var after = stat()
        try #require(stat(file.path, &after) == 0)
        try #require(after.st_size == status.st_size && after.st_ino == status.st_ino
                     && after.st_mtim.tv_sec == status.st_mtim.tv_sec && after.st_mtim.tv_nsec == status.st_mtim.tv_nsec)
    }

    /// The manifest lists every file of the output but itself, with the SHA-256 of its bytes.
    @Test func theManifestRecordsEveryFileByItsContent() throws {
        _ = try publish()
        let manifest = try #require(Manifest.read(in: output.path))
        let listed = outputListing(output.path)
        #expect(listed.count { $0.hasSuffix(".xlsx") } == 42 && listed.count { $0.hasSuffix(".docx") } == 29)
        #expect(listed.count == 42 + 29 + 49)
        #expect(Set(manifest.files.keys) == Set(listed))
        for path in listed { #expect(manifest.files[path] == ContentDigest.ofFile(output.appendingPathComponent(path).path)) }
    }

    @Test func nothingChangedLeavesTheOutputAlone() throws {
        let first = try publish()
        #expect(!first.upToDate && first.reusedPages == 0)
        let before = try files()
        let again = try publish()
        #expect(again.upToDate)
        #expect(again.pages == first.pages && again.spreadsheets == first.spreadsheets && again.wordDocuments == first.wordDocuments)
        #expect(again.warningCount == 12 && again.dataFileCount == 44)
        #expect(try files() == before)
    }

    @Test func oneProjectChangedRedoesOnlyWhatShowsIt() throws {
        _ = try publish()
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")

        let report = try publish()
        // Its goal table and the annual document; its 自评表, where the actual 9 now misses
        // the target 10, the report that annexes it, and the index showing its lower score;
        // its 监控表, which prints the target; the review, which quotes the target (a number
        // without a unit, JX810). Everything else is reused.
        #expect(report.reusedPages == report.pages.count - 7)
        #expect(try files() == clean())
    }

    /// A data file changed within one tick of a coarse clock (same size, same time, same
    /// inode) is still a change: only the content decides.
    @Test func aDataFileChangedKeepingItsSizeAndTimeIsNoticed() throws {
        _ = try publish()
        try overwriteKeepingStamp(project, replacing: "指标值: 9\n", with: "指标值: 8\n")
        let report = try publish()
        #expect(!report.upToDate && report.reusedPages == report.pages.count - 7)
        #expect(try files() == clean())
    }

    /// A page edited by hand, keeping its size and time, is written again, never taken as it is.
    @Test func aPageEditedByHandKeepingItsSizeAndTimeIsWrittenAgain() throws {
        _ = try publish()
        let page = output.appendingPathComponent("2021/项目/村级组织经费.html")
        try overwriteKeepingStamp(page, replacing: "村级组织经费", with: "村级组织费用")
        let report = try publish()
        #expect(!report.upToDate && report.reusedPages == report.pages.count - 1)
        #expect(try files() == clean())
    }

    @Test(arguments: ["2021/自评/村级组织经费.xlsx", "2021/年度绩效目标.docx"])
    func aFileRemovedByHandIsWrittenAgain(_ path: String) throws {
        _ = try publish()
        try FileManager.default.removeItem(at: output.appendingPathComponent(path))
        let report = try publish()
        #expect(report.reusedPages == report.pages.count - 1)
        #expect(try files() == clean())
    }

    /// The same data folder named another way (`./data`, a trailing slash) is the same data.
    @Test func theDataFolderSpelledAnotherWayIsTheSameData() throws {
        _ = try publish()
        #expect(try publish(dataPath: data.path + "/./").upToDate)
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")
        let report = try publish(dataPath: data.path + "/./")
        #expect(report.reusedPages == report.pages.count - 7)
        #expect(try files() == clean())
    }

    /// A results file changed: its 自评表 and what shows its score (the report, the index).
    @Test func oneResultsFileChangedRedoesItsAssessment() throws {
        _ = try publish()
        try edit(data.appendingPathComponent("2021/自评/信访维稳专项资金.yaml"), replacing: "全年执行数: 25.5万元",
                 with: "全年执行数: 28.5万元")
        let report = try publish()
        #expect(report.reusedPages == report.pages.count - 3)
        #expect(try files() == clean())
    }

    /// A monitoring file changed: its 监控表 and the monitoring summary, nothing else.
    @Test func oneMonitoringFileChangedRedoesItsTableAndTheSummary() throws {
        _ = try publish()
        try edit(data.appendingPathComponent("2021/监控/信访维稳专项资金.yaml"), replacing: "执行数: 18万元", with: "执行数: 19万元")
        let report = try publish()
        #expect(report.reusedPages == report.pages.count - 2)
        #expect(try files() == clean())
    }

    /// Rendered a few projects at a time, a long document's unchanged parts are copied from the
    /// earlier file batch by batch, and where each lands is recorded right: the next republish
    /// copies from a file put together from batches.
    @Test func republishingInBatchesMatchesAPublishFromScratch() throws {
        _ = try publish(batchSize: 3)
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")
        let report = try publish(batchSize: 3)
        #expect(report.reusedPages == report.pages.count - 7)
        #expect(try files() == clean())

        try edit(data.appendingPathComponent("2021/自评/信访维稳专项资金.yaml"), replacing: "全年执行数: 25.5万元",
                 with: "全年执行数: 28.5万元")
        let again = try publish(batchSize: 2)
        #expect(again.reusedPages == again.pages.count - 3)
        #expect(try files() == clean())
    }

    /// A long document whose parts were tampered with is not copied from: a part is taken
    /// from the previous file only while that file's content is what was written.
    @Test func partsAreNeverCopiedFromAnEditedDocument() throws {
        _ = try publish()
        let annual = output.appendingPathComponent("2021/年度绩效目标.html")
        try overwriteKeepingStamp(annual, replacing: "村委会办公场所租赁费", with: "村委会办公场所租金费")
        try edit(project, replacing: "指标值: 9\n", with: "指标值: 10\n")
        _ = try publish()
        #expect(try files() == clean())
    }

    @Test func theUnitChangedRedoesEveryPage() throws {
        _ = try publish()
        try edit(data.appendingPathComponent("2021/部门整体绩效目标.yaml"), replacing: "单位: ", with: "单位: 新")
        let report = try publish()
        #expect(report.reusedPages == 0)
        #expect(try files() == clean())
    }

    @Test func changedTemplatesRedoEveryPage() throws {
        _ = try publish()
        try edit(templates.appendingPathComponent("jixiao.css"), replacing: "}", with: "}\n")
        let report = try publish()
        #expect(report.reusedPages == 0)
        #expect(try files() == clean())
    }

    /// A change behind a linked data folder is a change: the data is read as the loader reads it.
    @Test func aChangeBehindALinkedFolderIsNoticed() throws {
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: data.appendingPathComponent("2021/项目"), to: elsewhere)
        try FileManager.default.createSymbolicLink(at: data.appendingPathComponent("2021/项目"), withDestinationURL: elsewhere)
        _ = try publish()
        try edit(elsewhere.appendingPathComponent("村级组织经费.yaml"), replacing: "指标值: 9\n", with: "指标值: 10\n")
        let report = try publish()
        #expect(!report.upToDate && report.reusedPages == report.pages.count - 7)
    }

    @Test func orientationOptionTurnsEveryPage() throws {
        _ = try publish()
        let report = try publish(orientation: .landscape)
        #expect(report.reusedPages == 0)
        #expect(try files() == clean(orientation: .landscape))
    }

    /// A project's table is a part of its own page and of a long document (the goal table of
    /// the annual document, the 自评表 of the report's annexes), built and transformed once for
    /// both: the two places hold the same part, under the same key.
    @Test func eachTableIsOnePartOfItsPageAndItsDocument() throws {
        let dataSet = DataSetLoader.load(directory: data.path, keepSources: false)
        let plan = RenderPlan(dataSet)
        let uses = Dictionary(plan.jobs.flatMap(\.parts).map { ($0.key!, 1) }, uniquingKeysWith: +)
        #expect(uses.count { $0.value == 2 } == 28, "14 goal tables and 14 自评表, each in two places")
    }

    @Test func aFailureMetTwiceIsToldOnce() {
        let failures = FailureList()
        let failure = Diagnostic(.outputFailed, path: "2021/index.html", at: nil, "写出失败")
        failures.append(failure)
        failures.append(failure)
        #expect(failures.all.count == 1)
    }
}
