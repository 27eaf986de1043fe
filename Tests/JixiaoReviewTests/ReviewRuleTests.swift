import Foundation
import JixiaoData
import JixiaoDiagnostics
import JixiaoReview
import Testing

/// The review fixtures (Tests/Fixtures/review/<case>/<年度>/项目/*.yaml): every case is a data
/// folder of one or two years. The first line of each file of the latest year states what
/// `jixiao review` must report there — `# 期望: JX820@21:14 JX820@26:14`, or `# 期望: 无`.
/// Cases are named `<code>-触发-…` (triggers the rule) or `<code>-险些-…` (a near miss).
enum ReviewFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("Tests/Fixtures/review")

    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// What the headers of the latest year's goal tables promise, sorted.
    static func expectation(_ name: String) throws -> [String] {
        let years = try FileManager.default.contentsOfDirectory(atPath: path(name)).sorted()
        let projects = folder.appendingPathComponent(name).appendingPathComponent(years.last!).appendingPathComponent("项目")
        return try FileManager.default.contentsOfDirectory(atPath: projects.path).flatMap { file -> [String] in
            let text = try String(contentsOf: projects.appendingPathComponent(file), encoding: .utf8)
            let header = String(text.prefix { $0 != "\n" })
            let promise = try #require(header.range(of: "# 期望: ").map { header[$0.upperBound...] }, "\(name)/\(file) states no expectation")
            return promise == "无" ? [] : promise.split(separator: " ").map(String.init)
        }.sorted()
    }

    static func load(_ name: String) -> DataSet {
        DataSetLoader.load(directory: path(name))
    }

    static func review(_ name: String, year: Int? = nil) -> ReviewReport {
        Reviewer.review(ReviewUnit.units(of: District(unit: load(name))), year: year)
    }

    static func findings(_ report: ReviewReport) -> [Diagnostic] {
        report.units.flatMap { $0.years.flatMap { $0.projects.flatMap(\.findings) } }
    }
}

@Suite("Review rules on their fixtures")
struct ReviewRuleTests {
    static let reviewCodes = DiagnosticCode.all.filter { $0.rawValue.hasPrefix("JX8") }

    @Test(arguments: ReviewFixtures.cases)
    func fixtureGetsExactlyItsFindings(_ name: String) throws {
        let dataSet = ReviewFixtures.load(name)
        #expect(dataSet.errorCount == 0, "\(name) does not pass jixiao check: \(dataSet.diagnostics.map(\.headline))")
        let found = ReviewFixtures.findings(ReviewFixtures.review(name)).map {
            "\($0.code.rawValue)@\($0.mark?.line ?? 0):\($0.mark?.column ?? 0)"
        }.sorted()
        #expect(found == (try ReviewFixtures.expectation(name)), "\(name)")
    }

    @Test func everyRuleHasATriggerAndANearMiss() throws {
        #expect(Self.reviewCodes.count == 15)
        for code in Self.reviewCodes.map(\.rawValue) {
            let triggers = ReviewFixtures.cases.filter { $0.hasPrefix(code + "-触发-") }
            let nearMisses = ReviewFixtures.cases.filter { $0.hasPrefix(code + "-险些-") }
            #expect(!triggers.isEmpty, "no fixture triggers \(code)")
            #expect(!nearMisses.isEmpty, "no near miss for \(code)")
            for name in triggers { #expect(try ReviewFixtures.expectation(name).contains { $0.hasPrefix(code + "@") }, "\(name)") }
            for name in nearMisses { #expect(try ReviewFixtures.expectation(name).isEmpty, "\(name)") }
        }
    }

    /// Every finding is advice: a warning, never an error.
    @Test func findingsAreWarnings() {
        let all = ReviewFixtures.cases.flatMap { ReviewFixtures.findings(ReviewFixtures.review($0)) }
        #expect(!all.isEmpty)
        #expect(all.allSatisfy { $0.severity == .warning })
    }

    /// The messages give both sides: the two years' values, the budget that grew, the
    /// computation behind a unit cost, the file and line to look at.
    @Test func messagesStateBothSides() {
        func messages(_ name: String) -> [String] {
            ReviewFixtures.findings(ReviewFixtures.review(name)).map { "\($0.message)｜\($0.hint ?? "")" }
        }
        let lowered = messages("JX820-触发-目标降低与时限推迟")
        #expect(lowered.count == 4)
        #expect(lowered[0].hasPrefix("指标值“25人”比上年目标“28人”降低，预算却由 28万元 增至 30万元｜上年（2020年）目标见 "))
        #expect(lowered[0].hasSuffix("JX820-触发-目标降低与时限推迟/2020/项目/社区督导员经费.yaml:21；降低目标须在依据中说明理由"))
        #expect(lowered[2].hasPrefix("完成时限“2021年12月底前”比上年“2020年6月30日前”推迟"))
        #expect(lowered[3].hasPrefix("指标值“低于5%”比上年目标“低于3%”放宽"))
        let actual = messages("JX821-触发-低于上年实际")
        #expect(actual.count == 1)
        #expect(actual[0].hasPrefix("指标值“95%以上”低于上年实际完成值“98”｜上年（2020年）自评见 "))
        #expect(actual[0].contains("/2020/自评/社区督导员经费.yaml:"))
        let dropped = messages("JX823-触发-删去上年的指标")
        #expect(dropped == ["上年（2020年）的指标“督导员培训合格率”（产出指标 · 质量指标，目标“100%”）本年没有｜上年目标见 "
                            + ReviewFixtures.path("JX823-触发-删去上年的指标") + "/2020/项目/社区督导员经费.yaml:28；"
                            + "删去指标须说明理由（已经完成、改由其他指标反映），不宜删去没有完成或不易完成的指标"])
        #expect(messages("JX824-触发-新增指标").first?.hasPrefix("新增指标“督导员培训合格率”（目标“100%”），上年（2020年）目标表没有｜新增指标没有上年目标可比") == true)
        #expect(messages("JX825-触发-照抄上年的绩效目标") == [
            "目标1与上年（2020年）目标表一字不差：“聘请社区督导员，引导居民正确分类投放垃圾”｜上年见 "
                + ReviewFixtures.path("JX825-触发-照抄上年的绩效目标") + "/2020/项目/社区督导员经费.yaml:15；按本年的任务和资金写明本年要达到的目标，不照抄上年",
        ])
        #expect(messages("JX830-触发-人均与测算不符") == [
            "成本指标“督导员年人均补助（元）”为 10000元，按资金测算“25人 × 1000元/人/月 × 12月”为 12000元（30万元 ÷ 25人）｜单位成本应与资金用途中“社区督导员补助”的测算一致",
        ])
        #expect(messages("JX831-触发-人数与测算不符") == [
            "数量指标“聘请督导员人数”为 30人，资金测算中的数量是：社区督导员补助 25人｜数量指标应与资金用途中测算的数量一致（可以是几项明细之和）",
        ])
        #expect(messages("JX803-触发-预算执行率当成本指标")[0].hasPrefix("成本指标“该项目预算资金的完成率 95%”不以元或万元计量"))
    }

    /// The latest year by default; `--year` another; a year no unit has, nothing.
    @Test func yearSelection() throws {
        let name = "JX820-触发-目标降低与时限推迟"
        let latest = try #require(ReviewFixtures.review(name).units.first?.years.first)
        #expect((latest.year, latest.previousYear) == (2021, 2020))
        let earlier = try #require(ReviewFixtures.review(name, year: 2020).units.first?.years.first)
        #expect((earlier.year, earlier.previousYear) == (2020, nil))
        #expect(!earlier.projects.flatMap(\.findings).contains { $0.code == .reviewBelowLastTarget })
        #expect(ReviewFixtures.review(name, year: 2019).units.isEmpty)
    }

    /// The counterpart: same 项目编码, else (neither has one) the same name; only the year before.
    @Test func previousYearCounterpart() throws {
        func counterpartName(_ name: String) throws -> String? {
            let dataSet = ReviewFixtures.load(name)
            let lookup = PreviousYearLookup(years: dataSet.years)
            let project = try #require(dataSet.years.last?.entries.first?.project)
            return lookup.counterpart(of: project, in: 2021)?.project.name.value
        }
        #expect(try counterpartName("JX820-险些-改名后按编码对应且目标未降低") == "社区垃圾分类督导员经费")
        #expect(try counterpartName("JX820-触发-没有编码时按名称对应") == "社区督导员经费")
        #expect(try counterpartName("JX820-险些-编码不同不是同一项目") == nil)
        #expect(try counterpartName("基准-险些-各项齐全") == nil)
    }
}
