import Foundation
import JixiaoDiagnostics
import JixiaoModel
import JixiaoParser

/// How a data folder is read as units. A unit is a folder in today's shape (`<年度>/…`), so a
/// data folder is either one unit — it holds year folders, or is one — or a district: every
/// folder in it that holds year folders is a unit, named by that folder (`data/<单位>/<年度>/…`).
/// A folder holding both year folders and unit folders could be read either way: refused (JX908).
public enum UnitLayout {
    /// One unit's folder: `name` nil when the data folder is the unit itself.
    public struct Folder: Sendable, Equatable {
        public let name: String?
        public let path: String
    }

    /// The units of `directory`, in byte order of their names, and what was wrong with its
    /// layout. A file, a year folder or a folder of year folders is one unit (`name` nil).
    public static func units(in directory: String) -> (folders: [Folder], diagnostics: [Diagnostic]) {
        guard DataSetLoader.isDirectory(directory) else { return ([Folder(name: nil, path: directory)], []) }
        let years = DataSetLoader.yearFolders(in: directory)
        let children = subfolders(of: directory).filter { DataSetLoader.yearName($0) == nil }
        let unitChildren = children.filter { !DataSetLoader.yearFolders(in: join(directory, $0)).isEmpty }
        if !years.isEmpty {
            guard !unitChildren.isEmpty else { return ([Folder(name: nil, path: directory)], []) }
            return ([], [Diagnostic(
                .ambiguousDataFolder, path: directory, at: nil,
                "“\(directory)”中既有年度目录（\(years.map { String($0.year) }.joined(separator: "、"))）又有单位目录（\(unitChildren.joined(separator: "、"))），无法判断它是一个单位还是多个单位",
                hint: "一个单位的数据放在 <数据目录>/<年度>/；多个单位时每个单位一个目录：<数据目录>/<单位>/<年度>/。请把年度目录移进它所属单位的目录")])
        }
        guard !unitChildren.isEmpty else { return ([Folder(name: nil, path: directory)], []) }
        // The district's own pages sit beside the units' folders in the output.
        if let taken = unitChildren.first(where: reservedNames.contains) {
            return ([], [Diagnostic(
                .ambiguousDataFolder, path: join(directory, taken), at: nil,
                "单位目录不能叫“\(taken)”：发布时各单位的汇总页面放在输出目录的“\(taken)”中",
                hint: "把这个单位目录改名（例如加上单位的全称）")])
        }
        let strays = children.filter { !unitChildren.contains($0) }.map { name in
            Diagnostic(.notAUnitFolder, .warning, path: join(directory, name), at: nil,
                       "“\(name)”中没有年度目录，不是单位目录，其中的文件不会读取",
                       hint: "单位目录中应有年度目录：\(join(directory, name))/<年度>/\(DataLayout.departmentFile)")
        }
        return (unitChildren.map { Folder(name: $0, path: join(directory, $0)) }, strays)
    }

    /// What a unit's folder cannot be called: the district's pages in the output (`汇总/`, `index.html`).
    public static let reservedNames: Set<String> = ["汇总", "index.html"]

    /// The folders in `directory`, hidden ones left out, in byte order of their names.
    static func subfolders(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { !$0.hasPrefix(".") && DataSetLoader.isDirectory(join(directory, $0)) }
            .sortedByBytes()
    }
}

/// Everything read from a data folder of one unit or of many (`UnitLayout`): each unit's data
/// set, as `DataSetLoader` reads a folder of today's shape.
public struct District: Sendable {
    public var units: [UnitData]
    /// Findings about the folder's layout itself, before any unit's.
    public var layoutDiagnostics: [Diagnostic]

    /// One unit in today's shape.
    public init(unit dataSet: DataSet) {
        self.init(units: [UnitData(folderName: nil, path: "", dataSet: dataSet)], layoutDiagnostics: [])
    }

    public init(units: [UnitData], layoutDiagnostics: [Diagnostic]) {
        (self.units, self.layoutDiagnostics) = (units, layoutDiagnostics)
    }

    /// Whether the data folder is one unit in today's shape: published exactly as before.
    public var isSingleUnit: Bool { units.count == 1 && units[0].folderName == nil }

    public var diagnostics: [Diagnostic] { layoutDiagnostics + units.flatMap(\.dataSet.diagnostics) }
    public var sources: [String: SourceFile] {
        units.reduce(into: [:]) { sources, unit in sources.merge(unit.dataSet.sources) { first, _ in first } }
    }
    public var fileCount: Int { units.reduce(0) { $0 + $1.dataSet.fileCount } }
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    /// Every year some unit has, in order.
    public var years: [Int] { Set(units.flatMap { $0.dataSet.years.map(\.year) }).sorted() }

    /// Every year of every unit with the unit's year before it, unit by unit in order: the
    /// walk the district pages, the year-over-year comparison and a review of targets share.
    public var unitYears: [UnitYear] {
        units.indices.flatMap { unit in
            let years = units[unit].dataSet.years
            return years.indices.map { index in
                let year = years[index]
                let previous = years[..<index].last { $0.year == year.year - 1 }
                return UnitYear(unit: unit, year: year, previous: previous)
            }
        }
    }
}

/// One unit of a district: its folder and the data set read from it.
public struct UnitData: Sendable {
    /// The unit's folder name in a district; nil when the data folder is the unit.
    public let folderName: String?
    public let path: String
    public var dataSet: DataSet

    /// What the unit is called: its folder's name, or the 单位 of its department file.
    public var name: String {
        folderName ?? dataSet.years.lazy.compactMap { $0.department?.unit }.first ?? ""
    }

    /// Where its pages go in the output folder: `<单位>/`, or nothing for a single unit.
    public var outputPrefix: String { folderName.map { $0 + "/" } ?? "" }

    /// The findings about the files of one of its years.
    public func diagnostics(ofYear year: Int) -> [Diagnostic] {
        let folder = join(path, String(year)) + "/"
        return dataSet.diagnostics.filter { $0.path.hasPrefix(folder) }
    }
}

/// One year of one unit (`District.unitYears`), with the same unit's year before it if it has one.
public struct UnitYear: Sendable {
    /// The unit, by its place in `District.units`.
    public let unit: Int
    public let year: YearData
    public let previous: YearData?
}

extension DataSetLoader {
    /// Reads `directory` as one unit or as a district of units (`UnitLayout`); each unit as
    /// `load(directory:)` reads a folder. Never throws.
    public static func loadUnits(directory: String, encoding: SourceEncoding = .utf8, keepSources: Bool = true) -> District {
        let (folders, layout) = UnitLayout.units(in: directory)
        let units = folders.map { folder in
            var data = load(directory: folder.path, encoding: encoding, keepSources: keepSources)
            if let name = folder.name { data.diagnostics += unitNameMismatches(data, folderName: name, encoding: encoding) }
            return UnitData(folderName: folder.name, path: folder.path, dataSet: data)
        }
        return District(units: units, layoutDiagnostics: layout)
    }

    /// A department file whose 单位 is not its unit folder's name (JX909): pages would name
    /// one unit, the district's lists another.
    private static func unitNameMismatches(_ data: DataSet, folderName: String, encoding: SourceEncoding) -> [Diagnostic] {
        data.years.compactMap { year in
            guard let department = year.department, department.unit != folderName else { return nil }
            return Diagnostic(.unitNameMismatch, .warning, path: department.path, at: unitMark(department.path, encoding: encoding),
                              "单位“\(department.unit)”与所在的单位目录“\(folderName)”不一致",
                              hint: "把单位目录改名为“\(department.unit)”，或把这里的单位改为“\(folderName)”")
        }
    }

    /// Where the department file writes its 单位: read again, as the data set may not keep its text.
    private static func unitMark(_ path: String, encoding: SourceEncoding) -> SourceMark? {
        guard case .success(let source) = SourceReader.read(path, encoding: encoding),
              case (let tree?, _) = DocumentLoader.parse(source) else { return nil }
        return tree.mapping?.first { $0.hasKey("单位") }?.value.mark
    }
}
