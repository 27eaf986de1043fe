/// Text as a dictionary key, equal only when its bytes are. `String` hashes and compares
/// canonically equivalent text alike, and so normalises every Chinese character it meets:
/// matching indicator names that way made a fifth of scoring a project. Names typed the
/// same way match byte for byte; where one looks alike but is not, the caller looks again
/// with `String`'s own equality before it reports a name missing.
public struct ExactText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public static func == (a: ExactText, b: ExactText) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
