import Foundation
import JixiaoRender

/// One page to write: where, and how to build the XML the templates turn into it. The
/// tree is built by the worker that renders it, so pages stream through memory one by one.
/// A long document (the annual document, the report) is built as a frame with slots and,
/// for each slot, a list of parts, each rendered and written in turn: it is never held whole.
struct PageJob {
    let relativePath: String
    /// The page is a form (目标表, 自评表) that `--xlsx` also writes as a spreadsheet.
    var isForm = false
    /// What the page's XML is built from, where that is known without building it (`PageKeys`).
    var key: Digest?
    /// Throws where a model decoded on first use cannot be (`Lazy`).
    let build: () throws -> XMLTree
    /// The parts of each slot, in the order the slots appear on the page.
    var slots: [[Part]] = []

    /// One part of a slot, and what its XML is built from where that is known (`PageKeys`).
    struct Part {
        var key: Digest?
        let build: () throws -> XMLTree
    }

    /// Every part, slot after slot.
    var parts: [Part] { slots.flatMap { $0 } }
    var partCount: Int { slots.reduce(0) { $0 + $1.count } }

    /// How many bytes of unchanged parts are copied at once, at most: enough to make a read
    /// of thousands of parts, little beside the memory of a publish.
    static let runLength = 1 << 20

    /// The comment the `slot` template writes where the parts go.
    static let slotMarker = Array("<!--jixiao:slot-->".utf8)

    /// What rendering a page produced: the digest of everything it was made from, whether it
    /// was taken whole from the previous output, and where each part sits in the file.
    struct Rendered {
        let digest: String
        let reused: Bool
        var parts: [PartRecord] = []
    }

    /// Renders the page, or takes it from the previous output when everything it is made
    /// from is unchanged; of a streamed page whose frame or some parts changed, the
    /// unchanged parts are copied from the previous file rather than rendered again.
    /// `xml` is written as trees are built, so it is given only when nothing is reused.
    func render(with stylesheet: Stylesheet, parameters: [(String, String)], rendering: Digest,
                into output: StagedDirectory, xml: StagedDirectory?, spreadsheets: SpreadsheetRenderer?,
                previous: PreviousOutput?) throws -> Rendered {
        /// A tree built for rendering; its XML, where wanted, goes beside the page's name.
        func build(_ build: () throws -> XMLTree, key: Digest?, suffix: String) throws -> Built {
            let name = { (relativePath as NSString).deletingPathExtension + suffix }
            return try Built(build, key: key, rendering: rendering, writingTo: xml.map { ($0, name()) })
        }
        /// A tree's digest before anything is rendered: of its key alone where it has one.
        func digest(key: Digest?, _ build: () throws -> XMLTree) throws -> String {
            try key.map { Built.digest(key: $0, rendering: rendering) }
                ?? Built(build, key: nil, rendering: rendering, writingTo: nil).digest
        }
        var frame: Built?
        func page() throws -> Built {
            if let frame { return frame }
            frame = try build(self.build, key: key, suffix: ".xml")
            return frame!
        }
        func whole(_ own: String, _ partDigests: [String]) -> String {
            var digest = rendering
            digest.add(field: own)
            partDigests.forEach { digest.add(field: $0) }
            return digest.hex
        }

        // Where there is a previous version, the digests come first: an unchanged page is
        // then known before anything is rendered, and of a keyed page before anything is built.
        let earlier = previous.flatMap { $0.page(relativePath) }
        let partDigests = try earlier == nil ? nil : parts.map { try digest(key: $0.key, $0.build) }
        let files = [relativePath] + (isForm && spreadsheets != nil ? [OutputLayout.spreadsheet(forPage: relativePath)] : [])
        if let earlier, let partDigests,
           earlier.digest == whole(try key == nil ? page().digest : digest(key: key, self.build), partDigests),
           earlier.reuse(files, into: output) {
            return Rendered(digest: earlier.digest, reused: true, parts: earlier.parts)
        }

        let (tree, own) = try (page().tree, page().digest)
        let rendered = try stylesheet.transform(tree, parameters: parameters)
        if isForm, let spreadsheets {
            // The same tree as the page: the spreadsheet can never say something else.
            try output.write(files[1], try spreadsheets.spreadsheet(tree))
        }
        guard !slots.isEmpty else {
            try output.write(relativePath, rendered)
            return Rendered(digest: whole(own, []), reused: false)
        }
        let segments = rendered.split(separator: PageJob.slotMarker, omittingEmptySubsequences: false)
        guard segments.count == slots.count + 1 else {
            throw Stylesheet.Failure(description: "模板输出了 \(segments.count - 1) 个插入位置 <!--jixiao:slot-->，应为 \(slots.count) 个")
        }
        let file = try output.create(relativePath)
        var offset = 0
        func write(_ bytes: ArraySlice<UInt8>) throws {
            try file.write(bytes)
            offset += bytes.count
        }
        var records: [PartRecord] = []
        func render(_ part: Part, number: Int) throws {
            let built = try build(part.build, key: part.key, suffix: ".part-\(number + 1).xml")
            let bytes = try stylesheet.transformPart(built.tree, parameters: parameters)
            records.append(PartRecord(digest: built.digest, offset: offset, length: bytes.count))
            try write(bytes[...])
        }
        // Unchanged parts are copied from the earlier file a run at a time: parts that sat side
        // by side there are read in one go (a report has tens of thousands of parts). Where
        // the read fails, they are rendered after all.
        var run: [(part: Part, number: Int, earlier: PartRecord)] = []
        func copyRun() throws {
            guard let first = run.first?.earlier else { return }
            if let bytes = earlier?.bytes(offset: first.offset, length: run.last!.earlier.offset + run.last!.earlier.length - first.offset) {
                for (_, _, record) in run {
                    records.append(PartRecord(digest: record.digest, offset: offset + record.offset - first.offset, length: record.length))
                }
                try write(bytes[...])
            } else {
                for (part, number, _) in run { try render(part, number: number) }
            }
            run = []
        }
        var number = 0
        for (slot, slotParts) in slots.enumerated() {
            try copyRun()
            try write(segments[slot])
            for part in slotParts {
                if let record = partDigests.flatMap({ earlier?.part($0[number]) }) {
                    if let first = run.first?.earlier, let last = run.last?.earlier,
                       last.offset + last.length != record.offset || record.offset - first.offset > PageJob.runLength {
                        try copyRun()
                    }
                    run.append((part, number, record))
                } else {
                    try copyRun()
                    try render(part, number: number)
                }
                number += 1
            }
        }
        try copyRun()
        try write(segments[slots.count])
        try file.finish()
        return Rendered(digest: whole(own, records.map(\.digest)), reused: false, parts: records)
    }
}

/// A page's or part's tree, built, with its digest: of its key where it has one, else of its
/// XML — serialised only then, or when the XML is to be written (`--emit-xml`).
private struct Built {
    let tree: XMLTree
    let digest: String

    init(_ build: () throws -> XMLTree, key: Digest?, rendering: Digest,
         writingTo xml: (directory: StagedDirectory, name: String)?) throws {
        tree = try build()
        let bytes = key == nil || xml != nil ? tree.serialized() : nil
        if let xml, let bytes { try xml.directory.write(xml.name, bytes) }
        digest = key.map { Built.digest(key: $0, rendering: rendering) } ?? Built.digest(xml: bytes!, rendering: rendering)
    }

    static func digest(key: Digest, rendering: Digest) -> String {
        var digest = rendering
        digest.add(field: "key")
        digest.add(digest: key)
        return digest.hex
    }

    static func digest(xml: [UInt8], rendering: Digest) -> String {
        var digest = rendering
        digest.add(field: xml)
        return digest.hex
    }
}
