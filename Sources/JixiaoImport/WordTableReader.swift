import Foundation
import JixiaoModel
import JixiaoRender
internal import CLibXML

/// Reads the tables of a Word document (.docx) into the shape the table text has, so that
/// the importers turn them into data files exactly as they do the text. Which tables are
/// ours, and their titles, `TableAssembler` decides.
public enum WordTableReader {
    public static func read(contentsOf url: URL) throws(ImportFailure) -> ImportedDocument {
        let body = try WordXML(parsing: try WordPackage.documentXML(at: url))
        var assembler = TableAssembler()
        var text: [String] = []
        for block in body.blocks() {
            switch block {
            case .paragraph(let paragraph):
                text.append(paragraph)
                assembler.paragraph(paragraph)
            case .table(let rows):
                text += rows.flatMap { $0 }
                assembler.table(rows)
            }
        }
        guard !assembler.tables.isEmpty else { throw .noTablesInWord }
        return ImportedDocument(tables: assembler.tables, text: text.joined(separator: "\n"))
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

    private let part: XMLPart

    init(parsing bytes: Data) throws(ImportFailure) {
        part = try XMLPart(parsing: bytes, name: WordPackage.documentPath)
        guard part.root(named: "document", in: Self.wordNamespace) != nil else {
            throw .notWordprocessingML(root: part.root.map(XMLPart.localName) ?? "（无）")
        }
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
        if let root = part.root { walk(root) }
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
                    text += XMLPart.content(of: child)
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
        switch XMLPart.namespace(of: node) {
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
        XMLPart.elements(of: node)
    }

    private static func isWord(_ node: xmlNodePtr, _ name: String) -> Bool {
        XMLPart.isElement(node, name, in: wordNamespace)
    }

    /// `w:val`, or nil when absent.
    private static func value(of node: xmlNodePtr) -> String? {
        XMLPart.attribute("val", of: node, in: wordNamespace)
    }
}
