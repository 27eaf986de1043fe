import Foundation
import JixiaoRender

/// An Office Open XML package (.xlsx, .docx) as the templates describe it: the fixed parts
/// are files under one folder of templates/, the parts that depend on the data are written by
/// one driver stylesheet, a parameter naming the part. Swift only packs them (`ZipPackage`).
struct OfficePackage: Sendable {
    /// Where a part of the package comes from.
    enum Source: Sendable {
        /// A file of the same path under the package's folder of templates/.
        case file
        /// The driver stylesheet run with this value of its part parameter.
        case template(String)
        /// Bytes the caller gives (the body of a Word document, put together from parts).
        case given
    }

    struct MissingPart: Error, CustomStringConvertible {
        let path: String
        var description: String { "找不到 Office 文件的固定部件 \(path)" }
    }

    let stylesheet: Stylesheet
    /// The stylesheet parameter that names the part to write.
    private let parameter: String
    /// The package, in the order written: content types first, as Office writes them.
    private let parts: [(path: String, source: Source)]
    private let files: [String: [UInt8]]

    /// Compiles `driver` and reads the fixed parts under `folder` once, for every package of
    /// a publish.
    init(templatesDirectory: String, driver: String, folder: String, parameter: String,
         parts: [(path: String, source: Source)]) throws {
        stylesheet = try Stylesheet(path: (templatesDirectory as NSString).appendingPathComponent(driver))
        var files: [String: [UInt8]] = [:]
        for (path, source) in parts {
            guard case .file = source else { continue }
            let file = (templatesDirectory as NSString).appendingPathComponent("\(folder)/\(path)")
            guard let data = FileManager.default.contents(atPath: file) else { throw MissingPart(path: file) }
            files[path] = [UInt8](data)
        }
        (self.parameter, self.parts, self.files) = (parameter, parts, files)
    }

    /// The package: the templated parts from `tree` (with `parameters` besides the part's
    /// name), the `given` ones from `given`, by path.
    func pack(_ tree: XMLTree, parameters: [(String, String)] = [], given: [String: SequentialBytes] = [:]) throws -> [UInt8] {
        try ZipPackage.pack(parts.map { path, source in
            switch source {
            case .file: (path, SequentialBytes([.bytes(files[path]!)]))
            case .template(let part):
                (path, SequentialBytes([.bytes(try stylesheet.transform(tree, parameters: [(parameter, part)] + parameters))]))
            case .given: (path, given[path]!)
            }
        })
    }
}
