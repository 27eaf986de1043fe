import Foundation
import JixiaoRender

/// One data file that `jixiao import` writes, and which folder of the year it belongs in.
public struct ImportedFile: Sendable, Equatable {
    public enum Folder: Sendable, Equatable {
        /// 项目/: a goal table.
        case projects
        /// 自评/: a stand-alone self-assessment.
        case selfAssessments
    }

    public let folder: Folder
    public let fileName: String
    public let contents: String
}

/// Every table of a document as a data file: goal tables numbered in the document's order,
/// self-assessment tables on their own.
public enum DocumentImporter {
    public static func dataFiles(for document: ImportedDocument) throws(ImportFailure) -> [ImportedFile] {
        var files: [ImportedFile] = []
        var order = 0
        for table in document.tables {
            let file: ImportedFile
            switch table.kind {
            case .goal:
                order += 1
                file = ImportedFile(folder: .projects, fileName: fileName(try GoalTableImporter.projectName(of: table)),
                                    contents: try GoalTableImporter.dataFile(for: table, order: order))
            case .selfAssessment:
                file = ImportedFile(folder: .selfAssessments, fileName: fileName(try SelfAssessmentImporter.projectName(of: table)),
                                    contents: try SelfAssessmentImporter.dataFile(for: table))
            }
            // Case-insensitive, as on the file systems of Windows and macOS.
            guard !files.contains(where: { $0.folder == file.folder && $0.fileName.lowercased() == file.fileName.lowercased() }) else {
                throw .duplicateProject(String(file.fileName.dropLast(5)))
            }
            files.append(file)
        }
        return files
    }

    /// The data file's name: the project's name, as `jixiao check` expects, made safe for the
    /// file system where it must be — a name from a document can never climb out of the
    /// folder it is imported into.
    static func fileName(_ projectName: String) -> String {
        OutputNames.safeStem(projectName) + ".yaml"
    }
}
