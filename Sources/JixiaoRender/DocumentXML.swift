import Foundation
import JixiaoDigest
import JixiaoModel

/// Model → the XML the templates read. The element names are the contract documented at the
/// top of templates/jixiao.xsl; every text is data, stored as text nodes.
public enum DocumentXML {
    /// Where a page sits and what it links to.
    public struct PageContext: Sendable {
        public let year: Int
        public let unit: String
        /// Relative link from the page back to the year's index.
        public let indexHref: String?

        public init(year: Int, unit: String, indexHref: String?) {
            self.year = year
            self.unit = unit
            self.indexHref = indexHref
        }

        var attributes: [(String, String)] {
            partAttributes + (indexHref.map { [("index-href", $0)] } ?? [])
        }

        /// A part is never a page of its own, so it links nowhere: a project's table is then
        /// the same part on the project's page and in a long document.
        var partAttributes: [(String, String)] {
            [("year", String(year)), ("unit", unit)]
        }
    }

    /// One 项目绩效目标表 page.
    public static func projectPage(_ project: Project, layout: Layout, context: PageContext) -> XMLTree {
        let tree = XMLTree(root: "project", attributes: context.attributes + [("layout", layout.xmlName)])
        fillProject(tree.rootElement, project)
        return tree
    }

    /// The 部门整体绩效目标 page.
    public static func departmentPage(_ department: Department, context: PageContext) -> XMLTree {
        let tree = XMLTree(root: "department", attributes: context.attributes)
        fillDepartment(tree.rootElement, department)
        return tree
    }

    /// A published 项目绩效目标表: the page around a slot where its table goes (`projectTable`).
    /// `wide`: the table has a value column per recipient, too wide for a portrait sheet.
    /// `title`: the form's own (`表名`), empty for the layout's.
    public static func projectFrame(name: String, title: String, layout: Layout, wide: Bool, changes: DistrictXML.ChangeLine? = nil,
                                    context: PageContext) -> XMLTree {
        frame("project", name: name, title: title,
              attributes: context.attributes + [("layout", layout.xmlName)] + (wide ? [("wide", "1")] : []), changes: changes)
    }

    /// A form's page around a slot where its table goes: the root, the name (and the form's own
    /// title, if any) for the page's title, and for a project with one last year, what changed
    /// since (`changes`).
    static func frame(_ root: String, name: String, title: String = "", attributes: [(String, String)],
                      changes: DistrictXML.ChangeLine? = nil) -> XMLTree {
        let tree = XMLTree(root: root, attributes: attributes)
        tree.rootElement.add("name", text: name)
        if !title.isEmpty { tree.rootElement.add("title", text: title) }
        if let changes { tree.rootElement.add("changes", changes.attributes) }
        tree.rootElement.add("slot")
        return tree
    }

    /// The annual document, a cover, its 目录, 第一部分 then 第二部分, streamed: the page holds
    /// a slot where the 目录's lines for the projects go (`contentsLines`) and, for each run of
    /// project tables of one width (`projectRuns`: whether the run is wide, a value column per
    /// recipient), one where they go, each rendered on its own from `projectTable`.
    public static func annualDocument(department: Department?, projectRuns: [Bool], context: PageContext) -> XMLTree {
        let tree = XMLTree(root: "annual", attributes: context.attributes)
        if let department {
            fillDepartment(tree.rootElement.add("department", [("year", String(context.year)), ("unit", context.unit)]),
                           department)
        }
        if !projectRuns.isEmpty {
            tree.rootElement.add("slot", [("for", "contents")])
            for wide in projectRuns {
                tree.rootElement.add("slot", [("for", "projects")] + (wide ? [("wide", "1")] : []))
            }
        }
        return tree
    }

    /// A few projects' lines of the annual document's 目录 (a part of the streamed document),
    /// each linking to the project's table by its `anchor`.
    public static func contentsLines(_ names: [String], context: PageContext) -> XMLTree {
        let tree = XMLTree(root: "part", attributes: context.partAttributes)
        for name in names {
            tree.rootElement.add("contents-line", [("name", name), ("anchor", anchor(ofProject: name))])
        }
        return tree
    }

    /// The id of a project's table in a long document: made from its name alone, so that a
    /// table moved by another project's arrival keeps it (and its rendered part), and free of
    /// anything an id or a link would have to escape. Names are unique within a year (JX902).
    public static func anchor(ofProject name: String) -> String {
        "项目-" + Digest.of(Array(name.utf8)).description.prefix(16)
    }

    /// One project's goal table, a part both of its own page (`projectFrame`) and of the
    /// annual document, where the 目录 links to it (`anchor`).
    public static func projectTable(_ project: Project, layout: Layout, context: PageContext) -> XMLTree {
        let tree = XMLTree(root: "part", attributes: context.partAttributes)
        fillProject(tree.rootElement.add("project", context.partAttributes + [("anchor", anchor(ofProject: project.name.value)),
                                                                              ("layout", layout.xmlName)]),
                    project)
        return tree
    }

    /// What the index shows of a project: its name and 合计, not the whole table (thousands
    /// of entries are built at once).
    public struct IndexEntry: Sendable {
        public let href: String
        public let name: String
        public let budget: Amount
        /// Once self-assessment has begun: the 自评表 link and printed score and grade, all
        /// nil for a project not yet assessed (未自评).
        public let assessment: (href: String?, score: String?, grade: String?)?

        public init(href: String, name: String, budget: Amount, assessment: (href: String?, score: String?, grade: String?)? = nil) {
            self.href = href
            self.name = name
            self.budget = budget
            self.assessment = assessment
        }
    }

    /// The year's index: documents, then every project with its budget and the total. The
    /// projects' lines are a slot, filled part by part from `indexRow`; `assessed` is whether
    /// any project has been (the page then shows scores).
    public static func indexPage(documents: [(href: String, title: String)], projects: [IndexEntry], assessed: Bool,
                                 context: PageContext, isSample: Bool = false) -> XMLTree {
        let total = projects.reduce(Decimal(0)) { $0 + $1.budget.inWanYuan }
        let tree = XMLTree(root: "index", attributes: context.attributes + [
            ("total", Amount(total, .wanYuan).description), ("project-count", String(projects.count)),
        ] + (assessed ? [("assessed", "1")] : []) + (isSample ? [("sample", "1")] : []))
        let root = tree.rootElement
        for document in documents {
            root.add("document", [("href", document.href), ("title", document.title)])
        }
        if !projects.isEmpty { root.add("slot") }
        return tree
    }

    /// A few projects' lines of the index (a part of the streamed index); `number` counts
    /// from 1, and `assessed` is the page's.
    public static func indexRows(_ lines: [(entry: IndexEntry, number: Int)], assessed: Bool, context: PageContext) -> XMLTree {
        let tree = XMLTree(root: "part", attributes: context.partAttributes + (assessed ? [("assessed", "1")] : []))
        for (entry, number) in lines {
            var attributes = [
                ("n", String(number)), ("href", entry.href), ("name", entry.name),
                ("budget", entry.budget.converted(to: .wanYuan).description),
            ]
            if let assessment = entry.assessment {
                if let href = assessment.href { attributes.append(("assessment-href", href)) }
                if let score = assessment.score { attributes.append(("score", score)) }
                if let grade = assessment.grade { attributes.append(("grade", grade)) }
            }
            tree.rootElement.add("entry", attributes)
        }
        return tree
    }

    // MARK: - Content

    static func fillProject(_ element: XMLTree.Element, _ project: Project) {
        // 报表编号 as an attribute: the goal table's elements are a closed contract (contract.xsl).
        if !project.reportNumber.isEmpty { element.setAttribute("report-number", project.reportNumber) }
        element.add("code", text: project.code)
        element.add("name", text: project.name.value)
        // The form's own parts: absent ones are rows and columns the form does not have.
        if !project.title.isEmpty { element.add("title", text: project.title) }
        addFormParts(element, head: project.head, foot: project.foot, notes: project.notes)
        for heading in project.columnHeadings {
            element.add("heading", [("for", Self.columnNames[heading.label] ?? heading.label)], text: heading.text)
        }
        if let purpose = project.purpose { element.add("purpose", text: purpose) }
        let budget = element.add("budget", [("total", project.budget.total.value.description)])
        for source in project.budget.sources {
            budget.add("source", [("name", source.name), ("amount", source.amount.value.description)])
        }
        for item in project.budget.breakdown {
            var attributes = [("name", item.name)]
            if let amount = item.amount { attributes.append(("amount", amount.value.description)) }
            if let formula = item.formula { attributes.append(("formula", formula.value)) }
            if let rate = item.rate { attributes.append(("rate", rate.value)) }
            budget.add("item", attributes)
        }
        let plan = project.plan.isEmpty ? nil : element.add("plan")
        for (number, share) in project.plan.enumerated() {
            plan?.add("quarter", [("n", String(number + 1))], text: share.value.text)
        }
        let goals = element.add("goals")
        for (number, goal) in project.goals.enumerated() {
            goals.add("goal", [("n", String(number + 1))], text: goal)
        }
        // 分项指标值: one column per recipient, in the order first met.
        var recipients: [String] = []
        for group in project.indicators {
            for indicator in group.indicators {
                for share in indicator.shares where !recipients.contains(share.recipient) { recipients.append(share.recipient) }
            }
        }
        if !recipients.isEmpty {
            let list = element.add("recipients")
            for recipient in recipients { list.add("recipient", text: recipient) }
        }
        let indicators = element.add("indicators")
        for group in project.indicators {
            let level1 = indicators.add("level1", [("name", group.name.value)])
            for subgroup in group.subgroups {
                let level2 = level1.add("level2", [("name", subgroup.name.value)])
                for indicator in subgroup.indicators {
                    let row = level2.add("indicator")
                    row.add("name", text: indicator.name.value)
                    if let description = indicator.description { row.add("description", text: description) }
                    // The combined text (`=100%`), which the default layout prints; the 指标值 cell
                    // as written in `cell` when the cells are given apart.
                    row.add("value", [("kind", indicator.value.kind)] + (indicator.cells.map { [("cell", $0.value)] } ?? []),
                            text: indicator.valueText.value)
                    row.add("nature", text: indicator.cells?.nature ?? "")
                    row.add("unit", text: indicator.cells?.unit ?? "")
                    for share in indicator.shares {
                        row.add("share", [("name", share.recipient)], text: share.value)
                    }
                    if let basis = indicator.basis { row.add("basis", text: basis) }
                }
            }
        }
    }

    /// The form's own cells, label | text (`表头`, `表尾`), and the notes it prints under itself
    /// (`表注`), where written: the goal table's and the 自评表's alike.
    static func addFormParts(_ element: XMLTree.Element, head: [FormCell], foot: [FormCell], notes: [String]) {
        for (part, cells) in [("head", head), ("foot", foot)] where !cells.isEmpty {
            let list = element.add(part)
            for cell in cells { list.add("cell", [("label", cell.label)], text: cell.text) }
        }
        guard !notes.isEmpty else { return }
        let list = element.add("notes")
        for note in notes { list.add("note", text: note) }
    }

    /// `栏目名称` keys → the elements of the columns they head.
    static let columnNames = ["描述": "description", "指标值": "value", "依据": "basis"]

    static func fillDepartment(_ element: XMLTree.Element, _ department: Department) {
        element.add("overall", text: department.overallGoal)
        for (number, category) in department.categories.enumerated() {
            let categoryElement = element.add("category", [("n", String(number + 1)), ("title", category.title)])
            for (subNumber, subgoal) in category.subgoals.enumerated() {
                var attributes = [("n", String(subNumber + 1))]
                if let name = subgoal.name { attributes.append(("name", name)) }
                let subgoalElement = categoryElement.add("subgoal", attributes)
                subgoalElement.add("content", text: subgoal.content)
                subgoalElement.add("rating", text: subgoal.rating)
                for measure in subgoal.measures {
                    subgoalElement.add("measure", [
                        ("indicator", measure.indicator),
                        ("excellent", measure.excellentText.value), ("poor", measure.poorText.value),
                        ("excellent-label", measure.labels.excellent), ("pass-label", measure.labels.pass),
                        ("poor-label", measure.labels.poor),
                    ])
                }
            }
        }
        for (number, safeguard) in department.safeguards.enumerated() {
            element.add("safeguard", [("n", String(number + 1)), ("title", safeguard.title)], text: safeguard.content)
        }
    }
}
