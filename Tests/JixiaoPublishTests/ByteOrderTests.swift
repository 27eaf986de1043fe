import Testing
@testable import JixiaoPublish

/// Manifest lines and page lists are sorted by bytes, for a stable order without Unicode comparison.
@Suite("Listings in byte order")
struct ByteOrderTests {
    @Test func prefixesFirstThenByBytes() {
        let paths = ["2021/项目/乙.html", "2021/项目/甲.html", "2021/index.html", "2021", "", "2021/项目/甲.htm", "2021/自评/a.html"]
        #expect(paths.sortedByBytes() == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(paths.sortedByBytes().first == "")
    }
}
