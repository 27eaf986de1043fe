import Foundation
import JixiaoRender

/// `jixiao publish --docx`: the 项目绩效目标表, the 项目支出绩效自评表 and the annual document
/// also as Office Open XML word-processing documents (.docx), which Word, WPS and LibreOffice
/// open, and `jixiao import` reads back. templates/docx.xsl writes the body from the page's
/// frame and parts (put together by `WordStream`, as the page is) and the footer from the
/// frame; the fixed parts (styles, fonts, settings, relationships) are files in
/// templates/docx/. Swift only packs them.
public final class WordRenderer: WordDocuments {
    private let package: OfficePackage

    static let documentPath = "word/document.xml"

    /// Compiles docx.xsl and reads the fixed parts once, for every document of a publish.
    public init(templatesDirectory: String) throws {
        package = try OfficePackage(templatesDirectory: templatesDirectory, driver: "docx.xsl", folder: "docx",
                                    parameter: "docx.part", parts: [
                                        ("[Content_Types].xml", .file),
                                        ("_rels/.rels", .file),
                                        (Self.documentPath, .given),
                                        ("word/_rels/document.xml.rels", .file),
                                        ("word/styles.xml", .file),
                                        ("word/fontTable.xml", .file),
                                        ("word/settings.xml", .file),
                                        ("word/footer1.xml", .template("footer")),
                                    ])
    }

    public func document(_ frame: XMLTree, parameters: [(String, String)]) throws -> [UInt8] {
        try package.stylesheet.transform(frame, parameters: parameters)
    }

    public func part(_ tree: XMLTree, parameters: [(String, String)]) throws -> [UInt8] {
        try package.stylesheet.transformPart(tree, parameters: parameters)
    }

    public func package(_ frame: XMLTree, document: SequentialBytes, parameters: [(String, String)]) throws -> [UInt8] {
        try package.pack(frame, parameters: parameters, given: [Self.documentPath: document])
    }
}
