/// Text as a dictionary key, equal only when its bytes are. `String` hashes and compares
/// canonically equivalent text alike, and so normalises every Chinese character it meets:
/// matching indicator names that way made a fifth of scoring a project. Names typed the
/// same way match byte for byte. A name that only looks alike (a compatibility ideograph for
/// its unified twin) does not: where that matters, the caller looks again with `String`'s own
/// equality, as `IndicatorMatching` does before it reports a row's indicator unknown.
public struct ExactText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public static func == (a: ExactText, b: ExactText) -> Bool {
        a.text.utf8.count == b.text.utf8.count && a.withBytes { x in b.withBytes { y in x.elementsEqual(y) } }
    }

    public func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether `part` occurs in the text, byte for byte (so at scalar boundaries: UTF-8 is
    /// made that way). Foundation's `contains` bridges both to UTF-16 and compares canonically.
    public func contains(_ part: ExactText) -> Bool {
        withBytes { text in part.withBytes { part in part.isEmpty || text.firstRange(of: part) != nil } }
    }

    /// The UTF-8 bytes in one buffer: comparing and hashing them there is a loop over memory,
    /// not over a string's view.
    private func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        // A copy, since `withUTF8` may make a string contiguous; the bytes are not copied,
        // except those of a short string, onto the stack.
        var text = text
        return text.withUTF8(body)
    }
}
