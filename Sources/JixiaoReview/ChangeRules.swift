import JixiaoCompare
import JixiaoDiagnostics
import JixiaoModel

/// What the table changed since last year's, as the comparison finds it (`ProjectChange`):
/// indicators dropped or added, texts copied word for word. The lowered targets are JX820
/// (`AmbitionRules`).
struct ChangeRules {
    let table: ReviewedTable
    let counterpart: Counterpart
    let change: ProjectChange
    let report: DiagnosticCollector

    func run() {
        change.removedIndicators.forEach(reportDropped)
        change.addedIndicators.forEach(reportAdded)
        change.copied.forEach(reportCopied)
    }

    private var previousYear: String { "上年（\(counterpart.year)年）" }

    /// JX823: the row is not in this year's file, so the finding points where it would be:
    /// this year's heading of the same 二级, else of the same 一级.
    private func reportDropped(_ place: IndicatorPlace) {
        let group = table.project.indicators.first { IndicatorPlace.level1(of: $0) == place.level1 }
        let mark = group?.subgroups.first { $0.name.value == place.level2 }?.name.mark ?? group?.name.mark
            ?? table.mark(of: .output)
        report(.reviewDroppedIndicator, .warning, at: mark,
               "\(previousYear)的指标“\(place.name)”（\(place.level1) · \(place.level2)，目标“\(place.valueText)”）本年没有",
               hint: "上年目标见 \(counterpart.project.path):\(place.source.name.mark.line)；删去指标须说明理由（已经完成、改由其他指标反映），"
                   + "不宜删去没有完成或不易完成的指标")
    }

    /// JX824: not an error — a new indicator has no history to be set against, so its value
    /// needs a basis of its own; and it may stand in for a dropped one.
    private func reportAdded(_ place: IndicatorPlace) {
        report(.reviewNewIndicator, .warning, at: place.source.name.mark,
               "新增指标“\(place.name)”（目标“\(place.valueText)”），\(previousYear)目标表没有",
               hint: "新增指标没有上年目标可比：在依据中写明取值的来源（计划标准、行业标准）；替代上年删去的指标的，目标不宜更低")
    }

    /// JX825.
    private func reportCopied(_ copied: CopiedText) {
        let previousPlace = copied.previousMark.map { "\(counterpart.project.path):\($0.line)" } ?? counterpart.project.path
        report(.reviewCopiedText, .warning, at: copied.mark ?? table.project.name.mark,
               "\(copied.field)与\(previousYear)目标表一字不差：“\(copied.text)”",
               hint: "上年见 \(previousPlace)；按本年的任务和资金写明本年要达到的目标，不照抄上年")
    }
}
