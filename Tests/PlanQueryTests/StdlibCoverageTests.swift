import Testing
import PlanCorpus
@testable import PlanQuery

@Suite struct StdlibCoverageTests {
    @Test func coverageGivesEveryRegionEveryDomain() {
        let s = StdlibSupport.session()
        let r = s.run("use coverage\ncoverage()")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.table?.columnNames == ["region", "domain", "targets", "sentences", "left_out"])
        let domains = Set(r.column("domain")), regions = Set(r.column("region"))
        #expect(regions == ["[地区名称]", "xx市", "包头市", "宁夏回族自治区", "潍坊市"])
        #expect(r.table?.rowCount == domains.count * regions.count)
        let childcare = s.run("coverage() | where domain == \"托育\"")
        #expect(childcare.column("region") == ["[地区名称]", "xx市", "包头市", "宁夏回族自治区", "潍坊市"])
        #expect(childcare.column("targets") == ["0", "0", "1", "4", "0"])
        #expect(childcare.column("sentences") == ["0", "0", "1", "9", "0"])
        #expect(childcare.column("left_out") == ["true", "true", "false", "false", "true"])
    }

    @Test func targetsCountedPerDomainMatchTheTargetsTable() {
        let s = StdlibSupport.session()
        _ = s.run("use coverage")
        let fromCoverage = s.run("coverage() | summarize n = sum(targets) by region | sort region")
        let direct = s.run("targets | summarize n = count() by region | sort region")
        #expect(fromCoverage.column("n").filter { $0 != "0" } == direct.column("n"))
    }

    @Test func matrixHasADomainPerRowAndARegionPerColumn() {
        let r = StdlibSupport.session().run("use coverage\ncoverage_matrix() | where domain == \"托育\" or domain == \"教育\"")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.table?.columnNames == ["domain", "[地区名称]", "xx市", "包头市", "宁夏回族自治区", "潍坊市"])
        #expect(r.column("domain") == ["托育", "教育"])
        #expect(r.column("宁夏回族自治区") == ["4/9", "1/6"])
        #expect(r.column("潍坊市") == ["0/0", "6/13"])
    }

    @Test func gapsListWhatAPlanLeavesOut() {
        let r = StdlibSupport.session().run("use coverage\ngaps() | where region == \"包头市\"")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.column("domain") == ["交通", "能源"])
    }

    @Test func coverageOnSmallTables() {
        let sentences = Table(columns: [.init("doc", .text), .init("norm", .text)],
                              rows: [[.text("a"), .text("新增普惠性托位，发展托育服务")], [.text("b"), .text("新建养老机构护理型床位")],
                                     [.text("b"), .text("公园绿地")]])
        let docs = Table(columns: [.init("doc", .text), .init("region", .text)], rows: [[.text("a"), .text("甲")], [.text("b"), .text("乙")]])
        let targets = Table(columns: [.init("region", .text), .init("domain", .text)], rows: [[.text("乙"), .text("养老")]])
        let r = StdlibSupport.session([("sentences", sentences), ("docs", docs), ("targets", targets)]).run("use coverage\ncoverage()")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.column("region") == ["乙", "乙", "乙", "甲", "甲", "甲"])
        #expect(r.column("domain") == ["养老", "托育", "生态环境", "养老", "托育", "生态环境"])
        #expect(r.column("targets") == ["1", "0", "0", "0", "0", "0"])
        #expect(r.column("sentences") == ["1", "0", "1", "0", "1", "0"])
        #expect(r.column("left_out") == ["false", "true", "false", "true", "false", "true"])
    }
}
