import Foundation
import JixiaoPublish
import JixiaoData
import JixiaoImport
import JixiaoExport
import JixiaoRender

/// The repository's own data and templates published once into a temporary directory,
/// shared by the tests that read the pages.
enum Published {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let output: Result<(directory: URL, report: PublishReport), Error> = Result {
        let directory = TestFolder.fresh("published")
        var options = PublishOptions(
            dataDirectory: repository.appendingPathComponent("data").path,
            outputDirectory: directory.appendingPathComponent("output").path,
            templatesDirectory: repository.appendingPathComponent("templates").path)
        options.xlsx = true
        options.docx = true
        let report = try Publisher.publish(options)
        return (directory.appendingPathComponent("output"), report)
    }

    static func page(_ relativePath: String) throws -> XHTMLPage {
        try XHTMLPage(path: try output.get().directory.appendingPathComponent(relativePath).path)
    }

    static func spreadsheet(_ relativePath: String) throws -> Spreadsheet {
        try Spreadsheet(path: try output.get().directory.appendingPathComponent(relativePath).path)
    }
}
