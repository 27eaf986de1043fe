import Foundation
import JixiaoDiagnostics
import JixiaoOutput
@testable import JixiaoPublish
import JixiaoRender
import Testing
import JixiaoData
import JixiaoImport
import JixiaoExport

/// Publishing replaces its output folder and nothing else: each failure here once destroyed
/// or blocked a user's files.
@Suite("The output folder and what is beside it", .serialized)
struct OutputSafetyTests {
    let scratch = Scratch("jixiao-out")
    var root: URL { scratch.url }
    var data: URL { root.appendingPathComponent("data") }

    init() throws {
        try FileManager.default.copyItem(at: Published.repository.appendingPathComponent("data"), to: data)
    }

    func publish(_ out: String, full: Bool = false, data: URL? = nil) throws -> PublishReport {
        var options = PublishOptions(dataDirectory: (data ?? self.data).path, outputDirectory: root.appendingPathComponent(out).path,
                                     templatesDirectory: Published.repository.appendingPathComponent("templates").path)
        options.incremental = !full
        return try Publisher.publish(options)
    }

    /// The diagnostics' codes and messages of a publish that must fail.
    func refusal(_ out: String) -> [String] {
        do {
            _ = try publish(out)
            return []
        } catch let failure as PublishFailure {
            return failure.diagnostics.map { "\($0.code.rawValue) \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }

    @Test func anExistingFileIsNeverTheOutput() throws {
        try write("我的报告", to: "report.txt")
        for _ in 0..<3 {
            let refused = refusal("report.txt")
            #expect(refused.count == 1 && refused[0].hasPrefix("JX906 “") && refused[0].contains("不是目录"), "\(refused)")
        }
        #expect(try read("report.txt") == "我的报告")
    }

    /// Folders beside the output that look like working folders are the user's own.
    @Test func foldersBesideTheOutputAreLeftAlone() throws {
        for name in [".output.bak-20240101", ".output.new-1", ".output.jixiao-spare", ".output.jixiao-reserve"] {
            try write("保留", to: "\(name)/笔记.txt")
        }
        _ = try publish("output")
        _ = try publish("output", full: true)
        for name in [".output.bak-20240101", ".output.new-1", ".output.jixiao-spare", ".output.jixiao-reserve"] {
            #expect(try read("\(name)/笔记.txt") == "保留")
        }
        let beside = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".output") }.sorted()
        #expect(beside == [".output.bak-20240101", ".output.jixiao-reserve", ".output.jixiao-spare", ".output.new-1"],
                "no working folder left behind: \(beside)")
    }

    /// A link given as `--out` is resolved once: the output goes where it points, and the
    /// link stays a link, publish after publish.
    @Test func aLinkAsTheOutputStaysALink() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("site").path, withDestinationPath: "real")
        for full in [false, true, false] {
            _ = try publish("site", full: full)
            let link = try FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("site").path)
            #expect(link == "real")
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("real/2021/index.html").path))
        }
        let beside = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(beside == ["data", "real", "site"])
    }

    /// A link planted where the working folder goes is never followed: the publish refuses,
    /// and the folder it points to keeps its files.
    @Test func aLinkPlantedAsTheWorkingFolderIsRefused() throws {
        _ = try publish("out")
        try write("别删", to: "victim/重要.txt")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(".out.jixiao-work").path,
                                                   withDestinationPath: root.appendingPathComponent("victim").path)
        let text = try read("data/2021/项目/村级组织经费.yaml").replacingOccurrences(of: "指标值: 9\n", with: "指标值: 10\n")
        try write(text, to: "data/2021/项目/村级组织经费.yaml")
        let refused = refusal("out")
        #expect(refused.count == 1 && refused[0].contains("不是 Jixiao 建立的工作目录"), "\(refused)")
        #expect(try read("victim/重要.txt") == "别删")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("victim").path) == ["重要.txt"])
    }

    /// Links planted where older versions kept their spare and reserve folders point at
    /// folders that stay as they are: publishing never looks there.
    @Test func linksWhereOlderVersionsKeptFoldersAreNeverFollowed() throws {
        try write("别删", to: "victim/重要.txt")
        for name in [".out.jixiao-spare", ".out.jixiao-reserve", ".out.jixiao-manifest"] {
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(name).path,
                                                       withDestinationPath: root.appendingPathComponent("victim").path)
        }
        for full in [false, true, false] { _ = try publish("out", full: full) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("victim").path) == ["重要.txt"])
        #expect(try read("victim/重要.txt") == "别删")
    }

    /// A folder with a marker file of someone else's text is not ours either.
    @Test func aWorkingFolderWithoutJixiaosMarkerIsRefused() throws {
        try write("别删", to: ".out.jixiao-work/.jixiao-work")
        let refused = refusal("out")
        #expect(refused.count == 1 && refused[0].contains("不是 Jixiao 建立的工作目录"), "\(refused)")
        #expect(try read(".out.jixiao-work/.jixiao-work") == "别删")
    }

    /// A publish that fails while rendering leaves nothing that blocks the next one.
    @Test func aFailedPublishBlocksNothingLater() throws {
        _ = try publish("out")
        let before = try snapshot(of: root.appendingPathComponent("out"))
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Published.repository.appendingPathComponent("templates"), to: templates)
        let goalTable = templates.appendingPathComponent("goal-table.xsl")
        try String(contentsOf: goalTable, encoding: .utf8)
            .replacingOccurrences(of: "<section class=\"goal-table-page\">",
                                  with: "<section class=\"goal-table-page\"><xsl:message terminate=\"yes\">坏模板</xsl:message>")
            .write(to: goalTable, atomically: true, encoding: .utf8)
        var broken = PublishOptions(dataDirectory: data.path, outputDirectory: root.appendingPathComponent("out").path,
                                    templatesDirectory: templates.path)
        broken.incremental = false
        #expect(throws: PublishFailure.self) { try Publisher.publish(broken) }
        #expect(try snapshot(of: root.appendingPathComponent("out")) == before)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".out.jixiao-work").path))
        #expect(try publish("out", full: true).pageCount == 49)
    }

    /// What a publish killed at any moment leaves is put right by the next one: without
    /// RENAME_EXCHANGE, the new output once it was complete, else the old one.
    @Test(arguments: [true, false])
    func anInterruptedSwapIsRecovered(newWasComplete: Bool) throws {
        _ = try publish("out")
        let out = root.appendingPathComponent("out")
        let old = try snapshot(of: out)
        // The state between the two renames: the old output moved aside, the new one staged.
        let work = root.appendingPathComponent(".out.jixiao-work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Data("Jixiao 的发布工作目录：发布完成后自动删除；发布中断后，下次发布会恢复或清除它。\n".utf8)
            .write(to: work.appendingPathComponent(".jixiao-work"))
        try FileManager.default.moveItem(at: out, to: work.appendingPathComponent("old"))
        try FileManager.default.createDirectory(at: work.appendingPathComponent("new/2021"), withIntermediateDirectories: true)
        try Data("新".utf8).write(to: work.appendingPathComponent("new/2021/新.html"))
        if newWasComplete { try Data().write(to: work.appendingPathComponent("complete")) }

        // A publish that is refused at once still recovers first: here the data has an error.
        let text = try read("data/2021/项目/村级组织经费.yaml")
        try write(text.replacingOccurrences(of: "合计: ", with: "合计: 二十"), to: "data/2021/项目/村级组织经费.yaml")
        _ = refusal("out")
        try write(text, to: "data/2021/项目/村级组织经费.yaml")
        let recovered = try snapshot(of: out)
        if newWasComplete {
            #expect(recovered == ["2021/新.html": Data("新".utf8)])
        } else {
            #expect(recovered == old)
        }
        _ = try publish("out", full: true)
        #expect(try snapshot(of: out) == old)
        #expect(!FileManager.default.fileExists(atPath: work.path))
    }

    /// Without RENAME_EXCHANGE the old output is moved aside and the new one moved in.
    @Test func publishingWithoutAnAtomicExchange() throws {
        _ = try publish("out")
        let old = try snapshot(of: root.appendingPathComponent("out"))
        setenv("JIXIAO_NO_RENAME_EXCHANGE", "1", 1)
        defer { unsetenv("JIXIAO_NO_RENAME_EXCHANGE") }
        _ = try publish("out", full: true)
        #expect(try snapshot(of: root.appendingPathComponent("out")) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["data", "out"])
    }

    /// A manifest this version cannot read (another format, or damaged) makes the next
    /// publish a full one; it does not make the output a stranger's.
    @Test func anUnreadableManifestMeansAFullPublish() throws {
        _ = try publish("out")
        let before = try snapshot(of: root.appendingPathComponent("out"))
        try write("{\"format\": \"jixiao-manifest 1\"}", to: "out/.jixiao-manifest.json")
        let report = try publish("out")
        #expect(!report.upToDate && report.reusedPages == 0)
        #expect(try snapshot(of: root.appendingPathComponent("out")) == before)
    }

    /// A name with a newline or another control character publishes, and republishes as an
    /// unchanged output: the manifest holds every name as it is.
    @Test func namesWithControlCharactersRepublish() throws {
        let folder = data.appendingPathComponent("2021/项目")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("村级组织经费.yaml"),
                                         to: folder.appendingPathComponent("村级\n组织\t经费.yaml"))
        let first = try publish("out")
        #expect(!first.upToDate)
        #expect(try publish("out").upToDate)
        let manifest = try #require(Manifest.read(in: root.appendingPathComponent("out").path))
        #expect(manifest.pages.count == first.pageCount)
    }

    /// The size of a data file is asked before it is read: a file far larger than memory
    /// (sparse, so it takes no disk) is refused without reading it.
    @Test func aHugeDataFileIsRefusedBeforeItIsRead() throws {
        let huge = data.appendingPathComponent("2021/项目/巨大.yaml")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        #expect(truncate(huge.path, 64 << 30) == 0)
        let refused = refusal("out")
        #expect(refused.contains { $0.hasPrefix("JX115 文件大小 68719476736 字节") }, "\(refused)")
    }

    /// A template may include only local files: an include from the network is refused, and
    /// no connection is ever made.
    @Test func aStylesheetIncludingFromTheNetworkIsRefused() throws {
        let listener = try LoopbackListener()
        let stylesheet = root.appendingPathComponent("evil.xsl")
        try Data("""
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
          <xsl:include href="http://127.0.0.1:\(listener.port)/evil.xsl"/>
        </xsl:stylesheet>
        """.utf8).write(to: stylesheet)
        #expect(throws: Stylesheet.Failure.self) { try Stylesheet(path: stylesheet.path) }
        #expect(!listener.wasConnected, "the include was fetched over the network")
    }
}

/// A TCP listener on 127.0.0.1 that only tells whether anyone connected.
final class LoopbackListener {
    private let descriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 4) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(descriptor, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
    }

    deinit { close(descriptor) }

    var wasConnected: Bool {
        let connection = accept(descriptor, nil, nil)
        if connection >= 0 { close(connection) }
        return connection >= 0
    }
}
