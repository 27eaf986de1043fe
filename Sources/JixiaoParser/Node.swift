import Foundation
import JixiaoDiagnostics

/// A node of the parsed tree. Every scalar is a string: typing is the decoder's job.
/// Every node remembers where it starts so later stages can point at it.
public struct Node: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case scalar(String)
        case sequence([Node])
        case mapping([MappingEntry])
    }

    public let content: Content
    public let mark: SourceMark

    public init(_ content: Content, at mark: SourceMark) {
        self.content = content
        self.mark = mark
    }

    public var scalar: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }

    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [MappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// What kind of node this is, in the user's words (for "expected a list, found text").
    public var kindName: String {
        switch content {
        case .scalar: return "文本"
        case .sequence: return "列表"
        case .mapping: return "键值表"
        }
    }
}

public struct MappingEntry: Sendable, Equatable {
    public let key: String
    public let keyMark: SourceMark
    public let value: Node
    /// For telling the key from its mapping's others (`KeySet`).
    let stamp: KeyStamp

    init(key: String, keyMark: SourceMark, value: Node, stamp: KeyStamp) {
        self.key = key
        self.keyMark = keyMark
        self.value = value
        self.stamp = stamp
    }

    /// Whether the key is `name` byte for byte, as YAML tells keys apart (Swift's `==` would
    /// also match canonically equivalent text, which the parser takes for another key).
    public func hasKey(_ name: String) -> Bool {
        let length = key.utf8.count
        guard name.utf8.count == length else { return false }
        guard length > 0 else { return true }  // an empty buffer may have no address to compare at
        return key.utf8.withContiguousStorageIfAvailable { key in
            name.utf8.withContiguousStorageIfAvailable { name in memcmp(key.baseAddress!, name.baseAddress!, length) == 0 }
        }.flatMap { $0 } ?? key.utf8.elementsEqual(name.utf8)
    }
}

extension Node {
    /// The tree as JSON (keys in document order), as `jixiao dump` prints it; every scalar
    /// is a JSON string, which is also how a standard YAML loader reading every scalar as
    /// a string sees the document.
    public var json: JSONValue {
        switch content {
        case .scalar(let text): return .string(text)
        case .sequence(let items): return .array(items.map(\.json))
        case .mapping(let entries): return .object(entries.map { ($0.key, $0.value.json) })
        }
    }
}
