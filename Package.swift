// swift-tools-version: 6.0
import PackageDescription

// Profile-guided optimisation of the engine, driven by `make build` (see the Makefile): PLANQ_PGO=generate builds
// it instrumented, PLANQ_PGO=use:FILE builds it with the profile merged from a training run. Unset (tests, a plain
// `swift build`), the engine is built as usual.
let pgo = Context.environment["PLANQ_PGO"] ?? ""
let engineSettings: [SwiftSetting] = pgo == "generate" ? [.unsafeFlags(["-Xfrontend", "-ir-profile-generate"])]
    : pgo.hasPrefix("use:") ? [.unsafeFlags(["-Xfrontend", "-ir-profile-use=" + pgo.dropFirst(4)])] : []
// The instrumented engine needs the profile runtime, which the driver links when told it generates a profile.
let executableLinking: [LinkerSetting] = pgo == "generate" ? [.unsafeFlags(["-profile-generate"])] : []

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
            resources: [.copy("Resources")],
            swiftSettings: engineSettings
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
            ],
            linkerSettings: executableLinking
        ),
        .testTarget(name: "PlanCorpusTests", dependencies: ["PlanCorpus"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlanQueryTests", dependencies: ["PlanQuery", "PlanCorpus"], resources: [.copy("Golden")]),
        .testTarget(name: "PlanNotebookTests", dependencies: ["PlanNotebook", "PlanQuery", "PlanCorpus"]),
        .testTarget(name: "PlanConsoleTests", dependencies: ["PlanConsole", "PlanQuery", "PlanCorpus"]),
        .testTarget(name: "EndToEndTests", dependencies: ["PlanCorpus"]),
    ],
    swiftLanguageModes: [.v5]
)
