import JixiaoDiagnostics
import JixiaoModel

/// Completeness (完整性): the table states what the money buys (产出), what it achieves (效益),
/// whom it serves (满意度), what it costs (成本), and by when (时效).
struct CompletenessRules {
    let table: ReviewedTable
    let report: DiagnosticCollector

    func run() {
        checkHeadings()
        checkCost()
        checkDeadline()
    }

    /// JX801.
    private func checkHeadings() {
        let present = Set(table.project.indicators.compactMap(\.level1))
        let required: [(IndicatorTaxonomy.Level1, String)] = [(.output, "产出指标"), (.benefit, "效益指标"), (.satisfaction, "满意度指标")]
        let missing = required.filter { !present.contains($0.0) }.map(\.1)
        guard !missing.isEmpty else { return }
        report(.reviewMissingLevel1, .warning, at: table.mark(of: .output),
               "绩效指标中没有\(missing.joined(separator: "、"))",
               hint: "财预〔2021〕101号：项目的绩效指标包括产出、效益和满意度指标；每类至少设一个三级指标")
    }

    /// JX802, JX803.
    private func checkCost() {
        let costs = table.rows.filter { $0.isCost && $0.isFilled }
        guard !costs.isEmpty else {
            report(.reviewMissingCost, .warning, at: table.mark(of: .output),
                   "没有成本指标",
                   hint: "财预〔2021〕101号设成本指标（经济成本、社会成本、生态环境成本）；至少写一个以金额计量的经济成本，如“人均补助标准 800元”")
            return
        }
        guard !costs.contains(where: { $0.moneyTarget != nil }) else { return }
        let first = costs[0].indicator
        let names = costs.map { "“\($0.indicator.name.value) \($0.indicator.valueText.value)”" }.joined(separator: "、")
        let executionRate = costs.contains { row in ReviewRules.executionRateMarks.contains { row.indicator.name.value.contains($0) } }
        report(.reviewCostNotMoney, .warning, at: first.valueText.mark,
               "成本指标\(names)\(costs.count > 1 ? "都" : "")不以元或万元计量，没有说明项目的经济成本",
               hint: (executionRate ? "预算资金的执行（完成）率不是成本，自评时另按预算执行率计分；" : "")
                   + "写明单位成本或总成本，如“人均投入 3000元”“每村投入 5万元”，并与资金测算一致")
    }

    /// JX804.
    private func checkDeadline() {
        let timeliness = table.rows.filter(\.isTimeliness)
        let year = table.year
        let inYear = timeliness.contains { row in
            if case .deadline(let deadline) = row.indicator.value { return deadline.year == year }
            return false
        }
        guard !inYear else { return }
        guard let first = timeliness.first else {
            report(.reviewMissingDeadline, .warning, at: table.mark(of: .output),
                   "没有时效指标，看不出项目何时完成",
                   hint: "在产出指标下加时效指标，如“项目完成时限：\(year)年12月底前”")
            return
        }
        report(.reviewMissingDeadline, .warning, at: first.indicator.valueText.mark,
               "时效指标中没有 \(year) 年内的完成时限（“\(first.indicator.name.value)”为“\(first.indicator.valueText.value)”）",
               hint: "写明预算年度内的日期，如“\(year)年12月底前”“\(year)年6月30日前”")
    }
}
