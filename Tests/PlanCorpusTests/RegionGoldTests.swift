import Foundation
import Testing
@testable import PlanCorpus

private let goldPresent = GoldFolder.available

private struct GoldDoc: Sendable, CustomTestStringConvertible {
    var doc: String
    var region: String?
    var canonical: String?
    var province: String?
    var level: String
    var isTemplate: Bool
    var title: String?
    var testDescription: String { doc }
}

private func goldDocs() -> [GoldDoc] {
    GoldFolder.records("docs.jsonl").map { o in
        GoldDoc(doc: o["doc"] as? String ?? "", region: o["region"] as? String,
                canonical: o["region_canonical"] as? String, province: o["province"] as? String,
                level: o["admin_level"] as? String ?? "", isTemplate: o["is_template"] as? Bool ?? false,
                title: o["title"] as? String)
    }
}

/// The raw sample text: seeds sit next to the gold folder.
private func sampleText(_ doc: String) throws -> String {
    try String(contentsOf: GoldFolder.seeds!.appendingPathComponent(doc), encoding: .utf8)
}

@Suite(.enabled(if: goldPresent, "gold folder not found"))
struct RegionGoldTests {
    @Test func goldHasFiveDocuments() {
        #expect(goldDocs().count == 5)
    }

    /// No title given: the resolver finds title lines, tags and mentions in the raw text itself.
    @Test(arguments: goldDocs())
    fileprivate func resolvesFromRawTextAlone(gold: GoldDoc) throws {
        let r = RegionResolver(gazetteer: .shared).resolve(title: nil, clean: try sampleText(gold.doc))
        check(r, gold)
    }

    /// With the gold title as the structure parser would give it.
    @Test(arguments: goldDocs())
    fileprivate func resolvesWithTitle(gold: GoldDoc) throws {
        let r = RegionResolver(gazetteer: .shared).resolve(title: gold.title, clean: try sampleText(gold.doc))
        check(r, gold)
    }

    private func check(_ r: RegionResolution, _ gold: GoldDoc) {
        #expect(r.region == gold.canonical, "\(r)")
        #expect(r.province == gold.province, "\(r)")
        #expect(r.adminLevel == gold.level, "\(r)")
        #expect(r.isTemplate == gold.isTemplate, "\(r)")
        #expect(r.asWritten == gold.region, "\(r)")
        if let code = r.regionCode {
            #expect(Gazetteer.shared.entry(code: code)?.name == gold.canonical)
        }
    }
}
