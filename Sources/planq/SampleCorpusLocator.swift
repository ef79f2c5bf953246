import Foundation

/// Finds the bundled sample corpus: $PLANQ_SAMPLES, ./corpus/samples, or beside the executable's checkout.
enum SampleCorpusLocator {
    struct NotFound: LocalizedError {
        var errorDescription: String? {
            "cannot find the sample corpus (corpus/samples); pass --corpus DIR or set PLANQ_SAMPLES"
        }
    }

    static func find() throws -> String {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["PLANQ_SAMPLES"], !env.isEmpty { return env }
        var candidates = [fm.currentDirectoryPath]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.path)
            dir.deleteLastPathComponent()
        }
        for base in candidates {
            let path = (base as NSString).appendingPathComponent("corpus/samples")
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return path }
        }
        throw NotFound()
    }
}
