import Foundation
import JixiaoDiagnostics
import JixiaoReview

/// The review page (templates/review.xsl): one year's 绩效目标审核, its findings by project.
enum ReviewXML {
    /// `hrefs`: each project's goal table, by its place in the year, relative to the page.
    static func page(_ review: YearReview, hrefs: [String], context: DocumentXML.PageContext) -> XMLTree {
        let withFindings = review.projects.count { !$0.findings.isEmpty }
        var attributes = context.attributes + [("project-count", String(review.projects.count)),
                                               ("finding-count", String(review.findingCount)),
                                               ("reviewed-count", String(withFindings))]
        if let previous = review.previousYear { attributes.append(("previous-year", String(previous))) }
        let tree = XMLTree(root: "review", attributes: attributes)
        let root = tree.rootElement
        let findings = review.projects.flatMap(\.findings)
        for code in DiagnosticCode.all {
            let count = findings.count { $0.code == code }
            if count > 0 { root.add("tally", [("code", code.rawValue), ("title", code.title), ("count", String(count))]) }
        }
        for (index, project) in review.projects.enumerated() where !project.findings.isEmpty {
            let element = root.add("project", [("n", String(index + 1)), ("name", project.name), ("href", hrefs[index])])
            for finding in project.findings {
                var line = [("code", finding.code.rawValue), ("title", finding.code.title), ("message", finding.message)]
                if let mark = finding.mark { line += [("line", String(mark.line)), ("column", String(mark.column))] }
                if let hint = finding.hint { line.append(("hint", hint)) }
                element.add("finding", line)
            }
        }
        return tree
    }
}
