import Foundation
import JixiaoModel
internal import CLibXML

/// Reads the tables of an Excel workbook (.xlsx) — what a 预算管理一体化 system exports — into
/// the shape the table text has: each sheet's rows, a cell spanning merged columns once, a
/// cell continuing a merge from the row above as an empty cell, numbers as the sheet shows
/// them. `TableAssembler` finds the tables by their title rows (a sheet named after its form
/// gives the title too).
public enum SpreadsheetReader {
    public static func read(contentsOf url: URL) throws(ImportFailure) -> ImportedDocument {
        let package = try ZipPackage(at: url, notZip: .notWorkbookZip)
        let workbook = try SpreadsheetPackage(package)
        var assembler = TableAssembler()
        var text: [String] = []
        for sheet in try workbook.sheets() {
            text.append(sheet.name)
            assembler.paragraph(sheet.name)
            text += sheet.rows.flatMap { $0 }
            assembler.table(sheet.rows)
        }
        guard !assembler.tables.isEmpty else { throw .noTablesInWorkbook }
        return ImportedDocument(tables: assembler.tables, text: text.joined(separator: "\n"))
    }
}

/// The parts of a workbook package that hold what a sheet shows: the workbook (sheet names
/// and order), its relationships (where each sheet is), the shared strings and the number
/// formats of the cell styles.
struct SpreadsheetPackage {
    static let workbookPath = "xl/workbook.xml"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The most rows and columns a sheet's cells in use may span: a form is a page or a few,
    /// and the grid is built in memory.
    static let rowLimit = 100_000
    static let columnLimit = 256

    struct Sheet {
        let name: String
        let rows: [[String]]
    }

    private let package: ZipPackage
    private let strings: [String]
    private let formats: NumberFormats

    init(_ package: ZipPackage) throws(ImportFailure) {
        self.package = package
        guard package.contains(Self.workbookPath) else { throw .noWorkbook }
        strings = try Self.sharedStrings(package)
        formats = try NumberFormats(package)
    }

    /// A part parsed, its root checked to be `root` in SpreadsheetML; nil when absent.
    static func part(_ path: String, of package: ZipPackage, root: String, namespace: String = main) throws(ImportFailure) -> (XMLPart, xmlNodePtr)? {
        guard let bytes = try package.part(path) else { return nil }
        let part = try XMLPart(parsing: bytes, name: path)
        guard let node = part.root(named: root, in: namespace) else {
            throw .notSpreadsheetML(part: path, root: part.root.map(XMLPart.localName) ?? "（无）")
        }
        return (part, node)
    }

    static func children(_ node: xmlNodePtr, _ name: String, in namespace: String = main) -> [xmlNodePtr] {
        XMLPart.elements(of: node).filter { XMLPart.isElement($0, name, in: namespace) }
    }

    /// The text of a string item (`si`, `is`): its `t`, or its runs' `t`; phonetic guides (`rPh`) are not shown.
    static func text(of item: xmlNodePtr) -> String {
        XMLPart.elements(of: item).map { child -> String in
            switch XMLPart.localName(of: child) {
            case "t": return XMLPart.content(of: child)
            case "r": return children(child, "t").map(XMLPart.content).joined()
            default: return ""
            }
        }.joined()
    }

    private static func sharedStrings(_ package: ZipPackage) throws(ImportFailure) -> [String] {
        guard let (part, root) = try part("xl/sharedStrings.xml", of: package, root: "sst") else { return [] }
        return withExtendedLifetime(part) { children(root, "si").map(text) }
    }

    /// The sheets in the workbook's order, each with its rows.
    func sheets() throws(ImportFailure) -> [Sheet] {
        guard let (workbook, root) = try Self.part(Self.workbookPath, of: package, root: "workbook") else { throw .noWorkbook }
        let targets = try relationshipTargets()
        let listed = withExtendedLifetime(workbook) {
            Self.children(root, "sheets").flatMap { Self.children($0, "sheet") }.map {
                (name: XMLPart.attribute("name", of: $0) ?? "", id: XMLPart.attribute("id", of: $0, in: Self.officeRelationships) ?? "")
            }
        }
        var sheets: [Sheet] = []
        for (name, id) in listed {
            // A chart sheet or a missing part holds no table.
            guard let path = targets[id], let (part, root) = try Self.part(path, of: package, root: "worksheet") else { continue }
            let rows = try withExtendedLifetime(part) { () throws(ImportFailure) in try grid(of: root, name: name) }
            sheets.append(Sheet(name: name, rows: rows))
        }
        return sheets
    }

    /// Relationship id → part path, from `xl/_rels/workbook.xml.rels`.
    private func relationshipTargets() throws(ImportFailure) -> [String: String] {
        guard let (part, root) = try Self.part("xl/_rels/workbook.xml.rels", of: package, root: "Relationships",
                                               namespace: Self.packageRelationships) else { return [:] }
        return withExtendedLifetime(part) {
            var targets: [String: String] = [:]
            for relationship in Self.children(root, "Relationship", in: Self.packageRelationships) {
                guard let id = XMLPart.attribute("Id", of: relationship), let target = XMLPart.attribute("Target", of: relationship) else { continue }
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
            return targets
        }
    }

    /// A sheet's cells in rows, merged cells as Word copies them.
    private func grid(of worksheet: xmlNodePtr, name: String) throws(ImportFailure) -> [[String]] {
        var values: [CellAddress: String] = [:]
        var nextRow = 1
        for row in Self.children(worksheet, "sheetData").flatMap({ Self.children($0, "row") }) {
            let rowNumber = XMLPart.attribute("r", of: row).flatMap(Int.init) ?? nextRow
            nextRow = rowNumber + 1
            var nextColumn = 1
            for cell in Self.children(row, "c") {
                let address = XMLPart.attribute("r", of: cell).flatMap(CellAddress.init) ?? CellAddress(row: rowNumber, column: nextColumn)
                nextColumn = address.column + 1
                values[address] = value(of: cell)
            }
        }
        let merges = Self.children(worksheet, "mergeCells").flatMap { Self.children($0, "mergeCell") }
            .compactMap { XMLPart.attribute("ref", of: $0).flatMap(CellRange.init) }
        let used = values.filter { !$0.value.isEmpty }.keys
        let lastRow = used.map(\.row).max() ?? 0
        let lastColumn = used.map(\.column).max() ?? 0
        guard lastRow > 0 else { return [] }
        guard lastRow <= Self.rowLimit, lastColumn <= Self.columnLimit else { throw .sheetTooLarge(sheet: name) }
        // Merges are clipped to the cells in use: a merge may cover whole rows or columns.
        var covering: [CellAddress: CellRange] = [:]
        for merge in merges where merge.first.row <= lastRow && merge.first.column <= lastColumn {
            for row in merge.first.row...min(merge.last.row, lastRow) {
                for column in merge.first.column...min(merge.last.column, lastColumn) { covering[CellAddress(row: row, column: column)] = merge }
            }
        }
        return (1...lastRow).map { row in
            (1...lastColumn).compactMap { column -> String? in
                let address = CellAddress(row: row, column: column)
                guard let merge = covering[address], address != merge.first else { return values[address] ?? "" }
                // Across: part of the cell on the left. Down: an empty cell where the merge goes on.
                return row > merge.first.row && column == merge.first.column ? "" : nil
            }
        }
    }

    /// A cell's text as the sheet shows it.
    private func value(of cell: xmlNodePtr) -> String {
        let raw = Self.children(cell, "v").first.map(XMLPart.content) ?? ""
        switch XMLPart.attribute("t", of: cell) ?? "n" {
        case "s": return Int(raw).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
        case "inlineStr": return Self.children(cell, "is").first.map(Self.text) ?? ""
        case "b": return raw == "1" ? "TRUE" : "FALSE"
        case "n": return formats.display(raw, style: XMLPart.attribute("s", of: cell).flatMap(Int.init) ?? 0)
        default: return raw
        }
    }
}

/// "B12" → row 12, column 2.
struct CellAddress: Hashable {
    let row: Int
    let column: Int

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    init?(_ reference: String) {
        let letters = reference.prefix { $0.isASCII && $0.isLetter }
        guard !letters.isEmpty, letters.count <= 3, let row = Int(reference.dropFirst(letters.count)), row > 0 else { return nil }
        self.row = row
        column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
    }
}

/// "A1:F1".
struct CellRange: Hashable {
    let first: CellAddress
    let last: CellAddress

    init?(_ reference: String) {
        let ends = reference.split(separator: ":").map(String.init)
        guard ends.count == 2, let first = CellAddress(ends[0]), let last = CellAddress(ends[1]),
              first.row <= last.row, first.column <= last.column else { return nil }
        self.first = first
        self.last = last
    }
}

/// Numbers as the sheet shows them: the style's number format decides the decimals, a
/// percentage, or a date. Thousands separators are left out, so that an amount reads as a
/// number in the data file.
struct NumberFormats {
    /// The built-in formats a number cell of a form uses (ECMA-376 §18.8.30).
    static let builtIn: [Int: String] = [0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
                                         14: "yyyy-mm-dd", 49: "@"]
    /// Style index → format code.
    private let codes: [String]

    init(_ package: ZipPackage) throws(ImportFailure) {
        guard let (part, root) = try SpreadsheetPackage.part("xl/styles.xml", of: package, root: "styleSheet") else {
            codes = []
            return
        }
        codes = withExtendedLifetime(part) {
            var custom: [Int: String] = [:]
            for format in SpreadsheetPackage.children(root, "numFmts").flatMap({ SpreadsheetPackage.children($0, "numFmt") }) {
                if let id = XMLPart.attribute("numFmtId", of: format).flatMap(Int.init) {
                    custom[id] = XMLPart.attribute("formatCode", of: format) ?? "General"
                }
            }
            return SpreadsheetPackage.children(root, "cellXfs").flatMap { SpreadsheetPackage.children($0, "xf") }.map { style in
                let id = XMLPart.attribute("numFmtId", of: style).flatMap(Int.init) ?? 0
                return custom[id] ?? Self.builtIn[id] ?? "General"
            }
        }
    }

    func display(_ raw: String, style: Int) -> String {
        guard let number = Decimal(string: raw), raw.range(of: #"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil else { return raw }
        // The first section of the code (positive numbers), without quoted text and colours.
        let code = (codes.indices.contains(style) ? codes[style] : "General").split(separator: ";").first.map(String.init) ?? "General"
        let bare = code.replacingOccurrences(of: #""[^"]*"|\[[^\]]*\]"#, with: "", options: .regularExpression).lowercased()
        if bare.contains("y") || bare.contains("d") { return Self.date(number) ?? raw }
        if bare.contains("%") { return Self.fixed(number * 100, decimals: Self.decimals(in: bare)) + "%" }
        if bare.contains("0") { return Self.fixed(number, decimals: Self.decimals(in: bare)) }
        // General: the shortest text that reads back as the stored double (Excel stores 0.1+0.2 as 0.30000000000000004).
        guard let double = Double(raw), double.isFinite else { return raw }
        let shortest = "\(double)"
        if shortest.contains("e") { return "\(number)" }
        return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
    }

    /// The zeros after the decimal point: "0.00%" → 2.
    private static func decimals(in code: String) -> Int {
        guard let point = code.firstIndex(of: ".") else { return 0 }
        return code[code.index(after: point)...].prefix { $0 == "0" || $0 == "#" }.count
    }

    /// `number` rounded half up to `decimals` places, with that many digits after the point.
    static func fixed(_ number: Decimal, decimals: Int) -> String {
        var value = number
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, decimals, .plain)
        var text = "\(rounded)"
        guard decimals > 0 else { return text }
        if !text.contains(".") { text += "." }
        let have = text.count - text.distance(from: text.startIndex, to: text.firstIndex(of: ".")!) - 1
        return text + String(repeating: "0", count: max(0, decimals - have))
    }

    /// A serial day (1900 date system) as 2023年12月31日.
    private static func date(_ serial: Decimal) -> String? {
        let days = NSDecimalNumber(decimal: serial).intValue
        guard days > 0, days < 2_958_466 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let epoch = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30)),
              let date = calendar.date(byAdding: .day, value: days, to: epoch) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.year!)年\(parts.month!)月\(parts.day!)日"
    }
}
