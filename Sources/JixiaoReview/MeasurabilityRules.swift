import JixiaoDiagnostics
import JixiaoModel

/// Measurability (可衡量): a target one can check at year end — a number in a unit, no words
/// that only point a direction, and for a ratio the two things it divides.
struct MeasurabilityRules {
    let table: ReviewedTable
    let report: DiagnosticCollector

    func run() {
        for row in table.rows where row.isFilled {
            checkUnit(row.indicator)
            checkWords(row.indicator)
            checkRatioDescription(row.indicator)
        }
    }

    /// JX810.
    private func checkUnit(_ indicator: Indicator) {
        guard case .comparison(let target) = indicator.value, target.unit.isEmpty, indicator.unitInName == nil else { return }
        report(.reviewBareNumber, .warning, at: indicator.valueText.mark,
               "指标值“\(indicator.valueText.value)”只有数字，名称“\(indicator.name.value)”也没有注明单位",
               hint: "在数字后写上计量单位（人、个、次、天、亩……），或在名称末尾用括号注明，如“…（个）”")
    }

    /// JX811.
    private func checkWords(_ indicator: Indicator) {
        let text = indicator.valueText.value
        let found = ReviewRules.vagueWords.filter { text.contains($0) }
        guard !found.isEmpty else { return }
        report(.reviewVagueWords, .warning, at: indicator.valueText.mark,
               "指标值“\(text)”用了“\(found.joined(separator: "”“"))”，年末无法据以判断是否完成",
               hint: "写成可核对的数值或状态，如“≥95%”“2个”“通过验收”")
    }

    /// JX812; not on a form without a 描述 column, where the method has no cell to go in.
    private func checkRatioDescription(_ indicator: Indicator) {
        let name = indicator.name.value
        guard ReviewRules.ratioMarks.contains(where: name.contains), let written = indicator.description else { return }
        let description = Self.comparable(written)
        guard description.isEmpty || description == Self.comparable(name) else { return }
        report(.reviewRepeatedName, .warning, at: indicator.name.mark,
               "“\(name)”是比率，描述却\(description.isEmpty ? "是空的" : "只重复了名称")，没有说明用什么除以什么",
               hint: "在描述中写出计算方法，如“实际完成数量与计划数量的比率”")
    }

    /// Without spaces and the closing 。 a description may add to its name.
    private static func comparable(_ text: String) -> String {
        var trimmed = text.trimmingWhitespace()
        while let last = trimmed.last, "。.；;".contains(last) { trimmed.removeLast() }
        return trimmed
    }
}
