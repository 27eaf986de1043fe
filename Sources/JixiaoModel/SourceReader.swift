import Foundation
import JixiaoDiagnostics
import JixiaoParser
#if canImport(Glibc)
import Glibc
#endif

/// The encodings a data file may be read in. Chinese Windows tools save "ANSI" text as
/// GBK/GB18030; those files are converted to UTF-8 on reading when the user says so.
public enum SourceEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"
}

/// Reads a data file from disk into a `SourceFile` (always UTF-8 inside), or a diagnostic.
public enum SourceReader {
    public static func read(_ path: String, encoding: SourceEncoding = .utf8,
                            limit: Int = ParserLimits.standard.maxFileBytes) -> Result<SourceFile, Diagnostic> {
        let bytes: [UInt8]
        switch readBytes(path, limit: limit) {
        case .success(let read): bytes = read
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        switch encoding {
        case .utf8:
            if String(validating: bytes, as: UTF8.self) == nil, !bytes.isEmpty, let _ = convertFromGB18030(bytes) {
                return .failure(Diagnostic(
                    .invalidEncoding, path: path, at: nil,
                    "文件是 GBK/GB18030 编码（记事本中的“ANSI”），不是 UTF-8",
                    hint: "用“另存为 → 编码：UTF-8”保存文件，或运行时加 --encoding gb18030"))
            }
            return .success(SourceFile(path: path, bytes: bytes))
        case .gb18030:
            guard let converted = convertFromGB18030(bytes) else {
                return .failure(Diagnostic(.invalidEncoding, path: path, at: nil, "文件不是有效的 GB18030 编码",
                                           hint: "确认文件的编码；UTF-8 文件不需要 --encoding"))
            }
            return .success(SourceFile(path: path, bytes: converted))
        }
    }

    /// The file's bytes. Its size is asked before anything is read (a 2 GB file is refused at
    /// once, not after reading it whole), and only a regular file is read: a pipe or device
    /// named like a data file would never end.
    private static func readBytes(_ path: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        let unreadable = Diagnostic(.fileUnreadable, path: path, at: nil, "无法读取文件", hint: "检查文件是否存在以及读取权限")
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(unreadable) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(unreadable) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .failure(Diagnostic(.fileUnreadable, path: path, at: nil, "不是普通文件，无法作为数据文件读取",
                                       hint: "数据目录中只应有 .yaml 数据文件"))
        }
        guard status.st_size <= limit else {
            return .failure(Diagnostic(.limitExceeded, path: path, at: nil, "文件大小 \(status.st_size) 字节，超过上限 \(limit) 字节",
                                       hint: "一个数据文件通常只有几千字节；请检查是否选错了文件"))
        }
        // One byte more than the limit is room enough to notice a file that grew meanwhile.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { return .failure(unreadable) }
            if read == 0 { break }
            count += read
        }
        if count > limit {
            return .failure(Diagnostic(.limitExceeded, path: path, at: nil, "文件超过上限 \(limit) 字节",
                                       hint: "一个数据文件通常只有几千字节；请检查是否选错了文件"))
        }
        return .success(Array(bytes[..<count]))
    }

    /// GB18030 → UTF-8 through iconv; nil when the bytes are not valid GB18030.
    static func convertFromGB18030(_ bytes: [UInt8]) -> [UInt8]? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return output[..<converted].map { UInt8(bitPattern: $0) }
    }
}
