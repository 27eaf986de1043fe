import Foundation

/// A path as a dictionary key: equal, hashed and ordered by its UTF-8 bytes, as the file
/// system tells files apart. `String` compares and hashes by Unicode equivalence, which
/// would take two files whose names only normalise alike for one, and which on Chinese
/// paths costs more than the lookup itself (a large publish makes hundreds of thousands).
struct PathKey: Hashable, Comparable {
    let path: String

    init(_ path: String) { self.path = path }

    static func == (first: PathKey, second: PathKey) -> Bool {
        first.path.utf8.count == second.path.utf8.count && byteOrder(first.path, second.path) == 0
    }

    static func < (first: PathKey, second: PathKey) -> Bool { byteOrder(first.path, second.path) < 0 }

    func hash(into hasher: inout Hasher) {
        var path = path
        path.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// Negative, zero or positive as `first`'s UTF-8 bytes sort before, with or after `second`'s.
func byteOrder(_ first: String, _ second: String) -> Int {
    var (first, second) = (first, second)
    return first.withUTF8 { first in
        second.withUTF8 { second in
            let common = min(first.count, second.count)
            let order = common == 0 ? 0 : Int(memcmp(first.baseAddress!, second.baseAddress!, common))
            return order != 0 ? order : first.count - second.count
        }
    }
}

extension Sequence<String> {
    /// In byte order: a stable order for listings of thousands of paths, without the Unicode
    /// comparison of `sorted()` (the same order for the NFC text of file names).
    /// Most names differ in their first eight bytes, compared as one number.
    func sortedByBytes() -> [String] {
        map { (head: headBytes($0), text: $0) }
            .sorted { $0.head != $1.head ? $0.head < $1.head : byteOrder($0.text, $1.text) < 0 }
            .map(\.text)
    }
}

/// The first eight bytes of `text`, the first the highest, zeros after a shorter text: in
/// the order of the texts where they differ.
private func headBytes(_ text: String) -> UInt64 {
    var head: UInt64 = 0
    var count = 0
    for byte in text.utf8.prefix(8) {
        head = head << 8 | UInt64(byte)
        count += 1
    }
    return count == 0 ? 0 : head << (8 * UInt64(8 - count))
}
