import Foundation
@testable import PlanCorpus

/// Gold files and seed texts for the structure tests, plus a test-only stand-in for the Cleaner's
/// pinyin removal, lost-indent stripping and page-fragment joining (the real Cleaner lives on another branch).
enum StructureGold {
    static let folder: URL? = {
        if let env = ProcessInfo.processInfo.environment["PLANQ_GOLD"] { return URL(fileURLWithPath: env) }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        // <repo>/../shared, or two up for a worktree under wt/
        for up in [repo.deletingLastPathComponent(), repo.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = up.appendingPathComponent("shared/corpus/gold")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("sections.jsonl").path) {
                return candidate
            }
        }
        return nil
    }()

    static var available: Bool { folder != nil }

    static func records(_ file: String) -> [[String: Any]] {
        guard let folder, let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    static func seed(_ doc: String) -> String? {
        guard let folder else { return nil }
        return try? String(contentsOf: folder.deletingLastPathComponent().appendingPathComponent("seeds/\(doc)"), encoding: .utf8)
    }

    static var docs: [String] {
        records("docs.jsonl").compactMap { $0["doc"] as? String }
    }

    /// Text prepared the way the Cleaner will, with a line map back to the original (1-based) lines.
    struct Prepared {
        var text: String
        var anchors: [(offset: Int, line: Int)]
        func lineOf(_ offset: Int) -> Int {
            var result = 1
            for anchor in anchors where anchor.offset <= offset { result = anchor.line }
            return result
        }
    }

    static let pinyin = try! NSRegularExpression(pattern: #"(?<=\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+\)"#)
    static let fragment = try! NSRegularExpression(pattern: #"^(\d{1,2})、"#)

    static func prepare(_ raw: String) -> Prepared {
        var out = ""
        var anchors: [(Int, Int)] = []
        var expectedFragment = 1
        let lines = raw.components(separatedBy: "\n")
        for (index, original) in lines.enumerated() {
            var line = pinyin.stringByReplacingMatches(in: original, range: NSRange(original.startIndex..., in: original),
                                                       withTemplate: "")
            while line.hasPrefix("??") { line.removeFirst() }
            if line.hasPrefix("?") && lines[index].hasPrefix("??") { line.removeFirst() }
            var join = false
            if let m = fragment.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
               let r = Range(m.range(at: 1), in: line), Int(line[r]) == expectedFragment, line.unicodeScalars.count > 100 {
                line = String(line[Range(m.range, in: line)!.upperBound...])
                join = expectedFragment > 1
                expectedFragment += 1
            }
            if index > 0 && !join { out += "\n" }
            anchors.append((out.utf8.count, index + 1))
            out += line
        }
        return Prepared(text: out, anchors: anchors)
    }

    static func parse(_ doc: String) -> (DocumentMetadata, [Section], [Sentence])? {
        guard let raw = seed(doc) else { return nil }
        let prepared = prepare(raw)
        return StructureParser().parse(clean: prepared.text, original: raw, lineOf: prepared.lineOf)
    }
}
