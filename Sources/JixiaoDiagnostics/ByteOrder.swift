extension Sequence<String> {
    /// In the order of their UTF-8 bytes, as the file system tells names apart: a stable
    /// order for listings, whatever the locale, and the order of `sorted()` for NFC names.
    public func sortedByBytes() -> [String] {
        // Each name's bytes are taken once, not walked again at every comparison: a manifest
        // sorts forty thousand paths.
        map { (bytes: Array($0.utf8), text: $0) }.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }.map(\.text)
    }
}
