import Foundation

/// A 128-bit FNV-1a digest: enough to tell whether a page's input changed since the last
/// publish (not a defence against forged collisions — the data's author decides the output
/// anyway). Swift's `Hasher` will not do: it is seeded afresh in every process.
struct Digest {
    private static let prime: UInt128 = (1 << 88) | 0x13B
    private var state: UInt128 = 0x6C62_272E_07BB_0142_62B8_2175_6295_C58D

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var state = self.state
        for byte in bytes {
            state ^= UInt128(byte)
            state &*= Digest.prime
        }
        self.state = state
    }

    /// Bytes with their length first, so that ("ab", "c") and ("a", "bc") differ.
    mutating func add<Bytes: Collection>(field bytes: Bytes) where Bytes.Element == UInt8 {
        add(String(bytes.count).utf8)
        add([0])
        add(bytes)
    }

    mutating func add(field text: String) { add(field: text.utf8) }

    var hex: String {
        let high = String(UInt64(truncatingIfNeeded: state >> 64), radix: 16)
        let low = String(UInt64(truncatingIfNeeded: state), radix: 16)
        return String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low
    }
}
