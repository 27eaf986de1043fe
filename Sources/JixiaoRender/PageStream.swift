import Foundation
import JixiaoDigest
import JixiaoOutput

/// A page with slots, its frame rendered, whose parts are written a range at a time: the
/// first slot straight into the page after the frame's beginning, each other slot into a
/// scratch file of its own, so that the slots of one page can be written side by side and a
/// slot's ranges one after another. `finish` then appends the rest of the frame and the other
/// slots in order. A publish writes the parts of every long document in batches of projects
/// (`RenderPlan`), so that a batch's tables are in memory during that batch only.
/// Unchecked: a slot is written by one worker at a time (`RenderPlan` hands out each slot's
/// ranges in order, one task per slot and batch), and `finish` runs once every slot is done.
final class PageStream: @unchecked Sendable {
    let job: PageJob
    /// The digest of the frame's own tree.
    private let frame: Fingerprint
    /// The rendered frame, cut where the slots go (the first piece is written already).
    private let segments: [[UInt8]]
    private let renderer: PageRenderer
    private let slots: [Slot]
    /// The page's Word document, written part by part beside it (`--docx`).
    private let document: WordStream?

    /// How many bytes of unchanged parts are copied at once, at most: enough to make a read
    /// of thousands of parts, little beside the memory of a publish.
    static let runLength = 1 << 20

    /// One slot's parts, and what has been written of them.
    private final class Slot {
        let parts: [PageJob.Part]
        /// The number of the slot's first part among all the page's parts.
        let firstNumber: Int
        /// Where each part sat in the previous file, if it is unchanged.
        let earlier: [Manifest.Part?]?
        /// The page itself for the first slot; a scratch file for the others.
        let file: OutputFile
        /// Where each part written sits in `file`.
        var records: [Manifest.Part] = []

        init(parts: [PageJob.Part], firstNumber: Int, earlier: [Manifest.Part?]?, file: OutputFile) {
            (self.parts, self.firstNumber, self.earlier, self.file) = (parts, firstNumber, earlier, file)
        }
    }

    /// `earlierParts`: where each part, by number, sat in the previous file, if unchanged.
    init(_ job: PageJob, frame: Fingerprint, segments: [[UInt8]], renderer: PageRenderer,
         earlierParts: [Manifest.Part?]?, document: WordStream?) throws {
        (self.job, self.frame, self.segments, self.renderer, self.document) = (job, frame, segments, renderer, document)
        let page = try renderer.output.create(job.relativePath)
        try page.write(segments[0])
        var number = 0
        var slots: [Slot] = []
        for parts in job.slots {
            slots.append(Slot(parts: parts, firstNumber: number, earlier: earlierParts.map { Array($0[number..<number + parts.count]) },
                              file: slots.isEmpty ? page : try renderer.output.scratch()))
            number += parts.count
        }
        self.slots = slots
    }

    /// Writes the parts at `range` of a slot, after those written before. Unchanged parts are
    /// copied from the previous file a run at a time: parts that sat side by side there are
    /// read in one go (a report has tens of thousands of parts). Where the read fails, they
    /// are rendered after all.
    func write(slot index: Int, parts range: Range<Int>) throws {
        let slot = slots[index]
        let written = slot.records.count
        var run: [(index: Int, earlier: Manifest.Part)] = []
        func copyRun() throws {
            guard let first = run.first?.earlier, let last = run.last?.earlier else { return }
            if let bytes = renderer.previous?.bytes(of: job.relativePath, offset: first.offset,
                                                    length: last.offset + last.length - first.offset) {
                for (_, record) in run {
                    slot.records.append(Manifest.Part(digest: record.digest, offset: slot.file.length + record.offset - first.offset,
                                                   length: record.length))
                }
                try slot.file.write(bytes[...])
            } else {
                for (part, _) in run { try render(part, of: slot) }
            }
            run = []
        }
        for part in range {
            guard let record = slot.earlier?[part] else {
                try copyRun()
                try render(part, of: slot)
                continue
            }
            if let first = run.first?.earlier, let last = run.last?.earlier,
               last.offset + last.length != record.offset || record.offset - first.offset > PageStream.runLength {
                try copyRun()
            }
            run.append((part, record))
        }
        try copyRun()
        // The Word document's parts by the digests just recorded, copied or rendered.
        try document?.write(slot: index, parts: slot.parts[range], digests: slot.records[written...].map(\.digest))
    }

    private func render(_ index: Int, of slot: Slot) throws {
        let number = slot.firstNumber + index + 1
        let (digest, bytes) = try renderer.render(slot.parts[index],
                                                  name: (job.relativePath as NSString).deletingPathExtension + ".part-\(number).xml")
        slot.records.append(Manifest.Part(digest: digest, offset: slot.file.length, length: bytes.count))
        try slot.file.write(bytes[...])
    }

    /// Completes the page, once every part is written: the rest of the frame, each slot in
    /// its place.
    func finish() throws -> PageJob.Rendered {
        let file = slots[0].file
        var records = slots[0].records
        for (segment, slot) in zip(segments[1...], slots[1...]) {
            try file.write(segment)
            let offset = file.length
            records += slot.records.map { Manifest.Part(digest: $0.digest, offset: offset + $0.offset, length: $0.length) }
            try slot.file.copy(into: file)
        }
        try file.write(segments[slots.count])
        renderer.output.finish(file, as: job.relativePath)
        try document?.finish()
        return PageJob.Rendered(digest: renderer.whole(frame, records.map(\.digest)), reused: false, parts: records)
    }
}
