import Foundation
import JixiaoModel
internal import CLibXML
internal import CSupport

/// A compiled XSLT stylesheet, reused for every document. Transforms run with security
/// preferences that forbid writing files, creating directories and any network access.
/// Unchecked: libxslt only reads a compiled stylesheet while transforming, so several
/// transforms may use it at once; each has its own transform context.
public final class Stylesheet: @unchecked Sendable {
    private let stylesheet: xsltStylesheetPtr
    private let security: xsltSecurityPrefsPtr

    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) { self.description = description }
    }

    public init(path: String) throws {
        LibXML.initialize()
        let messages = MessageBuffer()
        jx_capture_generic_messages(messages.pointer)
        defer { withExtendedLifetime(messages) { jx_capture_generic_messages(nil) } }
        guard FileManager.default.fileExists(atPath: path) else {
            throw Failure(description: "找不到模板文件 \(path)")
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        guard let document = xmlReadFile(path, nil, options) else {
            throw Failure(description: "模板 \(path) 不是格式正确的 XML：\(Stylesheet.text(messages))")
        }
        guard let compiled = xsltParseStylesheetDoc(document) else {
            xmlFreeDoc(document)
            throw Failure(description: "模板 \(path) 无法编译：\(Stylesheet.text(messages))")
        }
        stylesheet = compiled
        security = xsltNewSecurityPrefs()
        for option in [XSLT_SECPREF_WRITE_FILE, XSLT_SECPREF_CREATE_DIRECTORY,
                       XSLT_SECPREF_READ_NETWORK, XSLT_SECPREF_WRITE_NETWORK] {
            xsltSetSecurityPrefs(security, option, xsltSecurityForbid)
        }
    }

    deinit {
        xsltFreeStylesheet(stylesheet)
        xsltFreeSecurityPrefs(security)
    }

    /// Applies the stylesheet; `parameters` are passed as strings (like `--stringparam`).
    /// Returns the serialised result as `xsl:output` describes it.
    public func transform(_ tree: XMLTree, parameters: [(String, String)] = []) throws -> [UInt8] {
        try apply(to: tree, parameters: parameters) { result in
            var buffer: UnsafeMutablePointer<xmlChar>?
            var length: Int32 = 0
            guard xsltSaveResultToString(&buffer, &length, result, stylesheet) == 0, let buffer else {
                throw Failure(description: "无法序列化模板输出")
            }
            defer { jx_free(buffer) }
            return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
        }
    }

    /// Applies the stylesheet to one part of a streamed page (see `PageJob`) and returns its
    /// nodes as they read inside the page: no doctype, and no namespace declaration of their
    /// own, since the element around the slot declares it (`<html>` for XHTML, `<svg>`).
    public func transformPart(_ tree: XMLTree, parameters: [(String, String)] = []) throws -> [UInt8] {
        try apply(to: tree, parameters: parameters) { result in
            guard let output = xmlAllocOutputBuffer(nil) else { // UTF-8 already: no converter
                throw Failure(description: "无法序列化模板输出")
            }
            defer { xmlOutputBufferClose(output) }
            var node = result.pointee.children
            while let current = node {
                node = current.pointee.next
                if current.pointee.type == XML_DTD_NODE { continue }  // the page's doctype, from xsl:output
                if current.pointee.type == XML_ELEMENT_NODE { Stylesheet.moveNamespaceDeclarations(of: current, to: result) }
                xmlNodeDumpOutput(output, result, current, 0, 0, "UTF-8")
            }
            xmlOutputBufferFlush(output)
            let length = Int(xmlOutputBufferGetSize(output))
            guard let content = xmlOutputBufferGetContent(output) else { return [] }
            return Array(UnsafeBufferPointer(start: content, count: length))
        }
    }

    /// The declarations move to the document's list of namespaces, which is freed with the
    /// document but never serialised: the nodes keep pointing at valid namespaces.
    private static func moveNamespaceDeclarations(of node: xmlNodePtr, to document: xmlDocPtr) {
        guard let declarations = node.pointee.nsDef else { return }
        var last = declarations
        while let next = last.pointee.next { last = next }
        last.pointee.next = document.pointee.oldNs
        document.pointee.oldNs = declarations
        node.pointee.nsDef = nil
    }

    private func apply(to tree: XMLTree, parameters: [(String, String)],
                       serialize: (xmlDocPtr) throws -> [UInt8]) throws -> [UInt8] {
        guard let context = xsltNewTransformContext(stylesheet, tree.document) else {
            throw Failure(description: "无法创建 XSLT 转换上下文")
        }
        defer { xsltFreeTransformContext(context) }
        let messages = MessageBuffer()
        jx_capture_transform_messages(UnsafeMutableRawPointer(context), messages.pointer)
        defer { withExtendedLifetime(messages) { jx_capture_transform_messages(UnsafeMutableRawPointer(context), nil) } }
        xsltSetCtxtSecurityPrefs(security, context)

        let cStrings = parameters.flatMap { [strdup($0.0), strdup($0.1)] } + [nil]
        defer { cStrings.forEach { free($0) } }
        var pointers = cStrings.map { UnsafePointer<CChar>($0) }
        xsltQuoteUserParams(context, &pointers)

        let result = xsltApplyStylesheetUser(stylesheet, tree.document, nil, nil, nil, context)
        defer { if let result { xmlFreeDoc(result) } }
        // Any message is a failure: our templates emit none, so one means a refused file or
        // network access, a runtime error, or an unhandled element (xsl:message).
        guard let result, context.pointee.state == XSLT_STATE_OK, messages.pointer.pointee.length == 0 else {
            throw Failure(description: "模板执行失败：\(Stylesheet.text(messages))")
        }
        return try serialize(result)
    }

    private static func text(_ messages: MessageBuffer) -> String {
        guard let text = messages.pointer.pointee.text else { return "（没有更多信息）" }
        return String(cString: text).trimmingWhitespace()
    }
}

/// The buffer libxml2 and libxslt write their messages into through a C callback. It lives
/// on the heap, owned by this object, so its address stays valid for as long as the callback
/// may write to it: the caller keeps the object until the callback is removed.
private final class MessageBuffer {
    let pointer = UnsafeMutablePointer<jx_messages>.allocate(capacity: 1)

    init() { pointer.initialize(to: jx_messages()) }

    deinit {
        jx_messages_clear(pointer)
        pointer.deallocate()
    }
}
