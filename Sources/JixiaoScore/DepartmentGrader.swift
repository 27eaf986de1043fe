import Foundation
import JixiaoDiagnostics
import JixiaoModel

/// A measure's grade, named by the measure's own labels.
public enum MeasureGrade: Int, Sendable, Comparable {
    case poor = 0, pass = 1, excellent = 2

    public static func < (a: MeasureGrade, b: MeasureGrade) -> Bool { a.rawValue < b.rawValue }

    public func label(_ labels: GradeLabels) -> String {
        switch self {
        case .excellent: return labels.excellent
        case .pass: return labels.pass
        case .poor: return labels.poor
        }
    }
}

public struct MeasureAssessment: Sendable {
    public let measure: Measure
    public let result: MeasureResult?
    public let grade: MeasureGrade?
    /// Why: "92分 ≥ 90分" or the stated grade.
    public let working: String
}

public struct SubgoalAssessment: Sendable {
    public let category: GoalCategory
    public let subgoal: SubGoal
    public let measures: [MeasureAssessment]
    /// The worst grade among its measures.
    public var grade: MeasureGrade? { measures.compactMap(\.grade).min() }

    /// The key results files use for the sub-goal: its name, or its category's title.
    public var key: String { subgoal.name ?? category.title }
}

public struct DepartmentAssessment: Sendable {
    public let department: Department
    public let results: DepartmentResults
    public let subgoals: [SubgoalAssessment]

    /// How many measures got each grade.
    public func count(_ grade: MeasureGrade) -> Int {
        subgoals.flatMap(\.measures).filter { $0.grade == grade }.count
    }
}

/// Grades every measure: 优秀 when its 优秀 condition holds, 差 when its 差 condition holds
/// ("否则" = whenever 优秀 fails), 合格 otherwise (our rule).
public enum DepartmentGrader {
    public static func grade(_ department: Department, _ results: DepartmentResults) -> (DepartmentAssessment, [Diagnostic]) {
        let report = DiagnosticCollector(path: results.path)
        var pending = results.measures
        var subgoals: [SubgoalAssessment] = []
        for category in department.categories {
            for subgoal in category.subgoals {
                let key = subgoal.name ?? category.title
                let measures = subgoal.measures.map { measure -> MeasureAssessment in
                    guard let index = pending.firstIndex(where: { $0.subgoal.value == key && $0.measure.value == measure.indicator }) else {
                        report(.missingMeasureResult, at: nil, "“\(key)”的评定标准“\(measure.indicator)”没有实际值",
                               hint: "在“评定”下添加 \(key) → \(measure.indicator) → 实际")
                        return MeasureAssessment(measure: measure, result: nil, grade: nil, working: "未填写")
                    }
                    let result = pending.remove(at: index)
                    let (grade, working) = evaluate(measure, result, report: report)
                    return MeasureAssessment(measure: measure, result: result, grade: grade, working: working)
                }
                subgoals.append(SubgoalAssessment(category: category, subgoal: subgoal, measures: measures))
            }
        }
        let keys = subgoals.map(\.key)
        for stray in pending {
            let hint = keys.contains(stray.subgoal.value)
                ? "“\(stray.subgoal.value)”下的标准：\(subgoals.first { $0.key == stray.subgoal.value }!.subgoal.measures.map(\.indicator).joined(separator: "、"))"
                : Suggestion.closest(to: stray.subgoal.value, among: keys).map { "是不是想写“\($0)”？" } ?? "分项目标按名称（无名称的按类别）对应"
            report(.unknownMeasureResult, at: stray.measure.mark, "部门整体绩效目标中没有“\(stray.subgoal.value)”的标准“\(stray.measure.value)”",
                   hint: hint)
        }
        return (DepartmentAssessment(department: department, results: results, subgoals: subgoals), report.diagnostics)
    }

    private static func evaluate(_ measure: Measure, _ result: MeasureResult,
                                 report: DiagnosticCollector) -> (MeasureGrade?, String) {
        if let stated = result.grade {
            let labels = measure.labels
            let grades: [(String, MeasureGrade)] = [(labels.excellent, .excellent), (labels.pass, .pass), (labels.poor, .poor),
                                                     ("优秀", .excellent), ("合格", .pass), ("差", .poor)]
            guard let grade = grades.first(where: { $0.0 == stated.value })?.1 else {
                report(.ungradableMeasure, at: stated.mark, "等级“\(stated.value)”不是“\(labels.excellent)”“\(labels.pass)”“\(labels.poor)”之一")
                return (nil, stated.value)
            }
            return (grade, "评定为\(grade.label(labels))" + (result.actualText.map { "（\($0.value)）" } ?? ""))
        }
        guard let actualText = result.actualText else { return (nil, "未填写") }
        guard case .comparison(let actual) = IndicatorValue(parsing: actualText.value) else {
            report(.ungradableMeasure, at: actualText.mark, "实际值“\(actualText.value)”不是数值，无法按条件评定",
                   hint: "条件是文字时，请直接写“等级”")
            return (nil, actualText.value)
        }
        let thresholds = [measure.excellent, measure.poor].compactMap { condition -> Comparison? in
            if case .value(.comparison(let threshold)) = condition { return threshold }
            return nil
        }
        if let other = thresholds.first(where: { !($0.unit == actual.unit || $0.unit.isEmpty || actual.unit.isEmpty) }) {
            report(.ungradableMeasure, at: actualText.mark,
                   "实际值“\(actualText.value)”与条件“\(other.number.plain)\(other.unit)”的单位不同",
                   hint: "实际值用条件的单位表示")
            return (nil, actualText.value)
        }
        func holds(_ condition: GradeCondition) -> Bool? {
            guard case .value(.comparison(let threshold)) = condition else { return nil }
            return threshold.op.holds(actual.number, threshold.number)
        }
        guard let excellent = holds(measure.excellent) else {
            report(.ungradableMeasure, at: actualText.mark, "“\(measure.indicator)”的优秀条件是文字（\(measure.excellentText.value)），无法按实际值计算",
                   hint: "请直接写“等级”")
            return (nil, actualText.value)
        }
        let poor: Bool
        if measure.poor == .otherwise {
            poor = !excellent
        } else if let holdsPoor = holds(measure.poor) {
            poor = holdsPoor
        } else {
            report(.ungradableMeasure, at: actualText.mark, "“\(measure.indicator)”的差的条件是文字（\(measure.poorText.value)），无法按实际值计算",
                   hint: "请直接写“等级”")
            return (nil, actualText.value)
        }
        let grade: MeasureGrade = excellent ? .excellent : (poor ? .poor : .pass)
        let reason: String
        switch grade {
        case .excellent: reason = "满足优秀条件（\(measure.excellentText.value)）"
        case .poor: reason = measure.poor == .otherwise ? "未达到优秀条件（\(measure.excellentText.value)）" : "满足差的条件（\(measure.poorText.value)）"
        case .pass: reason = "介于两者之间"
        }
        return (grade, "\(actualText.value)：\(reason)")
    }
}
