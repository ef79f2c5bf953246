import Foundation

/// The shared gold files and the seed documents they describe: `$PLANQ_GOLD`, else
/// `<repo>/../shared/corpus/gold` (a worktree nested deeper looks further up). Tests that need them are
/// disabled when they are absent, never passed silently.
enum GoldFolder {
    static let url: URL? = {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["PLANQ_GOLD"] {
            return fm.fileExists(atPath: env) ? URL(fileURLWithPath: env) : nil
        }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for _ in 0..<3 {
            dir = dir.deletingLastPathComponent()
            let gold = dir.appendingPathComponent("shared/corpus/gold")
            if fm.fileExists(atPath: gold.appendingPathComponent("docs.jsonl").path) { return gold }
        }
        return nil
    }()

    static var available: Bool { url != nil && seeds != nil }

    /// The seed documents: `../seeds` beside the gold folder.
    static let seeds: URL? = {
        guard let url else { return nil }
        let seeds = url.deletingLastPathComponent().appendingPathComponent("seeds")
        return FileManager.default.fileExists(atPath: seeds.path) ? seeds : nil
    }()

    /// The records of one gold file (one JSON object a line).
    static func records(_ file: String) -> [[String: Any]] {
        guard let url, let text = try? String(contentsOf: url.appendingPathComponent(file), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    /// The raw text of a seed document.
    static func seed(_ doc: String) -> String? {
        guard let seeds else { return nil }
        return try? String(contentsOf: seeds.appendingPathComponent(doc), encoding: .utf8)
    }
}
