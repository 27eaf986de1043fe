#if canImport(Glibc)
import Glibc
#endif
import Crypto

/// A SHA-256 digest of content, fed field by field: what tells whether a page's input
/// changed since the last publish. Only content goes in, never a file's size, time or inode.
public struct Digest {
    private var hasher = SHA256()

    public init() {}

    /// Bytes with their length first, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func add<Bytes: Collection>(field bytes: Bytes) where Bytes.Element == UInt8 {
        var length = UInt64(bytes.count).littleEndian
        withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
        let added: Void? = bytes.withContiguousStorageIfAvailable { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        if added == nil { hasher.update(data: Array(bytes)) }
    }

    public mutating func add(field text: String) {
        var text = text
        text.withUTF8 { add(field: $0) }
    }

    /// Another digest's value, as one field.
    public mutating func add(fingerprint: Fingerprint) {
        add(field: fingerprint.bytes)
    }

    /// The digest's value so far; more may be added after.
    public var fingerprint: Fingerprint { Fingerprint(hasher.finalize()) }

    /// The digest of `bytes` alone, as one field.
    public static func of<Bytes: Collection>(_ bytes: Bytes) -> Fingerprint where Bytes.Element == UInt8 {
        var digest = Digest()
        digest.add(field: bytes)
        return digest.fingerprint
    }
}

/// A digest's value: 32 bytes, written as 64 hex digits in the manifest.
public struct Fingerprint: Hashable, Sendable, Codable, CustomStringConvertible {
    let bytes: [UInt8]

    init(_ digest: SHA256.Digest) {
        bytes = Array(digest)
    }

    public var description: String {
        String(decoding: bytes.flatMap { [Self.hexDigits[Int($0 >> 4)], Self.hexDigits[Int($0 & 0xF)]] }, as: UTF8.self)
    }

    /// The value `description` wrote; nil for anything else.
    public init?(hex text: String) {
        let digits = Array(text.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.hexDigits.firstIndex(of: digits[index]),
                  let low = Self.hexDigits.firstIndex(of: digits[index + 1]) else { return nil }
            bytes.append(UInt8(high << 4 | low))
        }
        self.bytes = bytes
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Fingerprint(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a SHA-256 digest"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// The SHA-256 of a file's bytes, taken as they go by: what the manifest records of every
/// file of the output, and what a file of the previous output must still have to be reused.
public struct ContentDigest {
    private var hasher = SHA256()

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    public var fingerprint: Fingerprint { Fingerprint(hasher.finalize()) }

    /// The SHA-256 of the file at `path`, read a megabyte at a time; nil if it cannot be read,
    /// is not a regular file, or is larger than `limit` (asked before anything is read).
    /// A link is followed only if `followingLinks`.
    public static func ofFile(_ path: String, followingLinks: Bool = false, limit: Int = .max) -> Fingerprint? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= limit else { return nil }
        var digest = ContentDigest()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return digest.fingerprint }
            buffer.withUnsafeBytes { digest.add(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }
}
