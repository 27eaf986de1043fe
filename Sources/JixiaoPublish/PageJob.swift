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
    let build: () -> XMLTree
    /// The parts of each slot, in the order the slots appear on the page.
    var slots: [[() -> XMLTree]] = []

    /// Every part, slot after slot.
    var parts: [() -> XMLTree] { slots.flatMap { $0 } }
    var partCount: Int { slots.reduce(0) { $0 + $1.count } }

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
    func render(with stylesheet: Stylesheet, parameters: [(String, String)], rendering: Digest,
                into output: StagedDirectory, xml: StagedDirectory?, spreadsheets: SpreadsheetRenderer?,
                previous: PreviousOutput?) throws -> Rendered {
        let stem = (relativePath as NSString).deletingPathExtension
        let parts = self.parts
        let tree = build()
        let treeXML = tree.serialized()
        try xml?.write(stem + ".xml", treeXML)
        /// Part `number` built, and its digest; its XML is written out the first time only.
        func part(_ number: Int, again: Bool = false) throws -> (digest: String, tree: XMLTree) {
            let tree = parts[number]()
            let partXML = tree.serialized()
            if !again { try xml?.write(stem + ".part-\(number + 1).xml", partXML) }
            var digest = rendering
            digest.add(field: partXML)
            return (digest.hex, tree)
        }
        func whole(_ partDigests: [String]) -> String {
            var digest = rendering
            digest.add(field: treeXML)
            partDigests.forEach { digest.add(field: $0) }
            return digest.hex
        }

        // Where there is a previous version, the digests come first: an unchanged page is
        // then known before anything is rendered.
        let earlier = previous.flatMap { $0.page(relativePath) }
        let partDigests = try earlier == nil ? nil : parts.indices.map { try part($0).digest }
        let files = [relativePath] + (isForm && spreadsheets != nil ? [OutputLayout.spreadsheet(forPage: relativePath)] : [])
        if let earlier, let partDigests, earlier.digest == whole(partDigests), earlier.reuse(files, into: output) {
            return Rendered(digest: earlier.digest, reused: true, parts: earlier.parts)
        }

        let page = try stylesheet.transform(tree, parameters: parameters)
        if isForm, let spreadsheets {
            // The same tree as the page: the spreadsheet can never say something else.
            try output.write(files[1], try spreadsheets.spreadsheet(tree))
        }
        guard !slots.isEmpty else {
            try output.write(relativePath, page)
            return Rendered(digest: whole([]), reused: false)
        }
        let segments = page.split(separator: PageJob.slotMarker, omittingEmptySubsequences: false)
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
        var number = 0
        for (slot, slotParts) in slots.enumerated() {
            try write(segments[slot])
            for _ in slotParts {
                var digest = partDigests?[number]
                var bytes = digest.flatMap { earlier?.part($0) }
                if bytes == nil {
                    let (built, tree) = try part(number, again: partDigests != nil)
                    digest = built
                    bytes = try stylesheet.transformPart(tree, parameters: parameters)
                }
                records.append(PartRecord(digest: digest!, offset: offset, length: bytes!.count))
                try write(bytes![...])
                number += 1
            }
        }
        try write(segments[slots.count])
        try file.finish()
        return Rendered(digest: whole(records.map(\.digest)), reused: false, parts: records)
    }
}
