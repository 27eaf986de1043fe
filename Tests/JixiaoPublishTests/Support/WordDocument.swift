import Foundation
import FoundationXML
import Testing
import ZIPFoundation

/// A published .docx read back the way a word processor reads it: unzipped with
/// ZIPFoundation, `word/document.xml` parsed as XML, the body as paragraphs and tables.
struct WordDocument: CustomTestStringConvertible {
    struct Paragraph: Equatable {
        let style: String?
        let text: String
    }

    /// A table cell: the text of its paragraphs, one line each; how many grid columns it
    /// spans; its vertical merge ("restart", "continue" or nil).
    struct Cell: Equatable {
        let text: String
        let span: Int
        let merge: String?
        /// The style of each of its paragraphs.
        let styles: [String?]
    }

    struct Table {
        let columns: [Int]
        let rows: [[Cell]]
        /// Whether each row repeats at the top of every page (`w:tblHeader`).
        let repeats: [Bool]
    }

    enum Block {
        case paragraph(Paragraph)
        case table(Table)
    }

    let entries: [Entry]
    let parts: [String: Data]
    let blocks: [Block]
    /// The section's page: width, height and orientation (nil when not given, portrait).
    let page: (width: Int, height: Int, orientation: String?)
    /// The section's left and right margins.
    let margins: (left: Int, right: Int)

    init(path: String) throws {
        let package = try PackageParts(path: path)
        (entries, parts) = (package.entries, package.parts)
        let document = try XMLDocument(data: parts["word/document.xml"] ?? Data())
        func string(_ node: XMLNode, _ path: String) throws -> String? { try node.nodes(forXPath: path).first?.stringValue }
        func text(ofParagraph node: XMLNode) throws -> String {
            try node.nodes(forXPath: ".//*[local-name()='t']").compactMap(\.stringValue).joined()
        }
        var blocks: [Block] = []
        for node in try document.nodes(forXPath: "/*[local-name()='document']/*[local-name()='body']/*") {
            switch node.localName {
            case "p":
                blocks.append(.paragraph(Paragraph(style: try string(node, "*[local-name()='pPr']/*[local-name()='pStyle']/@*[local-name()='val']"),
                                                   text: try text(ofParagraph: node))))
            case "tbl":
                let columns = try node.nodes(forXPath: "*[local-name()='tblGrid']/*[local-name()='gridCol']/@*[local-name()='w']")
                    .map { Int($0.stringValue ?? "") ?? 0 }
                var rows: [[Cell]] = []
                var repeats: [Bool] = []
                for row in try node.nodes(forXPath: "*[local-name()='tr']") {
                    repeats.append(!(try row.nodes(forXPath: "*[local-name()='trPr']/*[local-name()='tblHeader']")).isEmpty)
                    rows.append(try row.nodes(forXPath: "*[local-name()='tc']").map { cell in
                        let merge = try cell.nodes(forXPath: "*[local-name()='tcPr']/*[local-name()='vMerge']").first.map { merge in
                            try string(merge, "@*[local-name()='val']") ?? "continue"
                        }
                        let paragraphs = try cell.nodes(forXPath: "*[local-name()='p']")
                        return Cell(text: try paragraphs.map(text(ofParagraph:)).joined(separator: "\n"),
                                    span: Int(try string(cell, "*[local-name()='tcPr']/*[local-name()='gridSpan']/@*[local-name()='val']") ?? "1") ?? 1,
                                    merge: merge,
                                    styles: try paragraphs.map { try string($0, "*[local-name()='pPr']/*[local-name()='pStyle']/@*[local-name()='val']") })
                    })
                }
                blocks.append(.table(Table(columns: columns, rows: rows, repeats: repeats)))
            default:
                continue
            }
        }
        self.blocks = blocks
        let size = "/*/*[local-name()='body']/*[local-name()='sectPr']/*[local-name()='pgSz']/@*[local-name()="
        let margin = "/*/*[local-name()='body']/*[local-name()='sectPr']/*[local-name()='pgMar']/@*[local-name()="
        page = (Int(try string(document, size + "'w']") ?? "") ?? 0, Int(try string(document, size + "'h']") ?? "") ?? 0,
                try string(document, size + "'orient']"))
        margins = (Int(try string(document, margin + "'left']") ?? "") ?? 0, Int(try string(document, margin + "'right']") ?? "") ?? 0)
    }

    var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let paragraph) = $0 { paragraph } else { nil } }
    }

    var tables: [Table] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    /// The text of a part of the package.
    func text(of part: String) -> String {
        String(decoding: parts[part] ?? Data(), as: UTF8.self)
    }

    /// What a failing expectation prints: not the whole document.
    var testDescription: String { "docx of \(paragraphs.count) paragraphs and \(tables.count) tables" }
}
