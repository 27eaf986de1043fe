import Foundation
import JixiaoRender

/// `jixiao publish --xlsx`: the 项目绩效目标表 and 项目支出绩效自评表 also as Office Open XML
/// spreadsheets (.xlsx), which Excel, WPS and LibreOffice all open. The parts that depend on
/// the data are written by templates/xlsx.xsl from the very XML tree of the page beside
/// them; the fixed parts are files in templates/xlsx/. Swift only packs them.
public final class SpreadsheetRenderer: Sendable {
    /// Where each part of the package comes from.
    enum Source {
        /// A file of the same path under templates/xlsx/.
        case file
        /// xlsx.xsl run with this value of its `xlsx.part` parameter.
        case template(String)
    }

    static let driverStylesheet = "xlsx.xsl"
    static let partsDirectory = "xlsx"

    /// The package, in the order written: content types first, as Office writes them.
    static let parts: [(path: String, source: Source)] = [
        ("[Content_Types].xml", .file),
        ("_rels/.rels", .file),
        ("xl/workbook.xml", .template("workbook")),
        ("xl/_rels/workbook.xml.rels", .file),
        ("xl/styles.xml", .template("styles")),
        ("xl/worksheets/sheet1.xml", .template("sheet")),
    ]

    struct MissingPart: Error, CustomStringConvertible {
        let path: String
        var description: String { "找不到电子表格的固定部件 \(path)" }
    }

    private let stylesheet: Stylesheet
    private let files: [String: [UInt8]]

    /// Compiles xlsx.xsl and reads the fixed parts once, for every spreadsheet of a publish.
    public init(templatesDirectory: String) throws {
        stylesheet = try Stylesheet(path: (templatesDirectory as NSString).appendingPathComponent(Self.driverStylesheet))
        var files: [String: [UInt8]] = [:]
        for (path, source) in Self.parts {
            guard case .file = source else { continue }
            let file = (templatesDirectory as NSString).appendingPathComponent("\(Self.partsDirectory)/\(path)")
            guard let data = FileManager.default.contents(atPath: file) else {
                throw MissingPart(path: file)
            }
            files[path] = [UInt8](data)
        }
        self.files = files
    }

    /// The .xlsx file of one 目标表 or 自评表 page, from the page's XML.
    public func spreadsheet(_ tree: XMLTree) throws -> [UInt8] {
        try ZipPackage.pack(Self.parts.map { path, source in
            switch source {
            case .file: return (path, files[path]!)
            case .template(let part): return (path, try stylesheet.transform(tree, parameters: [("xlsx.part", part)]))
            }
        })
    }
}
