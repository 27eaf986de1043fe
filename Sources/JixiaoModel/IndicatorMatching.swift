import JixiaoDiagnostics

/// Rows of a later file keyed by 三级指标 name (year-end results, mid-year monitoring) matched
/// to the indicators of the project's goal table. One rule for both: names compared exactly,
/// byte for byte (`ExactText`), or else as text (a compatibility ideograph for its unified
/// twin), looked for only on a miss; a name the goal table uses twice cannot be matched (JX614).
public struct IndicatorMatching<Row> {
    /// The row of each matched name, keyed by the goal table's spelling.
    public private(set) var byName: [ExactText: Row] = [:]
    /// The goal table's indicators no row names.
    public private(set) var missing: [Indicator] = []
    /// Rows naming no indicator, each with the closest name as a suggestion.
    private var unknown: [(name: Located<String>, suggestion: String?)] = []
    /// Rows naming an indicator the goal table has more than once (still kept in `byName`).
    private var ambiguous: [Located<String>] = []

    public init(_ project: Project, rows: [Row], name: (Row) -> Located<String>) {
        let all = project.indicators.flatMap(\.indicators)
        let names = all.map(\.name.value)
        let counts = Dictionary(names.map { (ExactText($0), 1) }, uniquingKeysWith: +)
        for row in rows {
            let rowName = name(row)
            let typed = rowName.value
            guard let matched = counts[ExactText(typed)] != nil ? typed : names.first(where: { $0 == typed }) else {
                unknown.append((rowName, Suggestion.closest(to: typed, among: names)))
                continue
            }
            if counts[ExactText(matched)]! > 1 { ambiguous.append(rowName) }
            byName[ExactText(matched)] = row
        }
        missing = all.filter { byName[ExactText($0.name.value)] == nil }
    }

    /// Reports each row naming no indicator as `unknownCode`, and each that cannot be told apart
    /// (JX614), at the row's name. What is missing, each file words for itself.
    public func reportUnmatched(as unknownCode: DiagnosticCode, into report: DiagnosticCollector) {
        for (name, suggestion) in unknown {
            report(unknownCode, at: name.mark, "目标表中没有三级指标“\(name.value)”",
                   hint: suggestion.map { "是不是想写“\($0)”？" } ?? "指标名称须与目标表中的三级指标完全一致")
        }
        for name in ambiguous {
            report(.ambiguousIndicatorName, at: name.mark, "目标表中有多个三级指标叫“\(name.value)”，无法对应",
                   hint: "先在目标表中把重名的指标区分开")
        }
    }
}
