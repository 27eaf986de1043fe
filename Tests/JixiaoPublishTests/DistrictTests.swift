import Foundation
import JixiaoCompare
import JixiaoData
import JixiaoDiagnostics
import JixiaoModel
import JixiaoPublish
import JixiaoRender
import JixiaoReview
import JixiaoScore
import Testing

/// A district built from the 2021 data (Fixtures/district, its README says how): 甲街道 is the
/// whole of data/2021; 乙街道 has four of its projects in 2021 and a 2022 copy whose targets
/// were lowered, one project missing its self-assessment (信访维稳专项资金), one replaced by a
/// project with no predecessor, and one with an indicator 不适用 (垃圾分类督导员补助). Every figure of the roll-up against sums done by hand from
/// the scores `jixiao score data` prints for 2021 (docs/评分规则.md works them out).
@Suite("Many units and several years")
struct DistrictTests {
    static let fixture = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("district")
    static let district = DataSetLoader.loadUnits(directory: fixture.path)

    /// The district published once, shared by the tests that read its pages.
    static let published: Result<(scratch: Scratch, report: PublishReport), Error> = Result {
        let scratch = Scratch("district")
        let options = PublishOptions(dataDirectory: fixture.path, outputDirectory: scratch.appendingPathComponent("output").path,
                                     templatesDirectory: Published.repository.appendingPathComponent("templates").path)
        return (scratch, try Publisher.publish(options))
    }

    static func page(_ path: String) throws -> XHTMLPage {
        try XHTMLPage(path: try published.get().scratch.appendingPathComponent("output").appendingPathComponent(path).path)
    }

    // MARK: The layout

    @Test func unitsAreTheFoldersHoldingYearFolders() {
        let (folders, diagnostics) = UnitLayout.units(in: Self.fixture.path)
        #expect(folders.map(\.name) == ["乙街道", "甲街道"])   // byte order: 乙 U+4E59 before 甲 U+7532
        #expect(diagnostics.isEmpty)
        #expect(Self.district.units.map { $0.dataSet.years.map(\.year) } == [[2021, 2022], [2021]])
        #expect(!Self.district.isSingleUnit)
        #expect(Self.district.errorCount == 0)
    }

    @Test func todaysLayoutIsOneUnit() {
        let data = Published.repository.appendingPathComponent("data").path
        for directory in [data, data + "/2021", Self.fixture.appendingPathComponent("甲街道").path] {
            let (folders, diagnostics) = UnitLayout.units(in: directory)
            #expect(folders.map(\.name) == [nil] && folders.map(\.path) == [directory], "\(directory)")
            #expect(diagnostics.isEmpty)
        }
    }

    @Test func aFolderOfYearsAndUnitsIsAmbiguous() throws {
        let scratch = Scratch("ambiguous")
        let copy = scratch.appendingPathComponent("data")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        try FileManager.default.copyItem(at: Published.repository.appendingPathComponent("data/2021"),
                                         to: copy.appendingPathComponent("2021"))
        let district = DataSetLoader.loadUnits(directory: copy.path)
        #expect(district.units.isEmpty)
        let finding = try #require(district.diagnostics.first)
        #expect(finding.code == .ambiguousDataFolder && finding.severity == .error)
        #expect(finding.message.contains("（2021）") && finding.message.contains("（乙街道、甲街道）"))
        #expect(district.diagnostics.count == 1)
    }

    @Test func aUnitCannotBeCalledAfterTheDistrictsPages() throws {
        let scratch = Scratch("reserved")
        let copy = scratch.appendingPathComponent("data")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        try FileManager.default.moveItem(at: copy.appendingPathComponent("甲街道"), to: copy.appendingPathComponent("汇总"))
        let district = DataSetLoader.loadUnits(directory: copy.path)
        #expect(district.diagnostics.map(\.code) == [.ambiguousDataFolder])
        #expect(district.diagnostics.first?.path == copy.appendingPathComponent("汇总").path)
    }

    @Test func aFolderWithoutYearsIsNotAUnitAndAMisnamedUnitIsWarned() throws {
        let scratch = Scratch("misnamed")
        let copy = scratch.appendingPathComponent("data")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("丙街道/2021年"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: copy.appendingPathComponent("甲街道"), to: copy.appendingPathComponent("甲街道办事处"))
        let district = DataSetLoader.loadUnits(directory: copy.path)
        #expect(district.units.map(\.name) == ["乙街道", "甲街道办事处"])
        let stray = try #require(district.diagnostics.first { $0.code == .notAUnitFolder })
        #expect(stray.severity == .warning && stray.path == copy.appendingPathComponent("丙街道").path)
        let mismatch = try #require(district.diagnostics.first { $0.code == .unitNameMismatch })
        #expect(mismatch.severity == .warning)
        #expect(mismatch.path == copy.appendingPathComponent("甲街道办事处/2021/部门整体绩效目标.yaml").path)
        #expect(mismatch.mark == SourceMark(line: 2, column: 5))   // 单位: 甲街道
        #expect(district.errorCount == 0)
    }

    // MARK: The roll-up

    /// 2021. 乙街道, four assessed projects (scores as `jixiao score data` prints them):
    ///   budget 43.7 + 30 + 42 + 281 = 396.7; spent 43.7 + 25.5 + 39.6 + 262.4 = 371.2;
    ///   rate 371.2 ÷ 396.7 = 0.935719… → 93.57 %; average (95.85 + 70.30 + 99.43 + 81.16) ÷ 4
    ///   = 346.74 ÷ 4 = 86.685 → 86.69; 优 2 (95.85, 99.43), 良 1 (81.16), 中 1 (70.30), 差 0;
    ///   findings 1 (JX301, 垃圾分类督导员经费's 原文如此).
    /// 甲街道, all of data/2021: budget 5098.3, spent 4871.2, rate 95.55 %, scores summing to
    ///   1220.92, average 1220.92 ÷ 14 = 87.2085… → 87.21; 优 7 良 4 中 2 差 1 (马家屯遮荫款 46.79);
    ///   findings 12 (the seed's 7 acknowledged slips and 5 monitoring warnings).
    /// Totals: projects 4 + 14 = 18; budget 396.7 + 5098.3 = 5495; spent 371.2 + 4871.2 = 5242.4;
    ///   rate 5242.4 ÷ 5495 = 0.954030… → 95.40 %; average (346.74 + 1220.92) ÷ 18 = 1567.66 ÷ 18
    ///   = 87.0922… → 87.09 (every project's score, not the mean of 86.69 and 87.21 = 86.95);
    ///   优 2 + 7 = 9, 良 1 + 4 = 5, 中 1 + 2 = 3, 差 0 + 1 = 1; findings 1 + 12 = 13.
    @Test func rollUpOf2021AsComputedByHand() throws {
        let rollUp = DistrictRollUp(Self.district, year: 2021)
        #expect(rollUp.lines.map(\.name) == ["乙街道", "甲街道"])
        let (yi, jia) = (rollUp.lines[0], rollUp.lines[1])
        #expect(yi.projects == 4 && yi.assessed == 4 && yi.findings == 1)
        #expect(wan(try #require(yi.summary).totalBudget) == "396.7" && wan(yi.summary!.totalSpent) == "371.2")
        #expect(yi.summary?.ratePercent?.fixed(2) == "93.57" && yi.summary?.averageScore?.fixed(2) == "86.69")
        #expect(Grade.allCases.map { yi.summary!.count($0) } == [2, 1, 1, 0])
        #expect(jia.projects == 14 && jia.assessed == 14 && jia.findings == 12)
        #expect(wan(try #require(jia.summary).totalBudget) == "5098.3" && wan(jia.summary!.totalSpent) == "4871.2")
        #expect(jia.summary?.ratePercent?.fixed(2) == "95.55" && jia.summary?.averageScore?.fixed(2) == "87.21")
        #expect(Grade.allCases.map { jia.summary!.count($0) } == [7, 4, 2, 1])

        #expect(rollUp.projects == 18 && rollUp.assessed == 18 && rollUp.findings == 13)
        #expect(wan(rollUp.totalBudget) == "5495" && wan(rollUp.totalSpent) == "5242.4")
        #expect(rollUp.ratePercent?.fixed(2) == "95.40")
        #expect(rollUp.averageScore?.fixed(2) == "87.09")
        #expect(Grade.allCases.map(rollUp.count) == [9, 5, 3, 1])
        #expect(rollUp.poor.map(\.name) == ["马家屯遮荫款"] && rollUp.poor.map { $0.score.fixed(2) } == ["46.79"])
    }

    /// 2022, 乙街道 alone: four projects, three assessed (信访维稳专项资金 has no results file).
    ///   垃圾分类督导员补助 has 制作垃圾分类亭的完成率 不适用, printing its 分值 8.33 (docs/评分规则.md §9):
    ///   the other five 产出 rows share 50 − 8.33 = 41.67 as 8.34, 8.34, 8.33, 8.33, 8.33; their scores
    ///   250 ÷ 269 × 8.34 = 7.7509… → 7.75, 8.34, 8.33, 8.33, 8.33; 效果 60 ÷ 80 × 30 = 22.50; 满意度
    ///   70 ÷ 85 × 10 = 8.2352… → 8.24; 预算执行 262.4 ÷ 281 × 10 = 9.3380… → 9.34. Applicable 分值
    ///   41.67 + 30 + 10 + 10 = 91.67, scores 81.16, rescaled 81.16 × 100 ÷ 91.67 = 88.5349… → 88.53 (良).
    ///   budget 43.7 + 42 + 281 = 366.7; spent 43.7 + 39.6 + 262.4 = 345.7; rate 345.7 ÷ 366.7
    ///   = 0.942732… → 94.27 %; average (95.85 + 99.43 + 88.53) ÷ 3 = 283.81 ÷ 3 = 94.6033… → 94.60
    ///   (without the rescale, 81.16: 92.15); 优 2 良 1; findings 2 (JX615 未自评, JX301 carried over
    ///   to 垃圾分类督导员补助).
    @Test func rollUpOf2022AsComputedByHand() throws {
        let rollUp = DistrictRollUp(Self.district, year: 2022)
        #expect(rollUp.lines.map(\.name) == ["乙街道"])
        #expect(rollUp.projects == 4 && rollUp.assessed == 3 && rollUp.findings == 2)
        #expect(wan(rollUp.totalBudget) == "366.7" && wan(rollUp.totalSpent) == "345.7")
        #expect(rollUp.ratePercent?.fixed(2) == "94.27" && rollUp.averageScore?.fixed(2) == "94.60")
        #expect(Grade.allCases.map(rollUp.count) == [2, 1, 0, 0])
        #expect(rollUp.poor.isEmpty)
        let sorting = try #require(Self.district.units[0].dataSet.years[1].entries.first { $0.name == "垃圾分类督导员补助" }?.assessment)
        #expect(sorting.score.figures.total.fixed(2) == "88.53" && sorting.score.figures.grade == .good)
        let page = try Self.page("汇总/2022.html")
        #expect(page.grid(ofTableWithClass: "district-summary").dropFirst().first
            == ["1", "乙街道", "4", "3", "366.7", "345.7", "94.27%", "94.60", "2", "1", "0", "0", "2"])
    }

    @Test func rollUpPageShowsTheFiguresAndTheirSums() throws {
        let page = try Self.page("汇总/2021.html")
        let grid = page.grid(ofTableWithClass: "district-summary")
        #expect(grid.count == 4)
        #expect(grid[1] == ["1", "乙街道", "4", "4", "396.7", "371.2", "93.57%", "86.69", "2", "1", "1", "0", "1"])
        #expect(grid[2] == ["2", "甲街道", "14", "14", "5098.3", "4871.2", "95.55%", "87.21", "7", "4", "2", "1", "12"])
        #expect(grid[3] == ["合计", "18", "18", "5495", "5242.4", "95.40%", "87.09", "9", "5", "3", "1", "13"])
        #expect(page.grid(ofTableWithClass: "district-poor") == [["单位", "项目名称", "得分"], ["甲街道", "马家屯遮荫款", "46.79"]])
        // Two figures, in the report's style: a title, an axis with its ticks, a bar per unit.
        let svgs = page.elements("svg")
        #expect(svgs.count == 2)
        #expect(page.elements("title", under: svgs[0]).map(XHTMLPage.content) == ["各单位自评等级分布"])
        #expect(page.elements("title", under: svgs[1]).map(XHTMLPage.content) == ["各单位预算执行率"])
        #expect(page.elements("text", under: svgs[1]).map(XHTMLPage.content).filter { $0.hasSuffix("%") }
            == ["0%", "20%", "40%", "60%", "80%", "100%"])
        // 乙街道's shares: 优 2 of 4 = 150 units of the 300-unit bar, 良 and 中 75 each, after one another.
        let yiBars = page.elements("rect", under: svgs[0]).filter { page.attribute($0, "y") == "31" }
        #expect(yiBars.map { page.attribute($0, "width") } == ["150", "75", "75"])
        #expect(yiBars.map { page.attribute($0, "x") } == ["230", "380", "455"])
        let links = page.elements("a").compactMap { page.attribute($0, "href") }
        #expect(links.contains("../乙街道/2021/index.html") && links.contains("../甲街道/2021/自评/马家屯遮荫款.html"))
    }

    @Test func indexListsEveryUnitAndEveryRollUp() throws {
        let page = try Self.page("index.html")
        #expect(page.grid(ofTableWithClass: "district-units").map { $0.prefix(2) } == [["序号", "单位"], ["1", "乙街道"], ["2", "甲街道"]])
        let links = page.elements("a").compactMap { page.attribute($0, "href") }
        #expect(links == ["汇总/2021.html", "汇总/2022.html", "乙街道/2021/index.html", "乙街道/2022/index.html",
                          "乙街道/2022/年度对比.html", "甲街道/2021/index.html"])
    }

    /// Each unit's pages are those it has published alone, byte for byte, under its folder.
    @Test func eachUnitPublishesAsItWouldAlone() throws {
        let (scratch, report) = try Self.published.get()
        let alone = Scratch("alone")
        let options = PublishOptions(dataDirectory: Self.fixture.appendingPathComponent("甲街道").path,
                                     outputDirectory: alone.appendingPathComponent("output").path,
                                     templatesDirectory: Published.repository.appendingPathComponent("templates").path)
        let single = try Publisher.publish(options)
        #expect(!single.isDistrict && report.isDistrict)
        #expect(single.pages.count == 49)
        for page in single.pages {
            let own = try Data(contentsOf: alone.appendingPathComponent("output/" + page))
            let inDistrict = try Data(contentsOf: scratch.appendingPathComponent("output/甲街道/" + page))
            #expect(own == inDistrict, "\(page)")
        }
        #expect(report.pages.filter { $0.hasPrefix("甲街道/") }.count == 49)
    }

    /// A target lowered again: the republish renders the pages that show it, and its output is
    /// the full publish's, byte for byte, manifest included.
    @Test func republishingADistrictEqualsAFullPublish() throws {
        let scratch = Scratch("district-republish")
        let data = scratch.appendingPathComponent("data")
        try FileManager.default.copyItem(at: Self.fixture, to: data)
        func publish(_ out: String, full: Bool = false) throws -> PublishReport {
            var options = PublishOptions(dataDirectory: data.path, outputDirectory: scratch.appendingPathComponent(out).path,
                                         templatesDirectory: Published.repository.appendingPathComponent("templates").path)
            options.incremental = !full
            return try Publisher.publish(options)
        }
        _ = try publish("output")
        let file = data.appendingPathComponent("乙街道/2022/项目/墓穴安置经费.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "指标值: 80%以上", with: "指标值: 75%以上").write(to: file, atomically: true, encoding: .utf8)
        let again = try publish("output")
        // 乙街道/2022's pages made from that file: the project's goal table and 自评表, the annual
        // document, the index, the report, the review of goal tables (it quotes the target), the
        // comparison and the project's own comparison page. The roll-up and every other unit's and
        // year's pages are taken from the last publish.
        #expect(again.reusedPages == again.pageCount - 8)
        // Last year's goal rewritten: 2022's copy of it is no longer a copy. The 2022 pages that
        // count the copied texts (the project's goal table and 自评表) are made again too.
        let previous = data.appendingPathComponent("乙街道/2021/项目/墓穴安置经费.yaml")
        let previousText = try String(contentsOf: previous, encoding: .utf8)
        #expect(previousText.contains("  - 维护各村村民群众利益，保证社会稳定\n"))
        try previousText.replacingOccurrences(of: "  - 维护各村村民群众利益，保证社会稳定\n", with: "  - 维护村民群众利益\n")
            .write(to: previous, atomically: true, encoding: .utf8)
        _ = try publish("output")
        let page = try XHTMLPage(path: scratch.appendingPathComponent("output/乙街道/2022/自评/墓穴安置经费.html").path)
        #expect(page.text.contains("照抄上年的文字 2 处"))
        _ = try publish("full", full: true)
        #expect(try snapshot(of: scratch.appendingPathComponent("output")) == snapshot(of: scratch.appendingPathComponent("full")))
    }

    /// Today's single unit: the same pages at the same paths, no index of units, no roll-up.
    @Test func singleUnitPublishesTheSamePages() throws {
        let report = try Published.output.get().report
        #expect(!report.isDistrict)
        #expect(report.pages.allSatisfy { $0.hasPrefix("2021/") })
        #expect(report.pages.count == 49)
        #expect(!report.pages.contains { $0.contains(OutputLayout.comparisonPage) || $0.hasPrefix(OutputLayout.districtSummaryDirectory) })
    }

    // MARK: Several years

    @Test func projectsAreMatchedByCodeThenByName() throws {
        let yi = Self.district.units[0].dataSet.years
        let comparison = YearComparison(yi[1], previous: yi[0])
        #expect(comparison.projects.map(\.name) == ["信访维稳专项资金", "墓穴安置经费", "垃圾分类督导员补助"])
        #expect(comparison.projects.map(\.previousName) == ["信访维稳专项资金", "墓穴安置经费", "垃圾分类督导员经费"])
        #expect(comparison.projects.map(\.matchedBy) == [.name, .name, .code])
        #expect(comparison.added.map { yi[1].entries[$0].name } == ["社区工作者考核奖"])
        #expect(comparison.dropped.map { yi[0].entries[$0].name } == ["社区目标考核奖"])
    }

    @Test func changesFromTheYearBefore() throws {
        let yi = Self.district.units[0].dataSet.years
        let changes = YearComparison(yi[1], previous: yi[0]).projects
        let (petitions, graves, sorting) = (changes[0], changes[1], changes[2])

        // 30万元 → 36万元, and a 数量 cut from 26 to 20: fewer for more.
        #expect(petitions.budgetChanged && wan(petitions.previousBudget) == "30" && wan(petitions.budget) == "36")
        #expect(petitions.lowered.map(\.indicator.name) == ["维护和谐稳定的村居数量（个）"])
        #expect(petitions.lowered.map(\.kind) == [.smallerQuantityLargerBudget])
        #expect(petitions.lowered.map(\.previousText) == ["26"] && petitions.lowered.map(\.indicator.valueText) == ["20"])
        // Its purpose states the new budget; its second goal is last year's word for word.
        #expect(petitions.copied.map(\.field) == ["目标2"])

        // 满意度 85%以上 → 80%以上, the same budget, the purpose and both goals copied.
        #expect(!graves.budgetChanged)
        #expect(graves.lowered.map(\.indicator.name) == ["墓穴补贴领取群体满意度"] && graves.lowered.map(\.kind) == [.lowerTarget])
        #expect(graves.lowered.map(\.previousText) == ["85%以上"] && graves.lowered.map(\.indicator.valueText) == ["80%以上"])
        #expect(graves.copied.map(\.field) == ["项目资金主要用途", "目标1", "目标2"])
        #expect(graves.addedIndicators.isEmpty && graves.removedIndicators.isEmpty)

        // Renamed, matched by its code: 90% → 85%, one indicator replaced by another.
        #expect(sorting.lowered.map(\.indicator.name) == ["聘请垃圾分类督导员完成率"] && sorting.lowered.map(\.kind) == [.lowerTarget])
        #expect(sorting.addedIndicators.map(\.name) == ["垃圾分类宣传活动次数"])
        #expect(sorting.removedIndicators.map(\.name) == ["完成垃圾分类亭制作社区数"])
    }

    /// A matched project's goal table and 自评表 say, above the form, what its comparison page
    /// shows, and link to it; a project with none last year, or a year with none before, says nothing.
    @Test func projectPagesShowWhatChanged() throws {
        func changeLine(_ path: String) throws -> (text: String, href: String?)? {
            let page = try Self.page(path)
            return page.elements("p").first { page.attribute($0, "class") == "changes-line" }.map { line in
                (XHTMLPage.content(line), page.elements("a", under: line).first.flatMap { page.attribute($0, "href") })
            }
        }
        let sorting = try #require(try changeLine("乙街道/2022/项目/垃圾分类督导员补助.html"))
        #expect(sorting.text == "与2021年度相比：预算不变，新增指标 1 个，删去指标 1 个，目标值降低 1 处，照抄上年的文字 3 处。查看与上年的对比")
        #expect(sorting.href == "../对比/垃圾分类督导员补助.html")
        let petitions = try #require(try changeLine("乙街道/2022/项目/信访维稳专项资金.html"))
        #expect(petitions.text == "与2021年度相比：预算 30万元 → 36万元（+6万元），目标值降低 1 处，照抄上年的文字 1 处。查看与上年的对比")
        // The 自评表 says the same, from its own folder.
        let graves = try #require(try changeLine("乙街道/2022/自评/墓穴安置经费.html"))
        #expect(graves.text == "与2021年度相比：预算不变，目标值降低 1 处，照抄上年的文字 3 处。查看与上年的对比")
        #expect(graves.href == "../对比/墓穴安置经费.html")
        #expect(try changeLine("乙街道/2022/项目/墓穴安置经费.html")?.text == graves.text)
        #expect(try changeLine("乙街道/2022/项目/社区工作者考核奖.html") == nil)
        #expect(try changeLine("乙街道/2021/项目/墓穴安置经费.html") == nil)
    }

    /// The Sichuan forms carry the line too: 乙街道 alone, its 2022 unit file asking for them.
    @Test func sichuanPagesShowWhatChanged() throws {
        let scratch = Scratch("district-sichuan")
        let data = scratch.appendingPathComponent("data")
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("乙街道"), to: data)
        let unitFile = data.appendingPathComponent("2022/部门整体绩效目标.yaml")
        try (String(contentsOf: unitFile, encoding: .utf8) + "版式: 四川\n").write(to: unitFile, atomically: true, encoding: .utf8)
        let options = PublishOptions(dataDirectory: data.path, outputDirectory: scratch.appendingPathComponent("output").path,
                                     templatesDirectory: Published.repository.appendingPathComponent("templates").path)
        _ = try Publisher.publish(options)
        for (path, title) in [("2022/项目/墓穴安置经费.html", "墓穴安置经费项目支出绩效目标表"),
                              ("2022/自评/墓穴安置经费.html", "墓穴安置经费部门预算项目支出绩效自评表")] {
            let page = try XHTMLPage(path: scratch.appendingPathComponent("output/" + path).path)
            #expect(page.elements("title").map(XHTMLPage.content) == [title], "\(path) is not a Sichuan form")
            let line = try #require(page.elements("p").first { page.attribute($0, "class") == "changes-line" }, "\(path)")
            #expect(XHTMLPage.content(line) == "与2021年度相比：预算不变，目标值降低 1 处，照抄上年的文字 3 处。查看与上年的对比")
        }
    }

    /// The review of 乙街道's 2022 says what the comparison says: the lowered targets (JX820),
    /// the indicator dropped and the one added (JX823, JX824), the texts copied (JX825), each at
    /// its line; and the review page lists them.
    @Test func reviewOf2022ReportsTheChanges() throws {
        let unit = ReviewUnit(name: "乙街道", years: Self.district.units[0].dataSet.years)
        let year = try #require(Reviewer.review([unit]).units.first?.years.first)
        #expect(year.year == 2022 && year.previousYear == 2021)
        func found(_ project: String) -> [String] {
            year.projects.first { $0.name == project }!.findings.filter { $0.code.rawValue.hasPrefix("JX82") }
                .map { "\($0.code.rawValue)@\($0.mark?.line ?? 0):\($0.mark?.column ?? 0)" }
        }
        #expect(found("墓穴安置经费") == ["JX825@5:7", "JX825@14:5", "JX825@15:5", "JX821@42:14", "JX821@48:14", "JX820@48:14"])
        #expect(found("信访维稳专项资金") == ["JX825@15:5", "JX820@21:14"])
        #expect(found("垃圾分类督导员补助") == ["JX825@5:7", "JX825@19:5", "JX825@20:5", "JX823@23:5", "JX824@28:13", "JX821@35:14",
                                            "JX820@35:14"])
        #expect(found("社区工作者考核奖").isEmpty)
        let page = try Self.page("乙街道/2022/绩效目标审核.html")
        let tally = page.grid(ofTableWithClass: "review-tally")
        for code in ["JX820", "JX823", "JX824", "JX825"] { #expect(tally.contains { $0.first == code }, "\(code)") }
        #expect(page.text.contains("JX823 上年的指标本年删去（第 23 行）：上年（2021年）的指标“完成垃圾分类亭制作社区数”"))
    }

    /// The later deadline and the looser ceiling, on two tables written here: the 2021 data
    /// has every deadline at 12月底.
    @Test func laterDeadlinesAndLooserCeilings() throws {
        func project(_ deadline: String, _ ceiling: String, budget: String) throws -> Project {
            let text = """
                项目名称: 测试项目
                资金用途: 预算数\(budget)万元。
                预算:
                  合计: \(budget)万元
                  来源:
                    财政资金: \(budget)万元
                资金支出计划: [25%, 50%, 75%, 100%]
                绩效目标:
                  - 按时完成
                绩效指标:
                  产出指标:
                    时效指标:
                      - 名称: 项目完成时限
                        描述: 项目完成时限
                        指标值: \(deadline)
                        依据: 工作经验
                    成本指标:
                      - 名称: 办结时间
                        描述: 办结时间
                        指标值: \(ceiling)
                        依据: 工作经验
                """
            return try #require(ProjectDecoder.decode(SourceFile(path: "测试项目.yaml", text: text)).value)
        }
        let before = try project("2021年6月30日前", "不超过5个工作日", budget: "10")
        let same = try project("2022年6月30日前", "不超过5个工作日", budget: "10")
        let later = try project("2022年9月30日前", "不超过7个工作日", budget: "10")
        #expect(YearComparison.changes(same, previous: before, yearsApart: 1).lowered.isEmpty)
        let changed = YearComparison.changes(later, previous: before, yearsApart: 1)
        #expect(changed.lowered.map(\.kind) == [.laterDeadline, .higherCeiling])
        #expect(changed.copied.map(\.field) == ["项目资金主要用途", "目标1"])
    }

    @Test func comparisonPagesShowTheChanges() throws {
        let page = try Self.page("乙街道/2022/年度对比.html")
        #expect(page.text.contains("乙街道：2022年度4个项目，其中3个与2021年度的项目对应"))
        #expect(page.grid(ofTableWithClass: "changes").dropFirst().first == ["产出指标 · 数量指标维护和谐稳定的村居数量（个）", "26", "20", "数量减少而预算增加"])
        #expect(page.text.contains("预算：30万元 → 36万元（+6万元）"))
        let links = page.elements("a").compactMap { page.attribute($0, "href") }
        #expect(links.contains("对比/墓穴安置经费.html") && links.contains("../2021/项目/社区目标考核奖.html")
            && links.contains("项目/社区工作者考核奖.html"))
        let single = try Self.page("乙街道/2022/对比/墓穴安置经费.html")
        #expect(single.grid(ofTableWithClass: "changes") == [["指标", "上年指标值", "本年指标值", "变化"],
                                                             ["满意度指标 · 服务对象满意度指标墓穴补贴领取群体满意度", "85%以上", "80%以上", "目标值降低"]])
        let singleLinks = single.elements("a").compactMap { single.attribute($0, "href") }
        #expect(singleLinks.contains("../项目/墓穴安置经费.html") && singleLinks.contains("../../2021/项目/墓穴安置经费.html"))
        // The year's index lists the comparison.
        let index = try Self.page("乙街道/2022/index.html")
        #expect(index.elements("a").contains { index.attribute($0, "href") == "年度对比.html" })
    }
}
