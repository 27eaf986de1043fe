import CLibXML
import CSupport
import Foundation

/// A published page read back with libxml2 as XML: the proof that it is well-formed, and a
/// way to read its tables cell by cell.
final class XHTMLPage {
    private let document: xmlDocPtr

    init(path: String) throws {
        guard let document = xmlReadFile(path, nil, Int32(XML_PARSE_NONET.rawValue)) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.document = document
    }

    deinit { xmlFreeDoc(document) }

    var root: xmlNodePtr { xmlDocGetRootElement(document) }

    /// All text of the page body.
    var text: String { XHTMLPage.content(root) }

    /// Elements named `name` in document order.
    func elements(_ name: String, under node: xmlNodePtr? = nil) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        func walk(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    if XHTMLPage.name(current) == name { found.append(current) }
                    walk(current)
                }
                child = current.pointee.next
            }
        }
        walk(node ?? root)
        return found
    }

    func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { jx_free(value) }
        return String(cString: value)
    }

    /// The table's rows as the plain text of the seed shows them: one entry per cell, and an
    /// empty cell wherever a cell above reaches down with `rowspan`. A form printed as a table
    /// and its `continued` table (the indicators, with their own header) reads as one.
    func grid(ofTableWithClass className: String) -> [[String]] {
        func hasClass(_ node: xmlNodePtr, _ name: String) -> Bool {
            (attribute(node, "class") ?? "").split(separator: " ").contains(Substring(name))
        }
        guard let table = elements("table").first(where: { hasClass($0, className) }) else { return [] }
        var tables = [table]
        var sibling = table.pointee.next
        while let next = sibling {
            sibling = next.pointee.next
            guard next.pointee.type == XML_ELEMENT_NODE else { continue }
            guard XHTMLPage.name(next) == "table", hasClass(next, className), hasClass(next, "continued") else { break }
            tables.append(next)
        }
        var pending: [Int: Int] = [:] // column → rows still covered by a rowspan from above
        var rows: [[String]] = []
        for row in tables.flatMap({ elements("tr", under: $0) }) {
            var cells: [String] = []
            var column = 0
            func fillCovered() {
                while let remaining = pending[column], remaining > 0 {
                    cells.append("")
                    pending[column] = remaining - 1
                    column += 1
                }
            }
            var child = row.pointee.children
            while let cell = child {
                defer { child = cell.pointee.next }
                guard cell.pointee.type == XML_ELEMENT_NODE, ["td", "th"].contains(XHTMLPage.name(cell)) else { continue }
                fillCovered()
                cells.append(XHTMLPage.content(cell))
                if let span = attribute(cell, "rowspan").flatMap(Int.init), span > 1 { pending[column] = span - 1 }
                column += 1
            }
            fillCovered()
            rows.append(cells)
        }
        return rows
    }

    static func name(_ node: xmlNodePtr) -> String { String(cString: node.pointee.name) }

    static func content(_ node: xmlNodePtr) -> String {
        guard let text = xmlNodeGetContent(node) else { return "" }
        defer { jx_free(text) }
        return String(cString: text)
    }
}
