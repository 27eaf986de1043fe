import Testing
@testable import JixiaoPublish

/// Paths are told apart, looked up and sorted by their bytes, as the file system does.
@Suite("Paths by their bytes")
struct ByteOrderTests {
    let paths = ["2021/项目/乙.html", "2021/项目/甲.html", "2021/index.html", "2021", "", "2021/项目/甲.htm", "2021/自评/a.html"]

    @Test func prefixesFirstThenByBytes() {
        #expect(paths.sortedByBytes() == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(paths.sortedByBytes().first == "")
        #expect(paths.map(PathKey.init).sorted().map(\.path) == paths.sortedByBytes())
    }

    /// Names from a few pieces, so that many share their first eight bytes or are shorter:
    /// the order of the first eight bytes taken as a number, then of the rest.
    @Test func namesSharingTheirFirstBytesSortByTheRest() {
        let pieces = ["", "a", "ab", "项目", "项", "\u{7F}", "\u{80}", "ÿ", "1", "z"]
        var random = SplitMix(state: 2021)
        let names = (0..<5_000).map { _ in
            (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        #expect(names.sortedByBytes() == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// "é" composed and decomposed: one string to Swift, two names to the file system.
    @Test func namesThatOnlyNormaliseAlikeAreTwoFiles() {
        let (composed, decomposed) = ("2021/项目/caf\u{E9}.html", "2021/项目/cafe\u{301}.html")
        #expect(composed == decomposed)
        var stamps: [PathKey: Int] = [:]
        stamps[PathKey(composed)] = 1
        stamps[PathKey(decomposed)] = 2
        #expect(stamps.count == 2 && stamps[PathKey(composed)] == 1 && stamps[PathKey(decomposed)] == 2)
        #expect(PathKey(composed) != PathKey(decomposed) && PathKey(composed) == PathKey(String(composed)))
    }

    @Test func aPrefixIsNotTheSamePath() {
        #expect(PathKey("2021/项目/甲.htm") != PathKey("2021/项目/甲.html"))
        #expect(PathKey("2021/项目/甲.htm") < PathKey("2021/项目/甲.html"))
        #expect(PathKey("") < PathKey("a") && !(PathKey("") < PathKey("")))
    }
}

/// SplitMix64: the same names on every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
