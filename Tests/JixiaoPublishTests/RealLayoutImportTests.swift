import Foundation
import JixiaoDiagnostics
import JixiaoImport
import JixiaoParser
import Testing
import ZIPFoundation

/// `jixiao import` on the layouts of other provinces (Fixtures/import/, sources in its README):
/// the Sichuan 部门预算项目支出绩效自评表 from table text, Word and a workbook; a Fujian goal
/// table with 指标方向 and a value column per town from a workbook; goal tables without a
/// 资金支出计划. The written files are compared line by line, and each must parse.
@Suite("Import of real layouts")
struct RealLayoutImportTests {
    static func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/import")!
    }

    /// The written files of a document, each checked to parse as today's YAML subset.
    static func files(_ document: ImportedDocument) throws -> [ImportedFile] {
        let files = try DocumentImporter.dataFiles(for: document)
        for file in files {
            #expect(throws: Never.self, "\(file.fileName)") { try YAMLSubset.parse(SourceFile(path: file.fileName, text: file.contents)) }
        }
        return files
    }

    // MARK: The Sichuan 自评表

    /// 青神县发展和改革局 2023, 工资性支出: every printed cell in its key, blanks to fill in.
    static let sichuanFile = """
        # 部门预算项目支出绩效自评表(2023年度)：由 jixiao import 导入（四川版式，不需要目标表）。“待填写”处是原表空着、需要补充的内容。
        版式: 四川
        报表编号: 510000_0013zp
        项目编码: 51000021R000000019951
        项目名称: 工资性支出
        主管部门: 青神县发展和改革局本级
        实施单位: 青神县发展和改革局
        年初预算数: 238.93万元
        调整后预算数: 251.89万元
        预算执行数: 251.89万元
        预算执行率: 100.00%
        原因: 1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.
        资金构成:    # 原表“其他资金”一行空着，未录
          财政资金:
            年初预算数: 238.93万元
            调整后预算数: 251.89万元
            预算执行数: 251.89万元
            预算执行率: 100.00%
          财政专户管理资金:
            年初预算数: 0.00万元
            调整后预算数: 0.00万元
            预算执行数: 0.00万元
            预算执行率: 0.00%
          单位资金:
            年初预算数: 0.00万元
            调整后预算数: 0.00万元
            预算执行数: 0.00万元
            预算执行率: 0.00%
        项目年度目标: 严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。
        实际完成情况: 对照年度目标,说明相关任务目标的完成情况(100字以内)
        权重:    # 原表预算执行情况的权重，和各一级指标下三级指标权重之和
          产出指标: 60
          效益指标: 30
          预算执行率: 10
        绩效指标:
          产出指标:
            数量指标:
              - 名称: 发放(缴纳)覆盖率
                指标性质: "="
                年度指标值: 100
                度量单位: "%"
                实际完成值: 待填写    # 原表此格空着
                分值: 60
          效益指标:
            社会效益指标:
              - 名称: 足额保障率(参保率)
                指标性质: "="
                年度指标值: 100
                度量单位: "%"
                实际完成值: 待填写    # 原表此格空着
                分值: 30
        总分:
          分值: 100
        评价结论: 结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)
        存在问题: 结合自评情况,分析存在的问题及原因。(200字以内)
        改进措施: 针对项目自评中发现的问题,提出下一步改进完善的意见及有关政策性建议。(200字以内)

        """

    @Test func sichuanSelfAssessmentFromText() throws {
        let document = try TableTextReader.read(try String(contentsOf: Self.fixture("青神县发展和改革局-2023-自评.txt"), encoding: .utf8))
        #expect(document.year == 2023)
        #expect(document.tables.map(\.kind) == [.selfAssessment])
        #expect(document.tables.first?.reportNumber == "510000_0013zp")
        let files = try Self.files(document)
        #expect(files.map(\.folder) == [.selfAssessments])
        #expect(files.map(\.fileName) == ["工资性支出.yaml"])
        #expect(files.first?.contents == Self.sichuanFile)
    }

    /// The Word document gives the same file: 报表编号 and the title are rows of its table there.
    @Test func sichuanSelfAssessmentFromWord() throws {
        let document = try WordTableReader.read(contentsOf: Self.fixture("青神县发展和改革局-2023-自评.docx"))
        #expect(document.year == 2023)
        #expect(try Self.files(document).map(\.contents) == [Self.sichuanFile])
    }

    /// LibreOffice stores 0.00 as the number 0 in the General format: the sheet shows 0.
    @Test func sichuanSelfAssessmentFromWorkbook() throws {
        let document = try SpreadsheetReader.read(contentsOf: Self.fixture("青神县发展和改革局-2023-自评.xlsx"))
        #expect(try Self.files(document).map(\.contents) == [Self.sichuanFile.replacingOccurrences(of: "0.00万元", with: "0万元")])
    }

    /// Forms one under another in one table (as in a sheet): each takes its own title and 报表编号.
    @Test func formsOneUnderAnother() throws {
        let text = try String(contentsOf: Self.fixture("青神县发展和改革局-2023-自评.txt"), encoding: .utf8)
        let rows = text.replacingOccurrences(of: "报表编号:510000_0013zp\n\n部门预算项目支出绩效自评表(2023年度)\n",
                                             with: "\t报表编号:510000_0013zp\n\n\t部门预算项目支出绩效自评表(2023年度)\n")
        #expect(rows != text)
        let second = rows.replacingOccurrences(of: "510000_0013zp", with: "510000_0099zp").replacingOccurrences(of: "工资性支出", with: "公用经费")
        let document = try TableTextReader.read(rows + "\n" + second)
        #expect(document.tables.map(\.reportNumber) == ["510000_0013zp", "510000_0099zp"])
        #expect(try Self.files(document).map(\.fileName) == ["工资性支出.yaml", "公用经费.yaml"])
    }

    /// Printed scores, reasons, points in the 一级 cell and a 负责人 are kept as printed.
    @Test func printedScoresAndNamesAreKept() throws {
        var text = try String(contentsOf: Self.fixture("青神县发展和改革局-2023-自评.txt"), encoding: .utf8)
        let replacements = [
            ("\t10\n\t\n\t1.预算执行率", "\t10\n\t9.5\n\t1.预算执行率"),                  // the budget row's 得分
            ("\t产出指标\n", "\t产出指标(60分)\n"),
            ("\t%\n\t\n\t60\n\t\n\t\n", "\t%\n\t98%\n\t60\n\t58\n\t2人延迟缴纳\n"),
            ("\t合计\n\t100\n\t\n", "\t合计\n\t100\n\t97.5\n"),
            ("\t项目负责人:\n", "\t项目负责人:查小兵\n"),
            ("\t财务负责人:\n", "\t财务负责人:\n\t唐勇\n"),
        ]
        for (old, new) in replacements {
            #expect(text.contains(old), "\(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let contents = try #require(try Self.files(try TableTextReader.read(text)).first?.contents)
        for line in ["预算执行得分: 9.5", "  产出指标(60分):", "        实际完成值: 98%", "        得分: 58",
                     "        偏差原因: 2人延迟缴纳", "  得分: 97.5", "项目负责人: 查小兵", "财务负责人: 唐勇"] {
            #expect(contents.components(separatedBy: "\n").contains(line), "\(line)\n\(contents)")
        }
        // The heading prints its points: its weight is not summed again.
        #expect(contents.contains("权重:    # 原表预算执行情况的权重，和各一级指标下三级指标权重之和\n  效益指标: 30\n  预算执行率: 10\n"))
    }

    /// A row of "/" is marked 不适用 and weighs nothing in its 一级指标's sum.
    @Test func notApplicableRow() throws {
        var text = try String(contentsOf: Self.fixture("青神县发展和改革局-2023-自评.txt"), encoding: .utf8)
        let row = "\t\n\t\n\t社会效益指标\n\t受益人数\n\t/\n\t/\n\t/\n\t/\n\t/\n\t/\n\t/\n\n"
        let before = "\t合计\n"
        #expect(text.contains(before))
        text = text.replacingOccurrences(of: before, with: row + before)
        let contents = try #require(try Self.files(try TableTextReader.read(text)).first?.contents)
        #expect(contents.contains("""
                  - 名称: 受益人数
                    指标性质: "/"
                    年度指标值: /
                    度量单位: /
                    实际完成值: /
                    分值: /
                    得分: /
                    偏差原因: /
                    不适用: 是
            总分:

            """))
        #expect(contents.contains("  效益指标: 30\n"))
    }

    @Test func codeAndName() {
        #expect(SelfAssessmentImporter.codeAndName("51092324T000010263357-2023年全县安可替代补助资金项目")
                == ("51092324T000010263357", "2023年全县安可替代补助资金项目"))
        #expect(SelfAssessmentImporter.codeAndName("工资性支出") == ("", "工资性支出"))
        #expect(SelfAssessmentImporter.codeAndName("2023-2025年水利建设") == ("", "2023-2025年水利建设"))
    }

    /// A 自评表 cut short names the row it misses and the table.
    @Test func incompleteSelfAssessmentIsNamed() throws {
        let text = try String(contentsOf: Self.fixture("青神县发展和改革局-2023-自评.txt"), encoding: .utf8)
        let cut = String(text[..<text.range(of: "\t绩效指标(90分)")!.lowerBound])
        let document = try TableTextReader.read(cut)
        #expect(throws: ImportFailure.missingRow(table: "部门预算项目支出绩效自评表(2023年度)", expected: "一级指标 | 二级指标 | 三级指标 | 指标性质 …")) {
            try DocumentImporter.dataFiles(for: document)
        }
        let failure = ImportFailure.missingRow(table: "部门预算项目支出绩效自评表(2023年度)", expected: "一级指标 | 二级指标 | 三级指标 | 指标性质 …")
        #expect(failure.description.hasPrefix("“部门预算项目支出绩效自评表(2023年度)”中没有“一级指标"))
    }

    // MARK: Goal tables of other layouts

    /// 秀屿区 2025: 资金情况 row, 指标方向, a 指标值 column per town, no plan, purpose or basis.
    static let townsFile = """
        # 秀屿区2025年省级第七批水利专项资金绩效目标表：由 jixiao import 导入。“待填写”处是原文没有写明、需要补充的内容。
        序号: 1
        项目编码: ""
        项目名称: 省级第七批水利专项资金
        预算:
          合计: 35万元
          来源:
            财政拨款: 35万元
            其他资金: 0万元
        绩效目标:
          - 开展2个防洪水利设施水毁修复,
        绩效指标:
          成本指标:
            经济成本指标:
              - 名称: 省级财政专项资金投入成本控制率(%)
                描述: 反映省级财政专项资金投入成本控制情况
                指标方向: "≤"
                指标值: 100%
                分项指标值:
                  笏石街道办: 100%
                  埭头镇: 100%
          产出指标:
            数量指标:
              - 名称: 开展修复工程(个)
                描述: 反映防洪水利设施水毁修复项目开展情况
                指标方向: "≥"
                指标值: 1
                分项指标值:
                  笏石街道办: 1
                  埭头镇: 1
            质量指标:
              - 名称: 已建工程是否存在质量问题
                描述: 当年已完工项目是否在检查中发现质量问题
                指标方向: "定性"    # 原表为“是/否”
                指标值: 否
                分项指标值:
                  笏石街道办: 否
                  埭头镇: 否
            时效指标:
              - 名称: 截至2026年12月底,项目开展率(%)
                描述: 反映修复开展情况
                指标方向: "≥"
                指标值: 100%
                分项指标值:
                  笏石街道办: 100%
                  埭头镇: 100%

        """

    @Test func goalTableWithAValuePerTownFromWorkbook() throws {
        let document = try SpreadsheetReader.read(contentsOf: Self.fixture("秀屿区-2025-绩效目标表.xlsx"))
        #expect(document.year == 2025)
        #expect(document.tables.map(\.title) == ["秀屿区2025年省级第七批水利专项资金绩效目标表"])
        let files = try Self.files(document)
        #expect(files.map(\.folder) == [.projects])
        #expect(files.map(\.fileName) == ["省级第七批水利专项资金.yaml"])
        #expect(files.first?.contents == Self.townsFile)
    }

    /// Values that differ between towns leave the whole's value to be filled in.
    @Test func differentValuesPerTown() throws {
        let table = SourceTable(title: "某专项资金绩效目标表", rows: [
            ["项目名称", "某专项资金"],
            ["一级指标", "二级指标", "三级指标", "指 标 解 释", "西坪镇尧山村", "桃舟乡吾培村"],
            ["产出指标", "数量指标", "开展小型水利工程建设(个)", "反映建设项目开展情况", "1", "2"],
        ])
        let contents = try GoalTableImporter.dataFile(for: table, order: 1)
        #expect(contents.contains("""
                  - 名称: 开展小型水利工程建设(个)
                    描述: 反映建设项目开展情况
                    指标值: 待填写    # 原表按西坪镇尧山村、桃舟乡吾培村分列，没有合计的指标值
                    分项指标值:
                      西坪镇尧山村: 1
                      桃舟乡吾培村: 2
            """))
    }

    /// 项目支出绩效目标表 with 指标性质 and 度量单位 columns, the title naming only the form.
    @Test func natureAndUnitColumns() throws {
        let text = """
            项目支出绩效目标表（2024年度）

            \t项目名称
            \t工资性支出

            \t年度目标
            \t保障工资足额发放

            \t一级指标
            \t二级指标
            \t三级指标
            \t指标性质
            \t指标值
            \t度量单位
            \t权重

            \t产出指标
            \t数量指标
            \t发放覆盖率
            \t≥
            \t95
            \t百分比
            \t50

            """
        let document = try TableTextReader.read(text)
        #expect(document.year == 2024)
        let contents = try #require(try Self.files(document).first?.contents)
        #expect(contents.contains("""
            绩效目标:
              - 保障工资足额发放
            绩效指标:
              产出指标:
                数量指标:
                  - 名称: 发放覆盖率
                    指标性质: "≥"
                    指标值: 95
                    度量单位: 百分比

            """))
        #expect(contents.contains("项目名称: 工资性支出\n"))
    }

    /// A blank 资金支出计划 row is written to be filled in, with a comment saying so.
    @Test func blankPlan() throws {
        let blank = ImportTests.minimalTable.replacingOccurrences(of: "\t25%\n\t50%\n\t75%\n\t100%\n", with: "\t\n\t\n\t\n\t\n")
        #expect(blank != ImportTests.minimalTable)
        let contents = try GoalTableImporter.dataFile(for: try #require(try TableTextReader.read(blank).tables.first), order: 1)
        #expect(contents.contains("资金支出计划: [待填写, 待填写, 待填写, 待填写]    # 原表资金支出计划空着：填写第一至第四季度末的累计支出比例\n"))
    }

    /// The department's own goal table is not a project's; a 自评表 of the default form needs
    /// its goal table and is not imported.
    @Test func tablesThatAreNotImported() throws {
        let text = "部门整体支出绩效目标表\n\n\t一级指标\n\t二级指标\n\n项目支出绩效自评表\n\n\t项目名称\n\t测试\n\n" + ImportTests.minimalTable
        #expect(try TableTextReader.read(text).tables.map(\.title) == ["测试项目绩效目标表"])
    }

    /// An indicator row without its 三级指标 names the table and the row.
    @Test func indicatorRowWithoutName() throws {
        let table = SourceTable(title: "某绩效目标表", rows: [
            ["项目名称", "某"], ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "", "3"],
        ])
        #expect(throws: ImportFailure.unexpectedRow(table: "某绩效目标表", row: 3, expected: "三级指标", found: ["产出指标", "数量指标", "", "3"])) {
            try GoalTableImporter.dataFile(for: table, order: 1)
        }
        #expect(ImportFailure.unexpectedRow(table: "某绩效目标表", row: 3, expected: "三级指标", found: ["产出指标", "数量指标", "", "3"]).description
                == "“某绩效目标表”第 3 行（不计空行）应为“三级指标”，却是：产出指标 | 数量指标 | 3")
    }

    // MARK: Workbooks that cannot be read: a message, never a crash

    static func failure(reading url: URL) -> ImportFailure? {
        WordImportTests.failure { () throws(ImportFailure) in _ = try SpreadsheetReader.read(contentsOf: url) }
    }

    static func workbook(_ parts: [(String, String)]) throws -> URL {
        // The reader goes by the package's parts, not by the file's name.
        try WordFixture.package(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    static let workbookXML = #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    static let relationshipsXML = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#

    static func sheet(_ data: String, merges: String = "") -> [(String, String)] {
        [("xl/workbook.xml", workbookXML), ("xl/_rels/workbook.xml.rels", relationshipsXML),
         ("xl/worksheets/sheet1.xml", #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + data + "</sheetData>" + merges + "</worksheet>")]
    }

    @Test func workbookFailures() throws {
        let notZip = try WordFixture.docx("")
        try Data("项目绩效目标表".utf8).write(to: notZip)
        #expect(Self.failure(reading: notZip) == .notWorkbookZip)
        #expect(Self.failure(reading: try Self.workbook([("word/document.xml", "<w/>")])) == .noWorkbook)
        #expect(Self.failure(reading: try Self.workbook(Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>说明</t></is></c></row>"))) == .noTablesInWorkbook)
        guard case .malformedXML("xl/worksheets/sheet1.xml", 1, _) = Self.failure(reading: try Self.workbook(Self.sheet("<row>"))) else {
            Issue.record("expected malformedXML in the sheet")
            return
        }
        #expect(Self.failure(reading: try Self.workbook([("xl/workbook.xml", "<document/>")])) == .notSpreadsheetML(part: "xl/workbook.xml", root: "document"))
        #expect(Self.failure(reading: try Self.workbook(Self.sheet("<row r=\"1\"><c r=\"ZZZ999999\" t=\"inlineStr\"><is><t>x</t></is></c></row>")))
                == .sheetTooLarge(sheet: "表"))
    }

    /// Merged cells as Word copies them; numbers as their formats show them; inline and shared strings.
    @Test func workbookCellsAsTheSheetShowsThem() throws {
        let cell = { (reference: String, text: String) in "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        let rows = "<row r=\"1\">\(cell("A1", "测试项目绩效目标表"))</row>"
            + "<row r=\"2\">\(cell("A2", "一级指标"))\(cell("B2", "二级指标"))\(cell("C2", "三级指标"))\(cell("D2", "指标值"))\(cell("E2", "比例"))\(cell("F2", "金额"))</row>"
            + "<row r=\"3\">\(cell("A3", "产出指标"))\(cell("B3", "数量指标"))\(cell("C3", "户数"))<c r=\"D3\"><v>3</v></c><c r=\"E3\" s=\"1\"><v>0.855</v></c><c r=\"F3\" s=\"2\"><v>0.30000000000000004</v></c></row>"
            + "<row r=\"4\">\(cell("B4", "质量指标"))\(cell("C4", "合格率"))<c r=\"D4\" s=\"3\"><v>45291</v></c></row>"
        var parts = Self.sheet(rows, merges: "<mergeCells count=\"2\"><mergeCell ref=\"A1:F1\"/><mergeCell ref=\"A3:A4\"/></mergeCells>")
        parts.append(("xl/styles.xml", #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="2"/><xf numFmtId="164"/></cellXfs></styleSheet>"#))
        let document = try SpreadsheetReader.read(contentsOf: try Self.workbook(parts))
        #expect(document.tables.first?.rows == [
            ["一级指标", "二级指标", "三级指标", "指标值", "比例", "金额"],
            ["产出指标", "数量指标", "户数", "3", "85.50%", "0.30"],
            ["", "质量指标", "合格率", "2023年12月31日", "", ""],
        ])
    }
}
