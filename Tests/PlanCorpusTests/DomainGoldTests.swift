import Foundation
import Testing
@testable import PlanCorpus

/// The gold targets, for the domain tests.
private enum DomainGold {
    static var available: Bool { GoldFolder.available }
    static var seeds: URL { GoldFolder.seeds! }
    static var records: [[String: Any]] { GoldFolder.records("targets.jsonl") }

    /// Gold indicators in simplified characters.
    static var indicators: [String] {
        records.compactMap { ($0["indicator_simplified"] as? String) ?? ($0["indicator"] as? String) }
    }
}

@Suite struct DomainGoldTests {
    @Test(.enabled(if: DomainGold.available, "gold folder absent"))
    func mostGoldIndicatorsAreDecidedByTheirOwnWords() {
        let indicators = DomainGold.indicators
        #expect(indicators.count >= 50)
        var undecided: [String] = []
        var counts: [String: Int] = [:]
        for indicator in indicators {
            guard let domain = DomainClassifier.classify(indicator) else { undecided.append(indicator); continue }
            counts[domain, default: 0] += 1
        }
        let summary = DomainClassifier.domains.compactMap { d in counts[d].map { "\(d) \($0)" } }.joined(separator: ", ")
        print("gold indicators by domain: \(summary); undecided: \(undecided)")
        #expect(Double(undecided.count) <= 0.05 * Double(indicators.count), "undecided: \(undecided)")
    }

    @Test(.enabled(if: DomainGold.available, "gold folder absent"))
    func everyGoldTargetGetsADomain() {
        // Gold targets placed in their loaded documents: the chain (indicator, clause, sentence, sections,
        // fallback) must give each one a domain from the list.
        let corpus = CorpusLoader().load([DomainGold.seeds.path])
        var assigned = 0
        for var document in corpus.documents {
            document.targets = DomainGold.records.filter { $0["doc"] as? String == document.name }.map { record in
                Target(section: nil, indicator: record["indicator"] as? String ?? "", value: 1, unit: record["unit"] as? String,
                       text: record["raw"] as? String ?? "",
                       provenance: Provenance(line: record["line"] as? Int ?? 0, originalRange: 0..<0))
            }
            DomainClassifier.shared.assignDomains(in: &document)
            for target in document.targets {
                #expect(target.domain.map(DomainClassifier.domains.contains) == true, "\(target.indicator)")
                assigned += 1
            }
        }
        #expect(assigned == DomainGold.records.count)
    }

    @Test(.enabled(if: DomainGold.available, "gold folder absent"), arguments: [
        ("托位", "托育"), ("毛入学率", "教育"), ("护理型床位", "养老"), ("医护比", "医疗卫生"), ("巩固率", "教育"),
        ("全科医生", "医疗卫生"), ("体育场地", "文化体育"), ("黑臭水体", "生态环境"), ("公交线路", "交通"), ("老旧小区", "住房与城市更新"),
    ])
    func spotChecks(_ word: String, _ domain: String) throws {
        let matching = DomainGold.indicators.filter { $0.contains(word) }
        try #require(!matching.isEmpty, "no gold indicator contains \(word)")
        for indicator in matching {
            #expect(DomainClassifier.classify(indicator) == domain, "\(indicator)")
        }
    }
}
