import FlyingFox
import Foundation
import JixiaoDiagnostics
import JixiaoData
import JixiaoPublish
import JixiaoRender

/// `jixiao preview`: publishes into a private folder, serves it on 127.0.0.1 only, and
/// republishes whenever a file under the data or template folders changes. Open pages poll
/// a version number and reload themselves; the polling script is injected only here, never
/// into published files. While the data has errors every page shows the diagnostics.
public final class PreviewServer: @unchecked Sendable {
    public struct Options: Sendable {
        public var dataDirectory: String
        public var templatesDirectory: String
        public var port: UInt16
        /// How often the folders are looked at for changes.
        public var pollInterval: Duration

        public init(dataDirectory: String, templatesDirectory: String, port: UInt16, pollInterval: Duration = .milliseconds(400)) {
            self.dataDirectory = dataDirectory
            self.templatesDirectory = templatesDirectory
            self.port = port
            self.pollInterval = pollInterval
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case portsBusy(UInt16)

        public var description: String {
            switch self {
            case .portsBusy(let port): return "端口 \(port) 到 \(port &+ 9) 都已被占用，请用 --port 指定其他端口"
            }
        }
    }

    let options: Options
    let site: URL
    let state = PreviewState()
    private var server: HTTPServer?
    private let log: @Sendable (String) -> Void

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
        site = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-preview-\(getpid())-\(UUID().uuidString)")
    }

    /// Publishes once, then listens. Returns the port in use: the one asked for, or the next
    /// free one (said aloud), or any free one for port 0.
    public func start() async throws -> UInt16 {
        await rebuild()
        let candidates: [UInt16] = options.port == 0 ? [0] : (0..<10).map { options.port &+ $0 }
        for port in candidates where port == 0 || Self.isFree(port) {
            let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), timeout: 30, logger: .disabled)
            await route(server)
            let task = Task { try await server.run() }
            do {
                try await server.waitUntilListening(timeout: 5)
            } catch {
                task.cancel()
                continue
            }
            self.server = server
            guard case .ip4(_, let bound)? = await server.listeningAddress else { return port }
            if options.port != 0, bound != options.port { log("端口 \(options.port) 已被占用，改用 \(bound)") }
            return bound
        }
        throw Failure.portsBusy(options.port)
    }

    /// Whether 127.0.0.1:`port` can be bound now (asked before starting the server, which
    /// would otherwise only report a busy port through its own log).
    static func isFree(_ port: UInt16) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// Watches the folders until cancelled.
    public func watch() async {
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(for: options.pollInterval)
            var now = fingerprint()
            guard now != last else { continue }
            // Editors save in steps (temporary file, rename): wait until the folders hold still.
            while true {
                try? await Task.sleep(for: options.pollInterval)
                let settled = fingerprint()
                if settled == now { break }
                now = settled
            }
            last = now
            log("检测到修改，重新发布…")
            await rebuild()
        }
    }

    public func stop() async {
        await server?.stop(timeout: 1)
        try? FileManager.default.removeItem(at: site)
    }

    // MARK: - Publishing

    func rebuild() async {
        let publish = PublishOptions(dataDirectory: options.dataDirectory,
                                     outputDirectory: site.appendingPathComponent("output").path,
                                     templatesDirectory: options.templatesDirectory)
        do {
            let report = try Publisher.publish(publish)
            await state.published(years: report.years)
            log("已发布 \(report.pageCount) 个页面")
        } catch let failure as PublishFailure {
            let sources = DataSetLoader.load(directory: options.dataDirectory).sources
            await state.failed(page: DiagnosticsPage.render(failure.diagnostics, sources: sources,
                                                            templatesDirectory: options.templatesDirectory))
            log("数据有错误，浏览器中显示诊断信息")
        } catch {
            await state.failed(page: DiagnosticsPage.plain("\(error)"))
        }
    }

    /// Every file's path, size and modification time under the watched folders.
    func fingerprint() -> [String] {
        [options.dataDirectory, options.templatesDirectory].flatMap { folder -> [String] in
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
            return enumerator.compactMap { $0 as? String }.sorted().compactMap { path in
                let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + path)
                let size = attributes?[.size] as? Int ?? -1
                let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                return "\(path)|\(size)|\(date)"
            }
        }
    }

    // MARK: - Serving

    static let versionPath = "/__jixiao/version"

    private func route(_ server: HTTPServer) async {
        await server.appendRoute(HTTPRoute(stringLiteral: "GET \(Self.versionPath)")) { [state] _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; charset=utf-8", .init("Cache-Control"): "no-store"],
                         body: Data(String(await state.version).utf8))
        }
        await server.appendRoute("GET *") { [self] request in
            await self.respond(to: request.path)
        }
    }

    func respond(to rawPath: String) async -> HTTPResponse {
        let path = rawPath.removingPercentEncoding ?? rawPath
        let snapshot = await state.snapshot
        if let failure = snapshot.failurePage, path == "/" || path.hasSuffix(".html") || path.hasSuffix("/") {
            return html(failure.bytes, version: snapshot.version, contentType: failure.contentType)
        }
        if path == "/" {
            let target = snapshot.years.count == 1 ? "/\(snapshot.years[0])/index.html" : "/index.html"
            if snapshot.years.count == 1 {
                return HTTPResponse(statusCode: .found, headers: HTTPHeaders([.location: target]))
            }
        }
        let root = site.appendingPathComponent("output").standardizedFileURL
        var file = root.appendingPathComponent(path).standardizedFileURL
        if path.hasSuffix("/") { file = file.appendingPathComponent("index.html") }
        guard file.path.hasPrefix(root.path + "/"), let data = FileManager.default.contents(atPath: file.path) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("找不到 \(path)".utf8))
        }
        let type = Self.contentType(file.pathExtension)
        return type.hasPrefix("text/html") ? html([UInt8](data), version: snapshot.version, contentType: type)
            : HTTPResponse(statusCode: .ok, headers: [.contentType: type], body: data)
    }

    private func html(_ bytes: [UInt8], version: Int, contentType: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: contentType, .init("Cache-Control"): "no-store"],
                     body: Data(ReloadScript.inject(into: bytes, version: version)))
    }

    static func contentType(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "pdf": return "application/pdf"
        case "png": return "image/png"
        default: return "application/octet-stream"
        }
    }
}

/// What is being served: a version that changes on every republish, and the diagnostics
/// page while the data has errors.
actor PreviewState {
    struct Page: Sendable {
        let bytes: [UInt8]
        let contentType: String
    }

    private(set) var version = 0
    private var failurePage: Page?
    private var years: [Int] = []

    var snapshot: (version: Int, failurePage: Page?, years: [Int]) { (version, failurePage, years) }

    func published(years: [Int]) {
        self.years = years
        failurePage = nil
        version += 1
    }

    func failed(page: Page) {
        failurePage = page
        version += 1
    }
}

/// The few lines of script that make an open page reload after a republish. Injected into
/// served HTML only; the published files never contain it.
enum ReloadScript {
    static func inject(into page: [UInt8], version: Int) -> [UInt8] {
        let script = """
        <script>(function(){var v="\(version)";setInterval(function(){fetch("\(PreviewServer.versionPath)",{cache:"no-store"})\
        .then(function(r){return r.text();}).then(function(t){if(t!==v){location.reload();}}).catch(function(){});},700);})();</script>
        """
        let marker = Array("</body>".utf8)
        guard let index = lastIndex(of: marker, in: page) else { return page + Array(script.utf8) }
        return Array(page[..<index]) + Array(script.utf8) + Array(page[index...])
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in stride(from: haystack.count - needle.count, through: 0, by: -1)
        where haystack[start] == needle[0] && Array(haystack[start..<start + needle.count]) == needle {
            return start
        }
        return nil
    }
}

/// The diagnostics, rendered through templates/diagnostics.xsl — or as plain text when the
/// templates themselves are what is broken.
enum DiagnosticsPage {
    static func render(_ diagnostics: [Diagnostic], sources: [String: SourceFile], templatesDirectory: String) -> PreviewState.Page {
        let errors = diagnostics.filter { $0.severity == .error }
        let tree = XMLTree(root: "diagnostics", attributes: [("errors", String(errors.count)),
                                                             ("warnings", String(diagnostics.count - errors.count))])
        for diagnostic in diagnostics {
            let line = diagnostic.mark.flatMap { sources[diagnostic.path]?.lineText($0.line) } ?? ""
            tree.rootElement.add("diagnostic", [
                ("file", diagnostic.path), ("line", diagnostic.mark.map { String($0.line) } ?? ""),
                ("column", diagnostic.mark.map { String($0.column) } ?? ""), ("severity", diagnostic.severity.rawValue),
                ("label", diagnostic.severity.label), ("code", diagnostic.code.rawValue), ("message", diagnostic.message),
                ("hint", diagnostic.hint ?? ""), ("source-line", line),
            ])
        }
        do {
            let stylesheet = try Stylesheet(path: templatesDirectory + "/diagnostics.xsl")
            let css = (try? String(contentsOfFile: templatesDirectory + "/jixiao.css", encoding: .utf8)) ?? ""
            return PreviewState.Page(bytes: try stylesheet.transform(tree, parameters: [("page.css", css)]),
                                     contentType: "text/html; charset=utf-8")
        } catch {
            return plain(diagnostics.map { $0.formatted(source: sources[$0.path]) }.joined(separator: "\n\n"))
        }
    }

    static func plain(_ text: String) -> PreviewState.Page {
        PreviewState.Page(bytes: Array(text.utf8), contentType: "text/plain; charset=utf-8")
    }
}
