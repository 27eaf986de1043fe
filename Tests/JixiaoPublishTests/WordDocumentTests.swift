import Foundation
import FoundationXML
import JixiaoData
import JixiaoImport
import JixiaoPublish
import Testing

/// `--docx`: the forms and the annual document as Word documents, read back from the zip: the
/// cells and merges of the printed forms, the page of each, the fonts, data kept as text, and
/// `jixiao import` reading every goal table back to the data.
@Suite("Word documents")
struct WordDocumentTests {
    static let goalTable = "2021/项目/村级组织经费.docx"
    static let assessment = "2021/自评/村级组织经费.docx"
    static let annual = "2021/年度绩效目标.docx"

    static func document(_ relativePath: String, in directory: URL? = nil) throws -> WordDocument {
        try WordDocument(path: (directory ?? Published.output.get().directory).appendingPathComponent(relativePath).path)
    }

    /// The repository's `data` (a folder of it) published with `--docx` into `scratch`/out.
    static func publish(_ data: String, into scratch: Scratch, orientation: PageOrientation? = nil) throws -> PublishReport {
        var options = PublishOptions(dataDirectory: Published.repository.appendingPathComponent(data).path,
                                     outputDirectory: scratch.appendingPathComponent("out").path,
                                     templatesDirectory: Published.repository.appendingPathComponent("templates").path)
        options.docx = true
        options.orientation = orientation
        return try Publisher.publish(options)
    }

    static let projectNames: [String] = DataSetLoader.load(directory: Published.repository.appendingPathComponent("data").path)
        .years.flatMap { $0.entries.map(\.name) }

    @Test func everyFormAndTheAnnualDocumentHaveOneBesideTheirPage() throws {
        let (directory, report) = try Published.output.get()
        #expect(report.wordDocuments.count == 29, "14 目标表, 14 自评表 and the annual document")
        #expect(report.wordDocuments.contains(Self.annual))
        for path in report.wordDocuments {
            #expect(report.pages.contains((path as NSString).deletingPathExtension + ".html"), "\(path) has no page")
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path), "\(path) missing")
        }
    }

    @Test func packageHasTheWordPartsWithFixedDates() throws {
        let document = try Self.document(Self.goalTable)
        let paths = document.entries.map(\.path)
        #expect(paths == ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                          "word/styles.xml", "word/fontTable.xml", "word/settings.xml", "word/footer1.xml"])
        let dates = Set(document.entries.compactMap { $0.fileAttributes[.modificationDate] as? Date })
        #expect(dates == [Date(timeIntervalSince1970: 315_532_800)], "1980-01-01 on every entry, never the publish time")
        // Every part but the package's own is declared, and every relationship names a part there.
        let types = document.text(of: "[Content_Types].xml")
        for path in paths where path.hasPrefix("word/") && !path.contains("_rels") {
            #expect(types.contains("PartName=\"/\(path)\""), "\(path) has no content type")
        }
        let relationships = document.text(of: "word/_rels/document.xml.rels")
        for target in ["styles.xml", "fontTable.xml", "settings.xml", "footer1.xml"] {
            #expect(relationships.contains("Target=\"\(target)\""))
        }
    }

    /// Hand-checked against the page: 编码/名称, 用途, 资金支出计划 over two rows with the 4th
    /// quarter two columns wide, 绩效目标; then the indicators as a table of their own under a
    /// header that repeats on every page, 产出指标 merged down its five rows, 成本指标 its two.
    @Test func goalTableHasTheCellsAndMergesOfTheForm() throws {
        let document = try Self.document(Self.goalTable)
        #expect(document.paragraphs.first == .init(style: "FormTitle", text: "村级组织经费项目绩效目标表"))
        #expect(document.tables.count == 2)
        let form = try #require(document.tables.first)
        #expect(form.rows[0].map(\.text) == ["项目编码", "", "项目名称", "村级组织经费"])
        #expect(form.rows[0].map(\.span) == [1, 2, 1, 2])
        #expect(form.rows[1].map(\.text).first == "项目资金\n主要用途")
        #expect(form.rows[2].map(\.text) == ["资金支出计划", "第一季度", "第二季度", "第三季度", "第四季度"])
        #expect(form.rows[2].map(\.merge) == ["restart", nil, nil, nil, nil] && form.rows[2].last?.span == 2)
        #expect(form.rows[3].map(\.text) == ["", "25%", "50%", "75%", "100%"] && form.rows[3].first?.merge == "continue")
        #expect(form.rows[4].map(\.text) == ["绩效目标", "目标1村级组织运转经费拨付及时\n目标2经费足额发放，党组织活动开展经常，村级组织服务群众的能力明显提升"])

        let indicators = try #require(document.tables.last)
        #expect(indicators.rows[0].map(\.text) == ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"])
        #expect(indicators.repeats == [true] + Array(repeating: false, count: 7))
        #expect(indicators.rows[1].map(\.text) == ["产出指标", "数量指标", "基层党组织活动覆盖村庄数量", "基层党组织活动覆盖村庄数量", "9", "年度计划、工作经验"])
        #expect(indicators.rows.map { $0[0].merge } == [nil, "restart", "continue", "continue", "continue", "continue", nil, nil])
        #expect(indicators.rows[4][1] == .init(text: "成本指标", span: 1, merge: "restart", styles: ["TableText"]))
        #expect(indicators.rows[5][1].merge == "continue" && indicators.rows[5][1].text.isEmpty)
        #expect(indicators.rows.allSatisfy { $0.reduce(0) { $0 + $1.span } == 6 }, "every row covers the six columns")
    }

    /// A table fills the width between the margins exactly, on either page.
    @Test func tablesFillTheTextWidth() throws {
        for path in [Self.goalTable, Self.assessment, Self.annual] {
            let document = try Self.document(path)
            for table in document.tables {
                #expect(table.columns.reduce(0, +) == document.page.width - document.margins.left - document.margins.right, "\(path)")
            }
        }
    }

    /// A4 portrait for the goal tables and the annual document, landscape for the 自评表, as
    /// the printed pages are.
    @Test func theAssessmentIsLandscapeAndTheRestPortrait() throws {
        let assessment = try Self.document(Self.assessment)
        #expect(assessment.page.width == 16838 && assessment.page.height == 11906 && assessment.page.orientation == "landscape")
        for path in [Self.goalTable, Self.annual] {
            let document = try Self.document(path)
            #expect(document.page.width == 11906 && document.page.height == 16838 && document.page.orientation == nil, "\(path)")
        }
        let form = try #require(assessment.tables.first)
        #expect(assessment.paragraphs.prefix(3).map(\.text) == ["项目支出绩效自评表", "（2021年度）",
                                                             "示例数据：本表的年末实际完成情况是为演示评分规则而编写的，不是真实的自评结果。"])
        #expect(form.rows[0].map(\.text) == ["项目名称", "村级组织经费"] && form.rows[0].last?.span == 7)
        #expect(form.rows[2].first == .init(text: "项目资金\n（万元）", span: 1, merge: "restart", styles: ["TableText", "TableText"]))
        // The indicators under their repeated header, then the notes in a table of their own.
        #expect(assessment.tables.count == 3)
        #expect(assessment.tables[1].repeats.first == true && assessment.tables[2].repeats.allSatisfy { !$0 })
        #expect(assessment.tables[2].rows.map { $0[0].text } == ["存在问题", "改进措施"])
    }

    @Test func theOrientationOptionTurnsEveryDocument() throws {
        let scratch = Scratch("jixiao-docx")
        _ = try Self.publish("data", into: scratch, orientation: .portrait)
        let assessment = try Self.document(Self.assessment, in: scratch.appendingPathComponent("out"))
        #expect(assessment.page.width == 11906 && assessment.page.orientation == nil)
        #expect(assessment.tables.first?.columns.reduce(0, +) == 11906 - assessment.margins.left - assessment.margins.right)
    }

    /// 宋体 in the tables, 仿宋 in the prose, as the styles say.
    @Test func tablesInSongtiAndProseInFangsong() throws {
        let document = try Self.document(Self.annual)
        let styles = try XMLDocument(data: document.parts["word/styles.xml"] ?? Data())
        func font(_ path: String) throws -> String? {
            try styles.nodes(forXPath: path + "//*[local-name()='rFonts']/@*[local-name()='eastAsia']").first?.stringValue
        }
        #expect(try font("//*[local-name()='docDefaults']") == "仿宋")
        #expect(try font("//*[local-name()='style'][@*[local-name()='styleId']='TableText']") == "宋体")
        #expect(try font("//*[local-name()='style'][@*[local-name()='styleId']='DocumentTitle']") == "宋体")
        for table in document.tables {
            #expect(table.rows.allSatisfy { $0.allSatisfy { $0.styles.allSatisfy { $0 == "TableText" } } })
        }
        let overall = try #require(document.paragraphs.firstIndex { $0.text == "一、总体绩效目标" })
        #expect(document.paragraphs[overall].style == "Heading1")
        #expect(document.paragraphs[overall + 1].style == "Normal" && document.paragraphs[overall + 1].text.hasPrefix("根据管委会工作部署"))
    }

    /// The annual document as the page has it: the cover, 第一部分 with the department's 23
    /// criteria tables, 第二部分 with every goal table in order, each under its own title.
    @Test func annualDocumentHoldsTheDepartmentAndEveryGoalTable() throws {
        let document = try Self.document(Self.annual)
        #expect(document.paragraphs.prefix(4) == [.init(style: "Title", text: "2021年度绩效目标"), .init(style: "Subtitle", text: "街道办事处"),
                                                  .init(style: "PartTitle", text: "第一部分"),
                                                  .init(style: "DocumentTitle", text: "2021年部门整体绩效目标")])
        #expect(document.paragraphs.filter { $0.style == "PartTitle" }.map(\.text) == ["第一部分", "第二部分预算项目绩效目标"])
        #expect(document.paragraphs.filter { $0.style == "FormTitle" }.map(\.text) == Self.projectNames.map { $0 + "项目绩效目标表" })
        #expect(document.tables.count == 23 + 14 * 2)
        let criteria = try #require(document.tables.first)
        #expect(criteria.rows.map { $0.map(\.text) } == [["评定指标", "优秀条件", "差的条件"],
                                                          ["考核成绩", "优秀：90分以上", "差：60分以下"],
                                                          ["隐患整改率", "优秀：100%", "差：低于80%"]])
        #expect(document.text(of: "word/footer1.xml").contains("街道办事处 2021年"))
        #expect(document.text(of: "word/footer1.xml").contains(" NUMPAGES "))
    }

    /// `jixiao import` reads our own documents back: every table of the annual document to the
    /// hand transcription in data/2021 (every cell, the budget, the order), and each project's
    /// own document to the same table.
    @Test func importReadsEveryGoalTableBackToTheData() throws {
        let directory = try Published.output.get().directory
        let annual = try WordTableReader.read(contentsOf: directory.appendingPathComponent(Self.annual))
        try ImportTests.expectTheHandTranscription(annual)
        for name in Self.projectNames {
            let own = try WordTableReader.read(contentsOf: directory.appendingPathComponent("2021/项目/\(name).docx"))
            #expect(own.tables.count == 1 && own.tables.first == annual.tables.first { $0.projectName == name }, "\(name)")
        }
    }

    /// Markup in the data is text in the document: the hostile data of `make validate`.
    @Test func hostileDataIsText() throws {
        let scratch = Scratch("jixiao-docx")
        let report = try Self.publish("Tests/Robustness/hostile-data", into: scratch)
        let path = try #require(report.wordDocuments.first { $0.hasPrefix("2021/项目/") })
        let document = try Self.document(path, in: scratch.appendingPathComponent("out"))
        #expect(document.paragraphs.first?.text == "<script>alert(1)</script>项目绩效目标表")
        #expect(document.tables.first?.rows[0].last?.text == "<script>alert(1)</script>")
        #expect(document.tables.last?.rows[1].map(\.text) == ["产出指标", "数量指标", "村委会办公场所租赁费使用村庄数",
                                                             "]]> &amp; \"双引号\" '单引号' <!-- x --> \u{202E}右到左", "2",
                                                             "<img src=x onerror=alert(1)>"])
        #expect(!document.text(of: "word/document.xml").contains("<script>"), "escaped, never markup")
        let imported = try WordTableReader.read(contentsOf: scratch.appendingPathComponent("out").appendingPathComponent(path))
        #expect(imported.tables.first?.projectName == "<script>alert(1)</script>")
    }
}
