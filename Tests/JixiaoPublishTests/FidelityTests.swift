import CLibXML
import Foundation
@testable import JixiaoPublish
@testable import JixiaoRender
import Testing
import JixiaoData
import JixiaoOutput
import JixiaoImport
import JixiaoExport

/// The published tables must say exactly what the source document says, cell by cell. The
/// expected cells come from the copy of the seed in Fixtures/, never retyped.
@Suite("Fidelity to the 2021 source document")
struct FidelityTests {
    static let tables = SeedDocument.shared.tables

    @Test func seedHasFourteenTables() {
        #expect(Self.tables.count == 14)
    }

    @Test(arguments: 0..<14)
    func projectTableMatchesTheSeedRowByRow(index: Int) throws {
        let table = Self.tables[index]
        let name = String(table.title.dropLast("项目绩效目标表".count))
        let page = try Published.page("2021/项目/\(name).html")
        #expect(squeezed(page.elements("h1").map(XHTMLPage.content).joined()) == squeezed(table.title))

        let rendered = page.grid(ofTableWithClass: "goal-table").filter { $0.contains { !squeezed($0).isEmpty } }
        #expect(rendered.count == table.rows.count, "\(name): \(rendered.count) rows rendered, \(table.rows.count) in the seed")
        for (number, (got, expected)) in zip(rendered, table.rows).enumerated() {
            #expect(got.map(squeezed) == expected.map(squeezed), "\(name), row \(number + 1)")
        }
    }

    /// Jixiao writes the CSS into each page itself, where the template leaves its marker: the
    /// page is byte for byte the one the template writes when given the CSS (the shipped
    /// jixiao.css, and one with Chinese, quotes, a backslash and a tab). CSS the serializer
    /// would change goes through the template.
    @Test func cssWrittenByJixiaoIsWhatTheTemplateWrites() throws {
        let templates = Published.repository.appendingPathComponent("templates")
        let stylesheet = try Stylesheet(path: templates.appendingPathComponent("jixiao.xsl").path)
        let shipped = try String(contentsOf: templates.appendingPathComponent("jixiao.css"), encoding: .utf8)
        let tree = DocumentXML.projectFrame(name: "示例项目", title: "", layout: .standard, wide: false, context: .init(year: 2021, unit: "街道办事处", indexHref: "../index.html"))
        for css in [shipped, "p::before { content: \"第\\\"页\"; }\n\ttd { color: red }\n"] {
            let style = PageStyle(css: css)
            #expect(style.parameters.map(\.0) == ["page.css.marker"])
            let spliced = String(decoding: try #require(style.embed(in: try stylesheet.transform(tree, parameters: style.parameters))),
                                 as: UTF8.self)
            let whole = String(decoding: try stylesheet.transform(tree, parameters: [("page.css", css)]), as: UTF8.self)
            #expect(spliced == whole)
            #expect(spliced.contains(css))
        }
        #expect(PageStyle(css: "td { color: red }\r\n").parameters.map(\.0) == ["page.css"])
    }

    /// Templates written before the CSS marker (their page.xsl writes `$page.css` itself) still
    /// get the CSS: a publish with them is byte for byte the one with the shipped templates.
    @Test func templatesWithoutTheCSSMarkerStillGetTheCSS() throws {
        let scratch = Scratch("jixiao-css")
        let root = scratch.url
        let older = root.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Published.repository.appendingPathComponent("templates"), to: older)
        let page = older.appendingPathComponent("page.xsl")
        let text = try String(contentsOf: page, encoding: .utf8)
        let choice = try #require(text.range(of: "<xsl:choose>\n            <xsl:when test=\"$page.css.marker = '1'\">"))
        let end = try #require(text.range(of: "</xsl:choose>", range: choice.upperBound..<text.endIndex))
        try text.replacingCharacters(in: choice.lowerBound..<end.upperBound, with: "<xsl:value-of select=\"$page.css\"/>")
            .write(to: page, atomically: true, encoding: .utf8)

        func publish(_ templates: URL, into name: String) throws -> [String: Data] {
            let out = root.appendingPathComponent(name)
            _ = try Publisher.publish(PublishOptions(dataDirectory: Published.repository.appendingPathComponent("data").path,
                                                     outputDirectory: out.path, templatesDirectory: templates.path))
            // The manifests differ: they hold the templates' digests.
            return try snapshot(of: out).filter { $0.key != Manifest.fileName }
        }
        let shipped = try publish(Published.repository.appendingPathComponent("templates"), into: "shipped")
        #expect(shipped.count == 49)
        #expect(try publish(older, into: "older") == shipped)
    }

    @Test func annualDocumentHoldsEveryTableInTheSeedsOrder() throws {
        let page = try Published.page("2021/年度绩效目标.html")
        let partTwo = try #require(page.elements("section").first { page.attribute($0, "id") == "part-2" })
        let text = squeezed(XHTMLPage.content(partTwo))
        var position = text.startIndex
        for table in Self.tables {
            let title = squeezed(table.title)
            let found = try #require(text.range(of: title, range: position..<text.endIndex), "\(title) missing or out of order")
            position = found.upperBound
        }
    }

    /// The annual document opens with a cover and a 目录: the two parts, then every project in the
    /// seed's order (its name: a line ending in 项目绩效目标表 would pass for a table's title when
    /// the document is imported), each line linking to the table's section.
    @Test func annualDocumentHasACoverAndContents() throws {
        let page = try Published.page("2021/年度绩效目标.html")
        let cover = try #require(page.elements("header").first { page.attribute($0, "class") == "cover" })
        #expect(squeezed(XHTMLPage.content(cover)) == "2021年度绩效目标街道办事处")
        let contents = try #require(page.elements("nav").first { page.attribute($0, "class") == "contents" })
        let links = page.elements("a", under: contents)
        let lines = links.map { squeezed(XHTMLPage.content($0)) }
        #expect(lines == ["第一部分2021年部门整体绩效目标", "第二部分预算项目绩效目标"]
                + Self.tables.map { squeezed(String($0.title.dropLast("项目绩效目标表".count))) })
        let ids = Set(page.elements("section").compactMap { page.attribute($0, "id") })
        for link in links {
            let target = String(try #require(page.attribute(link, "href")).dropFirst())
            #expect(ids.contains(target), "the 目录 links to #\(target), which no section is")
        }
        #expect(ids.count == 2 + Self.tables.count, "the two parts and each table have an id of their own")
    }

    @Test func departmentPageHoldsEveryParagraphOfPartOne() throws {
        for relativePath in ["2021/部门整体绩效目标.html", "2021/年度绩效目标.html"] {
            let text = squeezed(try Published.page(relativePath).text)
            for line in SeedDocument.shared.departmentLines {
                #expect(text.contains(squeezed(line)), "\(relativePath) lacks: \(line.prefix(40))…")
            }
        }
    }
}

@Suite("Published output")
struct OutputTests {
    @Test func everyPageIsWellFormedXHTML() throws {
        let (directory, report) = try Published.output.get()
        // 14 goal tables, the annual document, the department page, the index;
        // 14 监控表 and the monitoring summary; 14 自评表, the department self-assessment and the report;
        // the review.
        #expect(report.pages.count == 14 + 3 + 14 + 1 + 14 + 2 + 1)
        for relativePath in report.pages {
            let page = try XHTMLPage(path: directory.appendingPathComponent(relativePath).path)
            #expect(XHTMLPage.name(page.root) == "html")
            #expect(String(cString: page.root.pointee.ns.pointee.href) == "http://www.w3.org/1999/xhtml", "\(relativePath)")
        }
    }

    @Test func indexListsFourteenProjectsAndTheTotal() throws {
        let page = try Published.page("2021/index.html")
        let rows = page.grid(ofTableWithClass: "projects")
        let projectRows = rows.filter { $0.count >= 3 && Int($0[0]) != nil }
        #expect(projectRows.count == 14)
        #expect(projectRows.map { squeezed($0[1]) } == FidelityTests.tables.map { squeezed(String($0.title.dropLast("项目绩效目标表".count))) })
        #expect(projectRows.first.map { squeezed($0[2]) } == "154万元")
        // 154 + 43.3 + 71 + 43.7 + 30 + 20 + 5.2 + 50 + 2045.1 + 42 + 210 + 3 + 281 + 2100 = 5098.3
        let totalRow = try #require(rows.last)
        #expect(totalRow.count >= 3 && squeezed(totalRow[2]) == "5098.3万元")
        let links = page.elements("a").compactMap { page.attribute($0, "href") }
        #expect(links.filter { $0.hasPrefix("项目/") }.count == 14)
        for link in links where !link.hasPrefix("http") {
            let target = try Published.output.get().directory.appendingPathComponent("2021").appendingPathComponent(link.removingPercentEncoding ?? link)
            #expect(FileManager.default.fileExists(atPath: target.path), "broken link \(link)")
        }
    }

    @Test func pagesAreStandaloneWithEmbeddedStyle() throws {
        let page = try Published.page("2021/项目/村级组织经费.html")
        #expect(page.elements("style").count == 1)
        #expect(page.elements("link").isEmpty)
        #expect(page.elements("script").isEmpty)
        #expect(page.elements("img").isEmpty)
    }
}

@Suite("Parallel publishing")
struct ParallelPublishingTests {
    private func publish(workers: Int, batchSize: Int = RenderPlan.batchSize) throws -> [String: Data] {
        let scratch = Scratch("jixiao-par")
        let out = scratch.url
        var options = PublishOptions(
            dataDirectory: Published.repository.appendingPathComponent("data").path,
            outputDirectory: out.appendingPathComponent("html").path,
            templatesDirectory: Published.repository.appendingPathComponent("templates").path,
            emitXMLDirectory: out.appendingPathComponent("xml").path, workers: workers)
        options.xlsx = true
        options.docx = true
        options.batchSize = batchSize
        _ = try Publisher.publish(options)
        return try snapshot(of: out.appendingPathComponent("html")).merging(snapshot(of: out.appendingPathComponent("xml"))) { page, _ in page }
    }

    /// Pages, their XML, the spreadsheets and the Word documents (zip entries carry a fixed
    /// date, not the time).
    @Test func serialAndParallelOutputAreByteIdentical() throws {
        let serial = try publish(workers: 1)
        let parallel = try publish(workers: 8)
        // 49 pages and their XML, the XML of the parts streamed into the annual document
        // (the 目录's 14 lines in one part, 14 goal tables), the report (the 14 summary rows in
        // one part, the bars of each figure in one part, 14 自评表; a project's shortfalls under
        // one heading, 24 in all; 4 texts of problems and 4 of improvements, each naming the
        // projects that wrote it) and the index (its 14 lines in one part), the XML of the table
        // each of the 28 forms with a part frames (the same as a part of a long document; a
        // 监控表 is a page of its own), 42 spreadsheets and 29 Word documents; and the manifest.
        #expect(serial.count == 49 * 2 + (1 + 14) + (3 + 14) + 24 + 4 * 2 + 1 + 28 + 42 + 29 + 1)
        #expect(serial == parallel)
        #expect(try publish(workers: 8) == parallel, "and identical from one run to the next")
    }

    /// The 14 projects rendered a few at a time, their models let go after each batch: the
    /// long documents' parts go through a file per slot, batch after batch, and are put
    /// together at the end in their order.
    @Test func batchesOfAnySizeGiveTheSameBytes() throws {
        let whole = try publish(workers: 2)
        for batchSize in [1, 3, 5] {
            #expect(try publish(workers: 2, batchSize: batchSize) == whole, "batches of \(batchSize)")
        }
        #expect(try publish(workers: 1, batchSize: 4) == whole)
    }
}

@Suite("Templates")
struct TemplateTests {
    /// xsltproc (the benchmark baseline, and what a user may run by hand) cannot pass a
    /// string parameter holding both kinds of quote, so the CSS uses double quotes only.
    @Test func styleSheetPassesAsAnXsltprocStringParameter() throws {
        let css = try String(contentsOf: Published.repository.appendingPathComponent("templates/jixiao.css"), encoding: .utf8)
        #expect(!css.contains("'"))
    }
}

@Suite("Printed pages")
struct PrintLayoutTests {
    /// In print a page may break inside an indicator table only between 二级 groups, and a 一级
    /// group is kept on one page where it fits (jixiao.css: tbody.group, tr.keep), so that no
    /// merged 一级 or 二级 cell starts a page empty: each 一级 group is a row group opening with
    /// its 一级 cell, and exactly the rows followed by another of their 二级 group say keep.
    @Test(arguments: ["项目", "自评"])
    func indicatorRowsBreakOnlyBetweenLevel2Groups(folder: String) throws {
        let page = try Published.page("2021/\(folder)/社区经费（含智慧社区及网格化管理费用）.html")
        func hasClass(_ node: xmlNodePtr, _ name: String) -> Bool {
            (page.attribute(node, "class") ?? "").split(separator: " ").contains(Substring(name))
        }
        let groups = page.elements("tbody").filter { hasClass($0, "group") }
        #expect(groups.map { page.elements("th", under: $0).filter { hasClass($0, "level1") }.map(XHTMLPage.content) }
                == [["产出指标"], ["效果指标"], ["满意度指标"]])
        var kept = 0
        for group in groups {
            let rows = page.elements("tr", under: group)
            #expect(rows.first.map { page.elements("th", under: $0).contains { hasClass($0, "level1") } } == true)
            for (index, row) in rows.enumerated() {
                let nextOpensLevel2 = index + 1 == rows.count || page.elements("th", under: rows[index + 1]).contains { hasClass($0, "level2") }
                #expect(hasClass(row, "keep") == !nextOpensLevel2, "\(folder): row \(index + 1) of a 一级 group")
                kept += hasClass(row, "keep") ? 1 : 0
            }
        }
        #expect(kept == 2, "数量指标 has three rows: the first two keep with the next")
    }
}

