import Foundation
import JixiaoModel

/// The files `jixiao new` writes: every field, commented, with `待填写` wherever the user
/// must supply a value — which `jixiao check` reports (JX212) until it is replaced.
public enum Scaffold {
    static let todo = Placeholder.text

    /// A new goal table with the standard indicator skeleton.
    public static func project(name: String, year: Int) -> String {
        let skeleton: [(String, [String])] = [
            ("产出指标", ["数量指标", "质量指标", "时效指标", "成本指标"]),
            ("效益指标", ["社会效益指标"]),
            ("满意度指标", ["服务对象满意度指标"]),
        ]
        var lines = [
            "# yaml-language-server: $schema=../../../schema/project.schema.json",
            "# \(name)项目绩效目标表（\(year)年）。把每个“\(todo)”换成实际内容；jixiao check 会列出尚未填写的地方。",
            "# 各键的含义见 docs/数据格式.md。",
            "项目编码: \"\"                       # 可以为空",
            "项目名称: \(quoted(name))",
            "资金用途: >-                         # “项目资金主要用途”一格：预算数、资金来源、主要用途及测算",
            "  \(todo)",
            "预算:",
            "  合计: \(todo)                      # 如 71万元",
            "  来源:                              # 资金来源，之和应等于合计",
            "    财政资金: \(todo)",
            "    其他资金: 0万元",
            "  明细:                              # 可选：资金用途中写明的分项，之和应等于合计",
            "    - 名称: \(todo)",
            "      金额: \(todo)                  # 如 45万元",
            "      # 计算: 5万元/村 × 9村          # 可选：测算公式，检查时核对它是否等于金额",
            "资金支出计划: [25%, 50%, 75%, 100%]   # 第一至第四季度末的累计支出比例",
            "绩效目标:",
            "  - \(todo)",
            "绩效指标:",
        ]
        for (level1, level2s) in skeleton {
            lines.append("  \(level1):")
            for level2 in level2s {
                lines += [
                    "    \(level2):",
                    "      - 名称: \(todo)",
                    "        描述: \(todo)",
                    "        指标值: \(level2 == "时效指标" ? "\(year)年12月底前" : todo)" + (level2 == "服务对象满意度指标" ? "    # 百分比，如 85%以上" : ""),
                    "        依据: \(todo)",
                ]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A results file for `project`, pre-filled with every indicator and its target.
    public static func results(for project: Project) -> String {
        var lines = [
            "# yaml-language-server: $schema=../../../schema/results.schema.json",
            "# \(project.name.value)年末自评。把每个“\(todo)”换成实际结果；评分规则见 docs/评分规则.md。",
            "项目名称: \(quoted(project.name.value))",
            "主管部门: \(todo)",
            "实施单位: \(todo)",
            "全年预算数: \(project.budget.total.value)         # 年中调整过预算时改为调整后的数",
            "全年执行数: \(todo)",
            "实际完成情况: \(todo)",
            "指标:",
        ]
        lines += indicatorEntries(project, ["实际完成值: \(todo)", "# 偏差原因: 未达成、逾期或超出目标 30% 以上时写明"])
        lines += ["存在问题: \(todo)", "改进措施: \(todo)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A monitoring file for `project` at `date`, pre-filled with every indicator and its target.
    public static func monitoring(for project: Project, asOf date: CalendarDate) -> String {
        var lines = [
            "# yaml-language-server: $schema=../../../schema/monitoring.schema.json",
            "# \(project.name.value)绩效运行监控。把每个“\(todo)”换成截至日期的实际情况；各键的含义见 docs/数据格式.md。",
            "项目名称: \(quoted(project.name.value))",
            "主管部门: \(todo)",
            "实施单位: \(todo)",
            "截至: \(date.text)",
        ]
        if project.budget.sources.isEmpty {
            lines.append("执行数: \(todo)                      # 截至日期已支出的金额；预算合计 \(project.budget.total.value)")
        } else {
            lines += ["执行数:", "  合计: \(todo)                    # 截至日期已支出的金额；预算合计 \(project.budget.total.value)",
                      "  来源:                            # 可选：各资金来源的执行数，之和应等于合计"]
            lines += project.budget.sources.map { "    \(quoted($0.name)): \(todo)           # 预算 \($0.amount.value)" }
        }
        lines += [
            "# 完成目标可能性写 确定能、有可能 或 完全不可能；不是“确定能”时，在该指标下写明：",
            "#     偏差原因:",
            "#       类别: [人员保障]         # 经费保障、制度保障、人员保障、硬件条件保障、其他，可写多个",
            "#       说明: …",
            "#     纠偏措施: …",
            "指标:",
        ]
        lines += indicatorEntries(project, ["实际完成值: \(todo)", "全年预计完成值: \(todo)", "完成目标可能性: \(todo)"])
        return lines.joined(separator: "\n") + "\n"
    }

    /// Under `指标:`, an entry for each 三级指标 of `project`, named as the goal table names it
    /// with its target in a comment, holding `fields`.
    static func indicatorEntries(_ project: Project, _ fields: [String]) -> [String] {
        project.indicators.flatMap(\.indicators).flatMap { indicator in
            ["  \(quoted(indicator.name.value)):              # 指标值：\(indicator.valueText.value)"] + fields.map { "    " + $0 }
        }
    }

    /// A scalar quoted when YAML needs it.
    static func quoted(_ text: String) -> String {
        let indicators = "-?:,[]{}#&*!|>'\"%@`"
        let needs = text.isEmpty || indicators.contains(text.first!) || text.contains(": ") || text.contains(" #")
            || text.hasSuffix(":") || text.contains("\t") || text != text.trimmingSpaces()
        guard needs else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\t", with: "\\t") + "\""
    }
}
