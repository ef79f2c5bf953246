import Testing
import PlanCorpus
@testable import PlanQuery

@Suite struct StdlibSimilarityTests {
    @Test func plansRankedBySharedIndicatorsOnTheSeedCorpus() {
        let r = StdlibSupport.session().run("use similarity\nsimilarity()")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.table?.rowCount == 10)
        #expect(r.table?.columnNames == ["region", "region_b", "indicators_jaccard", "wording_jaccard", "shared", "doc", "doc_b"])
        #expect(Array(r.column("region").prefix(2)) == ["包头市", "潍坊市"])
        #expect(Array(r.column("region_b").prefix(2)) == ["宁夏回族自治区", "宁夏回族自治区"])
        #expect(Array(r.column("shared").prefix(2)) == ["[护理型床位占比, 托位]", "[体育场地面积]"])
        #expect(Array(r.column("indicators_jaccard").prefix(2)) == ["0.071", "0.029"])
    }

    @Test func sharedIndicatorsIsJaccardOnKeys() {
        let t = Table(columns: [.init("doc", .text), .init("key", .text)],
                      rows: [[.text("a"), .text("托位")], [.text("a"), .text("全科医生")], [.text("a"), .text("托位")],
                             [.text("b"), .text("托位")], [.text("b"), .text("医护比")], [.text("c"), .text("养老床位")]])
        let r = StdlibSupport.session([("targets", t)]).run("use similarity\ntargets | shared_indicators() | sort -indicators_jaccard, doc_b")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.column("doc") == ["a", "a", "b"])
        #expect(r.column("doc_b") == ["b", "c", "c"])
        #expect(r.column("indicators_jaccard") == ["0.333", "0", "0"])
        #expect(r.column("shared") == ["[托位]", "[]", "[]"])
    }

    @Test func sharedWordingIsJaccardOnCharacterNgrams() {
        let sentences = Table(columns: [.init("doc", .text), .init("norm", .text)],
                              rows: [[.text("a"), .text("发展普惠托育")], [.text("b"), .text("发展普惠养老")], [.text("c"), .text("公园绿地")]])
        let r = StdlibSupport.session([("sentences", sentences)]).run("use similarity\nshared_wording(2) | sort -wording_jaccard, doc, doc_b")
        #expect(!r.hasErrors, "\(r.text)")
        // a: 发展 展普 普惠 惠托 托育; b: 发展 展普 普惠 惠养 养老 → 3 shared of 7.
        #expect(r.column("doc") == ["a", "a", "b"])
        #expect(r.column("doc_b") == ["b", "c", "c"])
        #expect(r.column("wording_jaccard") == ["0.429", "0", "0"])
    }
}
