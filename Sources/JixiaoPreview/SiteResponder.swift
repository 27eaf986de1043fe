import Foundation
import Hummingbird
import NIOCore

/// What a request needs to know of its connection: the port it came in on, which is the only
/// one a `Host:` header may name (with port 0 the port is known only once the server runs).
struct PreviewContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let localPort: Int?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        localPort = source.channel.localAddress?.port
    }
}

/// Answers the browser: the published site from the private output folder, the diagnostics
/// page while the data has errors, and the version of what is served (plain, and as events).
struct SiteResponder: HTTPResponder {
    static let versionPath = "/__jixiao/version"
    static let eventsPath = "/__jixiao/events"

    let root: URL
    let state: PreviewState

    func respond(to request: Request, context: PreviewContext) async throws -> Response {
        guard HostCheck.allows(request.head.authority, port: context.localPort) else {
            return text(.misdirectedRequest, HostCheck.refusal(port: context.localPort))
        }
        guard request.method == .get else {
            var response = text(.methodNotAllowed, "预览只接受 GET 请求\n")
            response.headers[.allow] = "GET"
            return response
        }
        switch request.uri.path {
        case Self.versionPath:
            return text(.ok, String(await state.snapshot.version))
        case Self.eventsPath:
            return await events()
        case let path:
            return await page(path)
        }
    }

    private func events() async -> Response {
        let versions = await state.versions()
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                        body: ResponseBody { writer in
                            for await version in versions {
                                try await writer.write(ByteBuffer(string: "data: \(version)\n\n"))
                            }
                            try await writer.finish(nil)
                        })
    }

    private func page(_ rawPath: String) async -> Response {
        let snapshot = await state.snapshot
        guard let path = rawPath.removingPercentEncoding, let components = SitePath.components(path) else {
            return text(.forbidden, "拒绝访问：路径不在预览目录之内\n")
        }
        let wantsPage = path.hasSuffix("/") || path.hasSuffix(".html")
        if let failure = snapshot.failurePage, wantsPage {
            return served(failure, version: snapshot.version)
        }
        if path == "/", snapshot.years.count == 1 {
            return Response(status: .found, headers: [.location: "/\(snapshot.years[0])/index.html"])
        }
        var file = components.reduce(root) { $0.appendingPathComponent($1) }
        if path.hasSuffix("/") { file.appendPathComponent("index.html") }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return text(.notFound, "找不到 \(path)\n")
        }
        return served(PreviewState.Page(bytes: [UInt8](data), contentType: SitePath.contentType(file.pathExtension)),
                      version: snapshot.version)
    }

    private func served(_ page: PreviewState.Page, version: Int) -> Response {
        let isHTML = page.contentType.hasPrefix("text/html")
        let bytes = isHTML ? ReloadScript.inject(into: page.bytes, version: version) : page.bytes
        var headers: HTTPFields = [.contentType: page.contentType]
        // Pages change with every republish; images and styles are asked for again anyway.
        if isHTML { headers[.cacheControl] = "no-store" }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }
}

/// A decoded request path as folder names inside the site, and the content type of a file.
enum SitePath {
    /// The names below the site's root; nil for a path that would leave it (`..`) or that no
    /// file can have (a NUL byte).
    static func components(_ path: String) -> [String]? {
        guard path.hasPrefix("/"), !path.contains("\0") else { return nil }
        let names = path.split(separator: "/").map(String.init).filter { $0 != "." }
        return names.contains("..") ? nil : names
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
