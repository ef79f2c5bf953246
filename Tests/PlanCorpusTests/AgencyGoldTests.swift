import Foundation
import Testing
@testable import PlanCorpus

@Suite struct AgencyGoldTests {
    @Test(.enabled(if: GoldFolder.available, "gold folder absent"))
    func agenciesMatchGold() throws {
        let gold = GoldFolder.records("agencies.jsonl")
        #expect(!gold.isEmpty)
        let corpus = CorpusLoader().load([GoldFolder.seeds!.path])
        #expect(corpus.documents.count == 5)

        var truePositives = 0, found = 0, expected = 0
        for document in corpus.documents {
            // Group the document's mentions by line, in order: one group per list.
            var groups: [(line: Int, section: Int?, agencies: [String])] = []
            for mention in document.agencies {
                if let last = groups.last, last.line == mention.provenance.line {
                    groups[groups.count - 1].agencies.append(mention.agency)
                } else {
                    groups.append((mention.provenance.line, mention.section, [mention.agency]))
                }
            }
            let records = gold.filter { ($0["doc"] as? String) == document.name }
            found += groups.reduce(0) { $0 + $1.agencies.count }
            expected += records.reduce(0) { $0 + (($1["agencies"] as? [String])?.count ?? 0) }
            for record in records {
                let line = record["line"] as? Int ?? -1
                let agencies = record["agencies"] as? [String] ?? []
                let group = groups.first { $0.line == line }
                #expect(group?.agencies == agencies, "\(document.name):\(line)")
                if let group { truePositives += Set(group.agencies).intersection(agencies).count }
                // Sections are checked once the structure pass finds them.
                if !document.sections.isEmpty, let id = group?.section,
                   let section = document.sections.first(where: { $0.id == id }) {
                    let want = record["section"] as? String
                    #expect(section.marker == want || section.title == want, "\(document.name):\(line) section")
                }
            }
            // Lists the gold does not have are false positives.
            let goldLines = Set(records.compactMap { $0["line"] as? Int })
            for group in groups where !goldLines.contains(group.line) {
                Issue.record("unexpected agency list in \(document.name):\(group.line): \(group.agencies)")
            }
        }
        let precision = found == 0 ? 0 : Double(truePositives) / Double(found)
        let recall = expected == 0 ? 0 : Double(truePositives) / Double(expected)
        print("agencies gold: precision \(String(format: "%.3f", precision)) recall \(String(format: "%.3f", recall)) (\(truePositives)/\(found) found, \(expected) expected)")
        #expect(precision >= 0.95)
        #expect(recall >= 0.95)
    }

    @Test(.enabled(if: GoldFolder.available, "gold folder absent"))
    func simplifiedFormsMatchGold() {
        // agencies_simplified is the gold's hand conversion: our normalised names must agree with it.
        let corpus = CorpusLoader().load([GoldFolder.seeds!.path])
        for record in GoldFolder.records("agencies.jsonl") {
            guard let simplified = record["agencies_simplified"] as? [String],
                  let document = corpus.documents.first(where: { $0.name == record["doc"] as? String }) else { continue }
            let line = record["line"] as? Int ?? -1
            let ours = document.agencies.filter { $0.provenance.line == line }.map { TextNormalizer.normalize($0.agency) }
            #expect(ours == simplified)
        }
    }
}
