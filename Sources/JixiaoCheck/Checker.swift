import JixiaoDiagnostics
import JixiaoModel

/// The rules of `jixiao check` beyond what decoding already enforces (REFERENCE §2, §3,
/// §5, §6). Every rule reports; none changes the data.
public enum Checker {
    public static func check(_ project: Project, year: Int) -> [Diagnostic] {
        let report = Reporter(path: project.path)
        MoneyChecks(project: project, report: report).run()
        IndicatorChecks(project: project, year: year, report: report).run()
        PlanChecks(project: project, report: report).run()
        return report.diagnostics
    }

    public static func check(_ department: Department) -> [Diagnostic] {
        let report = Reporter(path: department.path)
        CriteriaChecks(department: department, report: report).run()
        return report.diagnostics
    }
}

/// Collects the findings for one file.
final class Reporter {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    func callAsFunction(_ code: DiagnosticCode, _ severity: Diagnostic.Severity = .error, at mark: SourceMark?,
                        _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(code, severity, path: path, at: mark, message, hint: hint))
    }
}
