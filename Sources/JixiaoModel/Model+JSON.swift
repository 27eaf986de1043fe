import Foundation
import JixiaoDiagnostics

// `jixiao dump --model`: the typed model with every parsed value visible, so a reader can
// check how Jixiao understood `85%以上` or `2021年12月底前`.

extension IndicatorValue {
    public var json: JSONValue {
        switch self {
        case .comparison(let comparison):
            return .object([("kind", .string(kind)), ("operator", .string(comparison.op.rawValue)),
                            ("number", .string(comparison.number.plain)), ("unit", .string(comparison.unit))])
        case .deadline(let deadline):
            return .object([("kind", .string(kind)), ("date", .string(deadline.isoDate))])
        case .qualitative(let text):
            return .object([("kind", .string(kind)), ("text", .string(text))])
        }
    }
}

extension Amount {
    /// As written (`250000.00元`, `215,457.6元`, a bare `0`), and its value in 元.
    public var json: JSONValue {
        let text = written.map { $0.number + ($0.hasUnit ? unit.rawValue : "") } ?? description
        return .object([("text", .string(text)), ("yuan", .string(inYuan.plain))])
    }
}

extension Project {
    public var json: JSONValue {
        .object([
            ("序号", order.map { .number(String($0)) } ?? .null),
            ("项目编码", .string(code)),
            ("项目名称", .string(name.value)),
            ("资金用途", purpose.map { .string($0) } ?? .null),
            ("预算", .object([
                ("合计", budget.total.value.json),
                ("来源", .array(budget.sources.map { .object([("名称", .string($0.name)), ("金额", $0.amount.value.json)]) })),
                ("明细", .array(budget.breakdown.map { item in
                    .object([("名称", .string(item.name)),
                             ("金额", item.amount?.value.json ?? .null),
                             ("计算", item.formula.map { .string($0.value) } ?? .null),
                             ("单价", item.rate.map { .string($0.value) } ?? .null)])
                })),
            ])),
            ("资金支出计划", .array(plan.map { .object([("text", .string($0.value.text)),
                                                     ("percent", $0.value.percent.map { .string($0.plain) } ?? .null)]) })),
            ("绩效目标", .array(goals.map { .string($0) })),
            ("绩效指标", .array(indicators.map { group in
                .object([("一级", .string(group.name.value)),
                         ("二级", .array(group.subgroups.map { subgroup in
                             .object([("名称", .string(subgroup.name.value)),
                                      ("三级", .array(subgroup.indicators.map { indicator in
                                          .object([("名称", .string(indicator.name.value)),
                                                   ("描述", indicator.description.map { .string($0) } ?? .null),
                                                   ("指标值", .string(indicator.valueText.value)),
                                                   ("解析", indicator.value.json)] + indicator.extraJSON
                                                  + [("依据", indicator.basis.map { .string($0) } ?? .null)])
                                      }))])
                         }))])
            })),
        ] + Layout.json(layout?.value, reportNumber: reportNumber) + formJSON)
    }

    /// `表名`, `表头`, `表尾`, `栏目名称` and `表注`, shown only when a file gives them.
    private var formJSON: [(String, JSONValue)] {
        (title.isEmpty ? [] : [("表名", .string(title))])
            + FormCell.json([("表头", head), ("表尾", foot), ("栏目名称", columnHeadings)], notes: notes)
    }
}

extension FormCell {
    /// The form's own parts by key (`表头` …) and its `表注`, those written: label → text, and the notes' paragraphs.
    static func json(_ parts: [(String, [FormCell])], notes: [String]) -> [(String, JSONValue)] {
        parts.filter { !$0.1.isEmpty }.map { key, cells in (key, .object(cells.map { ($0.label, .string($0.text)) })) }
            + (notes.isEmpty ? [] : [("表注", .array(notes.map { .string($0) }))])
    }
}

extension Layout {
    /// `版式` and `报表编号`, shown only when a file gives them.
    static func json(_ layout: Layout?, reportNumber: String) -> [(String, JSONValue)] {
        (layout.map { [("版式", .string($0.rawValue))] } ?? []) + (reportNumber.isEmpty ? [] : [("报表编号", .string(reportNumber))])
    }
}

extension GradeCondition {
    public var json: JSONValue {
        switch self {
        case .otherwise: return .object([("kind", .string("otherwise"))])
        case .value(let value): return value.json
        }
    }
}

extension Department {
    public var json: JSONValue {
        .object([
            ("单位", .string(unit)),
            ("年度", .number(String(year.value))),
            ("总体绩效目标", .string(overallGoal)),
            ("分项绩效目标", .array(categories.map { category in
                .object([("类别", .string(category.title)),
                         ("目标", .array(category.subgoals.map { subgoal in
                             .object([("名称", subgoal.name.map { .string($0) } ?? .null),
                                      ("内容", .string(subgoal.content)),
                                      ("评定", .string(subgoal.rating)),
                                      ("标准", .array(subgoal.measures.map { measure in
                                          .object([("指标", .string(measure.indicator)),
                                                   ("优秀", .string(measure.excellentText.value)),
                                                   ("优秀解析", measure.excellent.json),
                                                   ("差", .string(measure.poorText.value)),
                                                   ("差解析", measure.poor.json),
                                                   ("等级名称", .array([measure.labels.excellent, measure.labels.pass,
                                                                      measure.labels.poor].map { .string($0) }))])
                                      }))])
                         }))])
            })),
            ("工作保障措施", .array(safeguards.map { .object([("标题", .string($0.title)), ("内容", .string($0.content))]) })),
        ])
    }
}

extension Indicator {
    /// What only some tables have, shown only when given: the separate cells (指标性质 | 指标值 |
    /// 度量单位, combined above) and the value per recipient.
    var extraJSON: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = []
        if let cells {
            fields.append(("分栏", .object([("指标性质", .string(cells.nature)), ("指标值", .string(cells.value)),
                                          ("度量单位", .string(cells.unit))])))
        }
        if !shares.isEmpty {
            fields.append(("分项指标值", .array(shares.map { .object([("受益单位", .string($0.recipient)), ("指标值", .string($0.value))]) })))
        }
        return fields
    }
}

extension ProjectResults {
    public var json: JSONValue {
        func amount(_ value: Amount?) -> JSONValue { value?.json ?? .null }
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        return .object([
            ("项目名称", .string(projectName.value)),
            ("主管部门", text(supervisor)),
            ("实施单位", text(implementer)),
            ("年初预算数", amount(initialBudget?.value)),
            ("全年预算数", amount(annualBudget.value)),
            ("全年执行数", amount(spent.value)),
            ("资金构成", .array(fundingRows.map { row in
                .object([("名称", .string(row.name)), ("年初预算数", amount(row.initial)),
                         ("全年预算数", amount(row.annual)), ("全年执行数", amount(row.spent))]
                        + (row.rate.map { [("预算执行率", .string($0.value.text))] } ?? [])
                        + (row.reason.isEmpty ? [] : [("原因", .string(row.reason))]))
            })),
            ("实际完成情况", .string(summary)),
            ("权重", .array(weights.map { .object([("一级指标", .string($0.value.heading)), ("权重", .string($0.value.weight.plain))]) })),
            ("指标", .array(indicators.map { result in
                .object([("名称", .string(result.name.value)),
                         ("实际完成值", .string(result.actualText.value)),
                         ("解析", IndicatorValue(parsing: result.actualText.value).json),
                         ("偏差原因", text(result.deviationReason)),
                         ("分值", text(result.weight?.value.plain)),
                         ("得分", text(result.score?.value.text)),
                         ("达成情况", text(result.achievement?.value.rawValue))]
                        + (result.target.map { [("年度指标值", .string($0.value))] } ?? [])
                        + (result.notApplicable ? [("不适用", .bool(true))] : []))
            })),
            ("存在问题", .string(problems)),
            ("改进措施", .string(improvements)),
        ] + Layout.json(layout?.value, reportNumber: reportNumber) + printedJSON
          + FormCell.json([("表头", head), ("表尾", foot)], notes: notes))
    }

    /// The printed figures, shown only when written (a cell printed blank as "").
    private var printedJSON: [(String, JSONValue)] {
        [("预算执行率", budgetRate?.value.text), ("原因", budgetReason.isEmpty ? nil : budgetReason),
         ("预算执行得分", budgetScore?.value.text), ("总分.分值", totalWeight?.value.plain), ("总分.得分", totalScore?.value.text)]
            .compactMap { key, value in value.map { (key, .string($0)) } }
    }
}

extension DepartmentResults {
    public var json: JSONValue {
        .object([
            ("报告", .array(sections.map { .object([("标题", .string($0.key)), ("内容", .string($0.text))]) })),
            ("评定", .array(measures.map { measure in
                .object([("分项目标", .string(measure.subgoal.value)),
                         ("标准", .string(measure.measure.value)),
                         ("实际", measure.actualText.map { .string($0.value) } ?? .null),
                         ("等级", measure.grade.map { .string($0.value) } ?? .null),
                         ("说明", measure.note.map { .string($0) } ?? .null)])
            })),
        ])
    }
}

extension ProjectMonitoring {
    public var json: JSONValue {
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        return .object([
            ("项目名称", .string(projectName.value)),
            ("主管部门", text(supervisor)),
            ("实施单位", text(implementer)),
            ("截至", .string(asOf.value.text)),
            ("执行数", spent.value.json),
            ("各来源执行数", .array(spentBySource.map { .object([("来源", .string($0.name)), ("执行数", $0.amount.value.json)]) })),
            ("指标", .array(indicators.map { progress in
                .object([("名称", .string(progress.name.value)),
                         ("实际完成值", .string(progress.actualText.value)),
                         ("全年预计完成值", .string(progress.expectedText.value)),
                         ("偏差原因类别", .array(progress.causes.map { .string($0.rawValue) })),
                         ("偏差原因说明", text(progress.explanation)),
                         ("完成目标可能性", text(progress.likelihood?.value.rawValue)),
                         ("纠偏措施", text(progress.correction))])
            })),
        ])
    }
}
