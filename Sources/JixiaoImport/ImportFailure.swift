import Foundation

/// Why `jixiao import` could not read a document, in words for the person who gave it.
public enum ImportFailure: Error, Equatable, CustomStringConvertible {
    case noTablesInText
    case noTablesInWord
    case noTablesInWorkbook
    case unreadable(reason: String)
    case notZip
    case notWorkbookZip
    case noWordDocument
    case noWorkbook
    case damagedZip(part: String)
    case documentTooLarge(part: String, limit: Int)
    case emptyDocument(part: String)
    case malformedXML(part: String, line: Int, message: String)
    case doctypeInDocument(part: String)
    case notWordprocessingML(root: String)
    case notSpreadsheetML(part: String, root: String)
    case unexpectedRow(table: String, row: Int?, expected: String, found: [String])
    case missingRow(table: String, expected: String)
    case noProjectName(table: String)
    case sheetTooLarge(sheet: String)
    case duplicateProject(String)

    /// What a table's title ends in, for the messages that say what was looked for.
    static let titles = "以“绩效目标表”或“部门预算项目支出绩效自评表”结尾"

    public var description: String {
        switch self {
        case .noTablesInText:
            return "没有找到绩效目标表或自评表（标题行\(Self.titles)，其后是以制表符分隔的单元格）"
        case .noTablesInWord:
            return "文档中没有找到绩效目标表或自评表（表格前的标题段落，或表格中的标题行，应\(Self.titles)）"
        case .noTablesInWorkbook:
            return "工作簿中没有找到绩效目标表或自评表（工作表中应有一行标题\(Self.titles)）"
        case .unreadable(let reason):
            return "无法读取文件：\(reason)"
        case .notZip:
            return "不是 Word 文档：.docx 文件是一个 zip 压缩包，这个文件不是（如果是旧的 .doc 或 WPS 格式，请先在 Word/WPS 中另存为 .docx）"
        case .notWorkbookZip:
            return "不是 Excel 工作簿：.xlsx 文件是一个 zip 压缩包，这个文件不是（如果是旧的 .xls 或 .et 格式，请先在 Excel/WPS 中另存为 .xlsx）"
        case .noWordDocument:
            return "压缩包中没有 \(WordPackage.documentPath)，不是 Word（.docx）文档"
        case .noWorkbook:
            return "压缩包中没有 \(SpreadsheetPackage.workbookPath)，不是 Excel（.xlsx）工作簿"
        case .damagedZip(let part):
            return "文件已损坏：无法解压 \(part)"
        case .documentTooLarge(let part, let limit):
            return "\(part) 解压后超过 \(limit >> 20) MiB，不予读取（正常的表格文件远小于此；文件可能已损坏或是恶意构造的）"
        case .emptyDocument(let part):
            return "\(part) 是空的（文件可能已损坏）"
        case .malformedXML(let part, let line, let message):
            return "\(part) 第 \(line) 行不是格式正确的 XML（文件可能已损坏）：\(message)"
        case .doctypeInDocument(let part):
            return "\(part) 含有 DTD 声明；Word、Excel 生成的文件没有，不予读取"
        case .notWordprocessingML(let root):
            return "\(WordPackage.documentPath) 不是 Word 正文（根元素是 \(root)，应为 w:document）"
        case .notSpreadsheetML(let part, let root):
            return "\(part) 不是 Excel 的工作簿或工作表（根元素是 \(root)）"
        case .unexpectedRow(let table, let row, let expected, let found):
            let place = row.map { "第 \($0) 行（不计空行）" } ?? "这里"
            return "“\(table)”\(place)应为“\(expected)”，却是：\(found.isEmpty ? "（表格已结束）" : found.filter { !$0.isEmpty }.prefix(4).joined(separator: " | "))"
        case .missingRow(let table, let expected):
            return "“\(table)”中没有“\(expected)”一行，无法读出各项指标（表格可能不完整，或不是这种表）"
        case .noProjectName(let table):
            return "“\(table)”没有写项目名称：标题只是表名，表中也没有“项目名称”一格；请在表中填上项目名称后再导入"
        case .sheetTooLarge(let sheet):
            return "工作表“\(sheet)”用到的单元格超过 \(SpreadsheetPackage.rowLimit) 行或 \(SpreadsheetPackage.columnLimit) 列，不像是一张表格，不予读取"
        case .duplicateProject(let name):
            return "有两张表都要写成“\(name)”，无法各写一个数据文件；请先在文档中改正项目名称（或分别导入）"
        }
    }
}
