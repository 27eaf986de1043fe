import Foundation
import JixiaoModel
import JixiaoPublish
import Testing
import ZIPFoundation
import JixiaoData
import JixiaoImport
import JixiaoExport
import JixiaoRender

/// `jixiao import FILE.docx`. The committed documents in Fixtures/word/ are our own published
/// pages converted by LibreOffice 7.4 (`jixiao publish data --out o`, then
/// `soffice --headless --convert-to docx:"MS Word 2007 XML" o/2021/年度绩效目标.html` and
/// `… o/2021/项目/村级组织经费.html`); the small documents are made here, one case each.
@Suite("Import from Word")
struct WordImportTests {
    typealias W = WordFixture

    static func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: "docx", subdirectory: "Fixtures/word")!
    }

    // MARK: Our published HTML, through LibreOffice

    @Test func publishedAnnualDocumentImportsToTheData() throws {
        // The department part's 23 criteria tables have no goal-table title and are passed over.
        try ImportTests.expectTheHandTranscription(try WordTableReader.read(contentsOf: Self.fixture("annual-2021")))
    }

    /// The grid Word gives is the grid the table text gives: same rows, same cells.
    @Test func wordTablesHaveTheShapeOfTheTableText() throws {
        let word = try WordTableReader.read(contentsOf: Self.fixture("annual-2021")).tables
        let text = SeedDocument.shared.tables
        #expect(word.map(\.title) == text.map(\.title))
        for (fromWord, fromText) in zip(word, text) {
            #expect(fromWord.rows.map { $0.map(squeezed) } == fromText.rows.map { $0.map(squeezed) }, "\(fromWord.title)")
        }
    }

    @Test func oneProjectPerDocument() throws {
        let document = try WordTableReader.read(contentsOf: Self.fixture("one-project-2021"))
        let annual = try WordTableReader.read(contentsOf: Self.fixture("annual-2021"))
        #expect(document.tables.map(\.title) == ["村级组织经费项目绩效目标表"])
        #expect(document.tables.first == annual.tables.first { $0.projectName == "村级组织经费" })
    }

    // MARK: Merged cells

    /// A goal table as Word stores it: cells spanning grid columns, the 一级/二级 cells and the
    /// plan's label merged down, a continued cell still holding a stray paragraph.
    static let mergedTable = W.table(
        W.row(W.cell("项目编码"), W.cell("", W.span(2)), W.cell("项目名称"), W.cell("测试", W.span(2))),
        W.row(W.cell("项目资金主要用途"), W.cell("预算数3万元。其中：财政资金3万元。主要用于测试。", W.span(5))),
        W.row(W.cell("资金支出计划", W.mergeStart), W.cell("第一季度"), W.cell("第二季度"), W.cell("第三季度"), W.cell("第四季度", W.span(2))),
        W.row(W.cell("残留", W.mergeContinue), W.cell("25%"), W.cell("50%"), W.cell("75%"), W.cell("100%", W.span(2))),
        W.row(W.cell("绩效目标"), W.cell("目标1完成测试\n目标2测试及时", W.span(5))),
        W.row(W.cell("一级指标"), W.cell("二级指标"), W.cell("三级指标"), W.cell("绩效指标描述"), W.cell("指标值"), W.cell("指标值确定依据")),
        W.row(W.cell("产出指标", W.mergeStart), W.cell("数量指标", W.mergeStart), W.cell("测试次数"), W.cell("全年测试次数"), W.cell("3次"), W.cell("经验")),
        W.row(W.cell("", W.mergeContinue), W.cell("", "<w:vMerge w:val=\"continue\"/>"), W.cell("参加人数"), W.cell("参加测试的人数"), W.cell("10人"), W.cell("经验")),
        W.row(W.cell("", W.mergeContinue), W.cell("时效指标"), W.cell("完成时限"), W.cell("完成时限"), W.cell("2021年12月底前"), W.cell("计划")),
        W.row(W.cell("满意度指标"), W.cell("服务对象满意度指标"), W.cell("满意度"), W.cell("参加者满意度"), W.cell("90%以上"), W.cell("经验")))

    @Test func spannedCellsAreOneCellAndContinuedCellsAreEmpty() throws {
        let url = try W.docx(W.document(W.paragraph("测试项目绩效目标表"), Self.mergedTable))
        let table = try #require(try WordTableReader.read(contentsOf: url).tables.first)
        #expect(table.title == "测试项目绩效目标表")
        #expect(table.rows == [
            ["项目编码", "", "项目名称", "测试"],
            ["项目资金主要用途", "预算数3万元。其中：财政资金3万元。主要用于测试。"],
            ["资金支出计划", "第一季度", "第二季度", "第三季度", "第四季度"],
            ["", "25%", "50%", "75%", "100%"],
            ["绩效目标", "目标1完成测试\n目标2测试及时"],
            ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
            ["产出指标", "数量指标", "测试次数", "全年测试次数", "3次", "经验"],
            ["", "", "参加人数", "参加测试的人数", "10人", "经验"],
            ["", "时效指标", "完成时限", "完成时限", "2021年12月底前", "计划"],
            ["满意度指标", "服务对象满意度指标", "满意度", "参加者满意度", "90%以上", "经验"],
        ])
        let project = try ImportTests.decode(try GoalTableImporter.dataFile(for: table, order: 1), path: "测试.yaml")
        #expect(project.budget.total.value.description == "3万元")
        #expect(project.plan.map(\.value.text) == ["25%", "50%", "75%", "100%"])
        #expect(project.goals == ["完成测试", "测试及时"])
        #expect(project.indicators.map { group in
            "\(group.name.value): " + group.subgroups.map { "\($0.name.value)=\($0.indicators.map(\.name.value).joined(separator: "+"))" }.joined(separator: ", ")
        } == ["产出指标: 数量指标=测试次数+参加人数, 时效指标=完成时限", "满意度指标: 服务对象满意度指标=满意度"])
    }

    /// A label set on two lines in a narrow column, as `publish --docx` prints 项目资金 /
    /// 主要用途, is still the label; the prose beside it is read as written.
    @Test func aLabelOnTwoLinesIsTheLabel() throws {
        let broken = Self.mergedTable.replacingOccurrences(of: W.cell("项目资金主要用途"), with: W.cell("项目资金\n主要用途"))
        #expect(broken != Self.mergedTable)
        let table = try #require(try WordTableReader.read(contentsOf: try W.docx(W.document(W.paragraph("测试项目绩效目标表"), broken))).tables.first)
        #expect(table.rows[1].first == "项目资金\n主要用途")
        let project = try ImportTests.decode(try GoalTableImporter.dataFile(for: table, order: 1), path: "测试.yaml")
        #expect(project.purpose == "预算数3万元。其中：财政资金3万元。主要用于测试。")
    }

    /// Old documents merge across with `w:hMerge`: the continued cells belong to the first.
    @Test func legacyHorizontalMergeIsOneCell() throws {
        let url = try W.docx(W.document(W.paragraph("测试项目绩效目标表"), W.table(
            W.row(W.cell("项目编码"), W.cell("A01", "<w:hMerge w:val=\"restart\"/>"), W.cell("", "<w:hMerge/>"),
                  W.cell("项目名称"), W.cell("测试", "<w:hMerge w:val=\"restart\"/>"), W.cell("", "<w:hMerge w:val=\"continue\"/>")))))
        #expect(try WordTableReader.read(contentsOf: url).tables.first?.rows == [["项目编码", "A01", "项目名称", "测试"]])
    }

    @Test func titleInTheFirstRow() throws {
        let url = try W.docx(W.document(W.paragraph("说明文字"), W.table(
            W.row(W.cell("测试项目绩效目标表", W.span(6))),
            W.row(W.cell("项目编码"), W.cell(""), W.cell("项目名称"), W.cell("测试")))))
        let table = try #require(try WordTableReader.read(contentsOf: url).tables.first)
        #expect(table.title == "测试项目绩效目标表")
        #expect(table.rows == [["项目编码", "", "项目名称", "测试"]])
    }

    /// A table opening with the indicator header right after a goal table continues it (our
    /// printed pages split the form there); after any other table it is not a goal table.
    @Test func indicatorTableContinuesTheGoalTable() throws {
        let top = W.table(W.row(W.cell("项目编码"), W.cell(""), W.cell("项目名称"), W.cell("测试")))
        let indicators = W.table(W.row(W.cell("一级指标"), W.cell("二级指标"), W.cell("三级指标")),
                                 W.row(W.cell("产出指标"), W.cell("数量指标"), W.cell("户数")))
        let criteria = W.table(W.row(W.cell("评定指标"), W.cell("优秀条件"), W.cell("差的条件")))
        let url = try W.docx(W.document(W.paragraph("测试项目绩效目标表"), top, W.paragraph(""), indicators,
                                        criteria, indicators))
        let tables = try WordTableReader.read(contentsOf: url).tables
        #expect(tables.count == 1)
        #expect(tables.first?.rows == [["项目编码", "", "项目名称", "测试"], ["一级指标", "二级指标", "三级指标"],
                                       ["产出指标", "数量指标", "户数"]])
    }

    /// Runs split anywhere, tabs and breaks, text boxes (read once, not again from Word's
    /// fallback copy), tracked deletions, tab stops in paragraph properties, rows inside a
    /// content control, a paragraph between the title and the table.
    @Test func cellTextAsWordShowsIt() throws {
        let run = { (text: String) in "<w:r><w:t>\(text)</w:t></w:r>" }
        let cell = """
            <w:tc><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>\(run("预算"))<w:r><w:t>数</w:t><w:tab/><w:t>3</w:t></w:r>\
            <w:del><w:r><w:delText>4</w:delText></w:r></w:del><w:ins><w:r><w:t>万元</w:t></w:r></w:ins><w:r><w:br/></w:r>\(run("第二行"))\
            <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p>\(run("框内"))</w:p></w:txbxContent></mc:Choice>\
            <mc:Fallback><w:txbxContent><w:p>\(run("框内"))</w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>\
            <w:p>\(run("第二段"))</w:p></w:tc>
            """
        let url = try W.docx(W.document(
            W.paragraph("测试项目绩效目标表"), W.paragraph("单位：万元"),
            "<w:tbl><w:sdt><w:sdtContent>\(W.row(W.cell("项目资金主要用途"), cell))</w:sdtContent></w:sdt></w:tbl>"))
        let table = try #require(try WordTableReader.read(contentsOf: url).tables.first)
        #expect(table.rows == [["项目资金主要用途", "预算数\t3万元\n第二行框内\n第二段"]])
    }

    @Test func otherTablesArePassedOver() throws {
        let criteria = W.table(W.row(W.cell("评定指标"), W.cell("优秀条件"), W.cell("差的条件")))
        let url = try W.docx(W.document(W.paragraph("1、安全生产"), criteria, W.paragraph("测试项目绩效目标表"), Self.mergedTable, criteria))
        #expect(try WordTableReader.read(contentsOf: url).tables.map(\.title) == ["测试项目绩效目标表"])
    }

    // MARK: Documents that cannot be read: a message, never a crash

    static func failure(reading url: URL) -> ImportFailure? {
        failure { () throws(ImportFailure) in _ = try WordTableReader.read(contentsOf: url) }
    }

    /// What `read` failed with, or nil when it did not.
    static func failure(_ read: () throws(ImportFailure) -> Void) -> ImportFailure? {
        do {
            try read()
            return nil
        } catch {
            return error
        }
    }

    @Test func noGoalTables() throws {
        let url = try W.docx(W.document(W.paragraph("2021年部门整体绩效目标"), W.table(W.row(W.cell("评定指标")))))
        #expect(Self.failure(reading: url) == .noTablesInWord)
    }

    @Test func missingFile() {
        #expect(Self.failure(reading: URL(fileURLWithPath: "/nonexistent/表格.docx")) == .unreadable(reason: "文件不存在"))
    }

    @Test func notAZip() throws {
        let url = try W.docx("")
        try Data("村级组织经费项目绩效目标表\n\t项目编码\n".utf8).write(to: url)
        #expect(Self.failure(reading: url) == .notZip)
    }

    @Test func zipWithoutWordDocument() throws {
        let url = try W.package([("xl/workbook.xml", Data("<workbook/>".utf8))])
        #expect(Self.failure(reading: url) == .noWordDocument)
    }

    @Test func truncatedPackage() throws {
        let whole = try Data(contentsOf: Self.fixture("annual-2021"))
        for length in [0, 4, 100, whole.count / 2, whole.count - 10] {
            let url = try W.docx("")
            try whole.prefix(length).write(to: url)
            let failure = Self.failure(reading: url)
            #expect(failure == .notZip || failure == .damagedZip(part: "word/document.xml"), "first \(length) bytes: \(String(describing: failure))")
        }
    }

    @Test func damagedCompressedData() throws {
        var bytes = try Data(contentsOf: try W.docx(W.document(W.paragraph("测试项目绩效目标表"), Self.mergedTable)))
        // The deflated document.xml starts right after its local header (30 bytes + the name).
        let start = 30 + "word/document.xml".utf8.count
        for offset in start..<start + 64 { bytes[offset] ^= 0xA5 }
        let url = try W.docx("")
        try bytes.write(to: url)
        #expect(Self.failure(reading: url) == .damagedZip(part: "word/document.xml"))
    }

    @Test func malformedXML() throws {
        let url = try W.docx("\(W.declaration)\n<w:document \(W.namespaces)>\n<w:body><w:p></w:body></w:document>")
        guard case .malformedXML("word/document.xml", let line, let message) = Self.failure(reading: url) else {
            Issue.record("expected malformedXML")
            return
        }
        #expect(line == 3)
        #expect(message.contains("mismatch"), "\(message)")
        #expect(Self.failure(reading: try W.docx("")) == .emptyDocument(part: "word/document.xml"))
        let unterminated = Self.failure(reading: try W.docx("<w:document"))
        #expect(unterminated?.description.hasPrefix("word/document.xml 第 1 行不是格式正确的 XML") == true, "\(String(describing: unterminated))")
    }

    @Test func doctypeIsRefused() throws {
        let entities = #"<!DOCTYPE w:document [<!ENTITY a "项目绩效目标表"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>"#
        let url = try W.docx(W.declaration + entities + "<w:document \(W.namespaces)><w:body>\(W.paragraph("&b;"))</w:body></w:document>")
        #expect(Self.failure(reading: url) == .doctypeInDocument(part: "word/document.xml"))
    }

    @Test func otherXMLIsNotAWordDocument() throws {
        let url = try W.docx(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>"#)
        #expect(Self.failure(reading: url) == .notWordprocessingML(root: "worksheet"))
    }

    /// A zip bomb: 65 MiB of blanks deflate to some 65 KB.
    @Test func oversizedDocumentIsRefused() throws {
        let blanks = Data(repeating: 0x20, count: (64 << 20) + 1)
        let url = try W.package([("word/document.xml", blanks)])
        #expect(Self.failure(reading: url) == .documentTooLarge(part: "word/document.xml", limit: 64 << 20))

        // The same bomb with its sizes in the zip's headers rewritten to 100 bytes: the
        // inflated bytes are counted, not taken on trust.
        var bytes = try Data(contentsOf: url)
        for (signature, sizeOffset) in [(Data([0x50, 0x4B, 0x03, 0x04]), 22), (Data([0x50, 0x4B, 0x01, 0x02]), 24)] {
            let header = try #require(bytes.range(of: signature)).lowerBound
            bytes.replaceSubrange(header + sizeOffset..<header + sizeOffset + 4, with: [100, 0, 0, 0])
        }
        try bytes.write(to: url)
        #expect(Self.failure(reading: url) == .documentTooLarge(part: "word/document.xml", limit: 64 << 20))
    }
}
