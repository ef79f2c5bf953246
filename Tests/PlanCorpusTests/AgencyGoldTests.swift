import Foundation
import Testing
@testable import PlanCorpus

/// The gold folder: `<repo>/../shared/corpus/gold`, or `PLANQ_GOLD`.
private enum AgencyGold {
    static let folder: URL = {
        if let env = ProcessInfo.processInfo.environment["PLANQ_GOLD"] { return URL(fileURLWithPath: env) }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        // `<repo>/../shared`; a worktree one folder deeper finds it a level further up.
        let candidates = [repo.deletingLastPathComponent(), repo.deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appendingPathComponent("shared/corpus/gold") }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }()
    static var available: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("agencies.jsonl").path) }
    static var seeds: URL { folder.deletingLastPathComponent().appendingPathComponent("seeds") }

    static func records(_ name: String) -> [[String: Any]] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}

@Suite struct AgencyGoldTests {
    @Test(.enabled(if: AgencyGold.available, "gold folder absent"))
    func agenciesMatchGold() throws {
        let gold = AgencyGold.records("agencies.jsonl")
        #expect(!gold.isEmpty)
        let corpus = CorpusLoader().load([AgencyGold.seeds.path])
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

    @Test(.enabled(if: AgencyGold.available, "gold folder absent"))
    func simplifiedFormsMatchGold() {
        // agencies_simplified is the gold's hand conversion: our normalised names must agree with it.
        let corpus = CorpusLoader().load([AgencyGold.seeds.path])
        for record in AgencyGold.records("agencies.jsonl") {
            guard let simplified = record["agencies_simplified"] as? [String],
                  let document = corpus.documents.first(where: { $0.name == record["doc"] as? String }) else { continue }
            let line = record["line"] as? Int ?? -1
            let ours = document.agencies.filter { $0.provenance.line == line }.map { TextNormalizer.normalize($0.agency) }
            #expect(ours == simplified)
        }
    }
}
