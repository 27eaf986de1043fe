import Foundation
import JixiaoModel
import JixiaoRender
internal import CLibXML
internal import CSupport

/// Reads the goal tables of a Word document (.docx) into the shape the table text has, so
/// that `GoalTableImporter` turns them into data files exactly as it does the text.
///
/// A table is a goal table when the last paragraph ending in 项目绩效目标表 between it and
/// the table before it is its title, or else when its first row is such a title. Other
/// tables (the department part's criteria) are passed over. A table that starts with the
/// indicator header (一级指标 …) right after a goal table continues it: our own pages print
/// the indicators as a table of their own, and a form split across pages reads the same.
public enum WordTableReader {
    public static func read(contentsOf url: URL) throws(ImportFailure) -> ImportedDocument {
        let body = try WordXML(parsing: try WordPackage.documentXML(at: url))
        var tables: [GoalTable] = []
        var text: [String] = []
        var title: String?
        var afterGoalTable = false
        for block in body.blocks() {
            switch block {
            case .paragraph(let paragraph):
                text.append(paragraph)
                let trimmed = paragraph.trimmingWhitespace()
                if trimmed.hasSuffix(GoalTable.titleSuffix) { title = trimmed }
            case .table(let rows):
                text += rows.flatMap { $0 }
                if title == nil, afterGoalTable, let last = tables.last, isIndicatorHeader(rows.first) {
                    tables[tables.count - 1] = GoalTable(title: last.title, rows: last.rows + rows)
                } else if let table = goalTable(rows, title: title) {
                    tables.append(table)
                    afterGoalTable = true
                } else {
                    afterGoalTable = false
                }
                title = nil
            }
        }
        guard !tables.isEmpty else { throw .noTablesInWord }
        return ImportedDocument(tables: tables, text: text.joined(separator: "\n"))
    }

    private static func isIndicatorHeader(_ row: [String]?) -> Bool {
        row?.first?.trimmingWhitespace() == "一级指标"
    }

    private static func goalTable(_ rows: [[String]], title: String?) -> GoalTable? {
        if let title { return GoalTable(title: title, rows: rows) }
        let firstRow = rows.first?.joined().trimmingWhitespace() ?? ""
        guard firstRow.hasSuffix(GoalTable.titleSuffix) else { return nil }
        return GoalTable(title: firstRow, rows: Array(rows.dropFirst()))
    }
}

/// `word/document.xml` parsed by libxml2, and read as WordprocessingML: the body as a
/// sequence of paragraphs and tables. Owns its libxml2 document.
final class WordXML {
    enum Block {
        case paragraph(String)
        /// Rows of cell text, merged cells as the table text has them.
        case table([[String]])
    }

    private static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let compatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    private let document: xmlDocPtr

    init(parsing bytes: Data) throws(ImportFailure) {
        guard !bytes.isEmpty else { throw .emptyDocument }
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
        // No network access and no entity substitution.
        let parsed = withExtendedLifetime(firstError) {
            bytes.withUnsafeBytes { buffer in
                xmlReadMemory(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                              WordPackage.documentPath, nil, Int32(XML_PARSE_NONET.rawValue))
            }
        }
        guard let parsed else {
            throw .malformedXML(line: firstError.line, message: firstError.message ?? "libxml2 没有给出原因")
        }
        document = parsed
        // Word never writes a DTD; refusing one keeps entity tricks out of the reader.
        guard parsed.pointee.intSubset == nil else { throw .doctypeInDocument }
        guard let root = xmlDocGetRootElement(parsed), Self.isWord(root, "document") else {
            throw .notWordprocessingML(root: xmlDocGetRootElement(parsed).map { String(cString: $0.pointee.name) } ?? "（无）")
        }
    }

    deinit { xmlFreeDoc(document) }

    private final class FirstError {
        var line = 0
        var message: String?
    }

    /// The body's paragraphs and tables in reading order; content controls and custom XML
    /// around them are looked through.
    func blocks() -> [Block] {
        var blocks: [Block] = []
        func walk(_ node: xmlNodePtr) {
            for child in Self.elements(of: node) where !Self.isSkipped(child) {
                if Self.isWord(child, "p") {
                    blocks.append(.paragraph(Self.text(of: child)))
                } else if Self.isWord(child, "tbl") {
                    blocks.append(.table(Self.rows(of: child)))
                } else {
                    walk(child)
                }
            }
        }
        if let root = xmlDocGetRootElement(document) { walk(root) }
        return blocks
    }

    /// One entry per cell as Word shows it. A cell spanning grid columns (`w:gridSpan`) is
    /// one cell, as copying the table gives it; a cell continuing the merge from the cell
    /// above (`w:vMerge` without "restart") is an empty cell, whatever stray paragraphs it
    /// holds, because Word shows the first cell's text there; a cell continuing a legacy
    /// horizontal merge (`w:hMerge`) belongs to the cell on its left and is no cell of its own.
    private static func rows(of table: xmlNodePtr) -> [[String]] {
        descendants(of: table, named: "tr").map { row in
            descendants(of: row, named: "tc").compactMap { cell -> String? in
                if let hMerge = merge("hMerge", of: cell), hMerge != "restart" { return nil }
                if let vMerge = merge("vMerge", of: cell), vMerge != "restart" { return "" }
                return paragraphs(of: cell).joined(separator: "\n")
            }
        }
    }

    /// The `w:val` of a cell's merge property: nil when the cell has none, "continue" when
    /// the property has no value, the schema's default.
    private static func merge(_ name: String, of cell: xmlNodePtr) -> String? {
        guard let properties = elements(of: cell).first(where: { isWord($0, "tcPr") }),
              let merge = elements(of: properties).first(where: { isWord($0, name) }) else { return nil }
        return value(of: merge) ?? "continue"
    }

    /// The text of each paragraph under `node`; a table nested in a cell gives its paragraphs.
    private static func paragraphs(of node: xmlNodePtr) -> [String] {
        elements(of: node).filter { !isSkipped($0) }.flatMap { child in
            isWord(child, "p") ? [text(of: child)] : paragraphs(of: child)
        }
    }

    /// A paragraph's text: `w:t`, with `w:tab` as a tab and `w:br`/`w:cr` as a line break.
    private static func text(of paragraph: xmlNodePtr) -> String {
        var text = ""
        func walk(_ node: xmlNodePtr) {
            for child in elements(of: node) where !isSkipped(child) {
                if isWord(child, "t") {
                    text += content(of: child)
                } else if isWord(child, "tab") {
                    text += "\t"
                } else if isWord(child, "br") || isWord(child, "cr") {
                    text += "\n"
                } else {
                    walk(child)
                }
            }
        }
        walk(paragraph)
        return text
    }

    /// Subtrees that hold no text a reader sees: properties (a `w:tab` in `w:pPr` is a tab
    /// stop, not a tab), tracked deletions, and the fallback copy Word keeps of text boxes
    /// and drawings beside the choice already read.
    private static func isSkipped(_ node: xmlNodePtr) -> Bool {
        let name = String(cString: node.pointee.name)
        switch namespace(of: node) {
        case wordNamespace: return ["pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr", "del", "moveFrom"].contains(name)
        case compatibilityNamespace: return name == "Fallback"
        default: return false
        }
    }

    /// Elements named `name` under `node`, looking through wrappers (content controls, custom
    /// XML) but not into paragraphs or nested tables, whose rows are not this table's.
    private static func descendants(of node: xmlNodePtr, named name: String) -> [xmlNodePtr] {
        elements(of: node).flatMap { child -> [xmlNodePtr] in
            if isWord(child, name) { return [child] }
            if isWord(child, "p") || isWord(child, "tbl") || isSkipped(child) { return [] }
            return descendants(of: child, named: name)
        }
    }

    private static func elements(of node: xmlNodePtr) -> [xmlNodePtr] {
        var elements: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { elements.append(current) }
            child = current.pointee.next
        }
        return elements
    }

    private static func namespace(of node: xmlNodePtr) -> String? {
        node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
    }

    private static func isWord(_ node: xmlNodePtr, _ name: String) -> Bool {
        namespace(of: node) == wordNamespace && String(cString: node.pointee.name) == name
    }

    /// `w:val`, or nil when absent.
    private static func value(of node: xmlNodePtr) -> String? {
        guard let value = xmlGetNsProp(node, "val", wordNamespace) else { return nil }
        defer { jx_free(value) }
        return String(cString: value)
    }

    private static func content(of node: xmlNodePtr) -> String {
        guard let text = xmlNodeGetContent(node) else { return "" }
        defer { jx_free(text) }
        return String(cString: text)
    }
}
