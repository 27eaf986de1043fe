import Foundation
import JixiaoDigest
import JixiaoOutput
import Synchronization

/// One page to write: where, and how to build the XML the templates turn into it. The
/// tree is built by the worker that renders it, so pages stream through memory one by one.
/// A long document (the annual document, the report) is built as a frame with slots and,
/// for each slot, a list of parts, each rendered and written in turn: it is never held whole.
/// A project's own page is a frame too, around one part, its table, which a long document
/// holds as well: the table is transformed once for both (`BatchParts`).
public struct PageJob: Sendable {
    /// Set by `moved(under:)` alone: a unit's pages in a district.
    public internal(set) var relativePath: String
    /// Of a form (目标表, 自评表), the whole page's tree, from which `--xlsx` also writes it
    /// as a spreadsheet.
    var spreadsheet: (@Sendable () throws -> XMLTree)?
    /// Whether `--docx` also writes the page as a Word document (the forms and the annual
    /// document), put together from its frame and parts as the page is (`WordStream`).
    var word = false
    /// The project the page shows, by its place in the year: the page is rendered with that
    /// project's batch (`RenderPlan`).
    var owner: Int?
    /// What the page's XML is built from, where that is known without building it (`PageKeys`).
    var key: Fingerprint?
    let build: @Sendable () throws -> XMLTree
    /// The parts of each slot, in the order the slots appear on the page.
    var slots: [[Part]] = []

    /// One part of a slot, and what its XML is built from where that is known (`PageKeys`).
    struct Part: Sendable {
        /// The project the part shows (of a part of several lines, the first line's), by its
        /// place in the year: a slot's parts are in the order of their projects.
        let owner: Int
        var key: Fingerprint?
        let build: @Sendable () throws -> XMLTree

        /// How many lines of a list made from the projects' facts alone (the index, the
        /// report's summary rows and bars) one part holds: each part is a transform, and tens of
        /// thousands of one-line transforms cost more than the lines themselves.
        static let linesPerPart = 64

        /// The lines at `indices`, `size` to a part, each part owned by the project of its
        /// first line (`owner`, by index) and known by the keys of its lines (`key`, by index);
        /// `build` makes the part of a range of indices.
        static func lines(of indices: Range<Int>, size: Int = linesPerPart, owner: (Int) -> Int = { $0 },
                          key: (Int) -> Fingerprint, build: @escaping @Sendable (Range<Int>) throws -> XMLTree) -> [Part] {
            stride(from: indices.lowerBound, to: indices.upperBound, by: size).map { first in
                let range = first..<min(first + size, indices.upperBound)
                var digest = Digest()
                digest.add(field: "lines")
                range.forEach { digest.add(fingerprint: key($0)) }
                return Part(owner: owner(first), key: digest.fingerprint, build: { try build(range) })
            }
        }
    }

    /// Every part, slot after slot.
    var parts: [Part] { slots.flatMap { $0 } }
    var partCount: Int { slots.reduce(0) { $0 + $1.count } }

    /// The comment the `slot` template writes where the parts go.
    static let slotMarker = Array("<!--jixiao:slot-->".utf8)

    /// What rendering a page produced: the digest of everything it was made from, whether it
    /// was taken whole from the previous output, and where each part sits in the file.
    public struct Rendered: Sendable {
        public let digest: Fingerprint
        public let reused: Bool
        public var parts: [Manifest.Part] = []
    }

    /// What starting a page left: the page, done; or, of a page with slots, its frame, with
    /// the parts still to be written (`PageStream`).
    enum Started {
        case rendered(Rendered)
        case streaming(PageStream)
    }

    /// Renders the page, or takes it from the previous output when everything it is made
    /// from is unchanged; of a page with slots, renders the frame and leaves the parts to a
    /// `PageStream`.
    func start(_ renderer: PageRenderer) throws -> Started {
        // Where there is a previous version, the digests come first: an unchanged page is
        // then known before anything is rendered, and of a keyed page before anything is built.
        let earlier = renderer.previous?.manifest.pages[relativePath]
        let partDigests = try earlier == nil ? nil : parts.map { try renderer.digest(key: $0.key, $0.build) }
        var frame: Built?
        if let earlier, let partDigests {
            if key == nil { frame = try buildFrame(renderer) }
            let own = try frame?.digest ?? renderer.digest(key: key, build)
            if earlier.source == renderer.whole(own, partDigests), renderer.previous!.reuse(files(renderer), into: renderer.output) {
                return .rendered(Rendered(digest: earlier.source, reused: true, parts: earlier.parts ?? []))
            }
        }
        return try render(frame ?? buildFrame(renderer), renderer, earlierParts: partDigests.map { digests in
            let byDigest = Dictionary((earlier?.parts ?? []).map { ($0.digest, $0) }, uniquingKeysWith: { first, _ in first })
            return digests.map { byDigest[$0] }
        })
    }

    /// The page's own tree, built.
    private func buildFrame(_ renderer: PageRenderer) throws -> Built {
        try renderer.build(build, key: key, name: (relativePath as NSString).deletingPathExtension + ".xml")
    }

    /// The page and, with `--xlsx` and `--docx`, its spreadsheet and Word document.
    private func files(_ renderer: PageRenderer) -> [String] {
        [relativePath]
            + (spreadsheet != nil && renderer.spreadsheets != nil ? [OutputLayout.beside(relativePath, OutputLayout.spreadsheetExtension)] : [])
            + (word && renderer.words != nil ? [OutputLayout.beside(relativePath, OutputLayout.wordExtension)] : [])
    }

    /// Renders the page from its frame; of a page with slots, leaves the parts to a `PageStream`.
    private func render(_ frame: Built, _ renderer: PageRenderer, earlierParts: [Manifest.Part?]?) throws -> Started {
        let rendered = try renderer.page(frame.tree)
        try writeSpreadsheet(renderer)
        let document = try renderer.words.flatMap { words in
            word ? try WordStream(self, frame: frame.tree, renderer: renderer, words: words) : nil
        }
        guard !slots.isEmpty else {
            try renderer.output.write(relativePath, rendered)
            try document?.finish()
            return .rendered(Rendered(digest: renderer.whole(frame.digest, []), reused: false))
        }
        let segments = PageJob.segments(of: rendered, at: PageJob.slotMarker)
        guard segments.count == slots.count + 1 else {
            throw Stylesheet.Failure(description: "模板输出了 \(segments.count - 1) 个插入位置 <!--jixiao:slot-->，应为 \(slots.count) 个")
        }
        return .streaming(try PageStream(self, frame: frame.digest, segments: segments, renderer: renderer, earlierParts: earlierParts,
                                         document: document))
    }

    private func writeSpreadsheet(_ renderer: PageRenderer) throws {
        guard let spreadsheet, let spreadsheets = renderer.spreadsheets else { return }
        try renderer.output.write(OutputLayout.beside(relativePath, OutputLayout.spreadsheetExtension), try spreadsheets(try spreadsheet()))
    }

    /// A rendered page cut at each `marker`, found by `memchr` and `memcmp`: the generic
    /// `split(separator:)` took half of a publish's time once every project's page was a frame.
    static func segments(of page: [UInt8], at marker: [UInt8]) -> [[UInt8]] {
        page.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return [[]] }
            var segments: [[UInt8]] = []
            var (start, next) = (0, 0)
            while bytes.count - next >= marker.count,
                  let found = memchr(base + next, Int32(marker[0]), bytes.count - marker.count + 1 - next) {
                let at = base.distance(to: UnsafeRawPointer(found))
                if memcmp(found, marker, marker.count) == 0 {
                    segments.append(Array(bytes[start..<at]))
                    start = at + marker.count
                    next = start
                } else {
                    next = at + 1
                }
            }
            segments.append(Array(bytes[start...]))
            return segments
        }
    }

    /// Renders the page and every part of it at once (a project's own page, around its table).
    /// No record is kept of where its parts sit, since none is ever copied from it: its table
    /// changes whenever its frame does (both show the name, the year and the unit).
    func render(_ renderer: PageRenderer) throws -> Rendered {
        switch try start(renderer) {
        case .rendered(let page):
            return page
        case .streaming(let stream):
            for slot in slots.indices { try stream.write(slot: slot, parts: slots[slot].indices) }
            var page = try stream.finish()
            page.parts = []
            return page
        }
    }
}

/// What every page of a publish is rendered with, and where it goes. `xml` is written as
/// trees are built, so it is given only when nothing is reused.
public struct PageRenderer: Sendable {
    let stylesheet: Stylesheet
    /// The stylesheet parameters besides the CSS, which `style` brings to pages only.
    let parameters: [(String, String)]
    let style: PageStyle
    let rendering: Fingerprint
    let output: StagedOutput
    let xml: StagedOutput?
    /// Writes a form's page tree as a spreadsheet (`--xlsx`).
    let spreadsheets: (@Sendable (XMLTree) throws -> [UInt8])?
    /// Writes the forms and the annual document as Word documents (`--docx`).
    let words: (any WordDocuments)?
    let previous: PreviousOutput?
    /// The parts rendered in the current batch.
    let batch = BatchParts()

    /// `css` goes into every page (`PageStyle`); `parameters` are the other stylesheet
    /// parameters; `rendering` is the digest of everything besides a page's XML that it is
    /// made from (the program, the templates, the options).
    public init(stylesheet: Stylesheet, css: String, parameters: [(String, String)], rendering: Fingerprint,
                output: StagedOutput, xml: StagedOutput?, spreadsheets: (@Sendable (XMLTree) throws -> [UInt8])?,
                words: (any WordDocuments)?, previous: PreviousOutput?) {
        (self.stylesheet, self.style, self.parameters, self.rendering) = (stylesheet, PageStyle(css: css), parameters, rendering)
        (self.output, self.xml, self.spreadsheets, self.words, self.previous) = (output, xml, spreadsheets, words, previous)
    }

    /// A tree built for rendering; its XML, where wanted, goes to `name` beside the pages.
    func build(_ build: () throws -> XMLTree, key: Fingerprint?, name: @autoclosure () -> String) throws -> Built {
        try Built(build, key: key, rendering: rendering, writingTo: xml.map { ($0, name()) })
    }

    /// A tree's digest before anything is rendered: of its key alone where it has one.
    func digest(key: Fingerprint?, _ build: () throws -> XMLTree) throws -> Fingerprint {
        try key.map { Built.digest(key: $0, rendering: rendering) }
            ?? Built(build, key: nil, rendering: rendering, writingTo: nil).digest
    }

    /// A page rendered, with the shared CSS in it (`PageStyle`).
    func page(_ tree: XMLTree) throws -> [UInt8] {
        let page = try stylesheet.transform(tree, parameters: style.parameters + parameters)
        if let styled = style.embed(in: page) { return styled }
        return try stylesheet.transform(tree, parameters: [style.text] + parameters)
    }

    /// A part's digest and bytes: rendered, or as rendered before in this batch. A keyed part
    /// is found by its key without building its tree, unless its XML is to be written.
    func render(_ part: PageJob.Part, name: @autoclosure () -> String) throws -> (digest: Fingerprint, bytes: [UInt8]) {
        if xml == nil, let key = part.key {
            let digest = Built.digest(key: key, rendering: rendering)
            if let bytes = batch[digest] { return (digest, bytes) }
        }
        let built = try build(part.build, key: part.key, name: name())
        if let bytes = batch[built.digest] { return (built.digest, bytes) }
        let bytes = try stylesheet.transformPart(built.tree, parameters: parameters)
        if part.key != nil { batch[built.digest] = bytes }
        return (built.digest, bytes)
    }

    /// A part in a Word document, by the part's digest: rendered by the Word templates, or as
    /// rendered before in this batch. Its tree is built again, never written (`--emit-xml`
    /// has it from the page).
    func wordPart(_ part: PageJob.Part, digest: Fingerprint, words: any WordDocuments) throws -> [UInt8] {
        var word = Digest()
        word.add(field: "docx")
        word.add(fingerprint: digest)
        let key = word.fingerprint
        if let bytes = batch[key] { return bytes }
        let bytes = try words.part(try part.build(), parameters: parameters)
        if part.key != nil { batch[key] = bytes }
        return bytes
    }

    /// A page's digest: of its own tree's and of its parts'.
    func whole(_ own: Fingerprint, _ partDigests: [Fingerprint]) -> Fingerprint {
        var digest = Digest()
        digest.add(fingerprint: rendering)
        digest.add(fingerprint: own)
        partDigests.forEach { digest.add(fingerprint: $0) }
        return digest.fingerprint
    }
}

/// A page's or part's tree, built, with its digest: of its key where it has one, else of its
/// XML — serialised only then, or when the XML is to be written (`--emit-xml`).
struct Built {
    let tree: XMLTree
    let digest: Fingerprint

    init(_ build: () throws -> XMLTree, key: Fingerprint?, rendering: Fingerprint,
         writingTo xml: (directory: StagedOutput, name: String)?) throws {
        tree = try build()
        if let key, xml == nil {
            digest = Built.digest(key: key, rendering: rendering)
            return
        }
        let bytes = tree.serialized()
        if let xml { try xml.directory.write(xml.name, bytes) }
        digest = key.map { Built.digest(key: $0, rendering: rendering) } ?? Built.digest(xml: bytes, rendering: rendering)
    }

    static func digest(key: Fingerprint, rendering: Fingerprint) -> Fingerprint {
        var digest = Digest()
        digest.add(fingerprint: rendering)
        digest.add(field: "key")
        digest.add(fingerprint: key)
        return digest.fingerprint
    }

    static func digest(xml: [UInt8], rendering: Fingerprint) -> Fingerprint {
        var digest = Digest()
        digest.add(fingerprint: rendering)
        digest.add(field: xml)
        return digest.fingerprint
    }
}

/// The parts rendered during one batch of projects, by digest. Parts of one digest have the
/// same XML (`PageKeys`), so the same bytes: a project's table, a part of its own page and of
/// a long document, is transformed for the first and copied into the second. Emptied after
/// each batch (`RenderPlan`), so it holds a batch's tables at most.
final class BatchParts: Sendable {
    private let parts = Mutex([Fingerprint: [UInt8]]())

    subscript(digest: Fingerprint) -> [UInt8]? {
        get { parts.withLock { $0[digest] } }
        set { parts.withLock { $0[digest] = newValue } }
    }

    func removeAll() {
        parts.withLock { $0.removeAll() }
    }
}
