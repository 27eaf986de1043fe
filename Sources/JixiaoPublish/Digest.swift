import JixiaoDiagnostics

/// A 128-bit digest of bytes: enough to tell whether a page's input changed since the last
/// publish (not a defence against forged collisions — the data's author decides the output
/// anyway). Two 64-bit lanes, each fed eight bytes at a time, for speed on the hundreds of
/// megabytes a large publish digests. Swift's `Hasher` will not do: it is seeded afresh in
/// every process.
struct Digest {
    private var first: UInt64 = 0x6C62_272E_07BB_0142
    private var second: UInt64 = 0x62B8_2175_6295_C58D
    private var count: UInt64 = 0

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let added: Void? = bytes.withContiguousStorageIfAvailable { add(raw: UnsafeRawBufferPointer($0)) }
        if added == nil { Array(bytes).withUnsafeBytes { add(raw: $0) } }
    }

    private mutating func add(raw buffer: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= buffer.count {
            mix(buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<buffer.count { tail = tail << 8 | UInt64(buffer[index]) }
        mix(tail ^ UInt64(buffer.count - offset) << 56)
        count &+= UInt64(buffer.count)
    }

    private mutating func mix(_ word: UInt64) {
        first = (first ^ word) &* 0x9E37_79B9_7F4A_7C15
        first = first << 31 | first >> 33
        second = (second &+ word) &* 0xC2B2_AE3D_27D4_EB4F
        second = second << 29 | second >> 35
        second ^= first
    }

    /// Bytes with their length first, so that ("ab", "c") and ("a", "bc") differ.
    mutating func add<Bytes: Collection>(field bytes: Bytes) where Bytes.Element == UInt8 {
        mix(UInt64(bytes.count))
        add(bytes)
    }

    /// Another digest, as one field: its three words, after their count as a field's length.
    mutating func add(digest other: Digest) {
        mix(3)
        mix(other.first)
        mix(other.second)
        mix(other.count)
    }

    mutating func add(field text: String) {
        var text = text
        text.withUTF8 { add(field: $0) }
    }

    /// The digest's final value.
    var fingerprint: Fingerprint {
        var (high, low) = (first ^ count, second &+ first)
        // A final avalanche so that near inputs give unrelated digests.
        for _ in 0..<2 {
            high = (high ^ high >> 33) &* 0xFF51_AFD7_ED55_8CCD ^ low
            low = (low ^ low >> 29) &* 0xC4CE_B9FE_1A85_EC53 ^ high
        }
        return Fingerprint(high: high, low: low)
    }

    /// A fingerprint, as one field.
    mutating func add(fingerprint: Fingerprint) {
        mix(2)
        mix(fingerprint.high)
        mix(fingerprint.low)
    }
}

/// A digest's value: what pages and parts are compared by and the manifest keeps. Two words
/// rather than the 32 hex digits it is written as: a republish of ten thousand projects
/// reads, makes and compares a hundred thousand of them.
struct Fingerprint: Hashable, CustomStringConvertible {
    let high: UInt64
    let low: UInt64

    var description: String {
        var text: [UInt8] = []
        appendHex(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// The 32 hex digits of `description`.
    func appendHex(to bytes: inout [UInt8]) {
        func append(_ word: UInt64) {
            for shift in stride(from: 60, through: 0, by: -4) { bytes.append(Fingerprint.hexDigits[Int(word >> UInt64(shift) & 0xF)]) }
        }
        append(high)
        append(low)
    }

    init(high: UInt64, low: UInt64) {
        (self.high, self.low) = (high, low)
    }

    /// The fingerprint `description` wrote; nil for anything else.
    init?<Text: Collection>(hex text: Text) where Text.Element == UInt8 {
        guard text.count == 32 else { return nil }
        var (high, low): (UInt64, UInt64) = (0, 0)
        for (index, character) in zip(0..., text) {
            let value = Fingerprint.hexValues[Int(character)]
            guard value < 16 else { return nil }
            if index < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
        }
        (self.high, self.low) = (high, low)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    /// Each byte's value as a hex digit, or 16 for a byte that is none.
    private static let hexValues: [UInt8] = (0...255).map { byte in UInt8(hexDigits.firstIndex(of: UInt8(byte)) ?? 16) }
}

extension Digest {
    /// Of a data file: its text, which is all its model and pages are made from. Not its
    /// path: the data read as `data` one time and as `./data` or an absolute path the next
    /// builds the same pages, and changing one file must not redo them all.
    init(file: SourceFile) {
        self.init()
        add(field: file.bytes)
    }
}
