import Foundation

/// Why `jixiao import` could not read a document, in words for the person who gave it.
public enum ImportFailure: Error, Equatable, CustomStringConvertible {
    case noTablesInText
    case noTablesInWord
    case unreadable(reason: String)
    case notZip
    case noWordDocument
    case damagedZip
    case documentTooLarge(limit: Int)
    case emptyDocument
    case malformedXML(line: Int, message: String)
    case doctypeInDocument
    case notWordprocessingML(root: String)
    case unexpectedRow(table: String, expected: String, found: [String])
    case duplicateProject(String)

    public var description: String {
        let suffix = GoalTable.titleSuffix
        switch self {
        case .noTablesInText:
            return "没有找到项目绩效目标表（标题以“\(suffix)”结尾的行，其后是以制表符分隔的单元格）"
        case .noTablesInWord:
            return "文档中没有找到项目绩效目标表（表格前的标题段落，或表格的第一行，应以“\(suffix)”结尾）"
        case .unreadable(let reason):
            return "无法读取文件：\(reason)"
        case .notZip:
            return "不是 Word 文档：.docx 文件是一个 zip 压缩包，这个文件不是（如果是旧的 .doc 或 WPS 格式，请先在 Word/WPS 中另存为 .docx）"
        case .noWordDocument:
            return "压缩包中没有 \(WordPackage.documentPath)，不是 Word（.docx）文档"
        case .damagedZip:
            return "文件已损坏：无法解压 \(WordPackage.documentPath)"
        case .documentTooLarge(let limit):
            return "\(WordPackage.documentPath) 解压后超过 \(limit >> 20) MiB，不予读取（正常的目标表文档远小于此；文件可能已损坏或是恶意构造的）"
        case .emptyDocument:
            return "\(WordPackage.documentPath) 是空的（文件可能已损坏）"
        case .malformedXML(let line, let message):
            return "\(WordPackage.documentPath) 第 \(line) 行不是格式正确的 XML（文件可能已损坏）：\(message)"
        case .doctypeInDocument:
            return "\(WordPackage.documentPath) 含有 DTD 声明；Word 生成的文档没有，不予读取"
        case .notWordprocessingML(let root):
            return "\(WordPackage.documentPath) 不是 Word 正文（根元素是 \(root)，应为 w:document）"
        case .unexpectedRow(let table, let expected, let found):
            return "“\(table)”中应为“\(expected)”的一行，却是：\(found.isEmpty ? "（表格已结束）" : found.prefix(3).joined(separator: " | "))"
        case .duplicateProject(let name):
            return "有两张表的项目名称都是“\(name)”，无法各写一个数据文件；请先在文档中改正项目名称"
        }
    }
}
