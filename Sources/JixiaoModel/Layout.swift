/// The printed form a table follows (`版式`): the 财预〔2020〕10号 附件1 form, or the Sichuan
/// 部门预算项目支出绩效自评表 (报表编号 510000_0013zp). Templates choose their module by `xmlName`.
public enum Layout: String, Sendable, CaseIterable {
    case standard = "财预〔2020〕10号"
    case sichuan = "四川"

    /// The names a data file may write: the official one first, then aliases.
    public var names: [String] {
        switch self {
        case .standard: return [rawValue, "默认"]
        case .sichuan: return [rawValue]
        }
    }

    /// The value of the `layout` attribute the templates match.
    public var xmlName: String {
        switch self {
        case .standard: return "default"
        case .sichuan: return "sichuan"
        }
    }

    public init?(name: String) {
        guard let found = Layout.allCases.first(where: { $0.names.contains(name) }) else { return nil }
        self = found
    }
}
