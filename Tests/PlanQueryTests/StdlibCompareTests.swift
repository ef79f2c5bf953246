import Testing
import PlanCorpus
@testable import PlanQuery

@Suite struct StdlibCompareTests {
    @Test func compareLinesUpChildcareTargetsOnTheSeedCorpus() {
        let r = StdlibSupport.session().run("use compare\ntargets | compare(\"托位\")")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.table?.columnNames == ["region", "key", "indicator", "value", "comparator", "unit", "per", "year", "hedge",
                                         "value_common", "base_common", "note", "doc", "line"])
        #expect(r.column("region") == ["包头市", "宁夏回族自治区", "宁夏回族自治区", "宁夏回族自治区"])
        #expect(r.column("key") == ["托位", "托位", "普惠性托位占比", "每个新增托位补助"])
        #expect(r.column("value_common") == ["4.5", "1.5", "60", "1"])
        #expect(r.column("base_common") == ["千人", "千人", "null", "null"])
        #expect(r.column("note") == ["null", "null", "null", "null"])
    }

    @Test func perThousandAndPerTenThousandAreConvertedSideBySide() {
        let t = StdlibSupport.targets([
            ("甲市", "全科医生", 0.4, "人", "千人口", "="),
            ("乙市", "全科医生", 3.93, "人", "万人口", "="),
            ("丙市", "全科医生", 0.5, "人", "每千人", ">="),
        ])
        let r = StdlibSupport.session([("targets", t)]).run("use compare\ntargets | compare(\"全科医生\")")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.column("region") == ["丙市", "乙市", "甲市"])
        #expect(r.column("value") == ["0.5", "3.93", "0.4"])
        #expect(r.column("value_common") == ["0.5", "0.393", "0.4"])
        #expect(r.column("base_common") == ["千人", "千人", "千人"])
        #expect(r.column("note") == ["null", "converted from per 万人 to per 千人", "null"])
    }

    @Test func percentAgainstCountIsMarkedNotConverted() {
        let t = StdlibSupport.targets([
            ("甲市", "托位", 4.5, "个", "千人口", ">="),
            ("乙市", "托位", 60, "%", nil, "="),
            ("丙市", "托位", 3, "个", "千人口", "="),
            ("丁市", "托位", 30, "个", "百户", "="),
        ])
        let r = StdlibSupport.session([("targets", t)]).run("use compare\ntargets | compare(\"托位\")")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.column("region") == ["丁市", "丙市", "乙市", "甲市"])
        #expect(r.column("value_common") == ["null", "3", "null", "4.5"])
        #expect(r.column("note") == ["base 百户 vs 千人: not comparable", "null", "unit % vs 个: not comparable", "null"])
    }

    @Test func commonBaseIsTheModeOfEachKey() {
        let t = StdlibSupport.targets([
            ("甲市", "全科医生", 0.4, "人", "千人口", "="),
            ("乙市", "全科医生", 3.93, "人", "万人口", "="),
            ("丙市", "全科医生", 4, "人", "万人", "="),
        ])
        let r = StdlibSupport.session([("targets", t)]).run("use compare\ntargets | common_base()")
        #expect(r.column("key") == ["全科医生"])
        #expect(r.column("base_common") == ["万人"])
        #expect(r.column("unit_common") == ["人"])
    }

    @Test func mostAmbitiousChildcareTargetInOneLine() {
        let r = StdlibSupport.session().run("use ambition; targets | ambition(\"托位\") | take 1")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.column("region") == ["包头市"])
        #expect(r.column("key") == ["托位"])
        #expect(r.column("value_common") == ["4.5"])
        #expect(r.column("top") == ["true"])
    }

    @Test func ambitionRanksKeysSetByTwoOrMoreRegions() {
        let r = StdlibSupport.session().run("use ambition\ntargets | ambition()")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.column("key") == ["体育场地面积", "体育场地面积", "托位", "托位", "护理型床位占比", "护理型床位占比"])
        #expect(r.column("region") == ["宁夏回族自治区", "潍坊市", "包头市", "宁夏回族自治区", "宁夏回族自治区", "包头市"])
        #expect(r.column("top") == ["true", "false", "true", "false", "true", "false"])
    }

    @Test func ambitionConvertsBasesAndReadsCeilings() {
        let t = StdlibSupport.targets([
            ("甲市", "全科医生", 0.4, "人", "千人口", "="),
            ("乙市", "全科医生", 5, "人", "万人口", "="),
            ("丙市", "全科医生", 0.45, "人", "千人口", "="),
            ("甲市", "孕产妇死亡率", 10, "/10万", nil, "<="),
            ("乙市", "孕产妇死亡率", 8, "/10万", nil, "<="),
            ("丙市", "托位", 60, "%", nil, "="),
        ])
        let r = StdlibSupport.session([("targets", t)]).run("use ambition\ntargets | ambition()")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.column("key") == ["全科医生", "全科医生", "全科医生", "孕产妇死亡率", "孕产妇死亡率"])
        #expect(r.column("region") == ["乙市", "丙市", "甲市", "乙市", "甲市"])
        #expect(r.column("value_common") == ["0.5", "0.45", "0.4", "8", "10"])
        #expect(r.column("top") == ["true", "false", "false", "true", "false"])
    }

    @Test func moduleHelpListsEveryFunctionWithAnExample() throws {
        for module in ["compare", "ambition", "coverage", "timeline", "responsibility", "similarity"] {
            let text = try String(contentsOfFile: StdlibSupport.stdlib + "/\(module).pq", encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (i, line) in lines.enumerated() where line.hasPrefix("def ") {
                let comments = lines[..<i].reversed().prefix { $0.hasPrefix("#") }
                #expect(comments.contains { $0.hasPrefix("# Example:") }, "\(module): \(line)")
                #expect(comments.count >= 2, "\(module): \(line)")
            }
        }
    }
}
