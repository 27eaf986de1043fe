import CSupport
import Foundation

/// A file being written, in pieces, from its start. Plain POSIX writes: Foundation's
/// `Data.write` syncs every file to disk, which made writing thousands of pages slower than
/// rendering them; the staging directory is synced once, as a whole, before it is swapped in.
final class OutputFile {
    private let descriptor: Int32
    let path: String

    /// Whether the file existed and is written over: then `finish` cuts off what is left of
    /// its old content.
    private let overwriting: Bool
    /// The bytes written so far.
    private(set) var length = 0
    /// Where the file's stamp is recorded once it is complete, and under which path.
    private let stampedIn: (stamps: FileStamps, path: String)?

    /// `overwriting` a file of the staging directory's spare (see `StagedDirectory`), which
    /// only ever has one link; otherwise always a new file, never written through an existing
    /// name, since in the staging directory a name may be a hard link into the current output.
    init(creating path: String, overwriting: Bool = false, stampedIn: (stamps: FileStamps, path: String)? = nil) throws {
        self.path = path
        self.stampedIn = stampedIn
        var descriptor: Int32 = -1
        if overwriting { descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW) }
        self.overwriting = descriptor >= 0
        if descriptor < 0 { descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        self.descriptor = descriptor
        guard descriptor >= 0 else { throw OutputFile.error(path) }
    }

    private init(descriptor: Int32, path: String) {
        (self.descriptor, self.path, overwriting, stampedIn) = (descriptor, path, false, nil)
    }

    /// A file for bytes on their way into another (a slot of a long page, `PageStream`):
    /// without a name from the start, it goes with its descriptor and is never left behind.
    static func scratch(in directory: String) throws -> OutputFile {
        var template = Array(join(directory, ".jixiao-scratch-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw error(directory) }
        unlink(template)
        return OutputFile(descriptor: descriptor, path: directory)
    }

    deinit { close(descriptor) }

    /// Appends everything written to this file to `other`, a megabyte at a time.
    func copy(into other: OutputFile) throws {
        var buffer = [UInt8](repeating: 0, count: min(length, 1 << 20))
        var offset = 0
        while offset < length {
            let count = pread(descriptor, &buffer, min(buffer.count, length - offset), off_t(offset))
            guard count > 0 else { throw OutputFile.error(path) }
            try other.write(buffer[..<count])
            offset += count
        }
    }

    func write<Bytes: Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
        let written = bytes.withContiguousStorageIfAvailable { buffer in writeAll(buffer) }
            ?? Array(bytes).withUnsafeBufferPointer { writeAll($0) }
        guard written else { throw OutputFile.error(path) }
    }

    /// The file is complete: what it held before beyond the bytes written is cut off.
    func finish() throws {
        if overwriting, ftruncate(descriptor, off_t(length)) != 0 { throw OutputFile.error(path) }
        if let stampedIn { try record(in: stampedIn.stamps, as: stampedIn.path) }
    }

    /// Apart from `finish`: inlined into it, this crashed Swift 6.3's optimizer (SILCombine).
    private func record(in stamps: FileStamps, as relativePath: String) throws {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw OutputFile.error(path) }
        stamps.record(relativePath, FileStamp(status))
    }

    private func writeAll(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
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

    /// Flushes every file of the file system holding `directory` to disk.
    static func syncFileSystem(holding directory: String) throws {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error(directory) }
        defer { close(descriptor) }
        let status = jx_sync_file_system(descriptor)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO, userInfo: [NSFilePathErrorKey: directory]) }
    }

    private static func error(_ path: String) -> Error {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO, userInfo: [NSFilePathErrorKey: path])
    }
}
