import Testing
import PlanCorpus
@testable import PlanQuery

@Suite struct StdlibResponsibilityTests {
    @Test func agenciesCarryDomainsOnTheSeedCorpus() {
        let s = StdlibSupport.session()
        let r = s.run("use responsibility\nresponsibility() | take 3")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.table?.columnNames == ["region", "agency", "domain", "mentions"])
        #expect(r.column("region") == ["包头市", "包头市", "包头市"])
        #expect(r.column("agency") == ["市文旅广电局", "市人社局", "市住建局"])
        #expect(r.column("domain") == ["文化体育", "教育", "养老"])
        #expect(r.column("mentions") == ["2", "1", "1"])
        let elderly = s.run("responsibility() | where region == \"包头市\" and domain == \"养老\"")
        #expect(elderly.column("agency") == ["市住建局", "市卫健委", "市教育局", "市民政局"])
    }

    @Test func responsibilityJoinsAgenciesToSectionDomains() {
        let agencies = Table(columns: [.init("doc", .text), .init("section", .int), .init("agency", .text), .init("line", .int)],
                             rows: [[.text("a"), .int(1), .text("市卫健委"), .int(3)], [.text("a"), .int(2), .text("市民政局"), .int(9)],
                                    [.text("a"), .int(2), .text("市民政局"), .int(12)], [.text("a"), .null, .text("市政府"), .int(20)]])
        let sections = Table(columns: [.init("doc", .text), .init("id", .int), .init("title", .text), .init("domain", .text)],
                             rows: [[.text("a"), .int(1), .text("发展普惠托育"), .text("托育")], [.text("a"), .int(2), .text("养老服务"), .text("养老")]])
        let docs = Table(columns: [.init("doc", .text), .init("region", .text)], rows: [[.text("a"), .text("甲市")]])
        let s = StdlibSupport.session([("agencies", agencies), ("sections", sections), ("docs", docs)])
        let r = s.run("use responsibility\nresponsibility()")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.column("agency") == ["市民政局", "市卫健委"])
        #expect(r.column("domain") == ["养老", "托育"])
        #expect(r.column("mentions") == ["2", "1"])
        let lead = s.run("lead_agencies()")
        #expect(lead.column("domain") == ["养老", "托育"])
        #expect(lead.column("agencies") == ["[市民政局]", "[市卫健委]"])
    }
}
