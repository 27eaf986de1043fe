import Foundation

/// The subcommand a mistyped first argument was meant to be. Without this, `jixiao chek data`
/// is read as the default subcommand, publish, with two data folders, and the user sees the
/// publish usage instead of the word they got wrong.
struct SubcommandSuggestion {
    let typed: String
    let name: String

    /// nil when the first argument is a subcommand, an option, an existing path (`jixiao data`
    /// publishes it), or not close to any subcommand name.
    init?(arguments: [String], subcommands: [String]) {
        guard let first = arguments.first, !first.hasPrefix("-"), !subcommands.contains(first),
              !FileManager.default.fileExists(atPath: first) else { return nil }
        let closest = subcommands.map { (name: $0, distance: Self.distance(first, $0)) }.min { $0.distance < $1.distance }
        // One slip in a short name, two in a long one: any looser and a data folder's name could pass for a command.
        guard let closest, closest.distance <= (closest.name.count <= 4 ? 1 : 2) else { return nil }
        typed = first
        name = closest.name
    }

    /// Edits that turn one word into the other, a swap of neighbours counting as one (`nwe` → `new`).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
