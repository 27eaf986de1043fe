import Foundation
import JixiaoDigest
import JixiaoParser

extension DataSetLoader {
    /// The digest of every file the loader reads from `directory` — each by its path inside
    /// the folder and its content, so that the same data named `data`, `./data` or by an
    /// absolute path has the same digest, and any change to any file changes it.
    public static func inputsDigest(directory: String) -> Fingerprint {
        let files = inputFiles(directory)
        let contents = ContentDigest.ofFiles(files.map(\.path), followingLinks: true, limit: ParserLimits.standard.maxFileBytes)
        var digest = Digest()
        for (file, content) in zip(files, contents) {
            digest.add(field: file.name)
            // A file the loader refuses is refused again by the publish that finds it changed.
            digest.add(field: content?.description ?? "unreadable")
        }
        return digest.fingerprint
    }

    /// The files `loadUnits` reads, each with its path relative to `directory` (a unit's
    /// under its folder's name).
    private static func inputFiles(_ directory: String) -> [(name: String, path: String)] {
        guard isDirectory(directory) else { return [("", directory)] }
        var files: [(String, String)] = []
        for unit in UnitLayout.units(in: directory).folders {
            let prefix = unit.name.map { $0 + "/" } ?? ""
            for (year, folder) in yearFolders(in: unit.path) {
                let department = join(folder, DataLayout.departmentFile)
                if FileManager.default.fileExists(atPath: department) {
                    files.append(("\(prefix)\(year)/\(DataLayout.departmentFile)", department))
                }
                for subfolder in [DataLayout.projectDirectory, DataLayout.monitoringDirectory, DataLayout.resultsDirectory] {
                    for path in dataFiles(in: join(folder, subfolder)) {
                        files.append(("\(prefix)\(year)/\(subfolder)/" + (path as NSString).lastPathComponent, path))
                    }
                }
            }
        }
        return files
    }
}
