// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "planq",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planq", targets: ["planq"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libedit, found through pkg-config; only PlanConsole imports it.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "PlanCorpus",
            resources: [.copy("Resources")]
        ),
        .target(
            name: "PlanQuery",
            dependencies: ["PlanCorpus"],
            resources: [.copy("../../stdlib")]
        ),
        .target(name: "PlanNotebook", dependencies: ["PlanCorpus", "PlanQuery"]),
        .target(name: "PlanConsole", dependencies: ["CEditLine", "PlanCorpus", "PlanQuery", "PlanNotebook"]),
        .executableTarget(
            name: "planq",
            dependencies: [
                "PlanCorpus", "PlanQuery", "PlanNotebook", "PlanConsole",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PlanCorpusTests", dependencies: ["PlanCorpus"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlanQueryTests", dependencies: ["PlanQuery", "PlanCorpus"], resources: [.copy("Golden")]),
        .testTarget(name: "PlanNotebookTests", dependencies: ["PlanNotebook", "PlanQuery", "PlanCorpus"]),
        .testTarget(name: "PlanConsoleTests", dependencies: ["PlanConsole", "PlanQuery", "PlanCorpus"]),
        .testTarget(name: "EndToEndTests", dependencies: ["PlanCorpus"]),
    ],
    swiftLanguageModes: [.v5]
)
