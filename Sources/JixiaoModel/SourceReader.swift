import Foundation
import JixiaoDiagnostics
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
    public static func read(_ path: String, encoding: SourceEncoding = .utf8) -> Result<SourceFile, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Diagnostic(.fileUnreadable, path: path, at: nil, "无法读取文件", hint: "检查文件是否存在以及读取权限"))
        }
        let bytes = [UInt8](data)
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
