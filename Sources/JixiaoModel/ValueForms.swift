import Foundation

/// The units a table measures in, as far as reading a name needs them: a bracket at the end of
/// an indicator's name states its unit only when it holds one of these (docs/数据格式.md).
public enum MeasureUnits {
    public static let known: Set<String> = [
        "%", "‰", "元", "万元", "亿元", "元/人", "元/亩", "万元/公里",
        "个", "人", "人次", "万人", "户", "家", "所", "座", "处", "栋", "间", "套", "台", "辆", "件", "项", "条", "篇",
        "场", "期", "批", "份", "本", "册", "张", "名", "支", "只", "头", "株", "棵", "次", "起", "宗",
        "种", "类", "届", "轮", "部", "块", "组", "队", "段", "节", "门", "班", "床", "台次", "车次", "架次", "课时", "学时",
        "天", "日", "个工作日", "工作日", "月", "个月", "年", "小时", "分钟", "周",
        "亩", "毫米", "厘米", "米", "千米", "公里", "平方米", "万平方米", "平方公里", "立方米", "万立方米", "公顷", "吨", "万吨", "千瓦", "分",
    ]

    /// A listed unit, or a rate of listed units (`元/人/月`, `人次/年`).
    public static func isKnown(_ unit: String) -> Bool {
        let unit = normalized(unit)
        if known.contains(unit) { return true }
        let parts = unit.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count > 1 && parts.allSatisfy { known.contains(String($0)) }
    }

    /// The unit as compared: `百分比` is `%`, `万` (as in `150万`) is `万元`.
    public static func normalized(_ unit: String) -> String {
        switch unit {
        case "百分比": return "%"
        case "万": return "万元"
        default: return unit
        }
    }
}

/// 指标性质 (or 指标方向): the operator a layout prints in a cell of its own.
public enum IndicatorNature {
    /// Each accepted spelling and what it stands for: an operator, or nil for 定性.
    static let spellings: [(String, ComparisonOperator?)] = [
        ("=", .equal), ("＝", .equal), ("等于", .equal),
        ("≥", .atLeast), (">=", .atLeast), ("≧", .atLeast), ("大于等于", .atLeast), ("正向", .atLeast),
        ("≤", .atMost), ("<=", .atMost), ("≦", .atMost), ("小于等于", .atMost), ("反向", .atMost),
        (">", .greater), ("＞", .greater), ("大于", .greater),
        ("<", .less), ("＜", .less), ("小于", .less),
        // A yes/no indicator (指标方向 `是/否`, as a Fujian goal table prints it) is judged, not measured.
        ("定性", nil), ("是/否", nil), ("是否", nil),
    ]

    public static var names: [String] { spellings.map(\.0) }

    /// `.some(op)` for an operator, `.some(nil)` for 定性, nil when not a nature.
    public static func read(_ text: String) -> ComparisonOperator?? {
        spellings.first { $0.0 == text.trimmingSpaces() }.map { $0.1 }
    }
}

extension ValueCells {
    /// The one text the default layout prints: `=`, `100`, `%` → `=100%`; 定性 → the value
    /// alone; `百分比` → `%`. `op` is the nature as read (`IndicatorNature.read`).
    public func combined(_ op: ComparisonOperator??) -> String {
        let value = self.value.trimmingSpaces()
        if case .some(.none) = op { return value }
        let sign = op.flatMap { $0?.rawValue } ?? ""
        let unit = self.unit.trimmingSpaces()
        // A value that already ends in its unit (`100%` with 度量单位 %) is not given it twice.
        if case .comparison(let written) = IndicatorValue(parsing: value), !written.unit.isEmpty {
            return sign + value
        }
        return sign + value + (unit == "百分比" ? "%" : unit)
    }
}
