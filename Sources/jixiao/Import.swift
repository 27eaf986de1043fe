import ArgumentParser
import Foundation
import JixiaoDiagnostics
import JixiaoModel
import JixiaoPublish

extension Jixiao {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "把从 Word 复制出来的项目绩效目标表（纯文本）导入为数据文件，每张表一个文件",
            discussion: """
            纯文本的样子：标题行以“项目绩效目标表”结尾，其后每个单元格一行、以制表符开头，行与行之间空一行，\
            合并的单元格是空单元格（即 Word 中全选表格、复制、粘贴到记事本的结果）。能从文字中读出的内容会填好\
            （资金用途中的预算总额与资金来源、支出计划、目标、指标），读不出的写成“待填写”，jixiao check 会报告。\
            已有的文件不会被覆盖，除非加 --force。
            """)

        @Argument(help: "表格文本文件（.txt）") var file: String
        @Option(name: .long, help: "输出目录（默认 data/<年度>/项目/）") var out: String?
        @Option(name: .long, help: "预算年度（默认取文中第一个“XXXX年”）") var year: Int?
        @Option(name: .long, help: "文件的编码：utf-8（默认）或 gb18030") var encoding: SourceEncoding = .utf8
        @Flag(name: .long, help: "覆盖已有的文件") var force = false

        func run() throws {
            if file.lowercased().hasSuffix(".docx") {
                printError("暂不能直接读取 .docx。请在 Word 中选中表格、复制，粘贴到记事本另存为 UTF-8 的 .txt，再导入该文件。")
                throw dataErrorExit
            }
            let source: SourceFile
            switch SourceReader.read(file, encoding: encoding) {
            case .success(let read): source = read
            case .failure(let diagnostic):
                printError(diagnostic.formatted(source: nil))
                throw dataErrorExit
            }
            let text = String(decoding: source.bytes, as: UTF8.self)
            let tables = TableTextImporter.tables(in: text)
            guard !tables.isEmpty else {
                printError("\(file): \(TableTextImporter.Failure.noTables)")
                throw dataErrorExit
            }
            let budgetYear = year ?? TableTextImporter.year(in: text) ?? Calendar.current.component(.year, from: Date())
            let folder = out ?? "data/\(budgetYear)/\(DataLayout.projectDirectory)"
            var files: [(String, String)] = []
            for (number, table) in tables.enumerated() {
                do {
                    let path = "\(folder)/\(table.projectName).yaml"
                    files.append((path, try TableTextImporter.dataFile(for: table, order: number + 1)))
                } catch {
                    printError("\(file): \(error)")
                    throw dataErrorExit
                }
            }
            let existing = files.map(\.0).filter { FileManager.default.fileExists(atPath: $0) }
            if !existing.isEmpty, !force {
                printError("以下文件已经存在，没有覆盖（要覆盖请加 --force）：\n" + existing.map { "  " + $0 }.joined(separator: "\n"))
                throw dataErrorExit
            }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (path, contents) in files {
                try contents.write(toFile: path, atomically: true, encoding: .utf8)
            }
            print("已导入 \(files.count) 张表到 \(folder)/。运行 jixiao check \((folder as NSString).deletingLastPathComponent) 查看需要补充的地方。")
        }
    }
}
