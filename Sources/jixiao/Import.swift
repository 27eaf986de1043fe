import ArgumentParser
import Foundation
import JixiaoDiagnostics
import JixiaoModel
import JixiaoData
import JixiaoImport

extension Jixiao {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "把 Word 文档（.docx）或从 Word 复制出来的纯文本中的项目绩效目标表导入为数据文件，每张表一个文件",
            discussion: """
            Word 文档（.docx）：读取其中每一张项目绩效目标表——表格前的标题段落（或表格第一行）以“项目绩效目标表”结尾；\
            合并的单元格（横向、纵向）按 Word 中看到的样子读取。其他表格（如部门整体绩效目标的评定标准）不导入。

            纯文本（.txt）：标题行以“项目绩效目标表”结尾，其后每个单元格一行、以制表符开头，行与行之间空一行，\
            合并的单元格是空单元格（即 Word 中全选表格、复制、粘贴到记事本的结果）。

            能从文字中读出的内容会填好（资金用途中的预算总额与资金来源、支出计划、目标、指标），读不出的写成“待填写”，\
            jixiao check 会报告；从不编造数字。已有的文件不会被覆盖，除非加 --force。
            """)

        @Argument(help: "Word 文档（.docx）或表格文本文件（.txt）") var file: String
        @Option(name: .long, help: "输出目录（默认 data/<年度>/项目/）") var out: String?
        @Option(name: .long, help: "预算年度（默认取文中第一个“XXXX年”）") var year: Int?
        @Option(name: .long, help: "文本文件的编码：utf-8（默认）或 gb18030") var encoding: SourceEncoding = .utf8
        @Flag(name: .long, help: "覆盖已有的文件") var force = false

        func run() throws {
            let document: ImportedDocument
            do {
                document = try read()
            } catch let failure as ImportFailure {
                printError("\(file): \(failure)")
                throw dataErrorExit
            }
            let budgetYear = year ?? document.year ?? Calendar.current.component(.year, from: Date())
            let folder = out ?? "data/\(budgetYear)/\(DataLayout.projectDirectory)"
            let files: [(path: String, contents: String)]
            do {
                files = try GoalTableImporter.dataFiles(for: document).map { ("\(folder)/\($0.fileName)", $0.contents) }
            } catch {
                printError("\(file): \(error)")
                throw dataErrorExit
            }
            let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
            if !existing.isEmpty, !force {
                printError("以下文件已经存在，没有覆盖（要覆盖请加 --force）：\n" + existing.map { "  " + $0 }.joined(separator: "\n"))
                throw dataErrorExit
            }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (path, contents) in files {
                try contents.write(toFile: path, atomically: true, encoding: .utf8)
            }
            // The year directory checks them all; a folder of its own holds no year, so one file at a time.
            let check = out == nil ? "运行 jixiao check data/\(budgetYear)" : "逐个运行 jixiao check <文件>（例如 jixiao check \(files[0].0)）"
            print("已导入 \(files.count) 张表到 \(folder)/。\(check)，查看需要补充的地方。")
        }

        /// A Word document by its name; anything else is table text.
        private func read() throws -> ImportedDocument {
            let lowercased = file.lowercased()
            if lowercased.hasSuffix(".docx") {
                return try WordTableReader.read(contentsOf: URL(fileURLWithPath: file))
            }
            if lowercased.hasSuffix(".doc") || lowercased.hasSuffix(".wps") {
                printError("\(file): 不能读取旧的 .doc 或 WPS 格式。请在 Word/WPS 中另存为 .docx 后再导入。")
                throw dataErrorExit
            }
            let source: SourceFile
            switch SourceReader.read(file, encoding: encoding) {
            case .success(let read): source = read
            case .failure(let diagnostic):
                printError(diagnostic.formatted(source: nil))
                throw dataErrorExit
            }
            return try TableTextReader.read(String(decoding: source.bytes, as: UTF8.self))
        }
    }
}
