// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Jixiao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jixiao", targets: ["jixiao"]),
        .library(name: "JixiaoPublish", targets: ["JixiaoPublish"]),
        // The stages on their own, for the fuzzing and benchmark packages beside this one.
        .library(name: "JixiaoParser", targets: ["JixiaoParser"]),
        .library(name: "JixiaoCheck", targets: ["JixiaoCheck", "JixiaoModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The preview server (jixiao preview): Hummingbird on SwiftNIO; NIO and swift-log are
        // named for the request limits and for silencing the server's own log.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Reading .docx packages (jixiao import) and writing .xlsx (publish --xlsx).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libxml2 + libxslt + libexslt, found through pkg-config.
        .systemLibrary(
            name: "CLibXML",
            pkgConfig: "libexslt",
            providers: [.apt(["libxml2-dev", "libxslt1-dev"])]
        ),
        // The few C helpers Swift cannot write: variadic libxml2 error callbacks, renameat2.
        .target(name: "CSupport", dependencies: ["CLibXML"]),
        // Source files, locations and compiler-style diagnostics shared by every stage.
        .target(name: "JixiaoDiagnostics"),
        // Stage 1: the hand-written YAML-subset parser (text → tree with line:col).
        .target(name: "JixiaoParser", dependencies: ["JixiaoDiagnostics"]),
        // Stage 2: the typed model, indicator values and the decoder (tree → model).
        .target(name: "JixiaoModel", dependencies: ["JixiaoParser", "JixiaoDiagnostics"]),
        // Stage 3: the checks of `jixiao check` (REFERENCE §2, §3, §5, §6).
        .target(name: "JixiaoCheck", dependencies: ["JixiaoModel", "JixiaoDiagnostics"]),
        // Stage 4: year-end self-assessment scores and grades (REFERENCE §4, §5).
        .target(name: "JixiaoScore", dependencies: ["JixiaoModel", "JixiaoDiagnostics"]),
        // Stage 5: model → XML → libxslt → XHTML.
        .target(name: "JixiaoRender", dependencies: ["JixiaoModel", "JixiaoScore", "CLibXML", "CSupport"]),
        // The pipeline: read a data directory, decode, render, write output atomically;
        // and `jixiao import`: goal tables from table text or a Word document → data files.
        .target(name: "JixiaoPublish", dependencies: [
            "JixiaoModel", "JixiaoCheck", "JixiaoScore", "JixiaoRender", "JixiaoParser", "JixiaoDiagnostics", "CSupport", "CLibXML",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // `jixiao preview`: publish, serve on 127.0.0.1, republish on every change.
        .target(name: "JixiaoPreview", dependencies: [
            "JixiaoPublish", "JixiaoRender", "JixiaoModel", "JixiaoDiagnostics",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "jixiao",
            dependencies: [
                "JixiaoPublish",
                "JixiaoPreview",
                "JixiaoScore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc in place of glibc's malloc: libxml2 and libxslt allocate every node and
            // string of every page, and with glibc's allocator a third of a large publish went
            // to malloc and free (BENCHMARKS.md).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "JixiaoParserTests", dependencies: ["JixiaoParser"]),
        .testTarget(name: "JixiaoModelTests", dependencies: ["JixiaoModel"]),
        .testTarget(name: "JixiaoCheckTests", dependencies: ["JixiaoCheck", "JixiaoModel"]),
        .testTarget(name: "JixiaoScoreTests", dependencies: ["JixiaoScore", "JixiaoModel"]),
        .testTarget(name: "JixiaoPreviewTests", dependencies: ["JixiaoPreview", "JixiaoPublish"]),
        .testTarget(
            name: "JixiaoPublishTests",
            dependencies: ["JixiaoPublish", "CLibXML", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
