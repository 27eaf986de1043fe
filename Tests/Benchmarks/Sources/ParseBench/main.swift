import Foundation
import JixiaoDiagnostics
import JixiaoParser
import Yams

// Usage: ParseBench DIR [REPETITIONS] [--ours-only] — every .yaml under DIR read into memory
// once, then parsed REPETITIONS times by each parser; prints the median throughput as JSON.
// --ours-only leaves Yams out, for counting our parser's instructions alone (callgrind).
let oursOnly = CommandLine.arguments.contains("--ours-only")
let arguments = CommandLine.arguments.filter { $0 != "--ours-only" }
let directory = arguments[1]
let repetitions = arguments.count > 2 ? Int(arguments[2])! : 5
var files: [[UInt8]] = []
let enumerator = FileManager.default.enumerator(atPath: directory)!
while let path = enumerator.nextObject() as? String {
    if path.hasSuffix(".yaml") { files.append([UInt8](FileManager.default.contents(atPath: directory + "/" + path)!)) }
}
let bytes = files.reduce(0) { $0 + $1.count }
let megabytes = Double(bytes) / 1e6

func median(_ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
}

var nodes = 0
let ours = try median {
    for file in files {
        if try YAMLSubset.parse(SourceFile(path: "b.yaml", bytes: file)) != nil { nodes += 1 }
    }
}
if oursOnly {
    print("{\"files\": \(files.count), \"megabytes\": \(megabytes), \"ours_seconds\": \(ours), \"ours_mbps\": \(megabytes / ours)}")
    exit(0)
}
let texts = files.map { String(decoding: $0, as: UTF8.self) }
let yams = try median {
    for text in texts { if try Yams.compose(yaml: text) != nil { nodes += 1 } }
}
print("{\"files\": \(files.count), \"megabytes\": \(megabytes), \"ours_seconds\": \(ours), \"yams_seconds\": \(yams), "
      + "\"ours_mbps\": \(megabytes / ours), \"yams_mbps\": \(megabytes / yams)}")
