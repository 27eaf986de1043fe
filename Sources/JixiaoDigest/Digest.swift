#if canImport(Glibc)
import Glibc
#endif
import Crypto
import Dispatch
import Synchronization

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
        fingerprint.withBytes { add(field: $0) }
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

/// A digest's value: 32 bytes, kept as four words (compared and hashed tens of thousands of
/// times in a republish, without a heap allocation each), written as 64 hex digits.
public struct Fingerprint: Hashable, Sendable, Codable, CustomStringConvertible {
    private let first: UInt64, second: UInt64, third: UInt64, fourth: UInt64

    init(_ digest: SHA256.Digest) {
        self.init(digest.withUnsafeBytes { Array($0) })
    }

    /// From 32 bytes, in the digest's order.
    private init(_ bytes: [UInt8]) {
        func word(_ offset: Int) -> UInt64 { bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) } }
        (first, second, third, fourth) = (word(0), word(8), word(16), word(24))
    }

    /// The 32 bytes, in the digest's order.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        [first, second, third, fourth].withUnsafeBytes(body)
    }

    public var description: String {
        // Written straight into the string's storage: a manifest holds a hundred thousand.
        withBytes { bytes in
            String(unsafeUninitializedCapacity: 64) { text in
                for (index, byte) in bytes.enumerated() {
                    text[2 * index] = Self.hexDigits[Int(byte >> 4)]
                    text[2 * index + 1] = Self.hexDigits[Int(byte & 0xF)]
                }
                return 64
            }
        }
    }

    /// The value `description` wrote; nil for anything else.
    public init?(hex text: String) {
        var text = text
        guard let bytes = text.withUTF8({ digits -> [UInt8]? in
            guard digits.count == 64 else { return nil }
            var bytes = [UInt8](repeating: 0, count: 32)
            for index in 0..<32 {
                let high = Self.hexValues[Int(digits[2 * index])], low = Self.hexValues[Int(digits[2 * index + 1])]
                guard high < 16, low < 16 else { return nil }
                bytes[index] = high << 4 | low
            }
            return bytes
        }) else { return nil }
        self.init(bytes)
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
    /// Each byte's value as a hex digit, or 16 for a byte that is none.
    private static let hexValues: [UInt8] = (0...255).map { byte in UInt8(hexDigits.firstIndex(of: UInt8(byte)) ?? 16) }
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

    /// `ofFile` of each path, on every core, in order.
    public static func ofFiles(_ paths: [String], followingLinks: Bool = false, limit: Int = .max) -> [Fingerprint?] {
        let digests = Mutex([Fingerprint?](repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let digest = ofFile(paths[index], followingLinks: followingLinks, limit: limit)
            digests.withLock { $0[index] = digest }
        }
        return digests.withLock { $0 }
    }

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
        // Sized to the file (most pages are a few kilobytes) and never zeroed: a republish
        // reads tens of thousands of files.
        let capacity = max(1, min(Int(status.st_size), 1 << 20))
        return withUnsafeTemporaryAllocation(byteCount: capacity, alignment: 16) { buffer in
            while true {
                let count = read(descriptor, buffer.baseAddress!, capacity)
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { return nil }
                if count == 0 { return digest.fingerprint }
                digest.add(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }
}
