/// The indicator taxonomy of the forms: which 二级 indicators belong under which 一级.
/// Names are shown as written; aliases map older or longer names onto the same heading.
public enum IndicatorTaxonomy {
    public enum Level1: String, Sendable, CaseIterable, Codable {
        case output = "产出指标"
        case benefit = "效益指标"
        case satisfaction = "满意度指标"
        case cost = "成本指标"

        /// By case: the default for a type with raw values hashes the raw value, Chinese text
        /// that `String` normalises first, and every scored project keys its weights by heading.
        public func hash(into hasher: inout Hasher) {
            let ordinal = switch self { case .output: 0; case .benefit: 1; case .satisfaction: 2; case .cost: 3 }
            hasher.combine(ordinal)
        }
    }

    public struct Entry: Sendable {
        public let level1: Level1
        public let names: [String]            // the name first, then accepted aliases
        public let level2: [[String]]         // each: name first, then aliases
    }

    public static let entries: [Entry] = [
        Entry(level1: .output, names: ["产出指标"],
              level2: [["数量指标"], ["质量指标"], ["时效指标"], ["成本指标"]]),
        Entry(level1: .benefit, names: ["效益指标", "效果指标"],
              level2: [["经济效益指标"], ["社会效益指标"], ["生态效益指标", "环境效益指标"], ["可持续影响指标"]]),
        Entry(level1: .satisfaction, names: ["满意度指标"],
              level2: [["服务对象满意度指标", "满意度指标", "社会公众或服务对象满意度指标"]]),
        // 成本指标 became a 一级 heading of its own with 财预〔2021〕101号.
        Entry(level1: .cost, names: ["成本指标"],
              level2: [["经济成本指标"], ["社会成本指标"], ["生态环境成本指标"]]),
    ]

    /// The 一级 heading a written name stands for, aliases included.
    public static func level1(named name: String) -> Level1? {
        entries.first { $0.names.contains(name) }?.level1
    }

    /// Whether `level2` (or an alias of it) may stand under `level1`.
    public static func allows(_ level2: String, under level1: Level1) -> Bool {
        entries.first { $0.level1 == level1 }?.level2.contains { $0.contains(level2) } ?? false
    }

    /// The 二级 names allowed under a heading, for "did you mean" hints.
    public static func level2Names(under level1: Level1) -> [String] {
        entries.first { $0.level1 == level1 }?.level2.map { $0[0] } ?? []
    }

    public static var level1Names: [String] { entries.flatMap(\.names) }
}
