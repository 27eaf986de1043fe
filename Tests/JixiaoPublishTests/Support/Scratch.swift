import Foundation

/// A folder in the temporary folder, removed with everything in it when the last reference
/// goes: a test leaves nothing behind, whether it passes or fails.
final class Scratch: Sendable {
    let url: URL

    init(_ label: String = "jixiao") {
        url = TestFolder.fresh(label)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func appendingPathComponent(_ component: String) -> URL { url.appendingPathComponent(component) }
    var path: String { url.path }
}

/// The folder that this test process makes its files in, removed when the process exits:
/// shared fixtures (`Published`) and helpers that hand out paths cannot remove them themselves.
enum TestFolder {
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFolder.root) }
        return url
    }()

    /// A path not used before, under `root`.
    static func fresh(_ label: String) -> URL {
        root.appendingPathComponent("\(label)-\(UUID().uuidString)")
    }
}
