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
            abstract: "把 Word 文档（.docx）、Excel 工作簿（.xlsx）或从 Word 复制出来的纯文本中的绩效目标表和四川版式自评表导入为数据文件，每张表一个文件",
            discussion: """
            读取标题以“绩效目标表”结尾的表（项目绩效目标表、项目支出绩效目标表、专项资金绩效目标表等，部门整体的除外）\
            和四川的“部门预算项目支出绩效自评表”（报表编号 510000_0013zp）。标题可以是表格前的段落，也可以是表格中的一行，\
            后面可带“（2023年度）”。其他表格不导入。

            目标表的指标栏按表头识别：指标方向或指标性质、度量单位、每个属地（乡镇）一栏的指标值都可以有。\
            没有“资金支出计划”、没有“项目资金主要用途”、没有指标描述或确定依据的表，这些地方写成“待填写”并加注释说明原因。

            自评表写成不需要目标表的自评文件（四川版式，自带绩效指标），表上印出的权重、得分、合计照录，jixiao check 会核对。

            Word 文档（.docx）：合并的单元格（横向、纵向）按 Word 中看到的样子读取。
            Excel 工作簿（.xlsx，如预算管理一体化系统导出的表）：逐个工作表读取，合并单元格同 Word，数字按单元格格式显示\
            （小数位、百分比、日期），不加千位分隔符。
            纯文本（.txt）：标题一行，其后每个单元格一行、以制表符开头，行与行之间空一行，合并的单元格是空单元格\
            （即 Word 中全选表格、复制、粘贴到记事本的结果）。

            目标表写到 <数据目录>/<年度>/项目/，自评表写到 <数据目录>/<年度>/自评/；--out 把所有文件写到同一个目录。\
            能从表中读出的内容会填好，读不出的写成“待填写”，jixiao check 会报告；从不编造数字。\
            已有的文件不会被覆盖，除非加 --force。
            """)

        @Argument(help: "Word 文档（.docx）、Excel 工作簿（.xlsx）或表格文本文件（.txt）") var file: String
        @Option(name: .long, help: "数据目录：目标表写到 <数据目录>/<年度>/项目/，自评表写到 <数据目录>/<年度>/自评/") var data: String = "data"
        @Option(name: .long, help: "把所有文件写到这个目录（不分项目、自评）") var out: String?
        @Option(name: .long, help: "预算年度（默认取标题中的“（XXXX年度）”，或文中第一个“XXXX年”）") var year: Int?
        @Option(name: .long, help: "文本文件的编码：utf-8（默认）或 gb18030") var encoding: SourceEncoding = .utf8
        @Flag(name: .long, help: "覆盖已有的文件") var force = false

        func run() throws {
            let document: ImportedDocument
            let imported: [ImportedFile]
            do {
                document = try read()
                imported = try DocumentImporter.dataFiles(for: document)
            } catch let failure as ImportFailure {
                printError("\(file): \(failure)")
                throw dataErrorExit
            }
            let budgetYear = year ?? document.year ?? Calendar.current.component(.year, from: Date())
            let files = imported.map { (path: "\(folder($0.folder, year: budgetYear))/\($0.fileName)", contents: $0.contents) }
            // Under --out a goal table and a self-assessment of one project would share a name.
            if let clash = Dictionary(grouping: files, by: { $0.path.lowercased() }).first(where: { $0.value.count > 1 }) {
                printError("\(file): 有两张表都要写成 \(clash.value[0].path)；请不用 --out（目标表与自评表分别写到 项目/ 和 自评/）")
                throw dataErrorExit
            }
            let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
            if !existing.isEmpty, !force {
                printError("以下文件已经存在，没有覆盖（要覆盖请加 --force）：\n" + existing.map { "  " + $0 }.joined(separator: "\n"))
                throw dataErrorExit
            }
            for (path, contents) in files {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try contents.write(toFile: path, atomically: true, encoding: .utf8)
            }
            let folders = Array(Set(files.map { ($0.path as NSString).deletingLastPathComponent })).sorted()
            // The year directory checks them all; a folder of its own holds no year, so one file at a time.
            let check = out == nil ? "运行 jixiao check \(data)/\(budgetYear)" : "逐个运行 jixiao check <文件>（例如 jixiao check \(files[0].path)）"
            print("已导入 \(files.count) 张表到 \(folders.map { $0 + "/" }.joined(separator: "、"))。\(check)，查看需要补充的地方。")
        }

        private func folder(_ kind: ImportedFile.Folder, year: Int) -> String {
            if let out { return out }
            switch kind {
            case .projects: return "\(data)/\(year)/\(DataLayout.projectDirectory)"
            case .selfAssessments: return "\(data)/\(year)/\(DataLayout.resultsDirectory)"
            }
        }

        /// A Word document or a workbook by its name; anything else is table text.
        private func read() throws -> ImportedDocument {
            let lowercased = file.lowercased()
            if lowercased.hasSuffix(".docx") {
                return try WordTableReader.read(contentsOf: URL(fileURLWithPath: file))
            }
            if lowercased.hasSuffix(".xlsx") {
                return try SpreadsheetReader.read(contentsOf: URL(fileURLWithPath: file))
            }
            if lowercased.hasSuffix(".doc") || lowercased.hasSuffix(".wps") {
                printError("\(file): 不能读取旧的 .doc 或 WPS 格式。请在 Word/WPS 中另存为 .docx 后再导入。")
                throw dataErrorExit
            }
            if lowercased.hasSuffix(".xls") || lowercased.hasSuffix(".et") {
                printError("\(file): 不能读取旧的 .xls 或 WPS 表格格式。请在 Excel/WPS 中另存为 .xlsx 后再导入。")
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
