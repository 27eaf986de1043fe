import Foundation
import Testing
@testable import JixiaoModel

private func comparison(_ text: String) -> String {
    switch IndicatorValue(parsing: text) {
    case .comparison(let c): return "\(c.op.rawValue)\(c.number.plain)\(c.unit)"
    case .deadline(let d): return "deadline \(d.isoDate)"
    case .qualitative(let t): return "qualitative \(t)"
    }
}

@Suite("Indicator values")
struct IndicatorValueTests {
    @Test(arguments: [
        // Every form in the seed.
        ("12", "=12"), ("100%", "=100%"), ("85%以上", "≥85%"), ("低于10%", "<10%"), ("低于1人次", "<1人次"),
        ("高于260", ">260"), ("200元", "=200元"), ("5万元", "=5万元"), ("3500", "=3500"), ("0", "=0"),
        ("低于5人次", "<5人次"), ("低于1次", "<1次"), ("95%以上", "≥95%"), ("90%以上", "≥90%"),
        // The department's grading conditions.
        ("90分以上", "≥90分"), ("60分以下", "≤60分"), ("3个工作日之内", "≤3个工作日"), ("10个工作日以上", "≥10个工作日"),
        ("2个工作日内", "≤2个工作日"), ("超2个工作日", ">2个工作日"), ("大于1%", ">1%"), ("大于90%", ">90%"),
        ("900分以上", "≥900分"),
        // Forms the tables also use: symbols, 不低于, 不超过, and an equals sign.
        ("≥90%", "≥90%"), ("≤5次", "≤5次"), ("=100%", "=100%"), ("不低于95%", "≥95%"), ("不超过3个工作日", "≤3个工作日"),
        ("不少于4次", "≥4次"), ("小于2%", "<2%"), ("不满18", "<18"), ("超过5天", ">5天"), ("10以内", "≤10"),
        ("52.15万元", "=52.15万元"),
    ])
    func comparisons(text: String, expected: String) {
        #expect(comparison(text) == expected, "\(text)")
    }

    @Test func deadlines() {
        #expect(comparison("2021年12月底前") == "deadline 2021-12-31")
        #expect(comparison("2021年6月30日前") == "deadline 2021-06-30")
        #expect(comparison("2021年底前") == "deadline 2021-12-31")
        #expect(comparison("2020年2月底前") == "deadline 2020-02-29")
        #expect(comparison("2021年2月30日前") == "qualitative 2021年2月30日前")
    }

    @Test func qualitativeText() {
        #expect(comparison("效果明显") == "qualitative 效果明显")
        #expect(comparison("达到组织部门要求") == "qualitative 达到组织部门要求")
        #expect(comparison("全年开展4次以上法律知识宣传且宣传效果明显") == "qualitative 全年开展4次以上法律知识宣传且宣传效果明显")
    }

    /// 以上/以下 include the number, 高于/低于 exclude it (民法典 第一千二百五十九条).
    @Test func statutoryBoundaries() throws {
        func holds(_ text: String, _ actual: Decimal) throws -> Bool {
            guard case .comparison(let c) = IndicatorValue(parsing: text) else { throw CocoaError(.formatting) }
            return c.op.holds(actual, c.number)
        }
        #expect(try holds("90分以上", 90))
        #expect(try !holds("90分以上", Decimal(string: "89.99")!))
        #expect(try holds("60分以下", 60))
        #expect(try !holds("60分以下", Decimal(string: "60.01")!))
        #expect(try !holds("低于10%", 10))
        #expect(try holds("低于10%", Decimal(string: "9.99")!))
        #expect(try !holds("高于260", 260))
        #expect(try holds("高于260", 261))
        #expect(try holds("不低于95%", 95))
        #expect(try !holds("不超过3个工作日", 4))
    }

    @Test func gradeConditions() {
        #expect(GradeCondition(parsing: "否则") == .otherwise)
        #expect(GradeCondition(parsing: "低于80%") == .value(.comparison(Comparison(.less, 80, unit: "%"))))
    }
}

@Suite("Money")
struct AmountTests {
    @Test func parsesAndConvertsExactly() throws {
        let wan = try #require(Amount(parsing: "52.15万元"))
        #expect(wan.inYuan == 521_500)
        let yuan = try #require(Amount(parsing: "25.55元"))
        #expect(yuan.unit == .yuan && yuan.value == Decimal(string: "25.55")!)
        #expect(Amount(parsing: "0.36元")!.converted(to: .wanYuan).value == Decimal(string: "0.000036")!)
        #expect(Amount(parsing: "71") == nil)
        #expect(Amount(parsing: "七十一万元") == nil)
        #expect(Amount(7.2, .wanYuan).description == "7.2万元")
    }

    @Test func decimalSumsAreExact() {
        let parts = ["52.15", "123.65", "33.16", "12.96", "36.36"].map { Decimal(string: $0)! }
        #expect(parts.reduce(0, +) == Decimal(string: "258.28")!)
        #expect((Decimal(string: "0.1")! + Decimal(string: "0.2")!) == Decimal(string: "0.3")!)
    }

    @Test func roundingIsHalfUp() {
        #expect(Decimal(string: "2.345")!.rounded(places: 2) == Decimal(string: "2.35")!)
        #expect(Decimal(string: "2.355")!.rounded(places: 2) == Decimal(string: "2.36")!)
        #expect(Decimal(string: "0.125")!.rounded(places: 2) == Decimal(string: "0.13")!)
    }
}
