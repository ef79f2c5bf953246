import Foundation
@testable import PlanCorpus

/// Finds the shared gold folder and the seed documents for the cleaning gold tests.
enum CleaningGold {
    static var available: Bool { GoldFolder.available }
    static var seeds: URL? { GoldFolder.seeds }
    static func records(_ file: String) -> [[String: Any]] { GoldFolder.records(file) }

    static func original(_ doc: String) -> String {
        guard let seeds, let t = try? String(contentsOf: seeds.appendingPathComponent(doc), encoding: .utf8) else { return "" }
        return t
    }

    static let docs: [String] = {
        guard let seeds else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }()

    /// Cleaned seeds, computed once, with the corpus's repeated lines as the loader computes them.
    static let cleaned: [String: CleanedText] = {
        let texts = docs.map(original)
        let repeated = RepeatedLines.find(in: texts)
        var out: [String: CleanedText] = [:]
        for (d, t) in zip(docs, texts) { out[d] = Cleaner().clean(t, doc: d, repeated: repeated) }
        return out
    }()

    /// UTF-8 offsets in the original of every character kept verbatim in the clean text.
    static func keptOriginalOffsets(_ c: CleanedText) -> Set<Int> {
        var out = Set<Int>()
        var offset = 0
        var sub = c.substituted.makeIterator()
        var nextSub = sub.next()
        for s in c.text.unicodeScalars {
            while let r = nextSub, r.upperBound <= offset { nextSub = sub.next() }
            if !(nextSub.map { $0.contains(offset) } ?? false) { out.insert(c.offsets.original(offset)) }
            offset += UTF8.width(s)
        }
        return out
    }

    /// UTF-8 offset of the first occurrence of `needle` in `hay`.
    static func utf8Offset(of needle: String, in hay: String) -> Int? {
        guard let r = hay.range(of: needle) else { return nil }
        return hay.utf8.distance(from: hay.utf8.startIndex, to: r.lowerBound)
    }
}
