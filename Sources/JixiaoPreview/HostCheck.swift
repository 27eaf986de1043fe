/// Which `Host:` headers the preview answers. A page on another site can have its name
/// resolved to 127.0.0.1 (DNS rebinding) and then read the preview as its own origin; the
/// browser still sends that site's name as the host, so only this machine's own names, with
/// the port the connection came in on, are accepted.
enum HostCheck {
    static func allows(_ host: String?, port: Int?) -> Bool {
        guard let host = host?.lowercased(), let port else { return false }
        let names = ["127.0.0.1", "localhost"]
        // A browser leaves the port out only when it is the default one.
        return names.contains { host == "\($0):\(port)" || (port == 80 && host == $0) }
    }

    static func refusal(port: Int?) -> String {
        let port = port.map(String.init) ?? "?"
        return "拒绝访问：预览只接受 http://127.0.0.1:\(port)/ 或 http://localhost:\(port)/ 的请求\n"
    }
}
