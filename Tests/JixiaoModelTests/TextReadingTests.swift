import Foundation
import Testing
@testable import JixiaoModel

/// The fast readers of numbers and text that every value goes through agree with the
/// Foundation and Unicode readings they replace.
@Suite("Reading numbers and text")
struct TextReadingTests {
    @Test func numbersReadAsFoundationReadsThem() {
        let posix = Locale(identifier: "en_US_POSIX")
        let texts = ["0", "7", "007", "12.50", "52.15", "0.36", "-400", "+3", "-0.5", "0.000", "-0",
                     "123456789012345678", "1234567890123456789012", "99999999999999999.9", "0.000000000000000001"]
        for text in texts {
            let read = Decimal(exactly: Substring(text))
            #expect(read == Decimal(string: text, locale: posix), "\(text)")
            #expect(read?.plain == Decimal(string: text, locale: posix)?.plain, "\(text)")
        }
        for text in ["", "-", ".", ".5", "5.", "1.2.3", "1e5", "1,000", "12元", "--1", "1-", "١٢", "１２"] {
            #expect(Decimal(exactly: Substring(text)) == nil, "\(text)")
        }
    }

    @Test func plainPrintsWhatNSDecimalNumberPrints() {
        let values: [Decimal] = [0, 1, -1, Decimal(string: "0.000")!, Decimal(1) / 3, Decimal(-2) / 7, Decimal(123456) / 100,
                                 Decimal(string: "1e30")!, Decimal(string: "1e-30")!, Decimal(85).rounded(places: 2)]
        for value in values {
            #expect(value.plain == NSDecimalNumber(decimal: value).stringValue)
        }
        // Significands of every length, points anywhere, signs, the results of arithmetic and
        // of rounding, from a fixed seed.
        var random = SeededRandom(seed: 2021)
        for _ in 0..<20_000 {
            let significand = random.next() >> (random.next() % 64)
            var value = Decimal(sign: random.next() % 2 == 0 ? .plus : .minus, exponent: Int(random.next() % 36) - 25,
                                significand: Decimal(significand))
            if random.next() % 2 == 0 { value = value * Decimal(random.next() % 1000 + 1) / Decimal(random.next() % 100 + 1) }
            if random.next() % 2 == 0 { value = value.rounded(places: Int(random.next() % 5)) }
            #expect(value.plain == NSDecimalNumber(decimal: value).stringValue, "\(value.significand)e\(value.exponent)")
        }
    }

    /// A repeatable generator (SplitMix64): the same values on every run.
    private struct SeededRandom {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Converting moves the decimal point: the same value, printed the same, as multiplying
    /// and dividing by 10,000 gives.
    @Test func amountsConvertAsArithmeticDoes() {
        let texts = ["0", "71", "0.7", "45.5", "-3.25", "0.0001", "123456789.1234", "99999999999999999999.99", "1e-20"]
        for text in texts {
            let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
            for unit in MoneyUnit.allCases {
                let amount = Amount(value, unit)
                let yuan = value * unit.yuanPerUnit
                #expect(amount.inYuan == yuan && amount.inYuan.plain == yuan.plain, "\(text)\(unit)")
                #expect(amount.inWanYuan == yuan / 10_000 && amount.inWanYuan.plain == (yuan / 10_000).plain, "\(text)\(unit)")
                for target in MoneyUnit.allCases {
                    let arithmetic = yuan / target.yuanPerUnit
                    #expect(amount.converted(to: target).value.plain == arithmetic.plain, "\(text)\(unit) → \(target)")
                }
            }
        }
    }

    @Test func trimmingTakesAnyUnicodeSpace() {
        #expect(" \t\u{3000}85%以上\u{00A0} ".trimmingSpaces() == "85%以上")
        #expect("\n 村级组织 \r\n".trimmingWhitespace() == "村级组织")
        #expect("\n 村级组织 \r\n".trimmingSpaces() == "\n 村级组织 \r\n")
        #expect("村级组织".trimmingSpaces() == "村级组织")
        #expect(" \u{3000}\n\t".isBlank && "".isBlank && !" 0 ".isBlank)
    }

    @Test func placeholdersAreFoundPastLeadingSpace() {
        #expect(Placeholder.isPlaceholder("待填写"))
        #expect(Placeholder.isPlaceholder("\u{3000} 待填写：实际完成值"))
        #expect(Placeholder.isPlaceholder("  TODO 补充"))
        #expect(!Placeholder.isPlaceholder("待定事项已完成"))
        #expect(!Placeholder.isPlaceholder("Total"))
        #expect(!Placeholder.isPlaceholder("按时完成"))
    }
}
