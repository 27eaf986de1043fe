import Foundation
import JixiaoDiagnostics
import JixiaoModel
import JixiaoPublish
import JixiaoScore
import Testing
import JixiaoData
import JixiaoImport
import JixiaoExport
import JixiaoRender

/// Results files beside their goal tables: the rules that need both (JX6xx) and 未自评.
@Suite("Self-assessment data")
struct SelfAssessmentDataTests {
    static let goalTable = "村委会办公场所租赁费"

    /// A 2021 directory with one goal table and the given files under 自评/.
    private func dataSet(_ results: [String: String], department: Bool = false, keepSources: Bool = true) throws -> DataSet {
        let root = TestFolder.fresh("jixiao-sa")
        let year = root.appendingPathComponent("2021")
        let data = Published.repository.appendingPathComponent("data/2021")
        try FileManager.default.createDirectory(at: year.appendingPathComponent("项目"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: year.appendingPathComponent("自评"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: data.appendingPathComponent("项目/\(Self.goalTable).yaml"),
                                         to: year.appendingPathComponent("项目/\(Self.goalTable).yaml"))
        if department {
            try FileManager.default.copyItem(at: data.appendingPathComponent("部门整体绩效目标.yaml"),
                                             to: year.appendingPathComponent("部门整体绩效目标.yaml"))
        }
        for (name, text) in results {
            try text.write(to: year.appendingPathComponent("自评/\(name)"), atomically: true, encoding: .utf8)
        }
        return DataSetLoader.load(directory: root.path, keepSources: keepSources)
    }

    private var sample: String {
        get throws {
            try String(contentsOf: Published.repository.appendingPathComponent("data/2021/自评/\(Self.goalTable).yaml"), encoding: .utf8)
        }
    }

    private func codes(_ dataSet: DataSet) -> [String] { dataSet.diagnostics.map(\.code.rawValue).sorted() }

    @Test func projectWithoutResultsIsListedNotScored() throws {
        let set = try dataSet(["说明.txt": "尚未开始自评"])
        #expect(codes(set) == ["JX615"])
        let year = try #require(set.years.first)
        #expect(year.assessment != nil && year.entries.count == 1 && year.entries[0].assessment == nil)
        let summary = try #require(year.summary)
        #expect(summary.averageScore == nil, "未自评 never counts as a zero")
        #expect(summary.notAssessedCount == 1)
    }

    @Test func noResultsDirectoryMeansNoSelfAssessmentYet() throws {
        let set = DataSetLoader.load(directory: Published.repository.appendingPathComponent("data").path)
        #expect(set.years.first?.entries.compactMap(\.assessment).count == 14)
    }

    @Test func resultsForAnUnknownProject() throws {
        let text = try sample.replacingOccurrences(of: "项目名称: \(Self.goalTable)", with: "项目名称: 村委会办公场所租凭费")
        #expect(codes(try dataSet(["x.yaml": text])) == ["JX601", "JX615"])
    }

    /// Two results files naming one project: the first by name is scored and the second is
    /// reported (JX620), not silently put in its place, whether the data is loaded to be checked
    /// (models kept) or to be published (models let go).
    @Test func aSecondResultsFileNamingAProjectIsReported() throws {
        let later = try sample.replacingOccurrences(of: "全年执行数: 20万元", with: "全年执行数: 15万元")
        for keepSources in [true, false] {
            let set = try dataSet(["a.yaml": try sample, "b.yaml": later], keepSources: keepSources)
            #expect(set.diagnostics.map { "\(($0.path as NSString).lastPathComponent):\($0.mark?.line ?? 0) \($0.code.rawValue)" } == ["b.yaml:3 JX620"])
            #expect(set.diagnostics.first?.message.hasSuffix("已有自评文件 \(set.years[0].entries[0].assessment?.resultsPath ?? "?")") == true)
            let year = try #require(set.years.first)
            #expect(year.entries.map { $0.assessment?.score.figures.spent.description } == ["20万元"], "keepSources: \(keepSources)")
        }
    }

    @Test func indicatorWeightsMustFillTheirHeading() throws {
        let text = try sample.replacingOccurrences(of: "    实际完成值: 2\n", with: "    实际完成值: 2\n    分值: 60\n")
        #expect(codes(try dataSet(["\(Self.goalTable).yaml": text])).contains("JX606"))
    }

    @Test func unreadableActual() throws {
        let text = try sample.replacingOccurrences(of: "    实际完成值: 100%\n", with: "    实际完成值: 约九成\n")
        #expect(codes(try dataSet(["\(Self.goalTable).yaml": text])).contains("JX611"))
    }

    @Test func departmentResultsAreGradedAndChecked() throws {
        var text = try String(contentsOf: Published.repository.appendingPathComponent("data/2021/自评/部门整体.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "  民政事务工作:\n    办结率:\n      实际: 96%\n", with: "  民政事务工作:\n    办结率:\n      实际: 96分\n")
        text = text.replacingOccurrences(of: "      等级: 合格\n", with: "      等级: 良好\n")
        text = text.replacingOccurrences(of: "  宣传和群团工作:\n    群众满意度:\n      实际: 100%\n", with: "  宣传和群团工作:\n    群众满意程度:\n      实际: 100%\n")
        text = text.replacingOccurrences(of: "    动植物防疫事故率:\n      实际: 0\n", with: "")
        let set = try dataSet(["部门整体.yaml": text, "\(Self.goalTable).yaml": try sample], department: true)
        #expect(codes(set) == ["JX612", "JX613", "JX613", "JX613", "JX616", "JX616"])
    }

    @Test func sampleDepartmentGrades() throws {
        let set = DataSetLoader.load(directory: Published.repository.appendingPathComponent("data").path)
        let department = try #require(set.years.first?.assessment?.department)
        // A sub-goal's grade is its worst measure's, named by that measure's labels.
        func label(_ subgoal: SubgoalAssessment) -> String {
            guard let grade = subgoal.grade, let worst = subgoal.measures.first(where: { $0.grade == grade }) else { return "" }
            return grade.label(worst.measure.labels)
        }
        let grades = Dictionary(uniqueKeysWithValues: department.subgoals.map { ($0.key, label($0)) })
        // 90分以上 优秀 / 60分以下 差: 92分 is 优秀, 95% 整改 is 合格 (not 100%, not 低于80%) → worst 合格.
        #expect(grades["安全生产、消防安全监管工作"] == "合格")
        // 事故率 0 is 优秀 (=0); 满意度 78% 低于80% is 差 → 差.
        #expect(grades["农村经济发展工作"] == "差")
        // 医疗保险参保率 exactly 90%: neither 大于90% nor 低于90% → 合格.
        let insurance = try #require(department.subgoals.first { $0.key == "社会保险工作" })
        #expect(insurance.measures.map { $0.grade?.label(GradeLabels()) } == ["优秀", "合格", "优秀"])
        // 千分制 850分: between 900 (优秀社区) and 600 (不合格社区) → 合格.
        let community = try #require(department.subgoals.first { $0.key == "社区建设和社区服务工作" })
        #expect(community.measures.first?.grade?.label(community.measures[0].measure.labels) == "合格")
        #expect(department.count(.poor) == 3)
    }
}
