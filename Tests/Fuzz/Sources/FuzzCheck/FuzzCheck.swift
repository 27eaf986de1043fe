import JixiaoCheck
import JixiaoDiagnostics
import JixiaoModel

/// Any bytes through parse, decode and every check, as a project file and as a department file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = SourceFile(path: "fuzz.yaml", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let project = ProjectDecoder.decode(source)
    if let value = project.value {
        let findings = Acknowledgement.apply(Checker.check(value, year: 2021), source: source)
        _ = findings.map { $0.formatted(source: source) }
        _ = value.json.compact
    }
    let department = DepartmentDecoder.decode(source)
    if let value = department.value {
        _ = Checker.check(value).map { $0.formatted(source: source) }
        _ = value.json.compact
    }
    _ = ResultsDecoder.decodeProject(source).diagnostics.count
    return 0
}
