import Foundation
import JixiaoDiagnostics
import JixiaoModel

/// The money of a goal table: sources and breakdown add up to the total, each stated formula
/// gives the amount beside it, and units agree with the formulas. Checks, never corrections:
/// a transcription keeps the document's slips, and the checker names them with both numbers.
struct MoneyChecks {
    let project: Project
    let report: DiagnosticCollector

    func run() {
        let total = project.budget.total.value
        checkSources(total)
        let amounts = project.budget.breakdown.map(checkItem)
        checkBreakdownSum(amounts, total)
        checkUnitCosts()
    }

    /// A per-unit cost indicator agrees with the breakdown's unit rate where
    /// both state one. An item belongs to an indicator whose name contains the item's name.
    private func checkUnitCosts() {
        let priced = project.budget.breakdown.compactMap { item in
            item.rate.flatMap { rate in Money.leadingAmount(rate.value).map { (item, rate, ExactText(item.name), $0) } }
        }.filter { !$0.0.name.isEmpty }
        guard !priced.isEmpty else { return }
        for indicator in project.indicators.flatMap(\.indicators) {
            guard case .comparison(let target) = indicator.value,
                  let unit = target.moneyUnit ?? indicator.unitInName.flatMap(MoneyUnit.init) else { continue }
            let stated = Amount(target.number, unit)
            let name = ExactText(indicator.name.value)
            for (item, rate, itemName, price) in priced where name.contains(itemName) && price.inYuan != stated.inYuan {
                report(.unitCostMismatch, at: indicator.valueText.mark,
                       "指标“\(indicator.name.value)”为 \(stated)，但明细“\(item.name)”的单价为 \(rate.value)（差 \(Money.difference(price.inYuan, stated.inYuan, like: stated))）",
                       hint: "单位成本指标应与资金用途中的单价一致")
            }
        }
    }

    private func checkSources(_ total: Amount) {
        let sources = project.budget.sources
        guard !sources.isEmpty, !project.budget.hasUnfilledSource else { return }
        let sum = sources.reduce(Decimal(0)) { $0 + $1.amount.value.inYuan }
        if sum != total.inYuan {
            report(.sourcesMismatch, at: project.budget.total.mark,
                   "资金来源合计 \(Money.text(sum, like: total)) 与预算合计 \(total) 不符（差 \(Money.difference(sum, total.inYuan, like: total))）",
                   hint: "来源：" + sources.map { "\($0.name) \($0.amount.value)" }.joined(separator: " + "))
        }
    }

    /// Checks one breakdown item; returns the amount in 元 it contributes to the sum — the
    /// amount as written, read in the unit its own formula shows when the two disagree.
    private func checkItem(_ item: BreakdownItem) -> Decimal? {
        guard let formulaText = item.formula else { return item.amount?.value.inYuan }
        let formula: Formula
        do {
            formula = try Formula(parsing: formulaText.value)
        } catch {
            report(.badFormula, at: formulaText.mark, "无法读懂计算式“\(formulaText.value)”：\(Formula.explain(error))",
                   hint: "写成“数量单位 × 数量单位 + …”，例如 5000元/人 × 21人 + 3500元/人 × 43人")
            return item.amount?.value.inYuan
        }
        guard let amount = item.amount else { return formula.yuan }
        let written = amount.value
        let computed = formula.yuan
        if computed == written.inYuan { return computed }

        // 元 written where 万元 is meant — on the amount (the formula gives the same number in
        // the other unit) or in the formula (read in the amount's unit, its prices make sense).
        // Where both readings fit, the side that disagrees with the table's own unit is the slip.
        let otherUnit: MoneyUnit = written.unit == .yuan ? .wanYuan : .yuan
        let amountSlip = computed == Amount(written.value, otherUnit).inYuan
        let stated = formula.statedMoneyUnit
        let reread = formula.value(moneyAs: written.unit)
        let formulaSlip = stated != nil && stated != written.unit && Money.sameMagnitude(reread, written.inYuan)
        if amountSlip, !formulaSlip || written.unit != project.budget.total.value.unit {
            report(.unitContradictsFormula, at: amount.mark,
                   "金额写作 \(written)，但计算“\(formulaText.value)”得 \(Money.text(computed, like: Amount(0, otherUnit)))：单位应为“\(otherUnit.rawValue)”",
                   hint: "原文如此则保留；这是原表的笔误，提交前请更正")
            return computed
        }
        if formulaSlip, let stated {
            report(.unitContradictsFormula, at: formulaText.mark,
                   "计算“\(formulaText.value)”中的单位“\(stated.rawValue)”应为“\(written.unit.rawValue)”：按“\(stated.rawValue)”计算只得 \(Money.text(computed, like: Amount(0, stated)))，与金额 \(written) 相差上万倍",
                   hint: "原文如此则保留；这是原表的笔误，提交前请更正")
            if reread != written.inYuan {
                report(.formulaMismatch, at: amount.mark,
                       "按“\(written.unit.rawValue)”计算“\(formulaText.value)”得 \(Money.text(reread, like: written))，与金额 \(written) 不符（差 \(Money.difference(reread, written.inYuan, like: written))）")
            }
            return written.inYuan
        }
        report(.formulaMismatch, at: amount.mark,
               "计算“\(formulaText.value)”得 \(Money.text(computed, like: written))，与金额 \(written) 不符（差 \(Money.difference(computed, written.inYuan, like: written))）")
        return written.inYuan
    }

    private func checkBreakdownSum(_ amounts: [Decimal?], _ total: Amount) {
        guard !amounts.isEmpty, amounts.allSatisfy({ $0 != nil }) else { return }
        let sum = amounts.reduce(Decimal(0)) { $0 + ($1 ?? 0) }
        if sum != total.inYuan {
            report(.breakdownMismatch, at: project.budget.total.mark,
                   "明细合计 \(Money.text(sum, like: total)) 与预算合计 \(total) 不符（差 \(Money.difference(sum, total.inYuan, like: total))）",
                   hint: "明细：" + zip(project.budget.breakdown, amounts).map { "\($0.0.name) \(Money.text($0.1 ?? 0, like: total))" }
                       .joined(separator: " + "))
        }
    }
}

/// Money in messages: in the unit of the figure it is compared with.
enum Money {
    static func text(_ yuan: Decimal, like reference: Amount) -> String {
        Amount(yuan / reference.unit.yuanPerUnit, reference.unit).description
    }

    static func difference(_ a: Decimal, _ b: Decimal, like reference: Amount) -> String {
        let gap = a > b ? a - b : b - a
        return text(gap, like: reference)
    }

    /// `200元/党员` → 200元; `5万元/村` → 5万元.
    static func leadingAmount(_ rate: String) -> Amount? {
        let head = rate.split(separator: "/", maxSplits: 1).first.map(String.init) ?? rate
        return Amount(parsing: head)
    }

    /// Within a factor of ten of each other: a plausible reading, not a 10,000× slip.
    static func sameMagnitude(_ a: Decimal, _ b: Decimal) -> Bool {
        guard a > 0, b > 0 else { return false }
        return a * 10 >= b && b * 10 >= a
    }
}

extension Formula {
    static func explain(_ error: Formula.ParseError) -> String {
        switch error {
        case .badFactor(let text): return "“\(text)”不是“数字+单位”"
        case .noMoneyFactor(let text): return "“\(text)”中没有以元或万元计的单价或金额"
        case .severalMoneyFactors(let text): return "“\(text)”中有不止一个金额，无法相乘"
        }
    }
}
