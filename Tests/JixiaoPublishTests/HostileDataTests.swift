import Foundation
import JixiaoDiagnostics
import JixiaoPublish
import Testing
import JixiaoData
import JixiaoImport
import JixiaoExport
import JixiaoRender

/// Data never becomes markup, templates cannot reach the network or write files, and a
/// project name cannot place a file outside the output directory.
@Suite("Hostile data and templates")
struct HostileDataTests {
    static let base = try! String(contentsOf: Published.repository.appendingPathComponent("data/2021/项目/村委会办公场所租赁费.yaml"),
                                  encoding: .utf8)

    /// A data root with the given project files (name → text) under 2021/项目/.
    /// Everything a test makes, removed when the test is done.
    let scratch = Scratch("jixiao-hostile")

    func dataRoot(_ files: [String: String]) throws -> URL {
        let root = scratch.appendingPathComponent(UUID().uuidString)
        let folder = root.appendingPathComponent("data/2021/项目")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return root
    }

    static func publish(_ root: URL, templates: URL? = nil, docx: Bool = false) throws -> URL {
        let out = root.appendingPathComponent("output")
        var options = PublishOptions(
            dataDirectory: root.appendingPathComponent("data").path, outputDirectory: out.path,
            templatesDirectory: (templates ?? Published.repository.appendingPathComponent("templates")).path)
        options.docx = docx
        _ = try Publisher.publish(options)
        return out
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    @Test(arguments: [
        "<script>alert(1)</script>", "]]>", "&amp; &lt;", "\"双引号\" '单引号'", "<![CDATA[x]]>", "<!-- 注释 -->",
        "\u{202E}右到左覆盖", String(repeating: "长", count: 350_000),
    ])
    func markupInACellIsText(_ text: String) throws {
        let project = Self.base.replacingOccurrences(of: "描述: 村委会办公场所租赁费使用村庄数", with: "描述: \(Self.quoted(text))")
        let out = try Self.publish(try dataRoot(["村委会办公场所租赁费.yaml": project]), docx: true)
        let page = try XHTMLPage(path: out.appendingPathComponent("2021/项目/村委会办公场所租赁费.html").path)
        #expect(page.elements("script").isEmpty)
        let cells = page.grid(ofTableWithClass: "goal-table").flatMap { $0 }
        #expect(cells.contains(text), "the cell holds exactly the data")
        let document = try WordDocument(path: out.appendingPathComponent("2021/项目/村委会办公场所租赁费.docx").path)
        #expect(document.tables.flatMap { $0.rows.flatMap { $0.map(\.text) } }.contains(text), "and so does the Word document's")
    }

    /// The monitoring file of Tests/Robustness/hostile-data: its markup is text in the 监控表
    /// and in the summary's list of indicators at risk.
    @Test func markupInMonitoringIsText() throws {
        let root = scratch.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Published.repository.appendingPathComponent("Tests/Robustness/hostile-data"),
                                         to: root.appendingPathComponent("data"))
        let out = try Self.publish(root)
        let table = try XHTMLPage(path: out.appendingPathComponent("2021/监控/_script_alert(1)__script_.html").path)
        let summary = try XHTMLPage(path: out.appendingPathComponent("2021/绩效运行监控.html").path)
        #expect(table.elements("script").isEmpty && table.elements("img").isEmpty && table.elements("b").isEmpty)
        #expect(summary.elements("script").isEmpty && summary.elements("img").isEmpty)
        let cells = table.grid(ofTableWithClass: "monitoring-table").flatMap { $0 }
        for text in ["<script>alert(1)</script>", "<b>街道办事处</b>", "]]> &amp;", "<img src=x onerror=alert(1)>", "&lt;2&gt;",
                     "原因：<!-- 注释 --> \u{202E}右到左纠偏措施：<![CDATA[x]]>"] {
            #expect(cells.contains(text), "the cell holds exactly \(text)")
        }
        let risks = summary.grid(ofTableWithClass: "at-risk-list").flatMap { $0 }
        #expect(risks.contains("<script>alert(1)</script>") && risks.contains("其他：<!-- 注释 --> \u{202E}右到左"))
    }

    @Test func controlCharactersAreReportedNotPublished() throws {
        let project = Self.base.replacingOccurrences(of: "描述: 村委会办公场所租赁费使用村庄数", with: "描述: \"a\\x01b\"")
        let root = try dataRoot(["村委会办公场所租赁费.yaml": project])
        #expect(throws: PublishFailure.self) { try Self.publish(root) }
        let dataSet = DataSetLoader.load(directory: root.appendingPathComponent("data").path)
        #expect(dataSet.diagnostics.map(\.message) == ["值中含有控制字符 U+0001"])
    }

    /// A data file that cannot be read, such as a link to a file since removed, is reported,
    /// never silently left out of the tables.
    @Test func aLinkToNothingIsReportedNotSkipped() throws {
        let root = try dataRoot(["村委会办公场所租赁费.yaml": Self.base])
        let link = root.appendingPathComponent("data/2021/项目/已删除.yaml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "不存在.yaml")
        #expect(throws: PublishFailure.self) { try Self.publish(root) }
        let dataSet = DataSetLoader.load(directory: root.appendingPathComponent("data").path)
        #expect(dataSet.diagnostics.map(\.code) == [.fileUnreadable])
        #expect(dataSet.diagnostics.first?.path == link.path)
    }

    @Test func projectNamesCannotEscapeOrCollide() throws {
        let names = ["../../etc/x", "a/b", "a_b", "CON", ".hidden", "名称?#%"]
        var files: [String: String] = [:]
        for (index, name) in names.enumerated() {
            files["p\(index).yaml"] = Self.base.replacingOccurrences(of: "项目名称: 村委会办公场所租赁费", with: "项目名称: \(Self.quoted(name))")
        }
        let root = try dataRoot(files)
        let out = try Self.publish(root)
        let folder = out.appendingPathComponent("2021/项目")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written.count == names.count, "\(written)")
        #expect(written.allSatisfy { !$0.hasPrefix(".") && !$0.contains("/") })
        #expect(Set(written.map { $0.lowercased() }).count == names.count, "no two names share a file")
        #expect(written.contains("CON_.html"))
        let everything = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
        #expect(everything.filter { $0.hasSuffix(".html") }.allSatisfy { $0.hasPrefix("output/") })
        // Every link on the index leads to a page that exists.
        let index = try XHTMLPage(path: out.appendingPathComponent("2021/index.html").path)
        for href in index.elements("a").compactMap({ index.attribute($0, "href") }) {
            let target = out.appendingPathComponent("2021").appendingPathComponent(href.removingPercentEncoding ?? href)
            #expect(FileManager.default.fileExists(atPath: target.path), "broken link \(href)")
        }
    }

    /// A copy of the templates whose driver adds `extra` inside the project page template.
    func templates(withInjected extra: String) throws -> URL {
        let folder = scratch.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Published.repository.appendingPathComponent("templates"), to: folder)
        let goalTable = folder.appendingPathComponent("goal-table.xsl")
        let text = try String(contentsOf: goalTable, encoding: .utf8)
            .replacingOccurrences(of: "<section class=\"goal-table-page\">", with: "<section class=\"goal-table-page\">" + extra)
            .replacingOccurrences(of: "<xsl:stylesheet version=\"1.0\"", with: "<xsl:stylesheet version=\"1.0\" xmlns:exsl=\"http://exslt.org/common\" extension-element-prefixes=\"exsl\"")
        try text.write(to: goalTable, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func templatesCannotReadTheNetwork() throws {
        let root = try dataRoot(["村委会办公场所租赁费.yaml": Self.base])
        let evil = try templates(withInjected: "<xsl:value-of select=\"document('http://127.0.0.1:9/x.xml')\"/>")
        do {
            _ = try Self.publish(root, templates: evil)
            Issue.record("a template read from the network")
        } catch let failure as PublishFailure {
            #expect(failure.diagnostics.first?.code == .templateFailed)
            #expect(failure.diagnostics.first?.message.contains("read for http://127.0.0.1:9/x.xml refused") == true,
                    "\(failure.diagnostics.first?.message ?? "")")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path), "nothing published")
    }

    @Test func templatesCannotWriteFiles() throws {
        let root = try dataRoot(["村委会办公场所租赁费.yaml": Self.base])
        let target = scratch.appendingPathComponent("written.txt")
        let evil = try templates(withInjected: "<exsl:document href=\"\(target.path)\" method=\"text\">x</exsl:document>")
        #expect(throws: PublishFailure.self) { try Self.publish(root, templates: evil) }
        #expect(!FileManager.default.fileExists(atPath: target.path), "the template wrote a file")
    }

    @Test func failedPublishLeavesThePreviousOutputAlone() throws {
        let root = try dataRoot(["村委会办公场所租赁费.yaml": Self.base])
        let out = try Self.publish(root)
        let page = out.appendingPathComponent("2021/项目/村委会办公场所租赁费.html")
        let before = try Data(contentsOf: page)
        let broken = Self.base.replacingOccurrences(of: "合计: 20万元", with: "合计: 二十万元")
        try broken.write(to: root.appendingPathComponent("data/2021/项目/村委会办公场所租赁费.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: PublishFailure.self) { try Self.publish(root) }
        #expect(try Data(contentsOf: page) == before)
        // Nothing beside the output: no working folder left behind.
        let beside = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(beside.isEmpty, "no working folder left behind: \(beside)")
    }

    /// Publishing replaces the output directory whole: never the data, the templates, the
    /// current directory or a folder holding files Jixiao did not write.
    @Test func outputThatWouldSwapAwayOtherFilesIsRefused() throws {
        let root = try dataRoot(["村委会办公场所租赁费.yaml": Self.base])
        let keep = root.appendingPathComponent("notes/要保留.txt")
        try FileManager.default.createDirectory(at: keep.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: keep)
        func refusal(_ out: URL, emitXML: URL? = nil) -> String? {
            do {
                _ = try Publisher.publish(PublishOptions(
                    dataDirectory: root.appendingPathComponent("data").path, outputDirectory: out.path,
                    templatesDirectory: Published.repository.appendingPathComponent("templates").path, emitXMLDirectory: emitXML?.path))
                return nil
            } catch let failure as PublishFailure {
                return failure.diagnostics.map { "\($0.code.rawValue) \($0.message)" }.joined(separator: "\n")
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal(root.appendingPathComponent("data"))?.hasPrefix("JX906 输出目录") == true)
        #expect(refusal(root)?.contains("就是数据目录或包含它") == true)
        #expect(refusal(Published.repository.appendingPathComponent("templates"))?.contains("模板目录") == true)
        #expect(refusal(root.appendingPathComponent("notes"))?.contains("不是 Jixiao 生成的“要保留.txt”") == true)
        #expect(refusal(root.appendingPathComponent("site"), emitXML: root.appendingPathComponent("notes")) != nil)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".site.jixiao-work").path),
                "a refused --emit-xml leaves no working folder beside the output")
        #expect(FileManager.default.fileExists(atPath: keep.path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("data/2021/项目/村委会办公场所租赁费.yaml").path))

        // A Jixiao output is replaced freely, but a file added to it by hand stops the next publish.
        let out = root.appendingPathComponent("output")
        #expect(refusal(out) == nil)
        #expect(refusal(out) == nil)
        try Data("x".utf8).write(to: out.appendingPathComponent("2021/备注.txt"))
        #expect(refusal(out)?.contains("“2021/备注.txt”") == true)
    }
}
