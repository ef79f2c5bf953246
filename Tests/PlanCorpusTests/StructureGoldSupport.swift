import Foundation
@testable import PlanCorpus

/// Gold files and seed texts for the structure tests, plus a test-only stand-in for the Cleaner's
/// pinyin removal, lost-indent stripping and page-fragment joining (the real Cleaner lives on another branch).
enum StructureGold {
    static var available: Bool { GoldFolder.url != nil }
    static func records(_ file: String) -> [[String: Any]] { GoldFolder.records(file) }
    static func seed(_ doc: String) -> String? { GoldFolder.seed(doc) }

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
