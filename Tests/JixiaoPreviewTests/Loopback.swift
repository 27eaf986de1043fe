import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to 127.0.0.1, for requests no HTTP client would send (a foreign
/// `Host:`, a megabyte request line) and for reading an event stream as it arrives. Every
/// read and write gives up after `timeout`, so no test can hang on the server.
final class Loopback {
    struct Response {
        let status: Int
        let head: String
        let body: String
    }

    private let descriptor: Int32

    init(port: UInt16, timeout: Duration = .seconds(3)) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        let seconds = timeout.components.seconds
        var limit = timeval(tv_sec: Int(seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit {
        close(descriptor)
    }

    /// Sends as much of `bytes` as the server takes before it stops reading or the time is up;
    /// how many bytes that was.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Int {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { break }
            sent += count
        }
        return sent
    }

    func send(_ text: String) {
        send(Array(text.utf8))
    }

    /// The next bytes that arrive; empty once the server has closed (or reset) the connection,
    /// nil when nothing came in time.
    func receive() -> [UInt8]? {
        if !pending.isEmpty {
            defer { pending = [] }
            return pending
        }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK ? nil : [] }
        return Array(buffer[..<count])
    }

    /// However the server trickles its bytes, no read of a test goes on longer than this.
    private static let patience = Duration.seconds(20)

    /// Everything until the server closes the connection, or until nothing more comes in time.
    func receiveAll() -> (bytes: [UInt8], closed: Bool) {
        var bytes: [UInt8] = []
        let deadline = ContinuousClock.now + Self.patience
        while ContinuousClock.now < deadline {
            guard let chunk = receive() else { return (bytes, false) }
            if chunk.isEmpty { return (bytes, true) }
            bytes += chunk
        }
        return (bytes, false)
    }

    /// Bytes read past the text a `wait(for:)` was looking for, kept for the next read.
    private var pending: [UInt8] = []

    /// Reads until `text` has arrived; whether it did before the server went quiet or closed.
    func wait(for text: String) -> Bool {
        let needle = Array(text.utf8)
        var received: [UInt8] = []
        let deadline = ContinuousClock.now + Self.patience
        while ContinuousClock.now < deadline {
            guard let chunk = receive(), !chunk.isEmpty else { return false }
            received += chunk
            if let end = Self.end(of: needle, in: received) {
                pending = Array(received[end...])
                return true
            }
        }
        return false
    }

    private static func end(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
            .map { $0 + needle.count }
    }

    /// One GET with the given `Host:` (none for nil), answered in full. A page can wait for a
    /// publish, which on a busy machine takes longer than the three seconds a stalled
    /// connection is given.
    static func get(_ path: String, port: UInt16, host: String?) throws -> Response {
        let connection = try Loopback(port: port, timeout: .seconds(20))
        let hostLine = host.map { "Host: \($0)\r\n" } ?? ""
        connection.send("GET \(path) HTTP/1.1\r\n\(hostLine)Connection: close\r\n\r\n")
        let text = String(decoding: connection.receiveAll().bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return Response(status: 0, head: text, body: "") }
        let head = String(text[..<split.lowerBound])
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return Response(status: status, head: head, body: String(text[split.upperBound...]))
    }

    static func get(_ path: String, port: UInt16) throws -> Response {
        try get(path, port: port, host: "127.0.0.1:\(port)")
    }
}
