import Foundation

/// Tells when the files under some folders have changed and then held still: editors save in
/// steps (a temporary file, then a rename), and one republish per save is enough.
struct FolderWatcher: Sendable {
    let folders: [String]
    /// How often the folders are looked at.
    let interval: Duration

    /// Every file's path, size and modification time under the folders.
    func snapshot() -> [String] {
        folders.flatMap { folder -> [String] in
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
            return enumerator.compactMap { $0 as? String }.sorted().compactMap { path in
                let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + path)
                let size = attributes?[.size] as? Int ?? -1
                let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                return "\(path)|\(size)|\(date)"
            }
        }
    }

    /// Waits for the folders to differ from `last` and then to hold still for one interval;
    /// returns what they hold then, or nil once the task is cancelled.
    func nextChange(after last: [String]) async -> [String]? {
        var now = last
        while now == last {
            guard (try? await Task.sleep(for: interval)) != nil else { return nil }
            now = snapshot()
        }
        while true {
            guard (try? await Task.sleep(for: interval)) != nil else { return nil }
            let settled = snapshot()
            if settled == now { return settled }
            now = settled
        }
    }
}
