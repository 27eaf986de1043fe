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

    static func plain(_ text: String) -> PreviewState.Page {
        PreviewState.Page(bytes: Array(text.utf8), contentType: "text/plain; charset=utf-8")
    }
}
