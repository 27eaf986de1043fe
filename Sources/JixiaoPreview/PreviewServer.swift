import Foundation
import Hummingbird
import JixiaoModel
import Logging

/// `jixiao preview`: publishes into a private folder, serves it on 127.0.0.1 only, and
/// republishes whenever a file under the data or template folders changes. Open pages hear of
/// each republish through server-sent events and reload; the script for that is injected only
/// here, never into published files. While the data has errors every page shows the diagnostics.
public actor PreviewServer {
    public struct Options: Sendable {
        public var dataDirectory: String
        public var encoding: SourceEncoding
        public var templatesDirectory: String
        public var port: UInt16
        /// How often the folders are looked at for changes.
        public var pollInterval: Duration

        public init(dataDirectory: String, encoding: SourceEncoding = .utf8, templatesDirectory: String, port: UInt16,
                    pollInterval: Duration = .milliseconds(400)) {
            self.dataDirectory = dataDirectory
            self.encoding = encoding
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
    /// The private folder published into; only `output` inside it is served.
    nonisolated let site: URL
    nonisolated var output: URL { site.appendingPathComponent("output") }
    let state = PreviewState()
    private var server: Task<Void, Never>?
    private let log: @Sendable (String) -> Void

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
        site = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-preview-\(getpid())-\(UUID().uuidString)")
    }

    /// Publishes once, then listens. Returns the port in use: the one asked for, or the next
    /// free one (said aloud), or any free one for port 0.
    public func start() async throws -> UInt16 {
        // Readable by this user only: the data may not be public yet.
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        await rebuild()
        let candidates: [UInt16] = options.port == 0 ? [0] : (0..<10).map { options.port &+ $0 }
        for port in candidates {
            guard let bound = await listen(on: port) else { continue }
            if options.port != 0, bound != options.port { log("端口 \(options.port) 已被占用，改用 \(bound)") }
            return bound
        }
        try? FileManager.default.removeItem(at: site)
        throw Failure.portsBusy(options.port)
    }

    /// Starts the server on 127.0.0.1:`port`; the port bound, or nil when it cannot be bound.
    private func listen(on port: UInt16) async -> UInt16? {
        let (bound, announce) = AsyncStream<UInt16>.makeStream()
        let application = Application(
            responder: SiteResponder(root: output, state: state),
            server: .http1(configuration: RequestLimits.channel),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: Int(port))),
            onServerRunning: { channel in
                if let port = channel.localAddress?.port.flatMap(UInt16.init(exactly:)) { announce.yield(port) }
                announce.finish()
            },
            logger: Logger(label: "jixiao-preview", factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task {
            // A port that cannot be bound ends the run before it announces anything.
            try? await application.runService(gracefulShutdownSignals: [])
            announce.finish()
        }
        var announced = bound.makeAsyncIterator()
        if let bound = await announced.next() {
            server = task
            return bound
        }
        task.cancel()
        await task.value
        return nil
    }

    /// Watches the folders and republishes after each change, until cancelled.
    public func watch() async {
        let watcher = FolderWatcher(folders: [options.dataDirectory, options.templatesDirectory], interval: options.pollInterval)
        var last = watcher.snapshot()
        while let now = await watcher.nextChange(after: last) {
            last = now
            log("检测到修改，重新发布…")
            await rebuild()
        }
    }

    /// Stops serving and removes the private folder.
    public func stop() async {
        await state.close()
        server?.cancel()
        await server?.value
        server = nil
        try? FileManager.default.removeItem(at: site)
    }

    func rebuild() async {
        switch PublishStep.run(data: options.dataDirectory, encoding: options.encoding,
                               templates: options.templatesDirectory, output: output.path) {
        case .published(let years, let pageCount):
            await state.published(years: years)
            log("已发布 \(pageCount) 个页面")
        case .dataErrors(let diagnostics, let sources):
            await state.failed(page: DiagnosticsPage.render(diagnostics, sources: sources,
                                                            templatesDirectory: options.templatesDirectory))
            log("数据有错误，浏览器中显示诊断信息")
        case .failed(let message):
            await state.failed(page: DiagnosticsPage.plain(message))
            log("发布失败：\(message)")
        }
    }
}
