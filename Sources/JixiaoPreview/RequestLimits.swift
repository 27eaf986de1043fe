import HummingbirdCore
import NIOCore
import NIOHTTPTypes

/// How much of a request the preview reads. Browsers send request lines and headers of a few
/// kilobytes and, to a preview, no body at all; anything far beyond that is refused early, so
/// that one client cannot hold the server's attention or memory.
enum RequestLimits {
    /// NIO's parser counts the request line against the field limit too: a longer line is
    /// answered with 400 and the connection closed as soon as the limit is passed.
    static let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
        maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 64 * 1024, maxHeaderFieldCount: 100)
    static let body = 64 * 1024
    /// A connection that sends nothing for this long is closed (an open event stream is a
    /// response in progress and is not affected).
    static let idleTimeout = TimeAmount.seconds(30)

    static var channel: HTTP1Channel.Configuration {
        HTTP1Channel.Configuration(additionalChannelHandlers: [BodyLimit(RequestLimits.body)],
                                   idleTimeout: idleTimeout, httpDecoderConfiguration: decoder)
    }
}

/// Closes a connection whose request body grows past the limit. Hummingbird reads and drops
/// an unread body to reach the next request; without this, an endless body would be read
/// for as long as the client cares to send it.
final class BodyLimit: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let limit: Int
    private var received = 0

    init(_ limit: Int) {
        self.limit = limit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            received = 0
        case .body(let buffer):
            received += buffer.readableBytes
            if received > limit {
                context.close(promise: nil)
                return
            }
        case .end:
            break
        }
        context.fireChannelRead(data)
    }
}
