import Foundation
import Testing
@testable import PlanCorpus

@Suite(.enabled(if: StructureGold.available, "gold folder not found (set PLANQ_GOLD)"))
struct StructureGoldTests {
    struct Score {
        var gold = 0, found = 0, exact = 0, titleOnly = 0, lineOK = 0
        var missed: [String] = []
        var extra: [String] = []
    }

    static func score(_ doc: String) -> Score {
        score(doc, found: StructureGold.parse(doc)?.1 ?? [])
    }

    static func score(_ doc: String, found: [Section]) -> Score {
        let gold = StructureGold.records("sections.jsonl").filter { $0["doc"] as? String == doc }
        var score = Score(gold: gold.count, found: found.count)
        var used = Set<Int>()
        for g in gold {
            let title = g["title"] as? String ?? "", marker = g["marker"] as? String ?? "", level = g["level"] as? Int ?? 0
            if let hit = found.firstIndex(where: { !used.contains($0.id) && $0.title == title && $0.marker == marker }) {
                used.insert(found[hit].id)
                if found[hit].level == level { score.exact += 1 } else {
                    score.titleOnly += 1
                    score.missed.append("level \(found[hit].level)≠\(level): \(marker)\(title)")
                }
                if found[hit].line == g["line"] as? Int { score.lineOK += 1 }
            } else {
                score.missed.append("L\(level) \(marker)\(title) (line \(g["line"] ?? ""))")
            }
        }
        score.extra = found.filter { !used.contains($0.id) }.map { "L\($0.level) \($0.marker)\($0.title) (line \($0.line))" }
        return score
    }

    @Test func headingsMatchGoldSections() {
        var total = Score()
        for doc in StructureGold.docs {
            let s = Self.score(doc)
            let recall = Double(s.exact) / Double(max(s.gold, 1))
            let precision = Double(s.exact) / Double(max(s.found, 1))
            print("structure gold \(doc.prefix(3)): gold \(s.gold) found \(s.found) exact \(s.exact) (level differs \(s.titleOnly)) "
                  + "lines ok \(s.lineOK)  recall \(String(format: "%.2f", recall)) precision \(String(format: "%.2f", precision))")
            for m in s.missed { print("   missed: \(m)") }
            for e in s.extra { print("   extra:  \(e)") }
            total.gold += s.gold; total.found += s.found; total.exact += s.exact; total.titleOnly += s.titleOnly
        }
        print("structure gold total: gold \(total.gold) found \(total.found) exact \(total.exact) title-only \(total.titleOnly)")
        #expect(total.gold == 94)
        // documents with their markers intact must match completely
        for doc in StructureGold.docs where !doc.hasPrefix("004") {
            let s = Self.score(doc)
            #expect(s.exact == s.gold, "\(doc): \(s.missed)")
            #expect(s.found == s.gold, "\(doc): extra \(s.extra)")
        }
        // 004 lost every marker and line break (a document preview): its headings are lead sentences; the first
        // level-1 heading runs into body text without any stop (推动…扩容聚焦一老一小…) and is not found
        if let doc = StructureGold.docs.first(where: { $0.hasPrefix("004") }) {
            let s = Self.score(doc)
            #expect(s.exact >= 18, "\(s.missed)")
            #expect(s.extra.isEmpty, "\(s.extra)")
        }
        #expect(total.exact >= 93)
    }

    /// The same comparison through the real pipeline: DocumentBuilder = Cleaner + StructureParser.
    @Test func pipelineMatchesGold() throws {
        var exact = 0, found = 0, lines = 0
        for record in StructureGold.records("docs.jsonl") {
            let doc = record["doc"] as! String
            let raw = try #require(StructureGold.seed(doc))
            let document = DocumentBuilder().build(DecodedFile(name: doc, path: doc, text: raw, encoding: "UTF-8"))
            let s = Self.score(doc, found: document.sections)
            print("structure pipeline \(doc.prefix(3)): gold \(s.gold) found \(s.found) exact \(s.exact) lines ok \(s.lineOK)")
            exact += s.exact; found += s.found; lines += s.lineOK
            let meta = document.metadata
            #expect(meta.title == record["title"] as? String, "\(doc)")
            #expect(meta.script == record["script"] as? String, "\(doc)")
            #expect(meta.docType == record["doc_type"] as? String, "\(doc)")
            #expect(meta.periodStart == record["period_start"] as? Int, "\(doc)")
            #expect(meta.periodEnd == record["period_end"] as? Int, "\(doc)")
            #expect(meta.publishDate == record["publish_date"] as? String, "\(doc)")
        }
        #expect(exact >= 93)
        #expect(found == exact)
        #expect(lines == found)
    }

    @Test func sectionLinesAreOriginalLines() {
        for doc in StructureGold.docs where !doc.hasPrefix("004") {
            let s = Self.score(doc)
            #expect(s.lineOK == s.gold, "\(doc)")
        }
    }

    @Test(arguments: ["title", "script", "period_start", "period_end", "doc_type", "publish_date"])
    func docsFieldMatchesGold(_ field: String) {
        for record in StructureGold.records("docs.jsonl") {
            let doc = record["doc"] as! String
            guard let (meta, _, _) = StructureGold.parse(doc) else { Issue.record("no seed \(doc)"); continue }
            let expected = record[field].flatMap { $0 is NSNull ? nil : "\($0)" }
            let actual: String?
            switch field {
            case "title": actual = meta.title
            case "script": actual = meta.script
            case "period_start": actual = meta.periodStart.map(String.init)
            case "period_end": actual = meta.periodEnd.map(String.init)
            case "doc_type": actual = meta.docType
            default: actual = meta.publishDate
            }
            #expect(actual == expected, "\(doc) \(field)")
        }
    }

    @Test func everySentenceLiesInItsSection() throws {
        for doc in StructureGold.docs {
            let (_, sections, sentences) = try #require(StructureGold.parse(doc))
            #expect(!sentences.isEmpty)
            for sentence in sentences {
                #expect(!sentence.text.isEmpty && sentence.text == TextLine.trimBlanks(sentence.text))
                if let id = sentence.section {
                    let section = sections[id - 1]
                    #expect(section.cleanRange.lowerBound <= sentence.cleanRange.lowerBound)
                    if id < sections.count { #expect(sections[id].cleanRange.lowerBound > sentence.cleanRange.lowerBound) }
                }
            }
        }
    }
}
