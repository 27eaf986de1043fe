/// The CSS every page embeds (templates/jixiao.css), and how it gets there. Where the
/// serializer would write it unchanged, Jixiao writes it into each page itself, at the comment
/// the template leaves in its place (`page.css.marker`): copying and escaping its 5 KB in the
/// transform was a fifth of the cost of a page. Any other CSS goes through the template, which
/// refuses < > and & (page.xsl); so does every page of a template that leaves no marker (one
/// written before there was one, with `--templates`).
struct PageStyle {
    /// The stylesheet parameters that bring the CSS into a page.
    let parameters: [(String, String)]
    /// The parameter that gives the template the CSS itself.
    let text: (String, String)
    /// What is written at the marker, when Jixiao writes the CSS.
    private let css: [UInt8]?

    static let marker = Array("<!--jixiao:css-->".utf8)

    init(css text: String) {
        let bytes = Array(text.utf8)
        // What the serializer escapes in text (< > & and carriage return) or would not write
        // as is (the other control characters).
        let plain = bytes.allSatisfy { byte in
            byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || (byte >= 0x20 && byte != 0x7F && !"<>&".utf8.contains(byte))
        }
        self.text = ("page.css", text)
        parameters = plain ? [("page.css.marker", "1")] : [self.text]
        css = plain ? bytes : nil
    }

    /// A rendered page with the CSS at the marker, if Jixiao writes it; nil if it should and the
    /// page has no marker (the page is then rendered with `text`).
    func embed(in page: [UInt8]) -> [UInt8]? {
        guard let css else { return page }
        let pieces = PageJob.segments(of: page, at: PageStyle.marker)
        return pieces.count > 1 ? Array(pieces.joined(separator: css)) : nil
    }
}
