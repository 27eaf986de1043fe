extension Sequence<String> {
    /// In the order of their UTF-8 bytes, as the file system tells names apart: a stable
    /// order for listings, whatever the locale, and the order of `sorted()` for NFC names.
    public func sortedByBytes() -> [String] {
        sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
