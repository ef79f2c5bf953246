import Foundation
import Testing
@testable import PlanCorpus

/// The cleaner against the hand-made gold files for the five seed documents.
@Suite(.enabled(if: CleaningGold.available, "gold folder not found (set PLANQ_GOLD)"))
struct CleaningGoldTests {
    static let boilerplate = CleaningGold.records("boilerplate.jsonl")
    static let noise = CleaningGold.records("noise.jsonl")

    @Test func goldFilesAreRead() {
        #expect(Self.boilerplate.count == 20)
        #expect(Self.noise.count == 63)
        #expect(CleaningGold.cleaned.count == 5)
    }

    /// No character of a boilerplate span survives; a "to end" span takes everything after it too.
    @Test(arguments: boilerplate.indices)
    func boilerplateSpanIsRemoved(_ i: Int) throws {
        let r = Self.boilerplate[i]
        let doc = r["doc"] as! String, text = r["text"] as! String
        let original = CleaningGold.original(doc)
        let start = try #require(CleaningGold.utf8Offset(of: text, in: original))
        let end = start + text.utf8.count
        let clean = try #require(CleaningGold.cleaned[doc])
        let kept = CleaningGold.keptOriginalOffsets(clean)
        #expect(!kept.contains { $0 >= start && $0 < end }, "\(doc): \(text) still in the clean text")
        if r["to_end"] as? Bool == true {
            #expect(!kept.contains { $0 >= end }, "\(doc): text after the to-end span \(text) kept")
        }
        #expect(clean.warnings.contains { $0.kind == "boilerplate" })
    }

    /// Precision: every boilerplate warning points at a gold boilerplate line (nothing else was taken).
    @Test func boilerplateWarningsAreAllGold() {
        var goldLines: [String: Set<Int>] = [:]
        for r in Self.boilerplate { goldLines[r["doc"] as! String, default: []].insert(r["line"] as! Int) }
        var found = 0
        for (d, c) in CleaningGold.cleaned {
            for w in c.warnings where w.kind == "boilerplate" || w.kind == "repeated-line" {
                #expect(goldLines[d]?.contains(w.line ?? 0) == true, "\(d): \(w.text ?? "") at line \(w.line ?? 0)")
                found += 1
            }
        }
        #expect(found == 11)
    }

    /// Cleaning clean text changes nothing more (only the flagged damage is flagged again).
    @Test func cleaningIsIdempotent() {
        for (d, c) in CleaningGold.cleaned {
            let again = Cleaner().clean(c.text, doc: d)
            #expect(again.text == c.text, "\(d)")
            #expect(again.warnings.allSatisfy { $0.kind == "mojibake-flagged" }, "\(d): \(again.warnings.map(\.kind))")
        }
    }

    @Test func seedsShareNoRepeatedLines() {
        #expect(RepeatedLines.find(in: CleaningGold.docs.map(CleaningGold.original)).lines.isEmpty)
    }

    @Test func windowsLineEndingsCleanAlike() {
        for d in CleaningGold.docs {
            let crlf = CleaningGold.original(d).replacingOccurrences(of: "\n", with: "\r\n")
            let c = Cleaner().clean(crlf, doc: d)
            #expect(c.text.replacingOccurrences(of: "\r", with: "") == CleaningGold.cleaned[d]!.text, "\(d)")
        }
    }

    /// Every target statement (noise removed, as `raw_clean` gives it) is still in the clean text.
    @Test func everyTargetStatementSurvives() {
        var missing: [String] = []
        for r in CleaningGold.records("targets.jsonl") {
            let doc = r["doc"] as! String
            let expected = (r["raw_clean"] as? String) ?? (r["raw"] as! String)
            if !(CleaningGold.cleaned[doc]?.text.contains(expected) ?? false) { missing.append("\(doc.prefix(3)): \(expected)") }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    /// Every section title (pinyin removed, page breaks joined, mojibake repaired) is still in the clean text.
    @Test func everySectionTitleSurvives() {
        var missing: [String] = []
        let sections = CleaningGold.records("sections.jsonl")
        #expect(sections.count == 94)
        for r in sections {
            let doc = r["doc"] as! String, title = r["title"] as! String
            if !(CleaningGold.cleaned[doc]?.text.contains(title) ?? false) { missing.append("\(doc.prefix(3)): \(title)") }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test func agencyParenthesesSurvive() {
        for r in CleaningGold.records("agencies.jsonl") {
            let doc = r["doc"] as! String, raw = r["raw"] as! String
            #expect(CleaningGold.cleaned[doc]?.text.contains(raw) == true, "\(doc): \(raw)")
        }
    }

    /// Each noise example is repaired to its `fixed` text, or flagged when the gold cannot know the fix.
    @Test(arguments: noise.indices)
    func noiseExampleIsRepairedOrFlagged(_ i: Int) throws {
        let r = Self.noise[i]
        let doc = r["doc"] as! String, kind = r["kind"] as! String, example = r["example"] as! String
        let clean = try #require(CleaningGold.cleaned[doc])
        let line = r["line"] as! Int
        switch kind {
        case "pinyin_annotation":
            #expect(!clean.text.contains(example))
            let w = clean.warnings.first { $0.kind == "pinyin" && $0.text == example }
            #expect(w?.fixed == r["fixed"] as? String)
            #expect(w?.line == line)
        case "lost_space":
            let fixed = r["fixed"] as! String
            if fixed.isEmpty {
                #expect(!clean.text.split(separator: "\n").contains { $0.hasPrefix(example) })
            } else {
                #expect(!clean.text.contains(example))
                #expect(clean.text.contains(fixed))
            }
            #expect(clean.warnings.contains { $0.kind == "lost-space" && $0.line == line })
        case "mojibake":
            if let fixed = r["fixed"] as? String {
                #expect(!clean.text.contains(example))
                #expect(clean.text.contains(fixed))
                #expect(clean.warnings.contains { $0.kind == "mojibake-repaired" && $0.line == line && fixed.contains($0.fixed ?? "\u{0}") })
            } else {
                let w = clean.warnings.first { $0.kind == "mojibake-flagged" && $0.line == line }
                let flagged = try #require(w?.text)
                #expect(example.contains(flagged) || flagged.contains(example), "flagged \(flagged) for \(example)")
            }
        case "page_fragment_number":
            let fixed = r["fixed"] as! String
            #expect(!clean.text.contains(example))
            #expect(clean.text.contains(fixed))
            let w = clean.warnings.first { $0.kind == "page-fragment" && $0.text == example }
            #expect(w?.fixed == fixed)
            #expect(w?.line == line)
        default:
            Issue.record("unknown noise kind \(kind)")
        }
    }

    /// 003 has 310 pinyin glosses in 43 distinct tokens; all go, and no gloss pattern is left anywhere.
    @Test func pinyinCountsMatchGold() throws {
        let records = Self.noise.filter { $0["kind"] as? String == "pinyin_annotation" }
        let total = records.reduce(0) { $0 + ($1["count"] as! Int) }
        #expect(total == 310)
        let doc = records[0]["doc"] as! String
        let clean = try #require(CleaningGold.cleaned[doc])
        #expect(clean.counts["pinyin"] == total)
        #expect(clean.warnings.filter { $0.kind == "pinyin" }.count == records.count)
        let leftover = try NSRegularExpression(pattern: "\\p{Han}\\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\\)")
        #expect(leftover.numberOfMatches(in: clean.text, range: NSRange(clean.text.startIndex..., in: clean.text)) == 0)
        // Real parentheses stay.
        #expect(clean.text.contains("學校(幼兒園)"))
        #expect(clean.text.contains("區(縣市)"))
        #expect(clean.text.contains("街道(鎮)"))
    }

    @Test func pageFragmentsAreAllJoined() throws {
        let records = Self.noise.filter { $0["kind"] as? String == "page_fragment_number" }
        let clean = try #require(CleaningGold.cleaned[records[0]["doc"] as! String])
        #expect(clean.counts["page-fragment"] == records.count)
        #expect(!clean.text.split(separator: "\n").contains { $0.first?.isNumber == true && $0.dropFirst().hasPrefix("、") })
    }

    /// Documents without noise get no repair warnings.
    @Test func cleanDocumentsHaveNoNoiseWarnings() {
        for d in CleaningGold.docs where d.hasPrefix("000") || d.hasPrefix("001") || d.hasPrefix("002") {
            let kinds = Set(CleaningGold.cleaned[d]!.warnings.map(\.kind))
            #expect(kinds.isSubset(of: ["boilerplate", "repeated-line"]), "\(d): \(kinds)")
        }
    }

    /// Every verbatim character of the clean text maps to the same character in the original.
    @Test func offsetMapIsExactOnSeeds() {
        var rng = SystemRandomNumberGenerator()
        for d in CleaningGold.docs {
            let clean = CleaningGold.cleaned[d]!
            let original = Array(CleaningGold.original(d).utf8)
            let bytes = Array(clean.text.utf8)
            var starts: [Int] = []
            var o = 0
            for s in clean.text.unicodeScalars { starts.append(o); o += UTF8.width(s) }
            for _ in 0..<300 {
                let p = starts[Int.random(in: 0..<starts.count, using: &rng)]
                if clean.substituted.contains(where: { $0.contains(p) }) { continue }
                let w = UTF8.width(Unicode.Scalar(String(decoding: bytes[p...].prefix(4), as: UTF8.self).unicodeScalars.first!))
                let m = clean.offsets.original(p)
                #expect(Array(original[m..<(m + w)]) == Array(bytes[p..<(p + w)]), "\(d) clean offset \(p)")
            }
        }
    }

    @Test func qualityReflectsDamage() {
        let q = CleaningGold.cleaned.mapValues(\.quality)
        for (d, v) in q { #expect(v > 0 && v <= 1, "\(d)") }
        let noisy = q.filter { $0.key.hasPrefix("003") || $0.key.hasPrefix("004") }.values.max()!
        let plain = q.filter { !$0.key.hasPrefix("003") && !$0.key.hasPrefix("004") }.values.min()!
        #expect(noisy < plain)
    }
}
