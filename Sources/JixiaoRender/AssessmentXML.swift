import Foundation
import JixiaoModel
import JixiaoScore

/// Scores → the XML of the self-assessment pages and the annual report. Numbers are given
/// both as printed text and, where a figure needs them, as plain numbers (`*-value`).
public enum AssessmentXML {
    /// One 项目支出绩效自评表.
    public static func projectPage(_ score: ProjectScore, layout: Layout, context: DocumentXML.PageContext, isSample: Bool) -> XMLTree {
        let tree = XMLTree(root: "self-assessment", attributes: context.attributes + sampleAttribute(isSample) + layoutAttribute(layout))
        fillProject(tree.rootElement, score)
        return tree
    }

    /// A published 项目支出绩效自评表: the page around a slot where its table goes
    /// (`projectTable`).
    public static func projectFrame(name: String, title: String, layout: Layout, changes: DistrictXML.ChangeLine? = nil,
                                    context: DocumentXML.PageContext, isSample: Bool) -> XMLTree {
        DocumentXML.frame("self-assessment", name: name, title: title,
                          attributes: context.attributes + sampleAttribute(isSample) + layoutAttribute(layout), changes: changes)
    }

    /// The 部门整体绩效自评 page.
    public static func departmentPage(_ assessment: DepartmentAssessment, context: DocumentXML.PageContext,
                                      isSample: Bool) -> XMLTree {
        let tree = XMLTree(root: "department-assessment", attributes: context.attributes + sampleAttribute(isSample))
        fillDepartment(tree.rootElement, assessment)
        return tree
    }

    /// The 年度绩效自评报告: prose from data, everything else computed, the tables as annexes —
    /// streamed: its long lists (a row and two figure bars per project, the shortfalls and
    /// notes of `ProjectList`, and the annexed 自评表) are slots here, filled part by part from
    /// `reportRow`, `reportList` and `projectTable`.
    /// The frame is made of figures alone (`summary`, and `lists`: the lists with something in
    /// them, each with its heading as the tables write it, `ProjectList.title`), so a report can
    /// be framed without any project's score at hand.
    public static func report(_ summary: AssessmentSummary, department: DepartmentAssessment?,
                              lists: [(list: ProjectList, title: String)],
                              isSample: Bool, context: DocumentXML.PageContext) -> XMLTree {
        let tree = XMLTree(root: "report", attributes: context.attributes + sampleAttribute(isSample))
        let root = tree.rootElement
        for section in department?.results.sections ?? [] {
            root.add("section", [("key", section.key)], text: section.text)
        }
        fillSummary(root, summary)
        if let department {
            let grades = root.add("department-grades", [
                ("excellent", String(department.count(.excellent))), ("pass", String(department.count(.pass))),
                ("poor", String(department.count(.poor))),
            ])
            for subgoal in department.subgoals {
                for measure in subgoal.measures where measure.grade == .poor {
                    grades.add("poor-measure", [("subgoal", subgoal.key), ("measure", measure.measure.indicator),
                                                ("actual", measure.result?.actualText?.value ?? measure.result?.grade?.value ?? ""),
                                                ("condition", measure.measure.poorText.value),
                                                ("label", measure.measure.labels.poor)],
                                text: measure.result?.note ?? "")
                }
            }
        }
        let (shortfalls, problems) = (root.add("shortfalls"), root.add("problems"))
        for (list, title) in lists {
            if list.isShortfalls {
                shortfalls.add("slot", [("for", list.name), ("title", title)])
            } else {
                problems.add("slot", [("for", list.name)])
            }
        }
        let annexes = root.add("annexes")
        if !summary.scored.isEmpty { annexes.add("slot") }
        if let department {
            fillDepartment(annexes.add("department-assessment", context.attributes), department)
        }
        return tree
    }

    /// One part of the report's summary, a few projects' lines of the table (`row`), or their
    /// bars in figure 1 (`budget-bar`) or figure 2 (`score-bar`), where `bar` counts the
    /// assessed projects (a figure draws only those). The report's slots take, in page order,
    /// the rows, the budget bars, the score bars and the annexes (`projectTable`); a list with
    /// nothing in it has no slot (`report` leaves it out the same way).
    public static func reportRows(_ element: String, _ lines: [(row: AssessmentSummary.Row, bar: Int?, href: String?)],
                                  context: DocumentXML.PageContext, isSample: Bool) -> XMLTree {
        let tree = XMLTree(root: "part", attributes: context.partAttributes + sampleAttribute(isSample))
        for (row, bar, href) in lines {
            tree.rootElement.add(element, rowAttributes(row, href: href) + (bar.map { [("bar", String($0))] } ?? []))
        }
        return tree
    }

    /// The lists of the report's sections 五 to 七, streamed a project at a time, in page
    /// order: the indicators that fell short under each 一级 heading, then each project's
    /// problems, then its improvements. A list with nothing in it has no slot.
    public enum ProjectList: CaseIterable, Hashable, Sendable {
        case shortfalls(IndicatorTaxonomy.Level1)
        case problems, improvements

        public static var allCases: [ProjectList] { IndicatorTaxonomy.Level1.allCases.map(shortfalls) + [.problems, .improvements] }

        /// The list's slot (`<slot for>`): the 一级 heading, `problem` or `improvement`.
        public var name: String {
            switch self {
            case .shortfalls(let level1): level1.rawValue
            case .problems: "problem"
            case .improvements: "improvement"
            }
        }

        /// The list of this name (`name`).
        public init?(name: String) {
            guard let list = ProjectList.allCases.first(where: { $0.name == name }) else { return nil }
            self = list
        }

        var isShortfalls: Bool {
            if case .shortfalls = self { true } else { false }
        }

        /// The heading of a list of shortfalls as the projects' tables write it: the 一级 names
        /// of the indicators that fell short under it, each once (效果指标 where the tables say
        /// so rather than 效益指标), in the order met.
        public func title(_ scores: [ProjectScore]) -> String {
            guard case .shortfalls(let level1) = self else { return "" }
            var names: [String] = []
            for score in scores {
                for row in score.indicators where ProjectList.fellShort(row, under: level1) && !names.contains(row.level1) {
                    names.append(row.level1)
                }
            }
            return names.isEmpty ? level1.rawValue : names.joined(separator: "、")
        }

        /// Whether `score` has anything in the list.
        public func includes(_ score: ProjectScore) -> Bool {
            switch self {
            case .shortfalls(let level1): score.indicators.contains { ProjectList.fellShort($0, under: level1) }
            case .problems, .improvements: !note(of: score).isEmpty
            }
        }

        /// The project's problems or improvements, as written in its results file.
        func note(of score: ProjectScore) -> String {
            switch self {
            case .shortfalls: ""
            case .problems: score.results.problems
            case .improvements: score.results.improvements
            }
        }

        /// Whether the indicator fell short and stands under the heading (or one of its aliases).
        static func fellShort(_ row: IndicatorScore, under level1: IndicatorTaxonomy.Level1) -> Bool {
            !row.met && IndicatorTaxonomy.level1(named: row.level1) == level1
        }
    }

    /// One part of a list of the report (`ProjectList`): a project's shortfalls under a heading,
    /// as `shortfall` rows; or one text of problems or improvements, as a `note` naming every
    /// project in `scores` (those that wrote it word for word, `SitePlan.reportJob`).
    public static func reportList(_ list: ProjectList, _ scores: [ProjectScore], context: DocumentXML.PageContext,
                                  isSample: Bool) -> XMLTree {
        let tree = XMLTree(root: "part", attributes: context.partAttributes + sampleAttribute(isSample))
        switch list {
        case .shortfalls(let level1):
            for score in scores {
                for row in score.indicators where ProjectList.fellShort(row, under: level1) {
                    tree.rootElement.add("shortfall", [("project", score.project.name.value), ("indicator", row.indicator.name.value),
                                                       ("target", row.indicator.valueText.value),
                                                       ("actual", row.result?.actualText.value ?? ""),
                                                       ("weight", weightText(row.weight)), ("score", row.score.fixed(2))],
                                         text: row.result?.deviationReason ?? "")
                }
            }
        case .problems, .improvements:
            guard let first = scores.first else { break }
            let note = tree.rootElement.add("note", [("text", list.note(of: first))])
            for score in scores {
                note.add("by", [("project", score.project.name.value), ("grade", score.grade.rawValue)])
            }
        }
        return tree
    }

    /// A weight (分值) as printed: whole numbers without decimals (10, 30, 100), any other to two
    /// places (12.50, 8.33), as scores are.
    static func weightText(_ weight: Decimal) -> String {
        weight == weight.rounded(places: 0) ? weight.fixed(0) : weight.fixed(2)
    }

    /// One project's 自评表, a part both of its own page (`projectFrame`) and of the report's
    /// annexes.
    public static func projectTable(_ score: ProjectScore, layout: Layout, context: DocumentXML.PageContext, isSample: Bool) -> XMLTree {
        let tree = XMLTree(root: "part", attributes: context.partAttributes + sampleAttribute(isSample))
        fillProject(tree.rootElement.add("self-assessment", context.partAttributes + layoutAttribute(layout)), score)
        return tree
    }

    /// The summary's figures, without its rows (they come as parts): the totals, the grade
    /// bands, and a slot for each list that has something in it.
    static func fillSummary(_ parent: XMLTree.Element, _ summary: AssessmentSummary) {
        let element = parent.add("summary", [
            ("total-budget", wan(summary.totalBudget)), ("total-spent", wan(summary.totalSpent)),
            ("rate", summary.ratePercent.map { $0.fixed(2) + "%" } ?? ""),
            ("average", summary.averageScore?.fixed(2) ?? ""), ("assessed", String(summary.scored.count)),
            ("not-assessed", String(summary.notAssessedCount)),
        ] + Grade.allCases.map { ("count-\($0.rawValue)", String(summary.count($0))) })
        let bands = element.add("grade-bands")
        for (grade, lower) in Grade.bands {
            bands.add("band", [("grade", grade.rawValue), ("from", lower.plain)])
        }
        if !summary.rows.isEmpty { element.add("slot", [("for", "rows")]) }
        if !summary.scored.isEmpty {
            element.add("slot", [("for", "budget-bars")])
            element.add("slot", [("for", "score-bars")])
        }
    }

    /// One project's line of the summary: as printed, and as plain numbers for the figures.
    static func rowAttributes(_ row: AssessmentSummary.Row, href: String?) -> [(String, String)] {
        var attributes = [("n", String(row.number)), ("name", row.name)]
        if let href { attributes.append(("href", href)) }
        if let score = row.score {
            attributes += [
                ("budget", wan(score.annual)), ("spent", wan(score.spent)),
                ("budget-value", score.annual.inWanYuan.plain), ("spent-value", score.spent.inWanYuan.plain),
                ("rate", score.ratePercent.fixed(2) + "%"), ("rate-value", score.ratePercent.plain),
                ("score", score.total.fixed(2)), ("score-value", score.total.plain), ("grade", score.grade.rawValue),
            ]
        }
        return attributes
    }

    /// Every printed cell of the form, whichever layout prints it. A printed figure that differs
    /// from the computed one and is marked 原文如此 is shown; the computed one rides along
    /// (`computed-score`, `@computed`) for the review page.
    static func fillProject(_ element: XMLTree.Element, _ score: ProjectScore) {
        let results = score.results
        element.add("code", text: results.code ?? score.project.code)
        element.add("report-number", text: results.reportNumber.isEmpty ? score.project.reportNumber : results.reportNumber)
        element.add("name", text: score.project.name.value)
        if !score.results.title.isEmpty { element.add("title", text: score.results.title) }
        element.add("supervisor", text: results.supervisor ?? "")
        element.add("implementer", text: results.implementer ?? "")
        element.add("leader", text: results.leader)
        element.add("finance-leader", text: results.financeLeader)
        element.add("conclusion", text: results.conclusion)
        element.add("implementation", text: results.implementation)
        DocumentXML.addFormParts(element, head: results.head, foot: results.foot, notes: results.notes)
        let budget = score.budget
        let rows = fundingRows(results)
        // The amounts as the form printed them, in its one unit; written in both, in 万元.
        let printing = AmountPrinting([budget.initial, budget.annual, budget.spent]
                                      + rows.flatMap { [$0.initial, $0.annual, $0.spent].compactMap { $0 } })
        let amount = printing.text
        let funds = element.add("funds", [("unit", printing.unit.rawValue)])
        funds.add("row", [("name", "年度资金总额"), ("initial", amount(budget.initial)), ("annual", amount(budget.annual)),
                          ("spent", amount(budget.spent)), ("weight", weightText(budget.weight))]
                  + rateAttributes(budget.ratePercent, printed: budget.printedRate)
                  + [("score", budget.printedScore?.text ?? budget.score.fixed(2))]
                  + (budget.printedScore != nil ? [("computed-score", budget.score.fixed(2))] : [])
                  + reasonAttribute(results.budgetReason))
        for row in rows {
            let execution = budget.parts.first { $0.row.name == row.name }
            funds.add("row", [("name", row.name), ("initial", row.initial.map(amount) ?? ""), ("annual", row.annual.map(amount) ?? ""),
                              ("spent", row.spent.map(amount) ?? "")]
                      + rateAttributes(execution?.ratePercent, printed: execution?.printedRate)
                      + [("part", "1")] + reasonAttribute(row.reason))
        }
        let goals = element.add("goals")
        for (number, goal) in (results.yearGoals ?? score.project.goals).enumerated() {
            goals.add("goal", [("n", String(number + 1))], text: goal)
        }
        element.add("summary-text", text: results.summary)
        let indicators = element.add("indicators")
        var level1: XMLTree.Element?
        var level2: XMLTree.Element?
        var lastLevel1 = ""
        var lastLevel2 = ""
        for row in score.indicators {
            if level1 == nil || row.level1 != lastLevel1 {
                let weight = IndicatorTaxonomy.level1(named: row.level1).flatMap { score.headingWeights[$0] }
                level1 = indicators.add("level1", [("name", row.level1)] + (weight.map { [("weight", weightText($0))] } ?? []))
                lastLevel1 = row.level1
                level2 = nil
            }
            if level2 == nil || row.level2 != lastLevel2 {
                level2 = level1!.add("level2", [("name", row.level2)])
                lastLevel2 = row.level2
            }
            fillIndicator(level2!.add("indicator", [("met", row.met ? "1" : "0"), ("applicable", row.applicable ? "1" : "0")]), row)
        }
        // The grade of the total shown: a printed total (原文如此) keeps its own, a total printed
        // blank has none.
        let shownGrade = score.printedTotalScore.map { $0.number.map { Grade(total: $0).rawValue } ?? "" } ?? score.grade.rawValue
        var total = [("weight", score.printedTotalWeight.map(\.plain) ?? weightText(score.weightSum)),
                     ("score", score.printedTotalScore?.text ?? score.total.fixed(2)),
                     ("grade", shownGrade)]
        if score.rescaled { total.append(("rescaled", "1")) }
        if score.printedTotalWeight != nil { total.append(("computed-weight", weightText(score.weightSum))) }
        if score.printedTotalScore != nil { total.append(("computed-score", score.total.fixed(2))) }
        element.add("total", total)
        if score.hasNotApplicable { element.add("not-applicable-rule") }
        element.add("problems", text: results.problems)
        element.add("improvements", text: results.improvements)
    }

    /// One row: the target combined (`=100%`) and, for layouts that print them apart, its cells.
    /// A row 不适用 has no weight share and no score: its cells show what was printed, if anything.
    private static func fillIndicator(_ indicator: XMLTree.Element, _ row: IndicatorScore) {
        let cells = row.indicator.cells
        indicator.add("name", text: row.indicator.name.value)
        indicator.add("target", text: row.indicator.valueText.value)
        indicator.add("nature", text: cells?.nature ?? "")
        indicator.add("value", text: cells?.value ?? "")
        indicator.add("unit", text: cells?.unit ?? "")
        indicator.add("actual", text: row.result?.actualText.value ?? "")
        if row.applicable {
            indicator.add("weight", text: weightText(row.weight))
            if let printed = row.printedScore {
                indicator.add("score", [("computed", row.score.fixed(2))], text: printed.text)
            } else {
                indicator.add("score", text: row.score.fixed(2))
            }
        } else {
            indicator.add("weight", text: row.result?.weight.map { weightText($0.value) } ?? "")
            indicator.add("score", text: "")
        }
        indicator.add("reason", text: row.result?.deviationReason ?? "")
        indicator.add("working", text: row.working.description)
    }

    /// A row's 预算执行率: the printed one where the form printed one (blank where blank), else
    /// the computed one to 0.01 %; `computed-rate` where the two differ.
    private static func rateAttributes(_ computed: Decimal?, printed: PrintedRate?) -> [(String, String)] {
        let computedText = computed.map { $0.fixed(2) + "%" } ?? ""
        guard let printed else { return [("rate", computedText)] }
        return [("rate", printed.text)] + (printed.percent != computed && computed != nil ? [("computed-rate", computedText)] : [])
    }

    /// A row's 原因 (四川), when written.
    private static func reasonAttribute(_ reason: String) -> [(String, String)] {
        reason.isEmpty ? [] : [("reason", reason)]
    }

    /// The 其中 rows as written, in order; a file that writes none, or only rows of the default
    /// form, gets the default form's three (those not written empty).
    static func fundingRows(_ results: ProjectResults) -> [FundingRow] {
        let written = results.fundingRows
        guard written.allSatisfy({ FundingRow.names.contains($0.name) }) else { return written }
        return FundingRow.names.map { name in
            written.first { $0.name == name } ?? FundingRow(name: name, initial: nil, annual: nil, spent: nil)
        }
    }

    static func fillDepartment(_ element: XMLTree.Element, _ assessment: DepartmentAssessment) {
        for (number, category) in assessment.department.categories.enumerated() {
            let categoryElement = element.add("category", [("n", String(number + 1)), ("title", category.title)])
            for subgoal in assessment.subgoals where subgoal.category.title == category.title {
                let labels = subgoal.subgoal.measures.first?.labels ?? GradeLabels()
                var attributes = [("key", subgoal.key)]
                if let grade = subgoal.grade {
                    let worst = subgoal.measures.first { $0.grade == grade }?.measure.labels ?? labels
                    attributes += [("grade", String(grade.rawValue)), ("grade-label", grade.label(worst))]
                }
                let subgoalElement = categoryElement.add("subgoal", attributes)
                for measure in subgoal.measures {
                    var measureAttributes = [
                        ("indicator", measure.measure.indicator),
                        ("excellent", measure.measure.excellentText.value), ("poor", measure.measure.poorText.value),
                        ("excellent-label", measure.measure.labels.excellent), ("poor-label", measure.measure.labels.poor),
                        ("actual", measure.result?.actualText?.value ?? ""), ("working", measure.working),
                    ]
                    if let grade = measure.grade {
                        measureAttributes += [("grade", String(grade.rawValue)), ("grade-label", grade.label(measure.measure.labels))]
                    }
                    subgoalElement.add("measure", measureAttributes, text: measure.result?.note ?? "")
                }
            }
        }
        element.add("grade-count", [("excellent", String(assessment.count(.excellent))),
                                    ("pass", String(assessment.count(.pass))), ("poor", String(assessment.count(.poor)))])
    }

    static func sampleAttribute(_ isSample: Bool) -> [(String, String)] {
        isSample ? [("sample", "1")] : []
    }

    static func layoutAttribute(_ layout: Layout) -> [(String, String)] {
        [("layout", layout.xmlName)]
    }

    /// The year's review page (核对.html): every printed figure shown in place of the computed
    /// one, by project, with both numbers.
    public static func reviewPage(_ projects: [(score: ProjectScore, href: String)], context: DocumentXML.PageContext,
                                  isSample: Bool) -> XMLTree {
        let tree = XMLTree(root: "score-review", attributes: context.attributes + sampleAttribute(isSample))
        for (score, href) in projects where !score.review.isEmpty {
            let project = tree.rootElement.add("project", [("name", score.project.name.value), ("href", href),
                                                           ("path", score.results.path)])
            for item in score.review {
                project.add("item", [("what", item.what), ("line", String(item.line)), ("printed", item.printed),
                                     ("computed", item.computed)])
            }
        }
        return tree
    }
}
