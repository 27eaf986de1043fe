import Foundation
import JixiaoCheck
import JixiaoDiagnostics
import JixiaoModel

/// Consistency (相关性): the goal table and the budget's breakdown (资金用途) state the same
/// costs and the same counts.
struct ConsistencyRules {
    let table: ReviewedTable
    let report: DiagnosticCollector

    /// The breakdown items whose formula reads (`269人 × 800元/人/月 × 12月`).
    private var calculated: [(item: BreakdownItem, formula: Formula)] {
        table.project.budget.breakdown.compactMap { item in
            guard let text = item.formula, let formula = try? Formula(parsing: text.value),
                  formula.terms.allSatisfy({ $0.sign > 0 }) else { return nil }
            return (item, formula)
        }
    }

    func run() {
        let calculated = self.calculated
        guard !calculated.isEmpty else { return }
        checkUnitCosts(calculated)
        checkCounts(calculated)
    }

    /// JX830: a cost per 人 (人均), per 村 (每村) … against the item's amount ÷ its count of that
    /// unit. Items stating a 单价 are compared by `jixiao check` (JX306); an item belongs to
    /// the indicator whose name shares the longest run of characters with its own (two at least).
    private func checkUnitCosts(_ calculated: [(item: BreakdownItem, formula: Formula)]) {
        for row in table.rows where row.isCost {
            guard let stated = row.moneyTarget else { continue }
            let name = row.indicator.name.value
            var candidates: [(item: BreakdownItem, formula: Formula, unit: String, count: Decimal, shared: Int)] = []
            for (item, formula) in calculated where item.rate == nil {
                for unit in Self.countUnits(formula) where ReviewRules.perUnitMarks(unit).contains(where: name.contains) {
                    let counts = Self.counts(of: unit, in: formula)
                    guard counts.count == formula.terms.count else { continue }
                    let count = counts.reduce(0, +)
                    let shared = Self.longestSharedRun(item.name, name)
                    if count > 0, shared >= 2 { candidates.append((item, formula, unit, count, shared)) }
                }
            }
            guard let closest = candidates.map(\.shared).max() else { continue }
            let related = candidates.filter { $0.shared == closest }
            let places = max(0, -stated.inYuan.exponent)
            let perUnit = related.map { Decimal.quotient($0.formula.yuan, $0.count, places: places) }
            guard !perUnit.contains(stated.inYuan), let first = related.first, let computed = perUnit.first else { continue }
            let shown = Amount(computed, .yuan).converted(to: stated.unit)
            let amount = Amount(first.formula.yuan, .yuan).converted(to: table.project.budget.total.value.unit)
            report(.reviewUnitCost, .warning, at: row.indicator.valueText.mark,
                   "成本指标“\(name)”为 \(stated)，按资金测算“\(first.item.formula?.value ?? "")”为 \(shown)（\(amount) ÷ \(first.count.plain)\(first.unit)）",
                   hint: "单位成本应与资金用途中“\(first.item.name)”的测算一致")
        }
    }

    /// JX831: a count of the 数量指标 (a bare number or `=N`) is the count of some of the items
    /// that count the same unit (the sum of their counts, each item at most once).
    private func checkCounts(_ calculated: [(item: BreakdownItem, formula: Formula)]) {
        let allUnits = Set(calculated.flatMap { Self.countUnits($0.formula) })
        for row in table.rows where row.isQuantity {
            guard case .comparison(let target) = row.indicator.value, target.op == .equal else { continue }
            let name = row.indicator.name.value
            let units = target.unit.isEmpty
                ? row.indicator.unitInName.map { [$0] } ?? allUnits.filter { ReviewRules.namesCount(name, of: $0) }.sorted()
                : [target.unit]
            for unit in units {
                let items = calculated.compactMap { entry -> (String, Decimal)? in
                    let counts = Self.counts(of: unit, in: entry.formula)
                    return counts.isEmpty ? nil : (entry.item.name, counts.reduce(0, +))
                }
                guard !items.isEmpty, !Self.sums(items.map(\.1)).contains(target.number) else { continue }
                let listed = items.map { "\($0.0) \($0.1.plain)\(unit)" }.joined(separator: "，")
                report(.reviewCount, .warning, at: row.indicator.valueText.mark,
                       "数量指标“\(name)”为 \(target.number.plain)\(unit)，资金测算中的数量是：\(listed)",
                       hint: "数量指标应与资金用途中测算的数量一致（可以是几项明细之和）")
            }
        }
    }

    /// The units counted in a formula (`人`, `村`, `月`), bare numbers aside.
    private static func countUnits(_ formula: Formula) -> Set<String> {
        Set(formula.terms.flatMap { $0.factors.compactMap(\.countUnit) }.filter { !$0.isEmpty })
    }

    /// For each product holding exactly one count of `unit`, that count.
    private static func counts(of unit: String, in formula: Formula) -> [Decimal] {
        formula.terms.compactMap { term in
            let matching = term.factors.filter { $0.countUnit == unit }
            return matching.count == 1 ? matching[0].number : nil
        }
    }

    /// Every sum of a non-empty selection of `counts`; past `maximumCombinedItems` items only
    /// each one and the total.
    private static func sums(_ counts: [Decimal]) -> Set<Decimal> {
        guard counts.count <= ReviewRules.maximumCombinedItems else { return Set(counts + [counts.reduce(0, +)]) }
        var sums: Set<Decimal> = []
        for count in counts { sums.formUnion(sums.map { $0 + count } + [count]) }
        return sums
    }

    /// The length of the longest run of characters two names share.
    private static func longestSharedRun(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        var previous = [Int](repeating: 0, count: b.count + 1)
        var longest = 0
        for i in a.indices {
            var current = [Int](repeating: 0, count: b.count + 1)
            for j in b.indices where a[i] == b[j] {
                current[j + 1] = previous[j] + 1
                longest = max(longest, current[j + 1])
            }
            previous = current
        }
        return longest
    }
}
