internal import CLibXML
internal import CSupport

/// An XML document under construction: the data the templates read, built straight into a
/// libxml2 tree (no serialising and re-parsing). Text is stored as text nodes, so markup in
/// the data can never become markup in the document.
public final class XMLTree {
    let document: xmlDocPtr
    private let root: xmlNodePtr

    public init(root name: String, attributes: [(String, String)] = []) {
        LibXML.initialize()
        document = xmlNewDoc("1.0")
        root = xmlNewDocNode(document, nil, name, nil)
        xmlDocSetRootElement(document, root)
        for (key, value) in attributes { xmlNewProp(root, key, XMLTree.clean(value)) }
    }

    deinit { xmlFreeDoc(document) }

    public var rootElement: Element { Element(pointer: root, tree: self) }

    /// One element of the tree; valid while its tree lives.
    public struct Element {
        let pointer: xmlNodePtr
        let tree: XMLTree

        /// Appends a child element with attributes and optional text content.
        @discardableResult
        public func add(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil) -> Element {
            let child = xmlNewDocNode(tree.document, nil, name, nil)!
            for (key, value) in attributes { xmlNewProp(child, key, XMLTree.clean(value)) }
            if let text { xmlAddChild(child, xmlNewDocText(tree.document, XMLTree.clean(text))) }
            xmlAddChild(pointer, child)
            return Element(pointer: child, tree: tree)
        }

        /// Adds an attribute to this element after it was made.
        public func setAttribute(_ name: String, _ value: String) {
            xmlNewProp(pointer, name, XMLTree.clean(value))
        }
    }

    /// The serialised document, exactly the tree the templates read (no indentation added):
    /// what `--emit-xml` writes, and what a page's digest is taken of.
    public func serialized() -> [UInt8] {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var length: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document, &buffer, &length, "UTF-8", 0)
        defer { jx_free(buffer) }
        guard let buffer else { return [] }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }

    /// XML 1.0 cannot hold most control characters, even escaped. The checker reports them
    /// in the data; here they become U+FFFD so that no output is ever malformed.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isXMLCharacter($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isXMLCharacter(scalar) ? scalar : "\u{FFFD}")
        }
        return String(scalars)
    }

    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

/// libxml2 and libxslt are initialised once, before any thread uses them. Public for the
/// other readers of XML (the Word importer) that share the one process-wide libxml2.
public enum LibXML {
    private static let once: Void = {
        xmlInitParser()
        exsltRegisterAll()
        jx_install_local_loader()
    }()

    public static func initialize() { _ = once }
}
