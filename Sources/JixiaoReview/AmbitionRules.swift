import Foundation
import JixiaoCompare
import JixiaoDiagnostics
import JixiaoModel

/// Ambition (适当性): targets no lower than last year's, nor than what last year achieved, and
/// 满意度 no lower than the floor.
struct AmbitionRules {
    let table: ReviewedTable
    let counterpart: Counterpart?
    /// This table against the counterpart's (`YearComparison`), when there is one.
    let change: ProjectChange?
    let report: DiagnosticCollector

    func run() {
        let previous = counterpart.map { counterpart in
            Dictionary(counterpart.project.indicators.flatMap(\.indicators).map { ($0.name.value, $0) }) { first, _ in first }
        } ?? [:]
        let actuals = counterpart?.results.map { results in
            Dictionary(results.indicators.map { ($0.name.value, $0) }) { first, _ in first }
        } ?? [:]
        for row in table.rows where row.isFilled {
            if row.isSatisfaction { checkSatisfaction(row.indicator) }
            if let actual = actuals[row.indicator.name.value], let counterpart {
                checkAgainstActual(row.indicator, actual, previous[row.indicator.name.value], counterpart)
            }
        }
        if let change, let counterpart { change.lowered.forEach { reportLowered($0, counterpart) } }
    }

    /// JX822.
    private func checkSatisfaction(_ indicator: Indicator) {
        guard case .comparison(let target) = indicator.value, target.isPercentage, !target.op.isCeiling,
              target.number < ReviewRules.satisfactionFloor else { return }
        report(.reviewLowSatisfaction, .warning, at: indicator.valueText.mark,
               "满意度目标“\(indicator.valueText.value)”低于 \(ReviewRules.satisfactionFloor)%",
               hint: "满意度目标一般不低于 \(ReviewRules.satisfactionFloor)%；确需更低的，在依据中说明理由")
    }

    /// JX820: a target the comparison finds lowered (`LoweredTarget`, the one rule for both).
    private func reportLowered(_ lowered: LoweredTarget, _ counterpart: Counterpart) {
        let (now, before) = (lowered.indicator.source.valueText, lowered.previous.source.valueText)
        let place = "\(counterpart.project.path):\(before.mark.line)"
        switch lowered.kind {
        case .laterDeadline:
            report(.reviewBelowLastTarget, .warning, at: now.mark, "完成时限“\(now.value)”比上年“\(before.value)”推迟",
                   hint: "上年（\(counterpart.year)年）时限见 \(place)；推迟须在依据中说明理由")
        case .lowerTarget, .higherCeiling, .smallerQuantityLargerBudget:
            var message = "指标值“\(now.value)”比上年目标“\(before.value)”\(lowered.kind == .higherCeiling ? "放宽" : "降低")"
            if lowered.kind == .smallerQuantityLargerBudget {
                message += "，预算却由 \(counterpart.project.budget.total.value) 增至 \(table.project.budget.total.value)"
            }
            report(.reviewBelowLastTarget, .warning, at: now.mark, message,
                   hint: "上年（\(counterpart.year)年）目标见 \(place)；降低目标须在依据中说明理由")
        }
    }

    /// JX821: the actual is read in the unit of last year's target when it states none, as
    /// the year-end scoring reads it.
    private func checkAgainstActual(_ indicator: Indicator, _ actual: IndicatorResult, _ before: Indicator?, _ counterpart: Counterpart) {
        guard case .comparison(let now) = indicator.value,
              case .comparison(let achieved) = IndicatorValue(parsing: actual.actualText.value) else { return }
        let target = Quantity(now, of: indicator)
        let reached = reading(achieved, like: before ?? indicator)
        guard target.unit == reached.unit, now.op.isCeiling ? target.number > reached.number : target.number < reached.number else { return }
        let resultsPath = counterpart.results?.path ?? counterpart.project.path
        report(.reviewBelowLastActual, .warning, at: indicator.valueText.mark,
               "指标值“\(indicator.valueText.value)”\(now.op.isCeiling ? "宽于" : "低于")上年实际完成值“\(actual.actualText.value)”",
               hint: "上年（\(counterpart.year)年）自评见 \(resultsPath):\(actual.actualText.mark.line)；已经做到的，目标不宜更低")
    }

    /// An actual without a unit means the unit of the target it answers (JX618).
    private func reading(_ actual: Comparison, like reference: Indicator) -> Quantity {
        guard actual.unit.isEmpty, reference.unitInName == nil, case .comparison(let target) = reference.value else {
            return Quantity(actual, of: reference)
        }
        return Quantity(Comparison(actual.op, actual.number, unit: target.unit), of: reference)
    }
}
