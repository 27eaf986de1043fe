import Foundation
import JixiaoDigest
import Testing

/// Digests are written into manifests and compared across runs: they are SHA-256, fed field
/// by field (each field's length first, as eight little-endian bytes), and must not drift.
/// The expected values come from Python's hashlib.
@Suite("Digest")
struct DigestTests {
    @Test func knownValues() {
        #expect(Digest().fingerprint.description == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var digest = Digest()
        digest.add(field: "项目/村级组织经费.yaml")
        #expect(digest.fingerprint.description == "dc7b432c719762663eae0e6a4e787b5372bff3b80077fb8c1065995a0e9d4f9b")
        #expect(Fingerprint(hex: digest.fingerprint.description) == digest.fingerprint)
        #expect(Fingerprint(hex: "not a digest") == nil)
    }

    /// A file's digest is the plain SHA-256 of its bytes (what `sha256sum` prints).
    @Test func aFilesDigestIsItsSHA256() throws {
        let scratch = Scratch("jixiao-digest")
        let file = scratch.appendingPathComponent("页.html")
        try Data("abc".utf8).write(to: file)
        #expect(ContentDigest.ofFile(file.path)?.description == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentDigest.ofFile(scratch.appendingPathComponent("无").path) == nil)
    }
}
