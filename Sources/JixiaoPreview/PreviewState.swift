/// What is being served: a version that changes on every republish, the diagnostics page while
/// the data has errors, and the open pages waiting to hear of the next version.
actor PreviewState {
    struct Page: Sendable {
        let bytes: [UInt8]
        let contentType: String
    }

    struct Snapshot: Sendable {
        var version = 0
        var failurePage: Page?
        var years: [Int] = []
    }

    private(set) var snapshot = Snapshot()
    private var listeners: [Int: AsyncStream<Int>.Continuation] = [:]
    private var nextListener = 0

    func published(years: [Int]) {
        snapshot.years = years
        snapshot.failurePage = nil
        advance()
    }

    func failed(page: Page) {
        snapshot.failurePage = page
        advance()
    }

    /// The current version at once, then every later one. A listener that falls behind sees
    /// only the newest: a page needs to know that it is stale, not how often.
    func versions() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.forget(id) } }
        continuation.yield(snapshot.version)
        return stream
    }

    /// Ends every stream, so that no open page keeps a connection (and the server) alive.
    func close() {
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }

    private func forget(_ id: Int) {
        listeners[id] = nil
    }

    private func advance() {
        snapshot.version += 1
        for continuation in listeners.values { continuation.yield(snapshot.version) }
    }
}
