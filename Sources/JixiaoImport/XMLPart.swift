import Foundation
import JixiaoModel
import JixiaoRender
internal import CLibXML
internal import CSupport

/// One XML part of a package, parsed by libxml2 without network access, entity substitution
/// or a DTD — Word and Excel never write one, and refusing it keeps entity tricks out. A
/// malformed part is reported at the line libxml2 found first. Owns its libxml2 document.
final class XMLPart {
    private let document: xmlDocPtr

    init(parsing bytes: Data, name: String) throws(ImportFailure) {
        guard !bytes.isEmpty else { throw .emptyDocument(part: name) }
        LibXML.initialize()
        // The first error is the one to show: later ones follow from it. The handler is the
        // calling thread's, so it also keeps libxml2's own reports (warnings too) off stderr.
        let firstError = FirstError()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(firstError).toOpaque()) { context, error in
            guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let first = Unmanaged<FirstError>.fromOpaque(context).takeUnretainedValue()
            guard first.message == nil else { return }
            first.line = Int(error.pointee.line)
            first.message = error.pointee.message.map { String(cString: $0).trimmingWhitespace() } ?? ""
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let parsed = withExtendedLifetime(firstError) {
            bytes.withUnsafeBytes { buffer in
                xmlReadMemory(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                              name, nil, Int32(XML_PARSE_NONET.rawValue))
            }
        }
        guard let parsed else {
            throw .malformedXML(part: name, line: firstError.line, message: firstError.message ?? "libxml2 没有给出原因")
        }
        document = parsed
        guard parsed.pointee.intSubset == nil else { throw .doctypeInDocument(part: name) }
    }

    deinit { xmlFreeDoc(document) }

    private final class FirstError {
        var line = 0
        var message: String?
    }

    var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    /// The root element when it is `name` in `namespace`.
    func root(named name: String, in namespace: String) -> xmlNodePtr? {
        root.flatMap { Self.isElement($0, name, in: namespace) ? $0 : nil }
    }

    static func elements(of node: xmlNodePtr) -> [xmlNodePtr] {
        var elements: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { elements.append(current) }
            child = current.pointee.next
        }
        return elements
    }

    static func namespace(of node: xmlNodePtr) -> String? {
        node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
    }

    static func localName(of node: xmlNodePtr) -> String {
        String(cString: node.pointee.name)
    }

    static func isElement(_ node: xmlNodePtr, _ name: String, in namespace: String) -> Bool {
        Self.namespace(of: node) == namespace && localName(of: node) == name
    }

    /// An attribute's value, in `namespace` or in none; nil when absent.
    static func attribute(_ name: String, of node: xmlNodePtr, in namespace: String? = nil) -> String? {
        guard let value = namespace.map({ xmlGetNsProp(node, name, $0) }) ?? xmlGetNoNsProp(node, name) else { return nil }
        defer { jx_free(value) }
        return String(cString: value)
    }

    static func content(of node: xmlNodePtr) -> String {
        guard let text = xmlNodeGetContent(node) else { return "" }
        defer { jx_free(text) }
        return String(cString: text)
    }
}
