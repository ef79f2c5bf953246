import Testing
import PlanCorpus
@testable import PlanQuery

@Suite struct StdlibTimelineTests {
    @Test func timelineCountsTargetsByRegionAndYear() {
        let r = StdlibSupport.session().run("use timeline\ntargets | timeline()")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.table?.columnNames == ["region", "year", "targets", "indicators"])
        #expect(r.column("region") == ["包头市", "宁夏回族自治区", "潍坊市"])
        #expect(r.column("year") == ["2025", "2025", "2021"])
        #expect(r.column("targets") == ["5", "21", "6"])
        #expect(r.column("indicators").first?.hasPrefix("[高中阶段毛入学率, 普惠性幼儿园覆盖率") == true)
    }

    @Test func timelineMatrixHasAColumnPerYear() {
        let r = StdlibSupport.session().run("use timeline\ntargets | timeline_matrix()")
        #expect(r.table?.columnNames == ["region", "2021", "2025"])
        #expect(r.column("2025") == ["5", "21", "null"])
        #expect(r.column("2021") == ["null", "null", "6"])
    }

    @Test func scheduleListsPhasesWithTheirRegion() {
        let r = StdlibSupport.session().run("use timeline\nschedule()")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.column("region") == ["[地区名称]", "[地区名称]", "[地区名称]"])
        #expect(r.column("name") == ["第一阶段", "第二阶段", "第三阶段"])
        #expect(r.column("start") == ["1", "3", "5"])
        #expect(r.column("end") == ["2", "4", "null"])
    }
}
