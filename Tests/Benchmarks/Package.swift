// swift-tools-version:6.0
// Parser throughput, ours against Yams (libyaml underneath), in one process on the same
// bytes. A package of its own so that the product never depends on Yams.
import PackageDescription

let package = Package(
    name: "JixiaoBenchmarks",
    dependencies: [
        .package(name: "Jixiao", path: "../.."),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .executableTarget(
            name: "ParseBench",
            dependencies: [
                .product(name: "JixiaoParser", package: "Jixiao"),
                .product(name: "Yams", package: "Yams"),
            ],
            // The allocator jixiao itself runs with (see the main Package.swift), for both parsers.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
    ],
    swiftLanguageModes: [.v5]
)
