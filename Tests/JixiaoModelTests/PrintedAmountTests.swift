import Foundation
import JixiaoDiagnostics
import Testing
@testable import JixiaoModel

/// An amount keeps how the form printed it (decimals, thousands commas) for display; its value
/// is what checks and scores use (real tables, gap 17).
@Suite struct PrintedAmountTests {
    @Test func readsThousandsCommasInGroupsOfThree() throws {
        let spent = try #require(Amount(parsing: "215,457.6元"))
        #expect(spent == Amount(Decimal(string: "215457.6")!, .yuan) && spent.written?.number == "215,457.6")
        #expect(Amount(parsing: "1,000.00万元") == Amount(1000, .wanYuan))
        #expect(Amount(parsing: "1,234,567元")?.inYuan == 1_234_567)
        #expect(Amount(parsing: "-1,000元")?.value == -1000)
        for malformed in ["21,5457.6元", "1,00元", "1234,567元", ",123元", "1,234,元", "1.234,5元", "1,,234元", "1，234元"] {
            #expect(Amount(parsing: malformed) == nil, "\(malformed)")
        }
        #expect(Amount(parsing: "1,000") == nil, "a bare number other than 0 has no unit")
    }

    @Test func keepsTheWrittenForm() throws {
        let budget = try #require(Amount(parsing: "250000.00元"))
        #expect(budget.written == Amount.Written(number: "250000.00", hasUnit: true))
        #expect(budget.description == "250000元", "messages name the value")
        #expect(Amount(parsing: "150万")?.written == Amount.Written(number: "150", hasUnit: true))
        #expect(Amount(parsing: "0.00")?.written == Amount.Written(number: "0.00", hasUnit: false))
        #expect(budget.converted(to: .wanYuan).written == nil, "a converted amount was never printed")
        #expect(budget.json == .object([("text", .string("250000.00元")), ("yuan", .string("250000"))]))
        #expect(Amount(parsing: "1,000.00万元")?.json == .object([("text", .string("1,000.00万元")), ("yuan", .string("10000000"))]))
    }

    /// One unit written: the numbers as written under it; both units: every number in 万元.
    @Test func printsAsWrittenInOneUnit() throws {
        let yuan = try ["250000.00元", "215,457.6元", "0"].map { try #require(Amount(parsing: $0)) }
        let inYuan = AmountPrinting(yuan)
        #expect(inYuan.unit == .yuan && yuan.map(inYuan.text) == ["250000.00", "215,457.6", "0"])
        let wan = try ["238.93万元", "251.90万元", "150万"].map { try #require(Amount(parsing: $0)) }
        let inWan = AmountPrinting(wan)
        #expect(inWan.unit == .wanYuan && wan.map(inWan.text) == ["238.93", "251.90", "150"])
        let mixed = try ["25万元", "215,457.6元", "0.00"].map { try #require(Amount(parsing: $0)) }
        let converted = AmountPrinting(mixed)
        #expect(converted.unit == .wanYuan && mixed.map(converted.text) == ["25", "21.54576", "0"])
        #expect(AmountPrinting([Amount(0, .wanYuan)]).unit == .wanYuan, "nothing written with a unit: 万元")
    }

    @Test func malformedCommaIsAnErrorWithAHint() {
        let decoded = ResultsDecoder.decodeProject(SourceFile(path: "r.yaml", text: """
            项目名称: 示例
            全年预算数: 250000.00元
            全年执行数: 21,5457.6元
            实际完成情况: 完成
            """))
        let error = decoded.diagnostics.first { $0.code == .badAmount }
        #expect(error?.headline == "r.yaml:3:8: 错误 JX206: “全年执行数”的金额“21,5457.6元”无法识别")
        #expect(error?.hint?.contains("每三位一个") == true)
    }
}
