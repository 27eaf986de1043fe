import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JixiaoModel
import Testing
@testable import JixiaoPreview

/// A real server on a free port of 127.0.0.1, spoken to over plain sockets.
@Suite("jixiao preview", .serialized)
struct PreviewServerTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = repository.appendingPathComponent("templates").path
    static let projectPage = "/2021/项目/村级组织经费.html".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!

    /// A copy of the 2021 projects in a temporary folder, removed after `body`, with each
    /// file's text passed through `convert` on the way.
    private func withData(_ convert: (String) throws -> [UInt8] = { Array($0.utf8) },
                          _ body: (URL) async throws -> Void) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-preview-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let source = Self.repository.appendingPathComponent("data/2021/项目")
        let target = root.appendingPathComponent("2021/项目")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            let text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
            try Data(try convert(text)).write(to: target.appendingPathComponent(name))
        }
        try await body(root)
    }

    /// A started preview of `data`, stopped after `body` whatever happens; its private folder
    /// is gone afterwards.
    private func withPreview(_ data: URL, encoding: SourceEncoding = .utf8, templates: String = Self.templates, port: UInt16 = 0,
                             _ body: (PreviewServer, UInt16) async throws -> Void) async throws {
        let server = PreviewServer(options: .init(dataDirectory: data.path, encoding: encoding, templatesDirectory: templates,
                                                  port: port, pollInterval: .milliseconds(100)), log: { _ in })
        let bound = try await server.start()
        let watcher = Task { await server.watch() }
        do {
            try await body(server, bound)
        } catch {
            watcher.cancel()
            await server.stop()
            throw error
        }
        watcher.cancel()
        await server.stop()
        #expect(!FileManager.default.fileExists(atPath: server.site.path), "the private folder is removed on stop")
    }

    @Test func servesTheSiteWithTheReloadScriptInjected() async throws {
        try await withData { data in
            try await withPreview(data) { server, port in
                let root = try Loopback.get("/", port: port)
                #expect(root.status == 302)
                #expect(root.head.contains("Location: /2021/index.html") || root.head.contains("location: /2021/index.html"))

                let page = try Loopback.get(Self.projectPage, port: port)
                #expect(page.status == 200)
                #expect(page.head.lowercased().contains("content-type: text/html; charset=utf-8"))
                #expect(page.body.contains("村级组织经费项目绩效目标表"))
                #expect(page.body.contains(SiteResponder.eventsPath), "the reload script is injected")
                let published = try String(contentsOf: server.output.appendingPathComponent("2021/项目/村级组织经费.html"),
                                           encoding: .utf8)
                #expect(!published.contains("<script"), "the published file itself has no script")

                #expect(try Loopback.get(SiteResponder.versionPath, port: port).body == "1")
                #expect(try Loopback.get("/2021/nothing.html", port: port).status == 404)
            }
        }
    }

    @Test func republishesOnChangeAndShowsDiagnosticsWhileTheDataIsBroken() async throws {
        try await withData { data in
            try await withPreview(data) { _, port in
                let events = try Loopback(port: port, timeout: .seconds(10))
                events.send("GET \(SiteResponder.eventsPath) HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
                #expect(events.wait(for: "text/event-stream"))
                #expect(events.wait(for: "data: 1\n\n"), "the current version on connecting")

                let file = data.appendingPathComponent("2021/项目/村级组织经费.yaml")
                let original = try String(contentsOf: file, encoding: .utf8)
                try original.replacingOccurrences(of: "项目编码: \"\"", with: "项目编码: PREVIEW-01")
                    .write(to: file, atomically: true, encoding: .utf8)
                #expect(events.wait(for: "data: 2\n\n"), "an event after the republish")
                #expect(try Loopback.get(Self.projectPage, port: port).body.contains("PREVIEW-01"))

                try original.replacingOccurrences(of: "合计: 71万元", with: "合计: 七十一万元")
                    .write(to: file, atomically: true, encoding: .utf8)
                #expect(events.wait(for: "data: 3\n\n"))
                let broken = try Loopback.get("/2021/index.html", port: port)
                #expect(broken.head.lowercased().contains("content-type: text/html; charset=utf-8"))
                #expect(broken.body.contains("JX206"))
                #expect(broken.body.contains("村级组织经费.yaml:8:7"))
                #expect(broken.body.contains("七十一万元"), "the source line is quoted")
                #expect(!broken.body.contains("项目绩效目标表</td>"), "no stale table while the data is broken")
                #expect(broken.body.contains(SiteResponder.eventsPath), "the diagnostics page reloads too")
            }
        }
    }

    /// A 监控/ folder added while the preview runs is read by the same loader as a publish: the
    /// monitoring pages appear, and follow the file. 41.5 ÷ 71 = 58.45 %; 10 ÷ 71 = 14.0845… → 14.08 %.
    @Test func picksUpMonitoringFiles() async throws {
        try await withData { data in
            try await withPreview(data) { _, port in
                let events = try Loopback(port: port, timeout: .seconds(10))
                events.send("GET \(SiteResponder.eventsPath) HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
                #expect(events.wait(for: "data: 1\n\n"))
                let summary = "/2021/绩效运行监控.html".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
                let table = "/2021/监控/村级组织经费.html".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
                #expect(try Loopback.get(summary, port: port).status == 404, "no monitoring before 监控/ exists")

                let folder = data.appendingPathComponent("2021/监控")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let original = try String(contentsOf: Self.repository.appendingPathComponent("data/2021/监控/村级组织经费.yaml"), encoding: .utf8)
                try original.write(to: folder.appendingPathComponent("村级组织经费.yaml"), atomically: true, encoding: .utf8)
                #expect(events.wait(for: "data: 2\n\n"), "republished once the file is there")
                let page = try Loopback.get(summary, port: port)
                #expect(page.status == 200 && page.body.contains("58.45%") && page.body.contains("未填报"))
                #expect(try Loopback.get(table, port: port).body.contains("项目支出绩效目标执行监控表"))

                try original.replacingOccurrences(of: "执行数: 41.5万元", with: "执行数: 10万元")
                    .write(to: folder.appendingPathComponent("村级组织经费.yaml"), atomically: true, encoding: .utf8)
                #expect(events.wait(for: "data: 3\n\n"))
                #expect(try Loopback.get(table, port: port).body.contains("14.08%"))
            }
        }
    }

    /// Without templates nothing can be published, not even the diagnostics page: the error
    /// shows as text, and the page still reloads once the templates are back.
    @Test func watchesTheTemplatesAndRecoversFromAFailedPublish() async throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-preview-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: templates) }
        try await withData { data in
            try await withPreview(data, templates: templates.path) { _, port in
                let failed = try Loopback.get(Self.projectPage, port: port)
                #expect(failed.head.lowercased().contains("content-type: text/html; charset=utf-8"))
                #expect(failed.body.contains("<pre>"))
                #expect(failed.body.contains(SiteResponder.eventsPath))

                let events = try Loopback(port: port, timeout: .seconds(10))
                events.send("GET \(SiteResponder.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
                #expect(events.wait(for: "data: 1\n\n"))
                for name in try FileManager.default.contentsOfDirectory(atPath: Self.templates) {
                    try FileManager.default.copyItem(atPath: Self.templates + "/" + name, toPath: templates.appendingPathComponent(name).path)
                }
                #expect(events.wait(for: "data: 2\n\n"), "a republish after the templates changed")
                #expect(try Loopback.get(Self.projectPage, port: port).body.contains("村级组织经费项目绩效目标表"))
            }
        }
    }

    @Test func refusesForeignHostHeaders() async throws {
        try await withData { data in
            try await withPreview(data) { _, port in
                for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)"] {
                    #expect(try Loopback.get(Self.projectPage, port: port, host: host).status == 200, "\(host)")
                }
                for host in ["evil.example:\(port)", "evil.example", "127.0.0.1", "localhost",
                             "127.0.0.1:\(port &+ 1)", "127.0.0.1.evil.example:\(port)", nil] {
                    let response = try Loopback.get(Self.projectPage, port: port, host: host)
                    #expect(response.status == 421, "\(host ?? "no Host")")
                    #expect(response.body.contains("拒绝访问"))
                    #expect(!response.body.contains("绩效目标表"))
                }
                #expect(try Loopback.get(SiteResponder.eventsPath, port: port, host: "evil.example:\(port)").status == 421)
            }
        }
    }

    @Test func refusesPathsOutsideTheSite() async throws {
        try await withData { data in
            try await withPreview(data) { _, port in
                for path in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                             "/2021/%2E%2E/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2f..%2fetc%2fpasswd"] {
                    let response = try Loopback.get(path, port: port)
                    #expect(response.status == 403, "\(path)")
                    #expect(!response.body.contains("root:"))
                }
            }
        }
    }

    /// FlyingFox took 40 s over two 256 KB request lines. A request line or header past the
    /// limit ends its connection at once, and the server keeps answering others.
    @Test func oversizedRequestsDoNotStallTheServer() async throws {
        try await withData { data in
            try await withPreview(data) { _, port in
                let megabyte = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
                let lines = try (0..<2).map { _ in try Loopback(port: port) }
                for line in lines { line.send(Array("GET /".utf8) + megabyte + Array(" HTTP/1.1\r\n".utf8)) }
                let header = try Loopback(port: port)
                header.send(Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Long: ".utf8) + megabyte + Array("\r\n\r\n".utf8))

                let clock = ContinuousClock()
                let start = clock.now
                #expect(try Loopback.get(Self.projectPage, port: port).status == 200)
                #expect(clock.now - start < .seconds(2))

                for connection in lines + [header] {
                    let (answer, closed) = connection.receiveAll()
                    let text = String(decoding: answer, as: UTF8.self)
                    #expect(closed || text.hasPrefix("HTTP/1.1 400"), "answered with an error or closed")
                    #expect(!text.contains("绩效目标表"))
                }
            }
        }
    }

    @Test func closesAConnectionWhoseBodyIsTooLarge() async throws {
        try await withData { data in
            try await withPreview(data) { _, port in
                let upload = try Loopback(port: port)
                upload.send("POST / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 100000000\r\n\r\n")
                upload.send([UInt8](repeating: 0, count: 1 << 20))
                #expect(upload.receiveAll().closed, "closed long before the announced 100 MB")
                #expect(try Loopback.get(Self.projectPage, port: port).status == 200)
            }
        }
    }

    @Test func readsDataInTheEncodingAskedFor() async throws {
        try await withData({ try Self.gb18030($0) }) { data in
            try await withPreview(data, encoding: .gb18030) { _, port in
                let page = try Loopback.get(Self.projectPage, port: port)
                #expect(page.body.contains("村级组织经费项目绩效目标表"))
            }
            try await withPreview(data) { _, port in
                let page = try Loopback.get(Self.projectPage, port: port)
                #expect(page.body.contains("GB18030"), "read as UTF-8, the same files are refused")
            }
            let file = data.appendingPathComponent("2021/项目/村级组织经费.yaml")
            let text = try String(contentsOf: Self.repository.appendingPathComponent("data/2021/项目/村级组织经费.yaml"), encoding: .utf8)
            try Data(try Self.gb18030(text.replacingOccurrences(of: "合计: 71万元", with: "合计: 七十一万元"))).write(to: file)
            try await withPreview(data, encoding: .gb18030) { _, port in
                let page = try Loopback.get("/2021/index.html", port: port)
                #expect(page.body.contains("JX206"))
                #expect(page.body.contains("合计: 七十一万元"), "the diagnostics quote the line as the user wrote it")
            }
        }
    }

    @Test func takesTheNextPortWhenOneIsBusy() async throws {
        try await withData { data in
            try await withPreview(data) { _, busy in
                try await withPreview(data, port: busy) { (_, port) async throws in
                    #expect(port != busy)
                    #expect(port > busy && port <= busy &+ 9)
                    #expect(try Loopback.get(Self.projectPage, port: port).status == 200)
                }
            }
        }
    }

    @Test func publishedFilesNeverCarryTheScript() throws {
        let page = try String(contentsOf: Self.repository.appendingPathComponent("templates/page.xsl"), encoding: .utf8)
        #expect(!page.contains("<script"))
        let injected = ReloadScript.inject(into: Array("<html><body><p>x</p></body></html>".utf8), version: 3)
        #expect(String(decoding: injected, as: UTF8.self).hasSuffix("</script></body></html>"))
    }

    /// `text` in GB18030, as Notepad's "ANSI" saves it on a Chinese Windows.
    static func gb18030(_ text: String) throws -> [UInt8] {
        let converter = iconv_open("GB18030", "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { throw POSIXError(.EINVAL) }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let written = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return -1 }
                return outBuffer.count - outLeft
            }
        }
        guard written >= 0 else { throw POSIXError(.EILSEQ) }
        return Array(output[..<written])
    }
}
