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
    public static let marker = Sic.marker

    public static func apply(_ diagnostics: [Diagnostic], source: SourceFile) -> [Diagnostic] {
        apply(diagnostics) { line in source.lineText(line).map(Sic.isMarked) ?? false }
    }

    /// With the marked lines read beforehand (`Sic.lines`), when the text is gone.
    public static func apply(_ diagnostics: [Diagnostic], markedLines: Set<Int>) -> [Diagnostic] {
        markedLines.isEmpty ? diagnostics : apply(diagnostics) { markedLines.contains($0) }
    }

    private static func apply(_ diagnostics: [Diagnostic], isMarked: (Int) -> Bool) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard diagnostic.severity == .error, isAcknowledgeable(diagnostic.code),
                  let line = diagnostic.mark?.line, isMarked(line) else { return diagnostic }
            return Diagnostic(diagnostic.code, .warning, path: diagnostic.path, at: diagnostic.mark,
                              diagnostic.message + "（已标注“\(marker)”）", hint: diagnostic.hint)
        }
    }

    /// Content findings only: a file that cannot be read or decoded is never waved through,
    /// nor a file that matches no project (JX601, JX620) or a project left unassessed (JX615).
    /// Of JX2xx only the content ones: a cell the table left blank (JX204; the row is kept
    /// and scores nothing), a 二级 heading under another 一级 (JX208, as a real table prints
    /// 经济成本指标 under 产出指标) and a repeated 项目编码 (JX211).
    static func isAcknowledgeable(_ code: DiagnosticCode) -> Bool {
        guard let number = Int(code.rawValue.dropFirst(2)) else { return false }
        if [DiagnosticCode.emptyValue, .unknownLevel2, .duplicateCode].contains(code) { return true }
        if [DiagnosticCode.resultsWithoutProject, .notAssessed, .duplicateResults].contains(code) { return false }
        return (300..<700).contains(number)
    }
}
