import Foundation
import ZIPFoundation

/// Small .docx files made by the tests: a zip package holding `word/document.xml` built from
/// WordprocessingML snippets, so each case shows the markup it is about.
enum WordFixture {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
        + #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#

    static func document(_ body: String...) -> String {
        "\(declaration)<w:document \(namespaces)><w:body>\(body.joined())</w:body></w:document>"
    }

    static func paragraph(_ text: String) -> String {
        "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// A cell of one paragraph per line of `text`, with optional `w:tcPr` content.
    static func cell(_ text: String, _ properties: String = "") -> String {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph(String($0)) }
        return "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraphs.joined())</w:tc>"
    }

    static func row(_ cells: String...) -> String { "<w:tr>\(cells.joined())</w:tr>" }

    static func table(_ rows: String...) -> String {
        "<w:tbl><w:tblPr/><w:tblGrid>\(String(repeating: "<w:gridCol/>", count: 6))</w:tblGrid>\(rows.joined())</w:tbl>"
    }

    static func span(_ columns: Int) -> String { "<w:gridSpan w:val=\"\(columns)\"/>" }
    static let mergeStart = "<w:vMerge w:val=\"restart\"/>"
    static let mergeContinue = "<w:vMerge/>"

    /// A .docx (zip) file in a fresh temporary directory holding `entries`, deflated.
    static func package(_ entries: [(path: String, contents: Data)]) throws -> URL {
        let url = TestFolder.fresh("jixiao-word").appendingPathComponent("表格.docx")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, contents) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(contents.count), compressionMethod: .deflate) {
                position, size in contents.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    static func docx(_ documentXML: String) throws -> URL {
        try package([("word/document.xml", Data(documentXML.utf8))])
    }
}
