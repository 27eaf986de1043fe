import Foundation
import JixiaoData
import JixiaoDiagnostics
import JixiaoReview
import Testing

@Suite("Review of the 2021 data")
struct SeedReviewTests {
    static let report = Reviewer.review(ReviewUnit.units(of: District(unit: DataSetLoader.load(directory: ReviewFixtures.repository.appendingPathComponent("data").path))))

    static var found: [String] {
        ReviewFixtures.findings(report).map { "\(($0.path as NSString).lastPathComponent):\($0.mark?.line ?? 0):\($0.mark?.column ?? 0) \($0.code.rawValue)" }
    }

    @Test func oneUnitNamedByItsDepartmentFile() throws {
        let unit = try #require(Self.report.units.first)
        #expect(Self.report.units.count == 1)
        #expect(unit.name == "街道办事处")
        #expect(unit.years.map(\.year) == [2021])
        #expect(unit.years[0].previousYear == nil)
        #expect(unit.years[0].projects.count == 14)
    }

    /// Real findings: eight tables give the budget's completion rate as their only 成本指标,
    /// eighteen counts have no unit; nothing else (the seed states its deadlines, 满意度 of 85%
    /// and more, and its unit costs and counts agree with its breakdowns).
    @Test func realFindings() {
        let found = Self.found
        #expect(found.count == 26)
        #expect(found.filter { $0.hasSuffix("JX803") }.count == 8)
        #expect(found.filter { $0.hasSuffix("JX810") }.count == 18)
        for expected in ["信访维稳专项资金.yaml:36:14 JX803", "综合服务中心建设经费.yaml:40:14 JX803",
                         "垃圾分类督导员经费.yaml:26:14 JX810", "综合行政执法人员统一制式服装费.yaml:46:14 JX810",
                         "村级组织经费.yaml:29:14 JX810"] {
            #expect(found.contains(expected), "\(expected)")
        }
    }

    /// Near misses in real tables: 垃圾分类督导员 9600元 a year each is 269人 × 800元/人/月 × 12月
    /// ÷ 269人, and its 269 督导员 are the breakdown's; 74 村干部 are 3 + 6 + 21 + 43 + 1 of three items.
    @Test func realTablesThatAgree() {
        #expect(!Self.found.contains { $0.hasSuffix("JX830") || $0.hasSuffix("JX831") })
        #expect(!Self.found.contains { $0.hasPrefix("综合行政执法人员统一制式服装费.yaml:40:") })
    }
}

@Suite("Review output")
struct ReviewOutputTests {
    static let report = ReviewFixtures.review("JX811-触发-含糊用语")
    static let twoYears = ReviewFixtures.review("JX820-触发-目标降低与时限推迟")

    @Test func jsonReadsBack() throws {
        let document = ReviewDocument(Self.twoYears)
        let data = try document.encoded()
        #expect(try JSONDecoder().decode(ReviewDocument.self, from: data) == document)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["findings"] as? Int == 4)
        #expect(json["projects"] as? Int == 1)
        let year = try #require(((json["units"] as? [[String: Any]])?.first?["years"] as? [[String: Any]])?.first)
        #expect(year["year"] as? Int == 2021)
        #expect(year["previousYear"] as? Int == 2020)
        let finding = try #require(((year["projects"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?.first)
        #expect(finding["code"] as? String == "JX820")
        #expect(finding["title"] as? String == "指标值比上年目标降低")
        #expect(finding["line"] as? Int == 21)
        #expect(finding["column"] as? Int == 14)
        #expect((finding["file"] as? String)?.hasSuffix("/2021/项目/社区督导员经费.yaml") == true)
    }

    /// No previous year is written out as null, not left out.
    @Test func jsonStatesAMissingPreviousYear() throws {
        let text = String(decoding: try ReviewDocument(Self.report).encoded(), as: UTF8.self)
        #expect(text.contains("\"previousYear\" : null"))
    }

    @Test func csvReadsBack() throws {
        let text = ReviewCSV.text(Self.report)
        #expect(text.hasPrefix("\u{FEFF}"))
        let rows = try CSV.parse(String(text.dropFirst()))
        #expect(rows.count == 2)
        #expect(rows[0] == ReviewCSV.header)
        let row = rows[1]
        #expect(row.count == ReviewCSV.header.count)
        #expect(Array(row[1...5]) == ["2021", "社区督导员经费", "SQ-001", "JX811", "指标值用语含糊"])
        #expect(Array(row[7...8]) == ["42", "14"])
        // The value holds a comma and straight quotes: the field is quoted, its quotes doubled.
        #expect(row[9] == "指标值“进一步\"明显\"提高, 逐步养成习惯”用了“明显”“进一步”“逐步”，年末无法据以判断是否完成")
        #expect(text.contains("\"指标值“进一步\"\"明显\"\"提高, 逐步养成习惯”"))
        #expect(text.hasSuffix("\r\n"))
    }
}

/// An RFC 4180 reader: CRLF between records, quoted fields with doubled quotes.
enum CSV {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return scalars.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": guard field.isEmpty else { throw Malformed() }; quoted = true
            case ",": row.append(field); field = ""
            case "\r": guard next() == "\n" else { throw Malformed() }; row.append(field); rows.append(row); (row, field) = ([], "")
            case "\n": throw Malformed()
            default: field.unicodeScalars.append(scalar)
            }
        }
        guard !quoted, field.isEmpty, row.isEmpty else { throw Malformed() }
        return rows
    }
}

@Suite("Review rules page")
struct ReviewDocsTests {
    /// docs/审核规则.md states every rule and its source, and sends the reader nowhere a clone lacks.
    @Test func everyReviewCodeIsDocumentedWithItsSource() throws {
        let page = try String(contentsOf: ReviewFixtures.repository.appendingPathComponent("docs/审核规则.md"), encoding: .utf8)
        #expect(!page.contains("REFERENCE"))
        for code in DiagnosticCode.all where code.rawValue.hasPrefix("JX8") {
            let row = try #require(page.split(separator: "\n").first { $0.hasPrefix("| \(code.rawValue) | \(code.title) |") },
                                   "\(code.rawValue) missing from docs/审核规则.md")
            #expect(row.contains("财预〔") || row.contains("地方审核"), "\(code.rawValue) names no source")
        }
        for word in ["较好", "进一步", "逐步", "力争", "基本"] { #expect(page.contains(word)) }
    }
}
