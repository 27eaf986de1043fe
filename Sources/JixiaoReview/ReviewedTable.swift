import Foundation
import JixiaoDiagnostics
import JixiaoModel

/// A goal table as the review reads it: each 三级 indicator with the headings above it, and
/// what its target is measured in.
struct ReviewedTable {
    let project: Project
    /// The budget year under review.
    let year: Int
    let rows: [Row]

    struct Row {
        let group: IndicatorGroup
        let subgroup: IndicatorSubgroup
        let indicator: Indicator

        /// 成本指标: the 一级 heading of 财预〔2021〕101号 or the older 二级 one under 产出.
        var isCost: Bool { group.level1 == .cost || (group.level1 == .output && subgroup.name.value == ReviewRules.costHeading) }
        var isTimeliness: Bool { group.level1 == .output && subgroup.name.value == ReviewRules.timelinessHeading }
        var isQuantity: Bool { group.level1 == .output && subgroup.name.value == ReviewRules.quantityHeading }
        var isSatisfaction: Bool { group.level1 == .satisfaction }
        var isFilled: Bool { !Placeholder.isPlaceholder(indicator.valueText.value) && !indicator.valueText.value.isBlank }

        /// The target as an amount of money, its unit written after the number or in the name.
        var moneyTarget: Amount? {
            guard case .comparison(let target) = indicator.value else { return nil }
            let unit = target.unit.isEmpty ? indicator.unitInName.flatMap(MoneyUnit.init) : target.moneyUnit
            return unit.map { Amount(target.number, $0) }
        }
    }

    init(project: Project, year: Int) {
        self.project = project
        self.year = year
        rows = project.indicators.flatMap { group in
            group.subgroups.flatMap { subgroup in subgroup.indicators.map { Row(group: group, subgroup: subgroup, indicator: $0) } }
        }
    }

    /// Where a finding about the table as a whole points: the heading of `level1`, else the
    /// first heading, else the project's name.
    func mark(of level1: IndicatorTaxonomy.Level1) -> SourceMark {
        (project.indicators.first { $0.level1 == level1 } ?? project.indicators.first)?.name.mark ?? project.name.mark
    }
}
