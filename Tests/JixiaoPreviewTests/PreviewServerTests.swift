import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import JixiaoPreview

/// A real server on a free port of 127.0.0.1, fetched with a real HTTP client.
@Suite("jixiao preview", .serialized)
struct PreviewServerTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func copyOfData() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-preview-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("2021"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("data/2021/项目"),
                                         to: root.appendingPathComponent("2021/项目"))
        return root
    }

    private func fetch(_ port: UInt16, _ path: String) async throws -> (String, String) {
        let url = URL(string: "http://127.0.0.1:\(port)" + path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)!
        let (data, response) = try await URLSession.shared.data(from: url)
        let type = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Type") ?? ""
        return (String(decoding: data, as: UTF8.self), type)
    }

    /// Waits until the served version moves past `version`.
    private func waitForVersion(after version: String, port: UInt16) async throws -> String {
        for _ in 0..<100 {
            let (now, _) = try await fetch(port, PreviewServer.versionPath)
            if now != version { return now }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("no republish seen")
        return version
    }

    @Test func servesRepublishesAndShowsDiagnostics() async throws {
        let data = try copyOfData()
        let server = PreviewServer(options: .init(dataDirectory: data.path,
                                                  templatesDirectory: Self.repository.appendingPathComponent("templates").path,
                                                  port: 0, pollInterval: .milliseconds(100)), log: { _ in })
        let port = try await server.start()
        let watcher = Task { await server.watch() }
        defer { watcher.cancel() }

        let (page, type) = try await fetch(port, "/2021/项目/村级组织经费.html")
        #expect(type == "text/html; charset=utf-8")
        #expect(page.contains("村级组织经费项目绩效目标表"))
        #expect(page.contains(PreviewServer.versionPath), "the reload script is injected")
        let (version, _) = try await fetch(port, PreviewServer.versionPath)

        let file = data.appendingPathComponent("2021/项目/村级组织经费.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "项目编码: \"\"", with: "项目编码: PREVIEW-01").write(to: file, atomically: true, encoding: .utf8)
        let second = try await waitForVersion(after: version, port: port)
        #expect(try await fetch(port, "/2021/项目/村级组织经费.html").0.contains("PREVIEW-01"))

        try original.replacingOccurrences(of: "合计: 71万元", with: "合计: 七十一万元").write(to: file, atomically: true, encoding: .utf8)
        _ = try await waitForVersion(after: second, port: port)
        let (broken, brokenType) = try await fetch(port, "/2021/index.html")
        #expect(brokenType == "text/html; charset=utf-8")
        #expect(broken.contains("JX206"))
        #expect(broken.contains("村级组织经费.yaml:8:7"))
        #expect(!broken.contains("项目绩效目标表</td>"), "no stale table while the data is broken")

        let (missing, _) = try await fetch(port, "/../../etc/passwd")
        #expect(!missing.contains("root:"))
        await server.stop()
    }

    @Test func publishedFilesNeverCarryTheScript() throws {
        let page = try String(contentsOf: Self.repository.appendingPathComponent("templates/page.xsl"), encoding: .utf8)
        #expect(!page.contains("<script"))
        let injected = ReloadScript.inject(into: Array("<html><body><p>x</p></body></html>".utf8), version: 3)
        #expect(String(decoding: injected, as: UTF8.self).hasSuffix("</script></body></html>"))
    }
}
