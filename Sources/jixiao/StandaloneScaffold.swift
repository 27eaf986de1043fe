import JixiaoModel

/// The stand-alone 自评表 `jixiao new 自评` writes when there is no goal table (or with
/// `--standalone`): its own `绩效指标`, in either layout, `待填写` wherever a value is needed.
enum StandaloneScaffold {
    static let todo = Placeholder.text

    static func text(name: String, layout: Layout) -> String {
        let sichuan = layout == .sichuan
        let (annual, spent) = sichuan ? ("调整后预算数", "预算执行数") : ("全年预算数", "全年执行数")
        let rows = sichuan ? FundingRow.sichuanNames : FundingRow.names
        var lines = [
            "# yaml-language-server: $schema=../../../schema/results.schema.json",
            "# \(name)项目支出绩效自评表，单独成表（没有目标表）：绩效指标写在本文件中。",
            "# 把每个“\(todo)”换成表上印的内容；不需要的可选栏目整行删除。各键的含义见 docs/数据格式.md，评分规则见 docs/评分规则.md。",
            "版式: \(layout.rawValue)",
        ]
        if sichuan { lines.append("报表编号: 510000_0013zp                 # 表上印的报表编号；没有则删除这一行") }
        lines += [
            "项目编码: \"\"                           # 可以为空" + (sichuan ? "；四川版式印作“编码-名称”" : ""),
            "项目名称: \(quotedName(name))",
        ]
        lines += ["主管部门", "实施单位", "项目负责人", "财务负责人"].map { "\($0): \(todo)" }
        lines += [
            "年初预算数: \(todo)                      # 如 238.93万元",
            "\(annual): \(todo)",
            "\(spent): \(todo)",
            "# 预算执行得分: 10                       # 可选：表上印的预算执行得分，检查时与计算的核对",
            "资金构成:                               # 可选：其中各行，名称照表上写；各列之和应等于总额",
        ]
        for (number, row) in rows.enumerated() {
            let amount = number == 0 ? todo : "0万元"
            lines += ["  \(row):", "    年初预算数: \(amount)", "    \(annual): \(amount)", "    \(spent): \(amount)"]
        }
        lines.append("项目年度目标:\n  - \(todo)")
        if sichuan { lines.append("项目实施内容: \(todo)                    # 项目实施内容及过程概述") }
        lines += [
            "实际完成情况: \(todo)                    # " + (sichuan ? "年度目标完成情况" : "实际完成情况"),
            "绩效指标:                               # 一级 → 二级 → 列表；一级可照表写分值，如 产出指标(50分)",
        ]
        for (level1, level2, points) in [("产出指标", "数量指标", 50), ("效益指标", "社会效益指标", 30), ("满意度指标", "服务对象满意度指标", 10)] {
            lines += ["  \(level1)(\(points)分):", "    \(level2):", "      - 名称: \(todo)"]
            if sichuan {
                lines += ["        指标性质: \"≥\"                   # = ≥ ≤ > < 或 定性",
                          "        年度指标值: \(todo)",
                          "        度量单位: \"%\""]
            } else {
                lines.append("        年度指标值: \(todo)                # 如 ≥95%、2021年12月底前")
            }
            lines += ["        实际完成值: \(todo)",
                      "        分值: \(points)",
                      "        # 得分: \(points)                   # 可选：表上印的得分，检查时与计算的核对",
                      "        # 不适用: 是                 # 不适用的指标列出、不计分，总分按适用指标折算为百分制"]
        }
        lines += [
            "# 总分:                                 # 可选：表上印的合计行，检查时核对",
            "#   分值: 100",
            "#   得分: 100",
            "评价结论: \(todo)",
            "存在问题: \(todo)",
            "改进措施: \(todo)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The name in double quotes, so that any text is a valid value.
    private static func quotedName(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
