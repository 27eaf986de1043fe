import CSupport
import Foundation

/// A file being written, in pieces. Plain POSIX writes: Foundation's `Data.write` syncs every
/// file to disk, which made writing thousands of pages slower than rendering them; the
/// staging directory is synced once, as a whole, before it is swapped in.
final class OutputFile {
    private let descriptor: Int32
    let path: String

    init(creating path: String) throws {
        self.path = path
        // Always a new file, never written through an existing name: in the staging directory
        // a name may be a hard link into the previous output, which must stay as it was.
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputFile.error(path) }
    }

    deinit { close(descriptor) }

    func write<Bytes: Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
        let written = bytes.withContiguousStorageIfAvailable { buffer in writeAll(buffer) }
            ?? Array(bytes).withUnsafeBufferPointer { writeAll($0) }
        guard written else { throw OutputFile.error(path) }
    }

    private func writeAll(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
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
