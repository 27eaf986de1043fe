/// Rows of a later file keyed by 三级指标 name (year-end results, mid-year monitoring) matched
/// to the indicators of the project's goal table. Each file reports what does not match with
/// its own codes; the matching itself is one rule: names compared exactly, a name the goal
/// table uses twice cannot be matched.
public struct IndicatorMatching<Row> {
    /// The row of each matched name.
    public private(set) var byName: [String: Row] = [:]
    /// Rows naming no indicator, each with the closest name as a suggestion.
    public private(set) var unknown: [(row: Row, suggestion: String?)] = []
    /// Rows naming an indicator the goal table has more than once (still kept in `byName`).
    public private(set) var ambiguous: [Row] = []
    /// The goal table's indicators no row names.
    public private(set) var missing: [Indicator] = []

    public init(_ project: Project, rows: [Row], name: (Row) -> String) {
        let all = project.indicators.flatMap(\.indicators)
        let names = all.map(\.name.value)
        let counts = Dictionary(names.map { ($0, 1) }, uniquingKeysWith: +)
        for row in rows {
            let rowName = name(row)
            guard let count = counts[rowName] else {
                unknown.append((row, Suggestion.closest(to: rowName, among: names)))
                continue
            }
            if count > 1 { ambiguous.append(row) }
            byName[rowName] = row
        }
        missing = all.filter { byName[$0.name.value] == nil }
    }
}
