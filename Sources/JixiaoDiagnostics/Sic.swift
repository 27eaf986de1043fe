/// `# 原文如此` ("sic") in a line's comment: the transcriber says the line states what the
/// printed document states, slips included. Read once per file, by the checker (to turn a
/// finding on the line into a warning) and by scoring (to show a printed figure that differs).
public enum Sic {
    public static let marker = "原文如此"

    /// Whether the comment of `line` (after " #") says 原文如此.
    public static func isMarked(_ line: String) -> Bool {
        // Without Foundation: the first " #" and, after it, the marker, compared as scalars.
        let scalars = Array(line.unicodeScalars)
        let mark = Array(marker.unicodeScalars)
        guard let hash = scalars.indices.dropLast().first(where: { scalars[$0] == " " && scalars[$0 + 1] == "#" }) else { return false }
        let comment = scalars[(hash + 2)...]
        guard comment.count >= mark.count else { return false }
        return (comment.startIndex...(comment.endIndex - mark.count)).contains { comment[$0..<$0 + mark.count].elementsEqual(mark) }
    }

    /// The 1-based numbers of the lines of `source` so marked.
    public static func lines(in source: SourceFile) -> Set<Int> {
        // Most files hold no marker: one search of the bytes tells.
        let needle = Array(marker.utf8)
        guard source.bytes.count >= needle.count,
              (0...(source.bytes.count - needle.count)).contains(where: { source.bytes[$0] == needle[0] && source.bytes[$0..<$0 + needle.count].elementsEqual(needle) })
        else { return [] }
        var marked: Set<Int> = []
        var number = 1
        while let line = source.lineText(number) {
            if isMarked(line) { marked.insert(number) }
            number += 1
        }
        return marked
    }
}
