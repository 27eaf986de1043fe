import JixiaoData
import Testing

/// Data files are read in the order of their names' bytes, as the file system tells them apart.
@Suite("Names by their bytes")
struct ByteOrderTests {
    @Test func prefixesFirstThenByBytes() {
        let paths = ["2021/项目/乙.html", "2021/项目/甲.html", "2021/index.html", "2021", "", "2021/项目/甲.htm", "2021/自评/a.html"]
        #expect(paths.sortedByBytes() == ["", "2021", "2021/index.html", "2021/自评/a.html", "2021/项目/乙.html",
                                          "2021/项目/甲.htm", "2021/项目/甲.html"])
    }

    /// "é" composed and decomposed: one string to Swift, two names to the file system, in
    /// the order of their bytes.
    @Test func namesThatOnlyNormaliseAlikeAreTwoNames() {
        let (composed, decomposed) = ("caf\u{E9}.yaml", "cafe\u{301}.yaml")
        #expect([composed, decomposed].sortedByBytes().map { Array($0.utf8) } == [Array(decomposed.utf8), Array(composed.utf8)])
    }
}
