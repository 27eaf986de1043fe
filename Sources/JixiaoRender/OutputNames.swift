import Foundation

/// File names for projects: the project name itself where the file system allows, made
/// safe and unique otherwise (a name can never climb out of the output directory).
public struct OutputNames {
    /// The file name of each name given, in order.
    let fileNames: [String]

    init(_ names: [String]) {
        var taken: Set<String> = []
        fileNames = names.map { name in
            let base = OutputNames.safeStem(name)
            var candidate = base
            var counter = 2
            while !taken.insert(OutputNames.folded(candidate)).inserted {
                candidate = "\(base)-\(counter)"
                counter += 1
            }
            return candidate + ".html"
        }
    }

    /// The name as a case-insensitive file system compares it. Most names have no letter
    /// with a case (Chinese), which their scalars tell far faster than `lowercased()` does.
    private static func folded(_ name: String) -> String {
        let cased = name.unicodeScalars.contains { scalar in
            if scalar.isASCII { return ("A"..."Z").contains(scalar) }
            return !OutputNames.ideographs.contains(scalar.value) && scalar.properties.changesWhenLowercased
        }
        return cased ? name.lowercased() : name
    }

    /// CJK Unified Ideographs, which have no case: a range check rather than a lookup of
    /// Unicode properties for every character of a Chinese name.
    private static let ideographs: ClosedRange<UInt32> = 0x4E00...0x9FFF

    /// Whether each byte below 0x80 is one a file name cannot hold.
    private static let unsafeBytes = (0..<128).map { byte in byte < 0x20 || byte == 0x7F || "/\\:*?\"<>|".utf8.contains(UInt8(byte)) }

    /// Names Windows refuses for files, so published folders can be copied there.
    static let reservedStems = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    public static func safeStem(_ name: String) -> String {
        // Most names have nothing to replace, which their bytes tell without building a copy.
        let unsafe = name.utf8.contains { $0 < 0x80 && OutputNames.unsafeBytes[Int($0)] }
        var stem = !unsafe ? name : String(name.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|": return "_"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: return "_"
            default: return Character(scalar)
            }
        })
        stem = stem.trimmingSpaces()
        while stem.hasPrefix(".") { stem = "_" + stem.dropFirst() }
        if stem.isEmpty { stem = "_" }
        if stem.utf8.count <= 4, reservedStems.contains(stem.lowercased()) { stem += "_" }
        // Stay under the common 255-byte file name limit, leaving room for "-N.html".
        while stem.utf8.count > 200 { stem.removeLast() }
        return stem
    }

    /// A relative link; only the characters that would end or alter a URL path are escaped.
    static func href(_ parts: String...) -> String {
        parts.map { part in
            guard part.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?")
                                              || $0 == UInt8(ascii: " ") }) else { return part }
            var escaped = ""
            for character in part {
                switch character {
                case "%": escaped += "%25"
                case "#": escaped += "%23"
                case "?": escaped += "%3F"
                case " ": escaped += "%20"
                default: escaped.append(character)
                }
            }
            return escaped
        }.joined(separator: "/")
    }
}
