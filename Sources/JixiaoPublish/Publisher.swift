import Foundation
import JixiaoData
import JixiaoDiagnostics
import JixiaoDigest
import JixiaoExport
import JixiaoOutput
import JixiaoRender
import Synchronization

/// The pipeline of `jixiao publish`, step by step:
///
///     data/*.yaml ──read, decode, check, score──▶ data set ──site plan──▶ pages
///         ──XML ▸ libxslt + templates/*.xsl──▶ staged output ──swap──▶ output/
///
/// All or nothing: data with errors publishes nothing, and the output folder is replaced
/// whole at the end, so a failed or interrupted publish leaves it as it was. A page whose
/// inputs are unchanged since the last publish is taken from the last output, judged by the
/// digests of its content only (`Manifest`).
public enum Publisher {
    public static func publish(_ options: PublishOptions, progress: (String) -> Void = { _ in }) throws -> PublishReport {
        // The last publish's manifest and what the output holds now on one core, the digests of
        // what this publish is made from on the other: at ten thousand projects each reads tens
        // of thousands of files, and together they are most of a publish that finds nothing changed.
        let (claimed, (rendering, inputs)) = try inParallel({ try claim(options.outputDirectory, options) }, {
            let rendering = options.renderingDigest()
            return (rendering, options.inputsDigest(rendering: rendering))
        })
        let (output, manifest, listing) = claimed
        let previous = manifest.flatMap { options.reusesPages ? PreviousOutput(directory: output.path, manifest: $0) : nil }
        if let previous, previous.manifest.inputs == inputs, previous.isComplete(listing: listing) {
            progress("数据、模板与程序都没有改动，不必重新生成")
            return PublishReport(previous.manifest, reusedPages: previous.manifest.pages.count, upToDate: true)
        }

        progress("[1/4] 读取、解读、检查并评分 \(options.dataDirectory)")
        let district = DataSetLoader.loadUnits(directory: options.dataDirectory, encoding: options.encoding, keepSources: false)
        if district.errorCount > 0 { throw PublishFailure(diagnostics: district.diagnostics) }

        progress("[2/4] 编译模板 \(options.templatesDirectory)")
        let templates = try Templates(options)

        let formats = ["页面"] + (options.xlsx ? ["电子表格"] : []) + (options.docx ? ["Word 文档"] : [])
        progress("[3/4] 生成 XML，经模板转换为" + formats.joined(separator: "、"))
        let plan = RenderPlan(district)
        let xmlFolder = try options.emitXMLDirectory.map { directory throws(PublishFailure) in try claim(directory, options).folder }
        let staged = try refusing(options.outputDirectory) { () throws(OutputRefusal) in try output.stage() }
        let xml: StagedOutput?
        do {
            xml = try xmlFolder?.stage()
        } catch {
            staged.discard()
            throw PublishFailure(diagnostics: [error.diagnostic(path: options.emitXMLDirectory ?? "")])
        }
        let rendered: [PageJob.Rendered]
        do {
            let pages = plan.jobs.map(\.relativePath)
            try staged.createFolders(for: pages)
            try xml?.createFolders(for: pages)
            let renderer = PageRenderer(stylesheet: templates.stylesheet, css: templates.css, parameters: options.stylesheetParameters,
                                        rendering: rendering, output: staged, xml: xml, spreadsheets: templates.spreadsheets,
                                        words: templates.words, previous: previous)
            rendered = try plan.render(with: renderer, workers: options.workers, batchSize: options.batchSize)
            if options.pdf {
                progress("[3/4] 生成 PDF（WeasyPrint）")
                let pdfs = try PDFRenderer.render(pages.filter { !$0.hasSuffix("/" + OutputLayout.index) }, in: staged.staging,
                                                  workers: options.workers)
                try staged.adopt(pdfs)
            }
        } catch {
            staged.discard()
            xml?.discard()
            throw PublishFailure(error, path: options.outputDirectory)
        }

        progress("[4/4] 写出到 \(options.outputDirectory)")
        var written = Manifest(inputs: inputs, summary: .init(years: district.years, dataFileCount: district.fileCount,
                                                              warningCount: district.warningCount))
        for (job, page) in zip(plan.jobs, rendered) {
            written.pages[job.relativePath] = Manifest.Page(source: page.digest, parts: page.parts.isEmpty ? nil : page.parts)
        }
        do {
            // The XML first: a failure then still leaves the output as it was, as the message says.
            try xml?.commit(Manifest(inputs: inputs, summary: written.summary))
            written = try staged.commit(written)
        } catch {
            staged.discard()
            throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil,
                                                          "写出失败：\(error)", hint: "原有的输出目录保持不变")])
        }
        return PublishReport(written, reusedPages: rendered.count { $0.reused }, upToDate: false)
    }

    /// The folder named `directory`, if it is one a publish may replace: with the manifest
    /// the last publish left there, and what it holds now.
    private static func claim(_ directory: String, _ options: PublishOptions) throws(PublishFailure)
        -> (folder: OutputFolder, manifest: Manifest?, listing: [String]) {
        try refusing(directory) { () throws(OutputRefusal) in
            let folder = try OutputFolder(directory)
            try folder.recoverInterruptedPublish()
            let manifest = Manifest.read(in: folder.path)
            let listing = folder.exists ? outputListing(folder.path) : []
            try OutputGuard.check(folder, protected: options.protectedFolders, manifest: manifest, listing: listing)
            return (folder, manifest, listing)
        }
    }

    private static func refusing<Value>(_ path: String, _ body: () throws(OutputRefusal) -> Value) throws(PublishFailure) -> Value {
        do {
            return try body()
        } catch {
            throw PublishFailure(diagnostics: [error.diagnostic(path: path)])
        }
    }
}

/// `first` on this thread and `second` on another, at once.
private func inParallel<First, Second: Sendable>(_ first: () throws -> First, _ second: @escaping @Sendable () -> Second) throws
    -> (First, Second) {
    let result = Mutex<Second?>(nil)
    let done = DispatchGroup()
    DispatchQueue.global().async(group: done) {
        let value = second()
        result.withLock { $0 = value }
    }
    let value = Result { try first() }
    done.wait()
    return (try value.get(), result.withLock { $0! })
}

/// The compiled templates a publish renders with.
private struct Templates {
    let stylesheet: Stylesheet
    let css: String
    let spreadsheets: (@Sendable (XMLTree) throws -> [UInt8])?
    let words: WordRenderer?

    init(_ options: PublishOptions) throws(PublishFailure) {
        do {
            if options.pdf { try PDFRenderer.checkAvailable() }
            stylesheet = try Stylesheet(path: join(options.templatesDirectory, OutputLayout.driverStylesheet))
            css = try String(contentsOfFile: join(options.templatesDirectory, OutputLayout.styleSheet), encoding: .utf8)
            if options.xlsx {
                let renderer = try SpreadsheetRenderer(templatesDirectory: options.templatesDirectory)
                spreadsheets = { try renderer.spreadsheet($0) }
            } else {
                spreadsheets = nil
            }
            words = options.docx ? try WordRenderer(templatesDirectory: options.templatesDirectory) : nil
        } catch let missing as PDFRenderer.Missing {
            throw PublishFailure(diagnostics: [Diagnostic(.outputFailed, path: options.outputDirectory, at: nil, "\(missing)")])
        } catch {
            throw PublishFailure(diagnostics: [Diagnostic(.templateFailed, path: options.templatesDirectory, at: nil, "\(error)")])
        }
    }
}
