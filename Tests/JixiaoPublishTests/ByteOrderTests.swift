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

    /// Every name of up to three pieces, so that many share their first eight bytes or are
    /// shorter: the order of the first eight bytes taken as a number, then of the rest.
    @Test func namesSharingTheirFirstBytesSortByTheRest() {
        let pieces = ["", "a", "ab", "项目", "项", "\u{7F}", "\u{80}", "ÿ", "1", "z"]
        let names = pieces.flatMap { first in pieces.flatMap { second in pieces.map { first + second + $0 } } }
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
