import Foundation
import JixiaoDiagnostics
import JixiaoPublish
import Testing
import JixiaoData
import JixiaoImport
import JixiaoExport
import JixiaoRender

/// The corpus of invalid files (Fixtures/invalid/2021) and their near-misses
/// (Fixtures/valid/2021). Each file's first line states what `jixiao check` must report:
/// `# 期望: JX104@29:9 JX201@2:1` — every code at its exact line and column — or `# 期望: 无`.
@Suite("Checker corpus")
struct CheckCorpusTests {
    static func files(_ folder: String) -> [URL] {
        let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
            .appendingPathComponent(folder).appendingPathComponent("2021")
        return ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static let invalid = files("invalid")
    static let valid = files("valid")

    /// What the header line promises, sorted.
    static func expectation(_ url: URL) throws -> [String] {
        let data = try Data(contentsOf: url)
        let firstLine = data.prefix { $0 != UInt8(ascii: "\n") }
        let text = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let header = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let marker = "# 期望: "
        if let range = header.range(of: marker) {
            let rest = header[range.upperBound...]
            return rest == "无" ? [] : rest.split(separator: " ").map(String.init).sorted()
        }
        // GB18030-encoded fixture: its header is not UTF-8.
        let gb = String(decoding: firstLine.filter { $0 < 0x80 }, as: UTF8.self)
        return gb.split(separator: " ").filter { $0.hasPrefix("JX") }.map(String.init).sorted()
    }

    static func findings(_ url: URL) -> [String] {
        DataSetLoader.load(directory: url.path).diagnostics
            .filter { $0.code != .fileNameMismatch }   // fixture names are not project names
            .map { "\($0.code.rawValue)@\($0.mark?.line ?? 0):\($0.mark?.column ?? 0)" }
            .sorted()
    }

    @Test func corpusIsLargeEnough() {
        #expect(Self.invalid.count >= 60)
        #expect(Self.valid.count >= 10)
    }

    @Test(arguments: invalid)
    func invalidFileGetsExactlyItsFindings(_ url: URL) throws {
        let expected = try Self.expectation(url)
        #expect(!expected.isEmpty, "\(url.lastPathComponent) states no expectation")
        #expect(Self.findings(url) == expected, "\(url.lastPathComponent)")
    }

    @Test(arguments: valid)
    func nearMissHasNoFinding(_ url: URL) throws {
        #expect(try Self.expectation(url) == [])
        #expect(Self.findings(url) == [], "\(url.lastPathComponent)")
    }

    @Test func everyRuleHasAFailingFixture() throws {
        let covered = Set(try Self.invalid.flatMap { try Self.expectation($0) }.map { String($0.prefix(5)) })
        // These need several files, a directory, a failing disk or an output directory: the
        // data directory, publish, hostile-data and district tests cover them (JX908-JX910: DistrictTests).
        // JX6xx and JX7xx concern results and monitoring files, which need their goal table
        // beside them: the self-assessment and monitoring tests cover each of them. JX8xx is
        // `jixiao review`'s, never `check`'s: JixiaoReviewTests has a fixture for each.
        let notInCorpus = Set(["JX116", "JX211", "JX901", "JX902", "JX903", "JX904", "JX905", "JX906", "JX908", "JX909", "JX910"]
            + DiagnosticCode.all.map(\.rawValue).filter { $0.hasPrefix("JX6") || $0.hasPrefix("JX7") || $0.hasPrefix("JX8") })
        let missing = DiagnosticCode.all.map(\.rawValue).filter { !covered.contains($0) && !notInCorpus.contains($0) }
        #expect(missing.isEmpty, "no failing fixture for \(missing)")
    }

    @Test func everyCodeIsDocumented() throws {
        let docs = try String(contentsOf: Published.repository.appendingPathComponent("docs/检查规则.md"), encoding: .utf8)
        for code in DiagnosticCode.all {
            #expect(docs.contains("| \(code.rawValue) |"), "\(code.rawValue) missing from docs/检查规则.md")
        }
    }
}

@Suite("Checker on the 2021 data")
struct SeedFindingsTests {
    /// The seed's own slips, each found, each pointing at its line, each acknowledged as
    /// 原文如此 — and nothing else: no false alarms on consistent tables.
    @Test func exactlyTheSeedsKnownFindings() {
        let dataSet = DataSetLoader.load(directory: Published.repository.appendingPathComponent("data").path)
        let found = dataSet.diagnostics.map {
            "\(($0.path as NSString).lastPathComponent):\($0.mark?.line ?? 0) \($0.severity.rawValue) \($0.code.rawValue) \($0.message)"
        }.sorted()
        #expect(found == [
            "垃圾分类督导员经费.yaml:8 warning JX301 明细合计 279.93万元 与预算合计 281万元 不符（差 1.07万元）（已标注“原文如此”）",
            "村干部及村官考核奖和离任村干部补贴.yaml:17 warning JX304 金额写作 25.55元，但计算“5000元/人 × 21人 + 3500元/人 × 43人”得 25.55万元：单位应为“万元”（已标注“原文如此”）",
            "村干部及村官考核奖和离任村干部补贴.yaml:23 warning JX303 按“万元”计算“26人 × 0.36元/年”得 9.36万元，与金额 9.96万元 不符（差 0.6万元）（已标注“原文如此”）",
            "村干部及村官考核奖和离任村干部补贴.yaml:24 warning JX304 计算“26人 × 0.36元/年”中的单位“元”应为“万元”：按“元”计算只得 9.36元，与金额 9.96万元 相差上万倍（已标注“原文如此”）",
            "村干部及村官考核奖和离任村干部补贴.yaml:8 warning JX301 明细合计 43.21万元 与预算合计 43.3万元 不符（差 0.09万元）（已标注“原文如此”）",
            "村干部工资、保险和聘用人员工资.yaml:8 warning JX301 明细合计 258.28万元 与预算合计 154万元 不符（差 104.28万元）（已标注“原文如此”）",
            "综合服务中心建设经费.yaml:14 warning JX303 计算“427.8万元 + 183万元 - 400万元”得 210.8万元，与金额 210万元 不符（差 0.8万元）（已标注“原文如此”）",
            // The sample monitoring's own (监控/; figures in MonitoringTests).
            "墓穴安置经费.yaml:8 warning JX707 截至2021年7月31日执行率 25.00%，按资金支出计划应达到 58.42%，落后 33.42 个百分点（预警线 10 个百分点）",
            "墓穴安置经费.yaml:13 warning JX708 执行进度落后计划 33.42 个百分点（超过预警线的 2 倍），却有 3 个指标填报“确定能”完成",
            "征地拆迁补偿款.yaml:8 warning JX707 截至2021年7月31日执行率 44.00%，按资金支出计划应达到 58.42%，落后 14.42 个百分点（预警线 10 个百分点）",
            "社区目标考核奖.yaml:8 warning JX707 截至2021年7月31日执行率 0.00%，按资金支出计划应达到 58.42%，落后 58.42 个百分点（预警线 10 个百分点）",
            "社区目标考核奖.yaml:13 warning JX708 执行进度落后计划 58.42 个百分点（超过预警线的 2 倍），却有 6 个指标填报“确定能”完成",
        ].sorted())
        #expect(dataSet.errorCount == 0)
        #expect(dataSet.fileCount == 15 + 14 + 15)
    }

    /// Without the 原文如此 marks the same slips are errors that block publishing.
    @Test func unacknowledgedSlipIsAnError() throws {
        let directory = TestFolder.fresh("jixiao-ack").appendingPathComponent("2021/项目")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let source = Published.repository.appendingPathComponent("data/2021/项目/综合服务中心建设经费.yaml")
        let text = try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "原文如此", with: "见原文")
        try text.write(to: directory.appendingPathComponent("综合服务中心建设经费.yaml"), atomically: true, encoding: .utf8)
        let dataSet = DataSetLoader.load(directory: directory.deletingLastPathComponent().path)
        #expect(dataSet.diagnostics.map(\.headline).map { $0.components(separatedBy: ": ").dropFirst().joined(separator: ": ") }
                == ["错误 JX303: 计算“427.8万元 + 183万元 - 400万元”得 210.8万元，与金额 210万元 不符（差 0.8万元）"])
    }
}

@Suite("Data directory rules")
struct DataDirectoryTests {
    private func directory(_ files: [String: String]) throws -> URL {
        let root = TestFolder.fresh("jixiao-dir")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    private var projectText: String {
        get throws { try String(contentsOf: Published.repository.appendingPathComponent("data/2021/项目/村委会办公场所租赁费.yaml"), encoding: .utf8) }
    }

    @Test func duplicateNamesAndCodesAcrossFiles() throws {
        let coded = try projectText.replacingOccurrences(of: "项目编码: \"\"", with: "项目编码: A01")
        let root = try directory(["2021/项目/村委会办公场所租赁费.yaml": coded, "2021/项目/副本.yaml": coded])
        let codes = DataSetLoader.load(directory: root.path).diagnostics.map(\.code.rawValue).sorted()
        #expect(codes == ["JX902", "JX903"])
        let renamed = coded.replacingOccurrences(of: "项目名称: 村委会办公场所租赁费", with: "项目名称: 副本")
        let second = try directory(["2021/项目/村委会办公场所租赁费.yaml": coded, "2021/项目/副本.yaml": renamed])
        #expect(DataSetLoader.load(directory: second.path).diagnostics.map(\.code.rawValue) == ["JX211"])
    }

    @Test func projectFilesAloneAreAValidDataSet() throws {
        let root = try directory(["2021/项目/村委会办公场所租赁费.yaml": try projectText])
        let dataSet = DataSetLoader.load(directory: root.path)
        #expect(dataSet.diagnostics.isEmpty)
        #expect(dataSet.years.first?.department == nil)
        #expect(dataSet.years.first?.entries.count == 1)
    }

    @Test func emptyDirectoryIsNamed() throws {
        let root = try directory(["说明.txt": "x"])
        #expect(DataSetLoader.load(directory: root.path).diagnostics.map(\.code.rawValue) == ["JX901"])
    }

    @Test func gb18030FileIsDetectedAndReadOnRequest() throws {
        let url = Self.gbFixture
        let plain = DataSetLoader.load(directory: url.path).diagnostics.map(\.message)
        #expect(plain == ["文件是 GBK/GB18030 编码（记事本中的“ANSI”），不是 UTF-8"])
        let converted = DataSetLoader.load(directory: url.path, encoding: .gb18030)
        #expect(converted.diagnostics.filter { $0.code != .fileNameMismatch }.isEmpty)
        #expect(converted.years.first?.entries.first?.name == "村级组织经费")
    }

    static var gbFixture: URL {
        CheckCorpusTests.invalid.first { $0.lastPathComponent.contains("GBK") }!
    }
}
