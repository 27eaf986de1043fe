// swift-tools-version:6.0
// 6.0: the oldest manifest format that knows swiftLanguageModes.
import PackageDescription

// Built and tested on Linux only: the output folder's swap uses renameat2 and syncfs, and
// the system libraries come from Debian's packages (see README.md).
let package = Package(
    name: "Jixiao",
    products: [
        .executable(name: "jixiao", targets: ["jixiao"]),
        .library(name: "JixiaoPublish", targets: ["JixiaoPublish"]),
        // The stages on their own, for the fuzzing and benchmark packages beside this one.
        .library(name: "JixiaoParser", targets: ["JixiaoParser"]),
        .library(name: "JixiaoCheck", targets: ["JixiaoCheck", "JixiaoModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
        // The hand-written YAML-subset parser: text → tree with line:col.
        .target(name: "JixiaoParser", dependencies: ["JixiaoDiagnostics"]),
        // The typed model, indicator values and the decoders: tree → model.
        .target(name: "JixiaoModel", dependencies: ["JixiaoParser", "JixiaoDiagnostics"]),
        // The checks of one file, and those across the files of a year.
        .target(name: "JixiaoCheck", dependencies: ["JixiaoModel", "JixiaoDiagnostics"]),
        // Year-end self-assessment scores and grades.
        .target(name: "JixiaoScore", dependencies: ["JixiaoModel", "JixiaoDiagnostics"]),
        // SHA-256 digests of content: what tells an unchanged page from a changed one.
        .target(name: "JixiaoDigest", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The data folder's layout and the one loader: read → decode → check → score.
        .target(name: "JixiaoData", dependencies: [
            "JixiaoParser", "JixiaoModel", "JixiaoCheck", "JixiaoScore", "JixiaoDiagnostics", "JixiaoDigest",
        ]),
        // A unit's year against its year before: projects matched, what their goal tables changed.
        .target(name: "JixiaoCompare", dependencies: ["JixiaoData", "JixiaoDiagnostics", "JixiaoModel"]),
        // `jixiao review`: the finance bureau's review of the goal tables (绩效目标审核), JX8xx.
        .target(name: "JixiaoReview", dependencies: [
            "JixiaoCompare", "JixiaoData", "JixiaoModel", "JixiaoCheck", "JixiaoScore", "JixiaoDiagnostics",
        ]),
        // The output folder: staged beside it, swapped in whole, never touching what is not its own.
        .target(name: "JixiaoOutput", dependencies: [
            "JixiaoDiagnostics", "JixiaoDigest", "CSupport",
        ]),
        // model → XML → libxslt → XHTML, and the site plan: which pages exist, and their names.
        .target(name: "JixiaoRender", dependencies: [
            "JixiaoData", "JixiaoCompare", "JixiaoReview", "JixiaoModel", "JixiaoCheck", "JixiaoScore", "JixiaoOutput", "JixiaoDigest", "JixiaoDiagnostics", "CLibXML", "CSupport",
        ]),
        // The other formats of the same pages: PDF (WeasyPrint) and .xlsx.
        .target(name: "JixiaoExport", dependencies: [
            "JixiaoRender", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // `jixiao import` (goal tables from table text or a Word document) and `jixiao new`.
        .target(name: "JixiaoImport", dependencies: [
            "JixiaoModel", "JixiaoRender", "CLibXML", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The pipeline: read → check → plan → render → write, as named steps.
        .target(name: "JixiaoPublish", dependencies: [
            "JixiaoData", "JixiaoRender", "JixiaoOutput", "JixiaoExport", "JixiaoDigest", "JixiaoDiagnostics",
        ]),
        // `jixiao preview`: publish, serve on 127.0.0.1, republish on every change.
        .target(name: "JixiaoPreview", dependencies: [
            "JixiaoPublish", "JixiaoData", "JixiaoRender", "JixiaoModel", "JixiaoDiagnostics",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(
            name: "jixiao",
            dependencies: [
                "JixiaoPublish",
                "JixiaoData",
                "JixiaoImport",
                "JixiaoPreview",
                "JixiaoRender",
                "JixiaoReview",
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
        .testTarget(name: "JixiaoReviewTests", dependencies: ["JixiaoReview", "JixiaoData", "JixiaoModel", "JixiaoDiagnostics"]),
        .testTarget(name: "JixiaoPreviewTests", dependencies: ["JixiaoPreview", "JixiaoPublish"]),
        .testTarget(
            name: "JixiaoPublishTests",
            dependencies: ["JixiaoPublish", "JixiaoData", "JixiaoCompare", "JixiaoReview", "JixiaoDigest", "JixiaoOutput", "JixiaoRender", "JixiaoExport", "JixiaoImport",
                           "CLibXML", "CSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
