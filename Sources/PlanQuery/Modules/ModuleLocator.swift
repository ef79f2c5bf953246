import Foundation

/// Finds stdlib modules (`use compare` → compare.pq): an explicit folder, then $PLANQ_STDLIB,
/// then the bundled resource, then a `stdlib` folder beside the executable, then the source tree.
public struct ModuleLocator {
    public var override: String?
    /// The environment `PLANQ_STDLIB` is read from (the process's, unless a test gives its own).
    public var environment: [String: String]

    public init(override: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.override = override
        self.environment = environment
    }

    /// Folders searched, in order; only existing ones.
    public func directories() -> [URL] {
        var dirs: [URL] = []
        if let o = override { dirs.append(URL(fileURLWithPath: o)) }
        if let env = environment["PLANQ_STDLIB"], !env.isEmpty { dirs.append(URL(fileURLWithPath: env)) }
        // The resource bundle, found by path (Bundle.module would stop the process when it is missing).
        let exeDir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for base in [Bundle.main.bundleURL, exeDir] {
            dirs.append(base.appendingPathComponent("planq_PlanQuery.resources/stdlib"))
            dirs.append(base.appendingPathComponent("planq_PlanQuery.resources"))
        }
        dirs.append(exeDir.appendingPathComponent("stdlib"))
        dirs.append(exeDir.appendingPathComponent("../share/planq/stdlib"))
        dirs.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../stdlib").standardizedFileURL)
        return dirs.filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    public func url(for module: String) -> URL? {
        guard !module.contains("/"), !module.contains("..") else { return nil }
        for d in directories() {
            let u = d.appendingPathComponent(module + ".pq")
            if FileManager.default.fileExists(atPath: u.path) { return u }
        }
        return nil
    }

    /// Names of modules that can be loaded.
    public func available() -> [String] {
        var names = Set<String>()
        for d in directories() {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: d.path)) ?? [] where f.hasSuffix(".pq") {
                names.insert(String(f.dropLast(3)))
            }
        }
        return names.sorted()
    }
}
