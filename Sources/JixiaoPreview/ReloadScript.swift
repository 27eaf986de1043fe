/// The few lines of script that make an open page reload after a republish. Injected into
/// served HTML only; the published files never contain it.
enum ReloadScript {
    /// Server-sent events: the server sends the current version on connecting and each new
    /// one after a republish. The page reloads on any version other than its own, which also
    /// covers a republish between loading the page and connecting, and a restarted preview.
    static func inject(into page: [UInt8], version: Int) -> [UInt8] {
        let script = """
        <script>(function(){var v="\(version)";var s=new EventSource("\(SiteResponder.eventsPath)");\
        s.onmessage=function(e){if(e.data!==v){s.close();location.reload();}};})();</script>
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
