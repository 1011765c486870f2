// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "conflictdb",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "conflictdb", targets: ["conflictdb"]),
        .library(name: "ConflictExtraction", targets: ["ConflictExtraction"]),
        .library(name: "ConflictStore", targets: ["ConflictStore"]),
        .executable(name: "conflictdb-bench", targets: ["conflictdb-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Pure Swift extraction: documents -> text -> mentions -> events. No SQLite, no CLI.
        .target(
            name: "ConflictExtraction",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/dictionaries")]
        ),
        // Storage: migrations, importer, consolidation, queries, reports.
        .target(
            name: "ConflictStore",
            dependencies: [
                "ConflictExtraction",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Thin command-line front end.
        .executableTarget(
            name: "conflictdb",
            dependencies: [
                "ConflictExtraction", "ConflictStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The import benchmark (BENCHMARKS.md): swift run -c release conflictdb-bench
        .executableTarget(
            name: "conflictdb-bench",
            dependencies: [
                "ConflictExtraction", "ConflictStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // What the test targets share (scratch folders); not a product.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ConflictExtractionTests", dependencies: ["ConflictExtraction", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ConflictStoreTests", dependencies: ["ConflictStore", "ConflictExtraction", "TestSupport"]),
        .testTarget(name: "conflictdbTests", dependencies: ["ConflictStore", "ConflictExtraction", "TestSupport"]),
    ]
)
