import Foundation
import JixiaoRender

/// `jixiao publish --xlsx`: the 项目绩效目标表 and 项目支出绩效自评表 also as Office Open XML
/// spreadsheets (.xlsx), which Excel, WPS and LibreOffice all open. The parts that depend on
/// the data are written by templates/xlsx.xsl from the very XML tree of the page beside
/// them; the fixed parts are files in templates/xlsx/. Swift only packs them.
public final class SpreadsheetRenderer: Sendable {
    private let package: OfficePackage

    /// Compiles xlsx.xsl and reads the fixed parts once, for every spreadsheet of a publish.
    public init(templatesDirectory: String) throws {
        package = try OfficePackage(templatesDirectory: templatesDirectory, driver: "xlsx.xsl", folder: "xlsx",
                                    parameter: "xlsx.part", parts: [
                                        ("[Content_Types].xml", .file),
                                        ("_rels/.rels", .file),
                                        ("xl/workbook.xml", .template("workbook")),
                                        ("xl/_rels/workbook.xml.rels", .file),
                                        ("xl/styles.xml", .template("styles")),
                                        ("xl/worksheets/sheet1.xml", .template("sheet")),
                                    ])
    }

    /// The .xlsx file of one 目标表 or 自评表 page, from the page's XML.
    public func spreadsheet(_ tree: XMLTree) throws -> [UInt8] {
        try package.pack(tree)
    }
}
