import Foundation
import JixiaoDigest
import JixiaoOutput

/// What `--docx` writes pages with (JixiaoExport's `WordRenderer`): the Word templates'
/// rendering of a page's frame and of each of its parts, and the package they go into.
public protocol WordDocuments: Sendable {
    /// `word/document.xml` of a page's frame, with the slot comment where each slot's parts go.
    func document(_ frame: XMLTree, parameters: [(String, String)]) throws -> [UInt8]
    /// The body elements of one part, as they read inside the document.
    func part(_ tree: XMLTree, parameters: [(String, String)]) throws -> [UInt8]
    /// The .docx file: `document` as `word/document.xml`, the parts made from the frame
    /// (the footer) and the fixed ones.
    func package(_ frame: XMLTree, document: SequentialBytes, parameters: [(String, String)]) throws -> [UInt8]
}

/// Bytes of a known length, read in order a piece at a time: the body of a Word document,
/// read from the pieces it was written in (`WordStream`) as it is packed, never held whole.
public final class SequentialBytes {
    public enum Piece {
        case bytes([UInt8])
        /// A scratch file (`StagedOutput.scratch`), all of it.
        case file(OutputFile)

        var count: Int {
            switch self {
            case .bytes(let bytes): bytes.count
            case .file(let file): file.length
            }
        }
    }

    private let pieces: [Piece]
    public let count: Int

    public init(_ pieces: [Piece]) {
        self.pieces = pieces
        count = pieces.reduce(0) { $0 + $1.count }
    }

    /// `count` bytes from `offset`, fewer only past the end.
    public func read(at offset: Int, count: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var start = 0
        for piece in pieces {
            let end = start + piece.count
            let from = offset + bytes.count
            if from < end, bytes.count < count {
                let wanted = min(count - bytes.count, end - from)
                switch piece {
                case .bytes(let all): bytes += all[(from - start)..<(from - start + wanted)]
                case .file(let file): bytes += try file.read(at: from - start, count: wanted)
                }
            }
            start = end
        }
        return bytes
    }
}

/// The Word document of a page (`--docx`), put together the way the page is (`PageStream`):
/// the frame rendered by the Word templates and cut at its slots, each slot's parts rendered
/// by them too, or taken from this batch (`BatchParts`), into a scratch file of the slot's
/// own; at the end the frame's pieces and the slots in order, packed as they are read. So a
/// long document's body is on disk, never in memory, and each project's table is rendered
/// once for its own document and the annual one.
/// Unchecked: as `PageStream`, a slot is written by one worker at a time, and `finish` runs
/// once every slot is done.
final class WordStream: @unchecked Sendable {
    private let path: String
    private let frame: XMLTree
    private let segments: [[UInt8]]
    private let slots: [OutputFile]
    private let renderer: PageRenderer
    private let words: any WordDocuments

    /// The Word document of `job`, whose frame is `frame`.
    init(_ job: PageJob, frame: XMLTree, renderer: PageRenderer, words: any WordDocuments) throws {
        path = OutputLayout.beside(job.relativePath, OutputLayout.wordExtension)
        (self.frame, self.renderer, self.words) = (frame, renderer, words)
        segments = PageJob.segments(of: try words.document(frame, parameters: renderer.parameters), at: PageJob.slotMarker)
        guard segments.count == job.slots.count + 1 else {
            throw Stylesheet.Failure(description: "Word 模板输出了 \(segments.count - 1) 个插入位置 <!--jixiao:slot-->，应为 \(job.slots.count) 个")
        }
        slots = try job.slots.map { _ in try renderer.output.scratch() }
    }

    /// Writes parts of a slot after those written before, each by its digest (`PageStream`).
    func write(slot: Int, parts: ArraySlice<PageJob.Part>, digests: [Fingerprint]) throws {
        for (part, digest) in zip(parts, digests) {
            try slots[slot].write(try renderer.wordPart(part, digest: digest, words: words))
        }
    }

    /// Packs the document and writes it beside the page, once every part is written.
    func finish() throws {
        var pieces = [SequentialBytes.Piece.bytes(segments[0])]
        for (slot, segment) in zip(slots, segments.dropFirst()) {
            pieces += [.file(slot), .bytes(segment)]
        }
        try renderer.output.write(path, try words.package(frame, document: SequentialBytes(pieces), parameters: renderer.parameters))
    }
}
