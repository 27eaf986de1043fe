import Foundation
import JixiaoCheck
import JixiaoData
import JixiaoDigest
import JixiaoModel
import JixiaoReview
import JixiaoScore

/// The names of the published files, in one place (README and tests rely on them).
public enum OutputLayout {
    public static let index = "index.html"
    public static let annualDocument = "年度绩效目标.html"
    public static let departmentPage = "部门整体绩效目标.html"
    public static let projectDirectory = "项目"
    public static let assessmentDirectory = "自评"
    public static let departmentAssessment = "部门整体.html"
    public static let report = "绩效自评报告.html"
    public static let monitoringDirectory = "监控"
    public static let monitoringSummary = "绩效运行监控.html"
    public static let reviewPage = "绩效目标审核.html"
    /// The printed scores shown in place of computed ones (原文如此), with both numbers.
    public static let scoreReview = "核对.html"
    public static let driverStylesheet = "jixiao.xsl"
    public static let styleSheet = "jixiao.css"

    public static let spreadsheetExtension = "xlsx"
    public static let wordExtension = "docx"

    /// The file of another format beside a page: 项目/<名>.html → 项目/<名>.xlsx.
    public static func beside(_ page: String, _ pathExtension: String) -> String {
        (page as NSString).deletingPathExtension + "." + pathExtension
    }
}

/// Which pages a data set publishes, their names, and how each page's XML is built.
public enum SitePlan {
    /// The pages of one year, paths relative to the output folder; `alsoListed`: documents
    /// the index lists after the year's own (the comparison with the year before); `lookup`
    /// finds each project's counterpart of the year before, for the review page.
    /// `changes`: for each project with one last year, by its place in the year, the line its
    /// pages show of what changed.
    static func pageJobs(_ year: YearData, alsoListed: [(href: String, title: String)] = [],
                         changes: [Int: DistrictXML.ChangeLine] = [:], lookup: PreviousYearLookup) -> [PageJob] {
        // Both by the projects' places in the year.
        let names = OutputNames(year.entries.map(\.name)).fileNames
        let hrefs = year.entries.indices.map { index in
            year.entries[index].assessment.map { _ in OutputNames.href(OutputLayout.assessmentDirectory, names[index]) }
        }
        let folder = String(year.year)
        let atTop = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: OutputLayout.index)
        let forms = formJobs(year, names: names, changes: changes)
        let index = indexJob("\(folder)/\(OutputLayout.index)", year, documents: listedDocuments(year) + alsoListed, names: names,
                             assessmentHrefs: hrefs)
        let report = year.assessment.map { _ in reportJob("\(folder)/\(OutputLayout.report)", year, hrefs: hrefs, context: atTop) }
        let projectHrefs = names.map { OutputNames.href(OutputLayout.projectDirectory, $0) }
        let review = hasGoalTables(year) ? PageJob(relativePath: "\(folder)/\(OutputLayout.reviewPage)", build: {
            ReviewXML.page(Reviewer.review(year, lookup: lookup), hrefs: projectHrefs, context: atTop)
        }) : nil
        return forms + monitoringJobs(year, names: names) + [report, reviewJob(year, hrefs: hrefs), review].compactMap { $0 }
            + [index]
    }

    /// Each project's goal table and 自评表, the annual document and the department's pages.
    private static func formJobs(_ year: YearData, names: [String], changes: [Int: DistrictXML.ChangeLine]) -> [PageJob] {
        let folder = String(year.year)
        let inFolder = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: "../" + OutputLayout.index)
        let atTop = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: OutputLayout.index)
        let inFolderKeys = PageKeys(inFolder)
        let tables = ProjectTables(year)
        var jobs: [PageJob] = []
        // Each page's build closure holds the list it reads and an index, never a copy of an
        // entry: tens of thousands of closures wait at once.
        let projects = year.entries

        // A stand-alone 自评 has no goal table: no page, no place in 第二部分.
        let goalTables = projects.indices.filter { !projects[$0].project.isStandalone }
        // A goal table with a value column per recipient is printed on a landscape sheet.
        let isWide = { (index: Int) in projects[index].project.indicators.contains { $0.indicators.contains { !$0.shares.isEmpty } } }
        for index in goalTables {
            let name = projects[index].name
            let layout = year.goalTableLayout(projects[index])
            let wide = isWide(index)
            let change = changes[index]
            let title = projects[index].project.title
            jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.projectDirectory)/\(names[index])",
                                spreadsheet: { DocumentXML.projectPage(projects[index].project, layout: layout, context: inFolder) },
                                word: true, owner: index,
                                key: inFolderKeys.key("project", [], [name, layout.xmlName, wide ? "wide" : "", title]
                                                      + (change?.keyValues ?? [])),
                                build: { DocumentXML.projectFrame(name: name, title: title, layout: layout, wide: wide, changes: change,
                                                                  context: inFolder) },
                                slots: [[tables.goalTable(index)]]))
        }
        // The 目录's lines depend on the names alone, as the anchors they link to do.
        let partContext = tables.context
        let contentsKeys = PageKeys(partContext)
        let contents = PageJob.Part.lines(of: goalTables.indices, owner: { goalTables[$0] }) { line in
            contentsKeys.key("contents", [], [projects[goalTables[line]].name])
        } build: { range in
            DocumentXML.contentsLines(range.map { projects[goalTables[$0]].name }, context: partContext)
        }
        if hasAnnualDocument(year) {
            // The goal tables in runs of one width, a slot each: the Word document gives a run
            // of wide ones a landscape section of its own.
            let runs = goalTables.reduce(into: [[Int]]()) { runs, index in
                if let last = runs.last?.last, isWide(last) == isWide(index) { runs[runs.count - 1].append(index) } else { runs.append([index]) }
            }
            let wideRuns = runs.map { isWide($0[0]) }
            jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.annualDocument)", word: true,
                                build: { DocumentXML.annualDocument(department: year.department, projectRuns: wideRuns, context: atTop) },
                                slots: goalTables.isEmpty ? [] : [contents] + runs.map { $0.map(tables.goalTable) }))
        }
        if let department = year.department {
            jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.departmentPage)",
                                build: { DocumentXML.departmentPage(department, context: atTop) }))
        }

        if let assessment = year.assessment {
            let isSample = assessment.isSample
            for (index, project) in projects.enumerated() {
                guard let table = tables.assessmentTable(index), let score = project.assessment?.score else { continue }
                let name = project.name
                let layout = year.assessmentLayout(project)
                let change = changes[index]
                let title = score.results.title
                jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.assessmentDirectory)/\(names[index])",
                                    spreadsheet: { AssessmentXML.projectPage(score, layout: layout, context: inFolder, isSample: isSample) },
                                    word: true, owner: index,
                                    key: inFolderKeys.key("assessment", [], [name, isSample ? "sample" : "", layout.xmlName, title]
                                                          + (change?.keyValues ?? [])),
                                    build: { AssessmentXML.projectFrame(name: name, title: title, layout: layout, changes: change, context: inFolder,
                                                                        isSample: isSample) },
                                    slots: [[table]]))
            }
            if let department = assessment.department {
                jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.assessmentDirectory)/\(OutputLayout.departmentAssessment)",
                                    build: { AssessmentXML.departmentPage(department, context: inFolder, isSample: isSample) }))
            }
        }
        return jobs
    }

    /// The documents the index lists above the projects, in the year's order: the annual
    /// document, the monitoring summary once monitoring has begun, the report once
    /// self-assessment has, the review of the goal tables, the department's pages.
    private static func listedDocuments(_ year: YearData) -> [(href: String, title: String)] {
        var documents: [(href: String, title: String)] = []
        if hasAnnualDocument(year) {
            documents.append((OutputNames.href(OutputLayout.annualDocument), "\(year.year)年度绩效目标（全文）"))
        }
        if let monitoring = year.monitoring {
            documents.append((OutputNames.href(OutputLayout.monitoringSummary),
                              "\(year.year)年度绩效运行监控" + (monitoring.isSample ? "（示例数据）" : "")))
        }
        if year.assessment != nil {
            documents.append((OutputNames.href(OutputLayout.report), "\(year.year)年度绩效自评报告"))
        }
        if hasGoalTables(year) {
            documents.append((OutputNames.href(OutputLayout.reviewPage), "\(year.year)年度绩效目标审核意见"))
        }
        if year.department != nil {
            documents.append((OutputNames.href(OutputLayout.departmentPage), "\(year.year)年部门整体绩效目标"))
        }
        if hasReview(year) {
            documents.append((OutputNames.href(OutputLayout.scoreReview), "\(year.year)年度自评得分核对（照录原表的得分与计算值）"))
        }
        if year.assessment?.department != nil {
            documents.append((OutputNames.href(OutputLayout.assessmentDirectory, OutputLayout.departmentAssessment),
                              "\(year.year)年部门整体绩效自评"))
        }
        return documents
    }
}

extension SitePlan {
    /// A year of stand-alone 自评表 alone (no unit file, no goal table) has no annual document.
    static func hasAnnualDocument(_ year: YearData) -> Bool {
        year.department != nil || year.entries.contains { !$0.project.isStandalone } || year.entries.isEmpty
    }

    /// Whether the year has a goal table to review (a stand-alone 自评表 has none).
    static func hasGoalTables(_ year: YearData) -> Bool {
        year.entries.contains { !$0.project.isStandalone }
    }

    /// Whether some 自评表 shows a printed figure in place of a computed one (原文如此).
    static func hasReview(_ year: YearData) -> Bool {
        year.entries.contains { !($0.assessment?.score.review.isEmpty ?? true) }
    }

    /// 核对.html: each printed score, weight or total shown in place of the computed one, with
    /// both numbers; only when there is one.
    static func reviewJob(_ year: YearData, hrefs: [String?]) -> PageJob? {
        guard hasReview(year) else { return nil }
        let context = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: OutputLayout.index)
        let projects = year.entries.indices.compactMap { index in
            year.entries[index].assessment.map { (score: $0.score, href: hrefs[index] ?? "") }
        }
        let isSample = year.isSample
        return PageJob(relativePath: "\(year.year)/\(OutputLayout.scoreReview)",
                       build: { AssessmentXML.reviewPage(projects, context: context, isSample: isSample) })
    }

    /// Once the year's monitoring has begun: each monitored project's 项目支出绩效目标执行监控表
    /// and the monitoring summary, which lists every project (未填报 where it has no file).
    static func monitoringJobs(_ year: YearData, names: [String]) -> [PageJob] {
        guard let monitoring = year.monitoring else { return [] }
        let folder = String(year.year)
        let inFolder = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: "../" + OutputLayout.index)
        let atTop = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: OutputLayout.index)
        let keys = PageKeys(inFolder)
        let (isSample, threshold) = (monitoring.isSample, monitoring.threshold)
        // As in `formJobs`, closures hold the shared list and an index.
        let projects = year.entries
        var jobs: [PageJob] = []
        for (index, entry) in projects.enumerated() {
            guard let monitored = entry.monitoring else { continue }
            let page: @Sendable () -> XMLTree = { MonitoringXML.projectPage(projects[index].monitoring!.review, context: inFolder, isSample: isSample) }
            jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.monitoringDirectory)/\(names[index])",
                                spreadsheet: page, owner: index,
                                key: keys.key("monitoring", [entry.digest, monitored.digest],
                                              [entry.name, isSample ? "sample" : "", threshold.plain]),
                                build: page))
        }
        jobs.append(PageJob(relativePath: "\(folder)/\(OutputLayout.monitoringSummary)", build: {
            // A stand-alone 自评表 has no goal table to monitor against.
            let lines = projects.indices.filter { !projects[$0].project.isStandalone }.map { index in
                (projects[index].name, projects[index].monitoring.map { _ in OutputNames.href(OutputLayout.monitoringDirectory, names[index]) },
                 projects[index].monitoring?.review)
            }
            return MonitoringXML.summaryPage(lines, threshold: threshold, context: atTop, isSample: isSample)
        }))
        return jobs
    }

    /// The year's index: its frame (the documents and the total), then a line for each project
    /// with its budget and, once self-assessment has begun, its score and grade.
    static func indexJob(_ path: String, _ year: YearData, documents: [(href: String, title: String)], names: [String],
                         assessmentHrefs: [String?]) -> PageJob {
        let entries = zip(year.entries, zip(names, assessmentHrefs)).map { project, place in
            DocumentXML.IndexEntry(href: project.project.isStandalone ? place.1 ?? ""
                                       : OutputNames.href(OutputLayout.projectDirectory, place.0),
                                   name: project.name, budget: project.project.budget.total.value,
                                   assessment: year.assessment.map { _ in
                                       let score = project.assessment?.score.figures
                                       return (place.1, score?.total.fixed(2), score?.grade.rawValue)
                                   })
        }
        let context = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: nil)
        let keys = PageKeys(context)
        let assessed = entries.contains { $0.assessment != nil }
        // As in `pageJobs`, closures hold the shared list and a range.
        let lines = PageJob.Part.lines(of: entries.indices) { index in
            let entry = entries[index]
            let shown = entry.assessment.map { [$0.href ?? "", $0.score ?? "", $0.grade ?? ""] } ?? ["-"]
            return keys.key("index", [year.entries[index].digest], [String(index + 1), entry.href, assessed ? "assessed" : ""] + shown)
        } build: { range in
            DocumentXML.indexRows(range.map { (entries[$0], $0 + 1) }, assessed: assessed, context: context)
        }
        return PageJob(relativePath: path,
                       build: { DocumentXML.indexPage(documents: documents, projects: entries, assessed: assessed,
                                                      context: context, isSample: year.isSample) },
                       slots: lines.isEmpty ? [] : [lines])
    }

    /// The report: its frame, then a slot for each list that has something in it — the summary
    /// table's rows, the bars of its two figures, the shortfalls under each heading, the
    /// projects' problems and improvements, the annexed 自评表. The frame, the rows and the
    /// bars are made from the projects' facts; the lists and annexes from their scores.
    static func reportJob(_ path: String, _ year: YearData, hrefs: [String?],
                          context: DocumentXML.PageContext) -> PageJob {
        // As in `pageJobs`, closures hold shared lists and indices.
        let scored = year.entries.indices.compactMap { owner in year.entries[owner].assessment.map { (owner: owner, assessed: $0) } }
        let isSample = year.isSample
        let sample = isSample ? "sample" : ""
        let summary = year.summary!
        let keys = PageKeys(context)
        let rows = summary.rows
        // A figure draws only the assessed projects, numbered by `bar`.
        let bars = rows.indices.filter { rows[$0].score != nil }.enumerated().map { ($0.element, Int?($0.offset + 1)) }
        func rowParts(_ element: String, _ lines: [(row: Int, bar: Int?)]) -> [PageJob.Part] {
            PageJob.Part.lines(of: lines.indices, owner: { lines[$0].row }) { line in
                let ((index, bar), row) = (lines[line], rows[lines[line].row])
                return keys.key(element, year.entries[index].files,
                                [String(row.number), row.name, hrefs[index] ?? "", bar.map(String.init) ?? "", sample])
            } build: { range in
                AssessmentXML.reportRows(element, range.map { (rows[lines[$0].row], lines[$0].bar, hrefs[lines[$0].row]) },
                                         context: context, isSample: isSample)
            }
        }
        // A part per project's shortfalls; a part per text of problems or improvements, naming
        // every project that wrote it word for word (the same boilerplate is printed once).
        let lists = AssessmentXML.ProjectList.allCases.map { list in
            let members = scored.indices.filter { list.includes(scored[$0].assessed.score) }
            let groups = list.isShortfalls ? members.map { [$0] }
                : groupedInOrder(members) { list.note(of: scored[$0].assessed.score) }
            return groups.map { group in
                PageJob.Part(owner: scored[group[0]].owner,
                             key: keys.key("list " + list.name, group.flatMap { year.entries[scored[$0].owner].files }, [sample]),
                             build: { AssessmentXML.reportList(list, group.map { scored[$0].assessed.score }, context: context,
                                                               isSample: isSample) })
            }
        }
        let tables = ProjectTables(year)
        let annexes = scored.compactMap { tables.assessmentTable($0.owner) }
        let slots = [rowParts("row", rows.indices.map { ($0, nil) }), rowParts("budget-bar", bars), rowParts("score-bar", bars)]
            + lists + [annexes]
        let nonEmptyLists = zip(AssessmentXML.ProjectList.allCases, lists).filter { !$1.isEmpty }.map { list, _ in
            (list: list, title: list.title(scored.map(\.assessed.score)))
        }
        return PageJob(relativePath: path,
                       build: { AssessmentXML.report(summary, department: year.assessment?.department, lists: nonEmptyLists,
                                                     isSample: isSample, context: context) },
                       slots: slots.filter { !$0.isEmpty })
    }
}

/// `items` grouped by `value`, the groups in the order of their first items, each in order.
func groupedInOrder<Value: Hashable>(_ items: [Int], by value: (Int) -> Value) -> [[Int]] {
    var groups: [[Int]] = []
    var place: [Value: Int] = [:]
    for item in items {
        let key = value(item)
        if let index = place[key] {
            groups[index].append(item)
        } else {
            place[key] = groups.count
            groups.append([item])
        }
    }
    return groups
}

/// Each project's two tables as parts, each rendered once and written both on the project's
/// own page and in a long document: the goal table in the annual document, the 自评表 among
/// the report's annexes (`BatchParts`). Parts link nowhere, so the two places hold the same
/// part, under the same key.
struct ProjectTables {
    private let projects: [ProjectEntry]
    /// The context of a part: parts link nowhere.
    let context: DocumentXML.PageContext
    private let keys: PageKeys
    private let isSample: Bool
    private let year: YearData

    init(_ year: YearData) {
        self.year = year
        projects = year.entries
        context = DocumentXML.PageContext(year: year.year, unit: year.unit, indexHref: nil)
        keys = PageKeys(context)
        isSample = year.isSample
    }

    func goalTable(_ index: Int) -> PageJob.Part {
        // As in `pageJobs`, the closure holds the shared list and an index.
        let (projects, context) = (projects, context)
        let layout = year.goalTableLayout(projects[index])
        return PageJob.Part(owner: index, key: keys.key("goal table", [projects[index].digest], [layout.xmlName]),
                            build: { DocumentXML.projectTable(projects[index].project, layout: layout, context: context) })
    }

    /// Nil for a project not assessed.
    func assessmentTable(_ index: Int) -> PageJob.Part? {
        guard let assessed = projects[index].assessment else { return nil }
        let (score, context, isSample, layout) = (assessed.score, context, isSample, year.assessmentLayout(projects[index]))
        return PageJob.Part(owner: index, key: keys.key("assessment table", projects[index].files, [isSample ? "sample" : "", layout.xmlName]),
                            build: { AssessmentXML.projectTable(score, layout: layout, context: context, isSample: isSample) })
    }
}

/// What a page or part is built from, where that is data files and a few values. The XML
/// builders are functions of the decoded files (a function of their text) and the values
/// they are given, and the program itself is in the rendering digest: so the key stands for
/// the XML in a page's digest, and an unchanged page is known without being built.
struct PageKeys {
    /// The page context's values, digested once for the tens of thousands of keys made in it.
    private let context: Fingerprint

    init(_ context: DocumentXML.PageContext) {
        var digest = Digest()
        for value in [String(context.year), context.unit, context.indexHref.map { "index " + $0 } ?? "no index"] {
            digest.add(field: value)
        }
        self.context = digest.fingerprint
    }

    /// The key of a tree built by `builder` from the data files of these digests in the
    /// context, with `values` any other argument of the builder.
    func key(_ builder: String, _ files: [Fingerprint], _ values: [String] = []) -> Fingerprint {
        var key = Digest()
        key.add(field: builder)
        files.forEach { key.add(fingerprint: $0) }
        key.add(fingerprint: context)
        values.forEach { key.add(field: $0) }
        return key.fingerprint
    }
}

extension ProjectEntry {
    /// The data files every page showing the project's score is built from.
    var files: [Fingerprint] { assessment.map { [digest, $0.resultsDigest] } ?? [] }
}
