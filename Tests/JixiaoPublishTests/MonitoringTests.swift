import Foundation
import JixiaoCheck
import JixiaoData
import JixiaoDiagnostics
import JixiaoImport
import JixiaoModel
import Testing

/// The sample monitoring of 2021 (data/2021/监控/, 截至2021年7月31日), every figure and flag
/// against arithmetic done by hand. Every goal table plans [25%, 50%, 75%, 100%]: on 7月31日,
/// 31 of the 92 days of Q3 have gone, so the plan stands at 50 + 25 × 31 ÷ 92 = 5375 ÷ 92 =
/// 58.4239… → 58.42 %. 执行率 = 执行数 ÷ 预算 to 0.01 % half up; gap = 58.42 − 执行率; behind
/// above 10 points, far behind above 20.
@Suite("Mid-year monitoring of the 2021 data")
struct MonitoringDataTests {
    struct Expected {
        let project: String
        let rate: String
        let gap: String
        let behind: Bool
        let far: Bool
    }

    static let expectations = [
        Expected(project: "村干部工资、保险和聘用人员工资", rate: "60.00", gap: "-1.58", behind: false, far: false),  // 92.4 ÷ 154 = 0.6
        Expected(project: "村干部及村官考核奖和离任村干部补贴", rate: "50.00", gap: "8.42", behind: false, far: false), // 21.65 ÷ 43.3 = 0.5
        Expected(project: "村级组织经费", rate: "58.45", gap: "-0.03", behind: false, far: false),        // 41.5 ÷ 71 = 0.58450…
        Expected(project: "社区目标考核奖", rate: "0.00", gap: "58.42", behind: true, far: true),        // 0 ÷ 43.7
        Expected(project: "信访维稳专项资金", rate: "60.00", gap: "-1.58", behind: false, far: false),     // 18 ÷ 30
        Expected(project: "村委会办公场所租赁费", rate: "50.00", gap: "8.42", behind: false, far: false),  // 10 ÷ 20
        Expected(project: "马家屯遮荫款", rate: "100.00", gap: "-41.58", behind: false, far: false),      // 5.2 ÷ 5.2
        Expected(project: "征地拆迁补偿款", rate: "44.00", gap: "14.42", behind: true, far: false),       // 22 ÷ 50
        Expected(project: "道路及绿化占地过渡费", rate: "58.68", gap: "-0.26", behind: false, far: false), // 1200 ÷ 2045.1 = 0.586768…
        Expected(project: "墓穴安置经费", rate: "25.00", gap: "33.42", behind: true, far: true),          // 10.5 ÷ 42
        Expected(project: "综合服务中心建设经费", rate: "80.00", gap: "-21.58", behind: false, far: false), // 168 ÷ 210
        Expected(project: "综合行政执法人员统一制式服装费", rate: "100.00", gap: "-41.58", behind: false, far: false), // 3 ÷ 3
        Expected(project: "垃圾分类督导员经费", rate: "58.33", gap: "0.09", behind: false, far: false),    // 163.9 ÷ 281 = 0.583274…
        Expected(project: "社区经费（含智慧社区及网格化管理费用）", rate: "54.76", gap: "3.66", behind: false, far: false), // 1150 ÷ 2100 = 0.547619…
    ]

    static let dataSet = DataSetLoader.load(directory: Published.repository.appendingPathComponent("data").path)

    @Test func everyProjectIsMonitoredAsComputedByHand() throws {
        let year = try #require(Self.dataSet.years.first)
        #expect(year.monitoring?.isSample == true)
        #expect(year.monitoring?.threshold == 10)
        #expect(year.entries.map(\.name) == Self.expectations.map(\.project))
        for (entry, expected) in zip(year.entries, Self.expectations) {
            let review = try #require(entry.monitoring?.review, "\(expected.project) is monitored")
            #expect(review.plannedPercent?.fixed(2) == "58.42", "\(expected.project)")
            #expect(review.ratePercent?.fixed(2) == expected.rate, "\(expected.project)")
            #expect(review.gap?.fixed(2) == expected.gap, "\(expected.project)")
            #expect(review.isBehind == expected.behind && review.isFarBehind == expected.far, "\(expected.project)")
        }
    }

    /// Sources: 本级 1050 ÷ 1930 = 0.544041… → 54.40 %, 上级转移支付 100 ÷ 170 = 0.588235… → 58.82 %;
    /// 本级 42 ÷ 70 and 转移支付 50.4 ÷ 84 are both 60.00 %.
    @Test func sourcesAsComputedByHand() throws {
        let entries = try #require(Self.dataSet.years.first).entries
        func sources(_ name: String) -> [String] {
            entries.first { $0.name == name }?.monitoring?.review.sources.map { "\($0.name) \($0.ratePercent?.fixed(2) ?? "-")" } ?? []
        }
        #expect(sources("社区经费（含智慧社区及网格化管理费用）") == ["本级 54.40", "上级转移支付 58.82"])
        #expect(sources("村干部工资、保险和聘用人员工资") == ["本级 60.00", "转移支付 60.00"])
        #expect(sources("村级组织经费") == ["财政资金 -", "其他资金 -"])  // only the total is given
    }

    /// The monitoring's findings on the sample: three projects behind plan, two of them far
    /// behind with indicators still claimed 确定能; nothing else.
    @Test func exactlyTheSampleFindings() {
        let found = Self.dataSet.diagnostics.filter { $0.code.rawValue.hasPrefix("JX7") }.map {
            "\(($0.path as NSString).lastPathComponent):\($0.mark?.line ?? 0) \($0.code.rawValue)"
        }.sorted()
        #expect(found == [
            "墓穴安置经费.yaml:13 JX708", "墓穴安置经费.yaml:8 JX707",
            "征地拆迁补偿款.yaml:8 JX707",
            "社区目标考核奖.yaml:13 JX708", "社区目标考核奖.yaml:8 JX707",
        ])
        #expect(Self.dataSet.diagnostics.filter { $0.code.rawValue.hasPrefix("JX7") }.allSatisfy { $0.severity == .warning })
    }

    @Test func indicatorsAtRiskLeastLikelyFirst() throws {
        let entries = try #require(Self.dataSet.years.first).entries
        let atRisk = entries.flatMap { entry in
            (entry.monitoring?.review.atRisk ?? []).map { "\(entry.name) \($0.indicator.name.value) \($0.likelihood!.rawValue)" }
        }
        #expect(atRisk == [
            "征地拆迁补偿款 征收边角地亩数 有可能", "征地拆迁补偿款 边角地征收完成率 有可能", "征地拆迁补偿款 征收地块开工率 有可能",
            "墓穴安置经费 项目完成时限 完全不可能", "墓穴安置经费 墓穴补贴领取群体的信访人次 完全不可能",
            "墓穴安置经费 墓穴补贴领取群体满意度 有可能",
        ])
    }
}

@Suite("Monitoring files in a data folder")
struct MonitoringFolderTests {
    private func folder(_ files: [String: String]) throws -> Scratch {
        let scratch = Scratch("jixiao-monitoring")
        for (path, text) in files {
            let url = scratch.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return scratch
    }

    private func data(_ path: String) throws -> String {
        try String(contentsOf: Published.repository.appendingPathComponent("data/2021/" + path), encoding: .utf8)
    }

    private func codes(_ dataSet: DataSet) -> [String] {
        dataSet.diagnostics.map { "\(($0.path as NSString).lastPathComponent) \($0.code.rawValue)" }.sorted()
    }

    @Test func unknownProjectMissingFileAndDuplicate() throws {
        let goals = try data("项目/村委会办公场所租赁费.yaml")
        let monitoring = try data("监控/村委会办公场所租赁费.yaml")
        let root = try folder([
            "2021/项目/村委会办公场所租赁费.yaml": goals,
            "2021/项目/马家屯遮荫款.yaml": try data("项目/马家屯遮荫款.yaml"),
            "2021/监控/村委会办公场所租赁费.yaml": monitoring,
            "2021/监控/副本.yaml": monitoring,
            "2021/监控/错名.yaml": monitoring.replacingOccurrences(of: "项目名称: 村委会办公场所租赁费", with: "项目名称: 村委会办公场所租金"),
        ])
        let dataSet = DataSetLoader.load(directory: root.path)
        // 副本 comes first in byte order, so it is the one used and the proper file the duplicate.
        #expect(codes(dataSet) == ["村委会办公场所租赁费.yaml JX711", "错名.yaml JX701", "马家屯遮荫款.yaml JX710"])
        #expect(dataSet.diagnostics.first { $0.code == .monitoringWithoutProject }?.hint == "是不是想写“村委会办公场所租赁费”？")
        #expect(dataSet.years.first?.entries.first { $0.name == "村委会办公场所租赁费" }?.monitoring?.path.hasSuffix("副本.yaml") == true)
    }

    /// 执行进度预警: 30 in the department file. 墓穴安置经费 is 33.42 points behind: behind, and far
    /// behind only above 60; 征地拆迁补偿款's 14.42 no longer counts.
    @Test func thresholdFromTheDepartmentFile() throws {
        let department = try data("部门整体绩效目标.yaml").replacingOccurrences(of: "\n总体绩效目标:", with: "\n执行进度预警: 30\n总体绩效目标:")
        let root = try folder([
            "2021/部门整体绩效目标.yaml": department,
            "2021/项目/墓穴安置经费.yaml": try data("项目/墓穴安置经费.yaml"),
            "2021/项目/征地拆迁补偿款.yaml": try data("项目/征地拆迁补偿款.yaml"),
            "2021/监控/墓穴安置经费.yaml": try data("监控/墓穴安置经费.yaml"),
            "2021/监控/征地拆迁补偿款.yaml": try data("监控/征地拆迁补偿款.yaml"),
        ])
        let dataSet = DataSetLoader.load(directory: root.path)
        #expect(codes(dataSet) == ["墓穴安置经费.yaml JX707"])
        #expect(dataSet.years.first?.monitoring?.threshold == 30)

        let wrong = department.replacingOccurrences(of: "执行进度预警: 30", with: "执行进度预警: 百分之十")
        try wrong.write(to: root.appendingPathComponent("2021/部门整体绩效目标.yaml"), atomically: true, encoding: .utf8)
        let refused = DataSetLoader.load(directory: root.path).diagnostics.filter { $0.code == .badNumber }
        #expect(refused.map { "\($0.mark?.line ?? 0):\($0.mark?.column ?? 0)" } == ["4:9"])
    }

    /// Checked on its own (an editor's check of the file being edited), a monitoring file is
    /// still checked against its goal table, and only its own findings are shown.
    @Test func singleFileIsCheckedAgainstItsGoalTable() {
        let file = Published.repository.appendingPathComponent("data/2021/监控/征地拆迁补偿款.yaml").path
        let dataSet = DataSetLoader.load(directory: file)
        #expect(dataSet.diagnostics.map { "\($0.code.rawValue)@\($0.mark?.line ?? 0)" } == ["JX707@8"])
        #expect(dataSet.fileCount == 1)
    }
}

@Suite("jixiao new 监控")
struct MonitoringScaffoldTests {
    @Test func newMonitoringListsEveryIndicatorAndSource() throws {
        let source = SourceFile(path: "p.yaml", text: try String(contentsOf: Published.repository.appendingPathComponent("data/2021/项目/村干部工资、保险和聘用人员工资.yaml"), encoding: .utf8))
        let project = try #require(ProjectDecoder.decode(source).value)
        let text = Scaffold.monitoring(for: project, asOf: CalendarDate(year: 2021, month: 7, day: 31))
        let decoded = MonitoringDecoder.decode(SourceFile(path: "m.yaml", text: text))
        #expect(Set(decoded.diagnostics.map(\.code)) == [.placeholder])
        let indicators = project.indicators.flatMap(\.indicators).count
        #expect(text.components(separatedBy: "完成目标可能性: 待填写").count - 1 == indicators)
        #expect(text.contains("截至: 2021年7月31日\n执行数:\n  合计: 待填写"))
        #expect(text.contains("    本级: 待填写") && text.contains("    转移支付: 待填写"))
        // Filled in, the scaffold is a clean monitoring file.
        var filled = text.replacingOccurrences(of: "合计: 待填写", with: "合计: 92.4万元")
            .replacingOccurrences(of: "本级: 待填写", with: "本级: 42万元").replacingOccurrences(of: "转移支付: 待填写", with: "转移支付: 50.4万元")
            .replacingOccurrences(of: "完成目标可能性: 待填写", with: "完成目标可能性: 确定能")
        filled = filled.replacingOccurrences(of: "待填写", with: "12")
        let done = MonitoringDecoder.decode(SourceFile(path: "m.yaml", text: filled))
        #expect(done.diagnostics.isEmpty, "\(done.diagnostics.map(\.headline))")
        let (_, findings) = MonitoringChecks.review(project, try #require(done.value), year: 2021, threshold: nil)
        #expect(findings.isEmpty, "\(findings.map(\.headline))")
    }
}

/// The published monitoring pages of the sample, cell by cell (figures as in `MonitoringDataTests`).
@Suite("Monitoring pages")
struct MonitoringPageTests {
    private func squeezed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func projectTableHasTheCentralFormsCells() throws {
        let page = try Published.page("2021/监控/墓穴安置经费.html")
        #expect(page.text.contains("示例数据：本页的执行数与指标执行情况是为演示运行监控而编写的"))
        #expect(page.text.contains("（2021年度　截至2021年7月31日）"))
        let grid = page.grid(ofTableWithClass: "monitoring-table").map { $0.map(squeezed) }
        #expect(grid[0] == ["项目名称", "墓穴安置经费"])
        #expect(grid[1] == ["主管部门", "街道办事处", "实施单位", "街道办事处"])
        #expect(grid[2] == ["项目资金（万元）", "", "年初预算数", "1—7月执行数", "1—7月执行率", "计划支出进度", "与计划相比"])
        // 10.5 ÷ 42 = 25.00 %; the plan 58.42 %; 58.42 − 25.00 = 33.42.
        #expect(grid[3] == ["", "年度资金总额", "42", "10.5", "25.00%", "58.42%", "落后 33.42 个百分点"])
        #expect(grid[4] == ["", "其中：财政资金", "42", "—", "—", "—", "—"])
        #expect(grid[5] == ["", "其他资金", "0", "—", "—", "—", "—"])
        #expect(grid[6].first == "年度总体目标")
        #expect(grid[7] == ["一级指标", "二级指标", "三级指标", "年度指标值", "1—7月执行情况", "全年预计完成情况",
                            "偏差原因分析", "完成目标可能性", "备注"])
        // (The grid helper places cells under a colspan by position only: compare the names.)
        #expect(grid[8].filter { !$0.isEmpty } == ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "确定能", "有可能", "完全不可能"])
        let deadline = try #require(grid.first { $0.count == 15 && $0[2] == "项目完成时限" })
        #expect(deadline == ["", "时效指标", "项目完成时限", "2021年12月底前", "公墓二期墓穴在建", "2022年3月底前",
                             "", "", "", "√", "√", "", "", "√",
                             "原因：公墓二期墓穴建设延期，安置推迟到明年一季度纠偏措施：督促施工单位加快进度，补贴资金申请结转下年使用"])
        let certain = try #require(grid.first { $0.count == 15 && $0[2] == "墓穴补贴足额率" })
        #expect(certain == ["产出指标", "数量指标", "墓穴补贴足额率", "100%", "100%", "100%", "", "", "", "", "", "√", "", "", ""])
    }

    @Test func sourcesAreTheGoalTablesWithTheirOwnRates() throws {
        let grid = try Published.page("2021/监控/社区经费（含智慧社区及网格化管理费用）.html")
            .grid(ofTableWithClass: "monitoring-table").map { $0.map(squeezed) }
        #expect(grid[3] == ["", "年度资金总额", "2100", "1150", "54.76%", "58.42%", "落后 3.66 个百分点"])
        #expect(grid[4] == ["", "其中：本级", "1930", "1050", "54.40%", "—", "—"])
        #expect(grid[5] == ["", "上级转移支付", "170", "100", "58.82%", "—", "—"])
        let ahead = try Published.page("2021/监控/村级组织经费.html").grid(ofTableWithClass: "monitoring-table").map { $0.map(squeezed) }
        #expect(ahead[3] == ["", "年度资金总额", "71", "41.5", "58.45%", "58.42%", "超前 0.03 个百分点"])
    }

    /// Totals: budgets 154 + 43.3 + 71 + 43.7 + 30 + 20 + 5.2 + 50 + 2045.1 + 42 + 210 + 3 + 281 +
    /// 2100 = 5098.3; spent 92.4 + 21.65 + 41.5 + 0 + 18 + 10 + 5.2 + 22 + 1200 + 10.5 + 168 + 3 +
    /// 163.9 + 1150 = 2906.15; 2906.15 ÷ 5098.3 = 0.570023… → 57.00 %.
    @Test func summaryListsEveryProjectAndTheTotals() throws {
        let page = try Published.page("2021/绩效运行监控.html")
        #expect(page.text.contains("截至2021年7月31日，填报运行监控的 14 个项目预算合计 5098.3万元，执行 2906.15万元，执行率 57.00%。其中 3 个项目"))
        let grid = page.grid(ofTableWithClass: "monitoring-summary").map { $0.map(squeezed) }
        #expect(grid.first == ["序号", "项目名称", "预算（万元）", "执行数（万元）", "执行率", "计划支出进度", "与计划相比"])
        #expect(grid.count == 16)
        for (row, expected) in zip(grid.dropFirst(), MonitoringDataTests.expectations) {
            #expect(row[1] == expected.project && row[4] == expected.rate + "%" && row[5] == "58.42%", "\(expected.project)")
        }
        #expect(grid[4] == ["4", "社区目标考核奖", "43.7", "0", "0.00%", "58.42%", "落后 58.42 个百分点"])
        #expect(grid.last == ["合计（14个已填报项目）", "5098.3", "2906.15", "57.00%", ""])
    }

    @Test func summaryNamesTheProjectsBehindAndTheIndicatorsAtRisk() throws {
        let page = try Published.page("2021/绩效运行监控.html")
        let behind = page.grid(ofTableWithClass: "shortfalls").map { $0.map(squeezed) }
        #expect(behind == [
            ["项目名称", "执行率", "计划支出进度", "落后（百分点）", "程度"],
            ["社区目标考核奖", "0.00%", "58.42%", "58.42", "严重"],
            ["征地拆迁补偿款", "44.00%", "58.42%", "14.42", "落后"],
            ["墓穴安置经费", "25.00%", "58.42%", "33.42", "严重"],
        ])
        let atRisk = page.grid(ofTableWithClass: "at-risk-list").map { $0.map(squeezed) }
        #expect(atRisk.count == 7)
        #expect(atRisk[4] == ["墓穴安置经费", "项目完成时限", "2021年12月底前", "公墓二期墓穴在建", "2022年3月底前", "完全不可能",
                              "硬件条件保障、其他：公墓二期墓穴建设延期，安置推迟到明年一季度", "督促施工单位加快进度，补贴资金申请结转下年使用"])
        // The figure: a track and a bar per project, the three behind in red; a plan tick each,
        // and five scale lines.
        let rects = page.elements("rect")
        #expect(rects.count == 28)
        #expect(rects.filter { page.attribute($0, "fill") == "#a33" }.count == 3)
        #expect(page.elements("line").count == 14 + 5)
        // 25.00 % of the 300 units that stand for 100 % (figure.bar.width, shared with the report's figures).
        #expect(rects.contains { page.attribute($0, "width") == "75" && page.attribute($0, "fill") == "#a33" })
    }

    @Test func indexLinksTheSummary() throws {
        let page = try Published.page("2021/index.html")
        let links = page.elements("a").map { (page.attribute($0, "href") ?? "", XHTMLPage.content($0)) }
        #expect(links.contains { $0 == ("绩效运行监控.html", "2021年度绩效运行监控（示例数据）") })
        let summary = try Published.page("2021/绩效运行监控.html")
        let tables = summary.elements("a").compactMap { summary.attribute($0, "href") }.filter { $0.hasPrefix("监控/") }
        #expect(Set(tables).count == 14)
        #expect(tables.allSatisfy { FileManager.default.fileExists(atPath: (try? Published.output.get().directory.appendingPathComponent("2021/" + ($0.removingPercentEncoding ?? $0)).path) ?? "") })
    }

    /// Rows: 1 title, 2 year and date, 3 sample note, 4 名称, 5 部门, 6 the funds' header, 7 the total,
    /// 8–9 the two sources, 10 the goals, 11–12 the indicators' header.
    @Test func spreadsheetKeepsTheFiguresAsNumbers() throws {
        let sheet = try Published.spreadsheet("2021/监控/墓穴安置经费.xlsx")
        #expect(sheet.cells["A1"]?.text == "项目支出绩效目标执行监控表")
        #expect(sheet.cells["D7"]?.value == "42" && sheet.cells["E7"]?.value == "10.5")
        #expect(sheet.cells["F7"]?.value == "0.25" && sheet.numberFormat("F7") == SpreadsheetTests.BuiltInFormat.percentTwoDecimals)
        #expect(sheet.cells["G7"]?.value == "0.5842")
        #expect(sheet.cells["K7"]?.text == "落后 33.42 个百分点")
        #expect(sheet.merges.contains("A6:B9") && sheet.merges.contains("G11:K11") && sheet.merges.contains("L11:N11"))
        let deadline = try #require(sheet.row(where: "C", is: "项目完成时限"))
        #expect(["J", "K", "N"].allSatisfy { sheet.cells["\($0)\(deadline)"]?.text == "√" })
        #expect(["G", "H", "I", "L", "M"].allSatisfy { sheet.cells["\($0)\(deadline)"]?.text == nil })
    }
}
