import Foundation
import FoundationXML
import Testing
import ZIPFoundation

/// A published .xlsx read back the way a spreadsheet program reads it: unzipped with
/// ZIPFoundation, the sheet and styles parsed as XML, cells addressed by reference ("D7").
struct Spreadsheet: CustomTestStringConvertible {
    struct Cell {
        /// The `t` attribute: nil for a number, "inlineStr" for text.
        let type: String?
        let style: Int
        /// `<v>` of a number.
        let value: String?
        /// The text of an inline string, with OOXML's `_xHHHH_` escapes decoded.
        let text: String?
    }

    let entries: [Entry]
    let parts: [String: Data]
    let cells: [String: Cell]
    let merges: [String]
    /// numFmtId of each cellXfs entry, by index.
    let numberFormats: [Int]
    /// Row number → cell references of that row, in order.
    let rows: [Int: [String]]

    init(path: String) throws {
        let package = try PackageParts(path: path)
        (entries, parts) = (package.entries, package.parts)
        let sheet = try XMLDocument(data: parts["xl/worksheets/sheet1.xml"] ?? Data())
        let styles = try XMLDocument(data: parts["xl/styles.xml"] ?? Data())

        var cells: [String: Cell] = [:]
        var rows: [Int: [String]] = [:]
        // (XPath for attributes too: XMLElement.attribute(forName:) finds none on these
        // namespaced elements in swift-corelibs-foundation.)
        func string(_ node: XMLNode, _ path: String) throws -> String? { try node.nodes(forXPath: path).first?.stringValue }
        for node in try sheet.nodes(forXPath: "//*[local-name()='c']") {
            guard let reference = try string(node, "@r") else { continue }
            cells[reference] = Cell(
                type: try string(node, "@t"),
                style: Int(try string(node, "@s") ?? "0") ?? 0,
                value: try string(node, "*[local-name()='v']"),
                text: try string(node, "*[local-name()='is']/*[local-name()='t']").map(Spreadsheet.decodeEscapes))
            rows[Spreadsheet.row(of: reference), default: []].append(reference)
        }
        self.cells = cells
        self.rows = rows
        merges = try sheet.nodes(forXPath: "//*[local-name()='mergeCell']/@ref").compactMap(\.stringValue)
        numberFormats = try styles.nodes(forXPath: "//*[local-name()='cellXfs']/*[local-name()='xf']").map {
            Int(try string($0, "@numFmtId") ?? "") ?? -1
        }
    }

    /// What a failing expectation prints: not every cell of the sheet.
    var testDescription: String { "xlsx of \(cells.count) cells, merges \(merges)" }

    func numberFormat(_ reference: String) -> Int? {
        cells[reference].map { numberFormats[$0.style] }
    }

    /// The row whose cell in `column` holds exactly `text`.
    func row(where column: String, is text: String) -> Int? {
        cells.first { $0.key == column + String(Spreadsheet.row(of: $0.key)) && $0.value.text == text }
            .map { Spreadsheet.row(of: $0.key) }
    }

    static func row(of reference: String) -> Int {
        Int(reference.drop { $0.isLetter }) ?? 0
    }

    /// `_x005F_` → "_", `_x0041_` → "A": how Excel reads an ST_Xstring.
    static func decodeEscapes(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            let code = rest[start.upperBound...].prefix(5)
            if code.count == 5, code.last == "_", let scalar = UInt32(code.dropLast(), radix: 16).flatMap(Unicode.Scalar.init) {
                result += rest[..<start.lowerBound] + String(Character(scalar))
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                result += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
            }
        }
        return result + rest
    }
}
