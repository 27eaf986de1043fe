import JixiaoDiagnostics
import JixiaoParser

/// Any bytes: the parser returns a tree or a diagnostic — never crashes, hangs or leaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = SourceFile(path: "fuzz.yaml", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    do {
        if let node = try YAMLSubset.parse(source) { _ = node.json.compact }
    } catch {
        _ = error.formatted(source: source)
    }
    return 0
}
