import Foundation
import JixiaoDiagnostics

/// The folder a publish replaces, and the one working folder Jixiao keeps beside it while
/// publishing: `output/` → `.output.jixiao-work/`. The working folder carries a marker file
/// that only Jixiao writes; it is the only folder a publish ever deletes, besides the output
/// it replaces, and it is deleted without following links.
public struct OutputFolder: Sendable {
    /// The output folder, with a symbolic link given as `--out` resolved once: the output
    /// goes where the link points, and the link stays a link.
    public let path: String
    /// How the user named it, for messages.
    public let name: String
    let work: String

    static let markerName = ".jixiao-work"
    static let markerText = "Jixiao 的发布工作目录：发布完成后自动删除；发布中断后，下次发布会恢复或清除它。\n"
    /// In the working folder, once the staged output is complete: a publish interrupted
    /// after this moves the staged output in, one interrupted before puts the old one back.
    static let completeName = "complete"

    /// Refuses an output that is not a folder or nothing yet (JX906).
    public init(_ name: String) throws(OutputRefusal) {
        self.name = name
        var path = URL(fileURLWithPath: name).standardizedFileURL.path
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard lstat(resolved, &status) == 0 else {
                throw OutputRefusal("输出目录“\(name)”是一个指向不存在位置的链接", hint: "让链接指向一个目录，或换一个输出目录")
            }
            path = resolved
        }
        if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
            throw OutputRefusal("“\(name)”已存在，但不是目录；发布不会替换它", hint: "换一个输出目录，例如 --out output")
        }
        self.path = path
        let url = URL(fileURLWithPath: path)
        work = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).jixiao-work").path
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Finishes or undoes what an interrupted publish left beside the output, first thing,
    /// whether or not this publish goes ahead.
    public func recoverInterruptedPublish() throws(OutputRefusal) {
        var status = stat()
        guard lstat(work, &status) == 0 else { return }
        let marker = try openMarker(status)
        defer { close(marker) }
        guard flock(marker, LOCK_EX | LOCK_NB) == 0 else {
            throw OutputRefusal("另一个 jixiao 正在发布到“\(name)”", code: .outputFailed, hint: "等它完成后再发布")
        }
        recover()
        removeWorkFolder()
    }

    /// Makes the working folder, with its marker locked, and a staged output in it. What an
    /// interrupted publish left is dealt with before (`recoverInterruptedPublish`): a working
    /// folder here now is another publish's, running.
    public func stage() throws(OutputRefusal) -> StagedOutput {
        let parent = (work as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        guard mkdir(work, 0o755) == 0 else {
            throw errno == EEXIST ? OutputRefusal("另一个 jixiao 正在发布到“\(name)”", code: .outputFailed, hint: "等它完成后再发布")
                : OutputRefusal("无法在 \(parent) 中创建临时目录：\(String(cString: strerror(errno)))", code: .outputFailed,
                                hint: "检查这个目录的写权限和磁盘空间")
        }
        let marker = open(work + "/" + Self.markerName, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard marker >= 0, Array(Self.markerText.utf8).withUnsafeBytes({ write(marker, $0.baseAddress, $0.count) == $0.count }),
              flock(marker, LOCK_EX | LOCK_NB) == 0, mkdir(work + "/new", 0o755) == 0 else {
            if marker >= 0 { close(marker) }
            removeWorkFolder()
            throw OutputRefusal("无法在 \(work) 中写入：\(String(cString: strerror(errno)))", code: .outputFailed,
                                hint: "检查磁盘空间")
        }
        return StagedOutput(folder: self, staging: work + "/new", lock: marker)
    }

    /// The marker of an existing working folder, if the folder is ours: a real folder (not a
    /// link) holding a marker file (not a link) with exactly the text Jixiao writes.
    private func openMarker(_ status: stat) throws(OutputRefusal) -> Int32 {
        let stranger = OutputRefusal("输出目录旁的“\(work)”不是 Jixiao 建立的工作目录，发布不会动它",
                                     hint: "把它移走或改名后重新发布")
        guard status.st_mode & S_IFMT == S_IFDIR else { throw stranger }
        let marker = open(work + "/" + Self.markerName, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
        guard marker >= 0 else { throw stranger }
        var text = [UInt8](repeating: 0, count: Self.markerText.utf8.count + 1)
        let count = read(marker, &text, text.count)
        guard count == Self.markerText.utf8.count, text[..<count].elementsEqual(Self.markerText.utf8) else {
            close(marker)
            throw stranger
        }
        return marker
    }

    /// Finishes or undoes a swap that was interrupted. The old output is moved aside only
    /// once the new one is complete, so one of the two is always whole: the new one if
    /// `complete` was written, else the old one.
    private func recover() {
        var status = stat()
        guard lstat(path, &status) != 0 else { return }
        let complete = lstat(work + "/" + Self.completeName, &status) == 0
        if !(complete && rename(work + "/new", path) == 0) {
            rename(work + "/old", path)
        }
    }

    /// Removes the working folder, marker last; ours by construction.
    func removeWorkFolder() {
        let folder = open(work, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if folder >= 0 {
            for name in ["new", "old", Self.completeName] { SafeRemoval.remove(name, in: folder) }
            close(folder)
        }
        unlink(work + "/" + Self.markerName)
        rmdir(work)
    }
}

/// Why a publish will not write to an output folder.
public struct OutputRefusal: Error, Sendable {
    public let message: String
    public let hint: String
    public let code: DiagnosticCode

    init(_ message: String, code: DiagnosticCode = .unsafeOutput, hint: String) {
        (self.message, self.code, self.hint) = (message, code, hint)
    }

    public func diagnostic(path: String) -> Diagnostic {
        Diagnostic(code, path: path, at: nil, message, hint: hint)
    }
}
