import Foundation
import JixiaoDiagnostics
import JixiaoRender

/// The diagnostics, rendered through templates/diagnostics.xsl — or as plain text when the
/// templates themselves are what is broken.
enum DiagnosticsPage {
    static func render(_ diagnostics: [Diagnostic], sources: [String: SourceFile], templatesDirectory: String) -> PreviewState.Page {
        let errors = diagnostics.filter { $0.severity == .error }
        let tree = XMLTree(root: "diagnostics", attributes: [("errors", String(errors.count)),
                                                             ("warnings", String(diagnostics.count - errors.count))])
        for diagnostic in diagnostics {
            let line = diagnostic.mark.flatMap { sources[diagnostic.path]?.lineText($0.line) } ?? ""
            tree.rootElement.add("diagnostic", [
                ("file", diagnostic.path), ("line", diagnostic.mark.map { String($0.line) } ?? ""),
                ("column", diagnostic.mark.map { String($0.column) } ?? ""), ("severity", diagnostic.severity.rawValue),
                ("label", diagnostic.severity.label), ("code", diagnostic.code.rawValue), ("message", diagnostic.message),
                ("hint", diagnostic.hint ?? ""), ("source-line", line),
            ])
        }
        do {
            let stylesheet = try Stylesheet(path: templatesDirectory + "/diagnostics.xsl")
            let css = (try? String(contentsOfFile: templatesDirectory + "/jixiao.css", encoding: .utf8)) ?? ""
            return PreviewState.Page(bytes: try stylesheet.transform(tree, parameters: [("page.css", css)]),
                                     contentType: "text/html; charset=utf-8")
        } catch {
            return plain(diagnostics.map { $0.formatted(source: sources[$0.path]) }.joined(separator: "\n\n"))
        }
    }

    /// The text in a bare HTML page, so that the reload script can still be injected and the
    /// page refreshes once the templates are mended.
    static func plain(_ text: String) -> PreviewState.Page {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>Jixiao 预览</title></head>"
            + "<body><pre>\(escaped)</pre></body></html>"
        return PreviewState.Page(bytes: Array(page.utf8), contentType: "text/html; charset=utf-8")
    }
}
