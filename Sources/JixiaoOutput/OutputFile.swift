import Foundation
import JixiaoDigest

/// A new file being written in pieces, from its start, whose digest is taken as it is
/// written. Plain POSIX writes: Foundation's `Data.write` syncs every file, which made writing
/// thousands of pages slower than rendering them; the staged output is synced once, whole,
/// before it is swapped in.
public final class OutputFile {
    private let descriptor: Int32
    let path: String
    /// The bytes written so far.
    public private(set) var length = 0
    private var digest = ContentDigest()

    /// Always a new file: never written through an existing name, which in the staged output
    /// may be a link to a page of the current output.
    init(creating path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw OutputFile.error(path) }
    }

    private init(descriptor: Int32, path: String) {
        (self.descriptor, self.path) = (descriptor, path)
    }

    /// A file for bytes on their way into another (a slot of a long page): without a name
    /// from the start, it goes with its descriptor and is never left behind.
    static func scratch(in directory: String) throws -> OutputFile {
        var template = Array((directory + "/.jixiao-scratch-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw error(directory) }
        unlink(template)
        return OutputFile(descriptor: descriptor, path: directory)
    }

    deinit { close(descriptor) }

    public func write<Bytes: Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
        let written = bytes.withContiguousStorageIfAvailable { buffer in writeAll(buffer) }
            ?? Array(bytes).withUnsafeBufferPointer { writeAll($0) }
        guard written else { throw OutputFile.error(path) }
    }

    /// Appends everything written to this file to `other`, a megabyte at a time.
    public func copy(into other: OutputFile) throws {
        var offset = 0
        while offset < length {
            let bytes = try read(at: offset, count: min(1 << 20, length - offset))
            try other.write(bytes)
            offset += bytes.count
        }
    }

    /// `count` bytes written to this file, from `offset`; fewer only past its end. Of a scratch
    /// file: a page is opened for writing only.
    public func read(at offset: Int, count: Int) throws -> [UInt8] {
        let count = max(0, min(count, length - offset))
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            while filled < count {
                let read = pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(offset + filled))
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { failed = true; return }
                filled += read
            }
        }
        guard !failed else { throw OutputFile.error(path) }
        return bytes
    }

    /// The SHA-256 of everything written.
    var contentDigest: Fingerprint { digest.fingerprint }

    private func writeAll(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        digest.add(UnsafeRawBufferPointer(buffer))
        var offset = 0
        while offset < buffer.count {
            let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
            length += count
        }
        return true
    }

    static func error(_ path: String) -> Error {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO, userInfo: [NSFilePathErrorKey: path])
    }
}
