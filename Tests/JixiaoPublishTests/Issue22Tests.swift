import Foundation
import FoundationXML
import JixiaoDiagnostics
import JixiaoModel
import JixiaoPublish
import Testing
import JixiaoData
import JixiaoRender

/// Issue 22: real tables of other layouts, a 自评表 that stands alone, printed scores verified.
/// The two real tables are in Fixtures/issue22 (sources in each file's comments).
@Suite("Issue 22: layouts, stand-alone 自评表, printed scores")
struct Issue22Tests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("issue22")

    /// A copy of a fixture folder (or of files given as text), published with its XML kept.
    final class Site {
        let scratch = Scratch("jixiao-22")
        let data: URL
        let output: URL
        let xml: URL
        let report: PublishReport

        init(copying fixture: String? = nil, files: [String: String] = [:]) throws {
            data = scratch.appendingPathComponent("data")
            if let fixture {
                try FileManager.default.copyItem(at: Issue22Tests.fixtures.appendingPathComponent(fixture), to: data)
            }
            for (path, text) in files {
                let url = data.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            output = scratch.appendingPathComponent("out")
            xml = scratch.appendingPathComponent("xml")
            var options = PublishOptions(dataDirectory: data.path, outputDirectory: output.path,
                                         templatesDirectory: Published.repository.appendingPathComponent("templates").path)
            options.emitXMLDirectory = xml.path
            report = try Publisher.publish(options)
        }

        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) }

        func xml(_ path: String) throws -> XMLDocument {
            try XMLDocument(contentsOf: xml.appendingPathComponent(path), options: [])
        }

        func page(_ path: String) throws -> XHTMLPage { try XHTMLPage(path: output.appendingPathComponent(path).path) }
    }

    private static func values(_ document: XMLDocument, _ xpath: String) throws -> [String] {
        try document.nodes(forXPath: xpath).map { $0.stringValue ?? "" }
    }

    /// 青神县发展和改革局 2023 published only its Sichuan 自评表: it stands alone, in its layout,
    /// every printed cell in the XML, no goal table page, no annual document.
    @Test func sichuanTableStandsAlone() throws {
        let site = try Site(copying: "青神县发展和改革局-2023")
        #expect(site.exists("2023/自评/工资性支出.html") && site.exists("2023/index.html") && site.exists("2023/绩效自评报告.html"))
        #expect(!site.exists("2023/项目") && !site.exists("2023/年度绩效目标.html") && !site.exists("2023/核对.html"))
        let table = try site.xml("2023/自评/工资性支出.part-1.xml")
        let v = { try Self.values(table, $0) }
        #expect(try v("//self-assessment/@layout") == ["sichuan"])
        #expect(try v("//self-assessment/code") == ["51000021R000000019951"])
        #expect(try v("//self-assessment/report-number") == ["510000_0013zp"])
        #expect(try v("//funds/row/@name") == ["年度资金总额", "财政资金", "财政专户管理资金", "单位资金"])
        #expect(try v("//funds/row[1]/@initial") + v("//funds/row[1]/@annual") + v("//funds/row[1]/@score") == ["238.93", "251.89", "10.00"])
        #expect(try v("//level1/@name") + v("//level1/@weight") == ["产出指标", "效益指标", "60", "30"])
        #expect(try v("//indicator/nature") + v("//indicator/value") + v("//indicator/unit") == ["=", "=", "100", "100", "%", "%"])
        #expect(try v("//indicator/target") == ["=100%", "=100%"])
        #expect(try v("//indicator/name") == ["发放(缴纳)覆盖率", "足额保障率(参保率)"])
        // The blank 完成值 (原文如此) score nothing: 0 + 0 + 预算执行 10.
        #expect(try v("//total/@score") + v("//total/@weight") == ["10.00", "100"])
        #expect(try v("//goals/goal") == ["严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。"])
        let index = try site.xml("2023/index.part-1.xml")
        #expect(try Self.values(index, "//entry/@href") == ["自评/工资性支出.html"], "the name links to the 自评表")
        #expect(try Self.values(try site.xml("2023/index.xml"), "//document/@href") == ["绩效自评报告.html"])
        #expect(site.report.warningCount == 3, "two blank 完成值 marked 原文如此, no 满意度指标 (JX406)")
    }

    /// 天长市水利局 2022: printed 10 for rows with nothing in them and 100 as the total; marked
    /// 原文如此, the page shows what was printed and 核对.html lists the computed figures.
    @Test func printedSlipsAreShownAndReviewed() throws {
        let site = try Site(copying: "天长市水利局-2022")
        let table = try site.xml("2022/自评/水旱灾害防御经费.part-1.xml")
        let v = { try Self.values(table, $0) }
        #expect(try v("//self-assessment/@layout") == ["default"])
        #expect(try v("//funds/row/@name") == ["年度资金总额", "本年财政拨款"], "the 其中 row as printed")
        #expect(try v("//indicator[name='指标1:工程质量合格']/score") == ["10"])
        #expect(try v("//indicator[name='指标1:工程质量合格']/score/@computed") == ["0.00"])
        #expect(try v("//indicator[@applicable='0']/name") == ["指标1:/"])
        #expect(try v("//indicator[@applicable='0']/score") == [""])
        #expect(try v("//total/@score") + v("//total/@computed-score") + v("//total/@grade") == ["100", "40.00", "优"])
        #expect(try table.nodes(forXPath: "//not-applicable-rule").count == 1)
        #expect(try table.nodes(forXPath: "//total/@rescaled").isEmpty, "the applicable weights add up to 100")
        // 10 + 10 for the two counts met, 10 for 满意度 100% over 90%, 10 for the budget: 40.
        let review = try site.xml("2022/核对.xml")
        #expect(try Self.values(review, "/score-review/project/@href") == ["自评/水旱灾害防御经费.html"])
        #expect(try Self.values(review, "//item/@line") == ["39", "45", "51", "58", "64", "74", "84"])
        #expect(try Self.values(review, "//item[last()]/@what") + Self.values(review, "//item[last()]/@printed")
            + Self.values(review, "//item[last()]/@computed") == ["总分得分", "100", "40.00"])
        #expect(site.exists("2022/核对.html"))
        #expect(try Self.values(try site.xml("2022/index.xml"), "//document/@href").contains("核对.html"))
        #expect(try site.page("2022/核对.html").text.contains("总分得分"))
    }

    /// The unit's 版式 sets every table's; a 自评 file's own wins for its table.
    @Test func layoutFromTheUnitAndFromOneFile() throws {
        let seed = Published.repository.appendingPathComponent("data/2021")
        let department = try String(contentsOf: seed.appendingPathComponent("部门整体绩效目标.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "年度: 2021\n", with: "年度: 2021\n版式: 四川\n")
        let goal = try String(contentsOf: seed.appendingPathComponent("项目/村级组织经费.yaml"), encoding: .utf8)
        let results = try String(contentsOf: seed.appendingPathComponent("自评/村级组织经费.yaml"), encoding: .utf8)
        let site = try Site(files: ["2021/部门整体绩效目标.yaml": department, "2021/项目/村级组织经费.yaml": goal,
                                    "2021/自评/村级组织经费.yaml": results])
        #expect(try Self.values(try site.xml("2021/项目/村级组织经费.part-1.xml"), "//project/@layout") == ["sichuan"])
        #expect(try Self.values(try site.xml("2021/自评/村级组织经费.part-1.xml"), "//self-assessment/@layout") == ["sichuan"])
        let own = try Site(files: ["2021/部门整体绩效目标.yaml": department, "2021/项目/村级组织经费.yaml": goal,
                                   "2021/自评/村级组织经费.yaml": "版式: 默认\n" + results])
        #expect(try Self.values(try own.xml("2021/自评/村级组织经费.xml"), "/self-assessment/@layout") == ["default"])
        #expect(try Self.values(try own.xml("2021/项目/村级组织经费.xml"), "/project/@layout") == ["sichuan"])
    }

    /// The goal table's separate cells, its value per recipient and its 报表编号 reach the XML.
    @Test func goalTableCellsAndRecipients() throws {
        let goal = """
        报表编号: 350305_01
        项目名称: 海水养殖尾水治理
        资金用途: 尾水治理设施建设
        预算:
          合计: 80万元
        资金支出计划: [0%, 30%, 60%, 100%]
        绩效目标: [建成尾水治理设施]
        绩效指标:
          产出指标:
            数量指标:
              - 名称: 建成设施数
                描述: 建成的尾水治理设施
                指标性质: ≥
                指标值: 12
                度量单位: 个
                分项指标值:
                  东峤镇: 5
                  埭头镇: 7
                依据: 年度计划
              - 名称: 达标排放率
                描述: 尾水达标排放的比率
                指标值: 100%
                分项指标值:
                  埭头镇: 100%
                  平海镇: 100%
                依据: 排放标准

        """
        let site = try Site(files: ["2025/项目/海水养殖尾水治理.yaml": goal])
        let table = try site.xml("2025/项目/海水养殖尾水治理.part-1.xml")
        let v = { try Self.values(table, $0) }
        #expect(try v("//project/@report-number") + v("//project/@layout") == ["350305_01", "default"])
        #expect(try v("//recipients/recipient") == ["东峤镇", "埭头镇", "平海镇"], "in the order first met")
        #expect(try v("//indicator[1]/value") + v("//indicator[1]/value/@cell") + v("//indicator[1]/nature") + v("//indicator[1]/unit")
            == ["≥12个", "12", "≥", "个"])
        #expect(try v("//indicator[1]/share/@name") + v("//indicator[1]/share") == ["东峤镇", "埭头镇", "5", "7"])
        #expect(try v("//indicator[2]/nature") + v("//indicator[2]/unit") == ["", ""], "empty when not given")
        #expect(try table.nodes(forXPath: "//indicator[2]/value/@cell").isEmpty)
        #expect(site.exists("2025/项目/海水养殖尾水治理.html"))
    }

    /// 原文如此 acknowledges a content finding of any kind — a JX6xx (weights adding to 110) and
    /// a JX2xx (经济成本指标 under 产出指标) — but never one of structure.
    @Test func sicAcknowledgesContentFindingsOnly() throws {
        let seed = Published.repository.appendingPathComponent("data/2021")
        let goal = try String(contentsOf: seed.appendingPathComponent("项目/村级组织经费.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    数量指标:", with: "    经济成本指标:   # 原文如此")
        let results = try String(contentsOf: seed.appendingPathComponent("自评/村级组织经费.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "实际完成情况:", with: "权重:\n  产出指标: 70   # 原文如此\n实际完成情况:")
        let scratch = Scratch("jixiao-22-sic")
        func load(_ goal: String, _ results: String) throws -> [String] {
            for (path, text) in [("2021/项目/村级组织经费.yaml", goal), ("2021/自评/村级组织经费.yaml", results)] {
                let url = scratch.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            return DataSetLoader.load(directory: scratch.path).diagnostics.map { "\($0.severity.rawValue) \($0.code.rawValue)" }.sorted()
        }
        #expect(try load(goal, results) == ["warning JX208", "warning JX605"])
        let bare = try load(goal.replacingOccurrences(of: "   # 原文如此", with: ""), results.replacingOccurrences(of: "   # 原文如此", with: ""))
        #expect(bare == ["error JX208", "error JX605"])
        // An unknown field is structure: marked or not, it stays an error.
        let structure = try load(goal.replacingOccurrences(of: "项目名称: 村级组织经费\n", with: "项目名称: 村级组织经费\n项目名: 甲   # 原文如此\n"), results)
        #expect(structure == ["error JX202", "warning JX208", "warning JX605"])
    }

    /// A stand-alone 自评 file beside a goal table of the same name is scored against the goal
    /// table, and its 年度指标值 must agree (JX625).
    @Test func standAloneBesideItsGoalTableMustAgree() throws {
        let scratch = Scratch("jixiao-22-agree")
        let seed = Published.repository.appendingPathComponent("data/2021")
        let goal = try String(contentsOf: seed.appendingPathComponent("项目/村委会办公场所租赁费.yaml"), encoding: .utf8)
        let project = try #require(ProjectDecoder.decode(SourceFile(path: "p.yaml", text: goal)).value)
        var text = "项目名称: 村委会办公场所租赁费\n全年预算数: 20万元\n全年执行数: 20万元\n实际完成情况: 完成\n绩效指标:\n"
        for group in project.indicators {
            text += "  \(group.name.value):\n"
            for subgroup in group.subgroups {
                text += "    \(subgroup.name.value):\n"
                for indicator in subgroup.indicators {
                    text += "      - 名称: \(indicator.name.value)\n        年度指标值: \"\(indicator.valueText.value)\"\n        实际完成值: \"\(indicator.valueText.value)\"\n"
                }
            }
        }
        for (path, body) in [("2021/项目/村委会办公场所租赁费.yaml", goal), ("2021/自评/村委会办公场所租赁费.yaml", text)] {
            let url = scratch.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try body.write(to: url, atomically: true, encoding: .utf8)
        }
        let agreeing = DataSetLoader.load(directory: scratch.path)
        #expect(agreeing.diagnostics.filter { $0.severity == .error }.isEmpty, "\(agreeing.diagnostics.map(\.headline))")
        #expect(agreeing.years[0].entries.count == 1 && agreeing.years[0].entries[0].project.isStandalone == false)
        let first = try #require(project.indicators.first?.indicators.first)
        var changed = text
        changed.replaceSubrange(try #require(changed.range(of: "年度指标值: \"\(first.valueText.value)\"")), with: "年度指标值: \"1\"")
        try changed.write(to: scratch.appendingPathComponent("2021/自评/村委会办公场所租赁费.yaml"), atomically: true, encoding: .utf8)
        let disagreeing = DataSetLoader.load(directory: scratch.path).diagnostics.filter { $0.code == .targetDisagrees }
        #expect(disagreeing.map(\.message) == ["年度指标值“1”与目标表的指标值“\(first.valueText.value)”不符"])
        #expect(disagreeing.first?.mark == SourceMark(line: 9, column: 16))
    }

    /// The budget rows' printed cells in the default layout (which has no 原因 column): a rate
    /// printed blank and a 得分 printed blank stay blank (not "—"); 原因 goes to the notes under
    /// the form, each after its row's name; a 其中 row prints its computed rate.
    @Test func budgetRowsAsPrintedInTheDefaultLayout() throws {
        let site = try Site(files: ["2022/自评/甲.yaml": """
            项目名称: 甲
            全年预算数: 100万元
            全年执行数: 80万元
            预算执行率: ""
            预算执行得分: ""
            原因: 年底结余
            资金构成:
              当年财政拨款:
                全年预算数: 80万元
                全年执行数: 80万元
              其他资金:
                全年预算数: 20万元
                全年执行数: 0
                原因: 未到位
            实际完成情况: 完成
            绩效指标:
              产出指标(90分):
                数量指标:
                  - 名称: 户数
                    年度指标值: 10户
                    实际完成值: 10户
            权重:
              预算执行率: 10

            """])
        let table = try site.xml("2022/自评/甲.part-1.xml")
        #expect(try Self.values(table, "//funds/row/@rate") == ["", "100.00%", "", "0.00%"], "上年结转资金 has no figures")
        #expect(try Self.values(table, "//funds/row[1]/@computed-rate") + Self.values(table, "//funds/row[1]/@computed-score") == ["80.00%", "8.00"])
        #expect(try Self.values(table, "//funds/row/@reason") == ["年底结余", "未到位"])
        let text = try site.page("2022/自评/甲.html").text
        #expect(text.contains("预算执行原因") && text.contains("年度资金总额：年底结余") && text.contains("其他资金：未到位"))
        let review = try site.xml("2022/核对.xml")
        #expect(try Self.values(review, "//item/@printed") + Self.values(review, "//item/@computed") == ["", "", "80.00%", "8.00"])
    }
}
