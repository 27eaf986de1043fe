// swift-tools-version:6.0
// libFuzzer harnesses, kept out of the product build: `make fuzz` builds them with
// -sanitize=fuzzer,address and runs them on a corpus generated from data/ and the fixtures.
import PackageDescription

let package = Package(
    name: "JixiaoFuzz",
    dependencies: [.package(name: "Jixiao", path: "../..")],
    targets: [
        .executableTarget(
            name: "FuzzParser",
            dependencies: [.product(name: "JixiaoParser", package: "Jixiao")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "FuzzCheck",
            dependencies: [.product(name: "JixiaoCheck", package: "Jixiao")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v5]
)
