import JixiaoDiagnostics
import JixiaoModel

/// The rules of `jixiao check` beyond what decoding already enforces: the money adds up,
/// indicators read as what their rows measure, the department's criteria do not overlap
/// (docs/检查规则.md). Every rule reports; none changes the data.
public enum Checker {
    /// `year` is the budget year the project belongs to; nil when unknown (deadlines unchecked).
    public static func check(_ project: Project, year: Int?) -> [Diagnostic] {
        let report = DiagnosticCollector(path: project.path)
        MoneyChecks(project: project, report: report).run()
        IndicatorChecks(project: project, year: year, report: report).run()
        PlanChecks(project: project, report: report).run()
        return report.diagnostics
    }

    public static func check(_ department: Department) -> [Diagnostic] {
        let report = DiagnosticCollector(path: department.path)
        CriteriaChecks(department: department, report: report).run()
        return report.diagnostics
    }
}

/// A transcription must keep the document's own slips, so a finding on a line whose comment
/// says `# 原文如此` ("sic") is still reported, as a warning: the data is known to state what
/// the document states, and publishing goes ahead.
public enum Acknowledgement {
    public static let marker = "原文如此"

    public static func apply(_ diagnostics: [Diagnostic], source: SourceFile) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard diagnostic.severity == .error, isAcknowledgeable(diagnostic.code),
                  let line = diagnostic.mark.flatMap({ source.lineText($0.line) }),
                  let comment = line.range(of: " #").map({ line[$0.upperBound...] }),
                  comment.contains(marker) else { return diagnostic }
            return Diagnostic(diagnostic.code, .warning, path: diagnostic.path, at: diagnostic.mark,
                              diagnostic.message + "（已标注“\(marker)”）", hint: diagnostic.hint)
        }
    }

    /// Content findings only: a file that cannot be read or decoded is never waved through.
    static func isAcknowledgeable(_ code: DiagnosticCode) -> Bool {
        guard let number = Int(code.rawValue.dropFirst(2)) else { return false }
        return (300..<600).contains(number)
    }
}
