import Testing
@testable import JixiaoPublish

/// The digest is written into manifests and compared across runs: its value must not drift.
/// The expected values come from an independent reimplementation of the algorithm.
@Suite("Digest")
struct DigestTests {
    @Test func knownValuesWithLeadingZeros() {
        #expect(Digest().fingerprint.description == "0d3838a33838d0b248e5a112e163bb1f")
        var digest = Digest()
        digest.add(field: "项目/村级组织经费.yaml")
        #expect(digest.fingerprint.description == "f37772365218a33f523ebab4632f12c7")
    }
}
