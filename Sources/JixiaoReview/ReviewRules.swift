import Foundation

/// The numbers and word lists of the review, in one place (each stated in docs/审核规则.md).
enum ReviewRules {
    static let costHeading = "成本指标"
    static let timelinessHeading = "时效指标"
    static let quantityHeading = "数量指标"

    /// JX822: a 满意度 target below this percentage.
    static let satisfactionFloor: Decimal = 80

    /// JX811: words that make a target a direction rather than a value one can check at year end.
    static let vagueWords = ["较好", "良好", "明显", "显著", "有效", "进一步", "逐步", "稳步", "不断", "力争", "基本",
                             "大幅", "有所", "一定程度", "尽快", "尽量", "积极"]

    /// JX812: names of indicators that are a ratio, whose 描述 must say of what to what.
    static let ratioMarks = ["率", "比例", "占比", "比重"]

    /// JX803: a cost row that is really the budget's execution rate, scored apart at year end.
    static let executionRateMarks = ["执行率", "完成率", "支出率", "支付率"]

    /// JX830: how a name says "per unit": 人均 is per 人; 每U, 每个U, 单位U are per U.
    static func perUnitMarks(_ unit: String) -> [String] {
        (unit == "人" ? ["人均"] : []) + ["每" + unit, "每个" + unit, "单位" + unit]
    }

    /// JX831: how a count's name says what it counts when its value gives no unit: 人数 counts
    /// 人, 村庄数 counts 村 (one character may stand between the unit and 数).
    static func namesCount(_ name: String, of unit: String) -> Bool {
        guard !unit.isEmpty else { return false }
        var rest = Substring(name)
        while let found = rest.range(of: unit) {
            let after = rest[found.upperBound...]
            if after.hasPrefix("数") || after.dropFirst().hasPrefix("数") { return true }
            rest = after
        }
        return false
    }

    /// JX831: at most this many breakdown items are combined to find a count (2¹² sums).
    static let maximumCombinedItems = 12
}
