import Foundation
import Testing
@testable import PlanCorpus

@Suite struct GazetteerTests {
    let g = Gazetteer.shared

    @Test func loadsAtLeast3000EntriesWithUniqueCodes() {
        #expect(g.entries.count >= 3000)
        #expect(Set(g.entries.map(\.code)).count == g.entries.count)
        #expect(g.entries.allSatisfy { $0.code.count == 6 && $0.code.allSatisfy(\.isNumber) })
    }

    @Test func levelsAreAllPresent() {
        let counts = Dictionary(grouping: g.entries, by: \.level).mapValues(\.count)
        #expect(counts[.province] == 34)
        #expect((counts[.prefecture] ?? 0) >= 330)
        #expect((counts[.county] ?? 0) >= 2800)
    }

    @Test func everyParentExistsAndIsOneLevelUpOrTheProvince() {
        for e in g.entries where e.level != .province {
            let parent = g.entry(code: e.parent ?? "")
            #expect(parent != nil, "\(e.code) \(e.name) has no parent")
            guard let p = parent else { continue }
            #expect(p.level != .county)
            #expect(e.level == .county || p.level == .province)
            #expect(p.province == e.province)
        }
    }

    @Test func shortNamesHaveAtLeastTwoCharactersAndPrefixTheName() {
        for e in g.entries where !e.short.isEmpty {
            #expect(e.short.count >= 2, "\(e.name) → \(e.short)")
            #expect(e.name.hasPrefix(e.short), "\(e.name) → \(e.short)")
            #expect(e.short != e.name)
        }
    }

    @Test(arguments: [
        ("包头", "包头市", "150200", "内蒙古自治区", "prefecture"),
        ("包头市", "包头市", "150200", "内蒙古自治区", "prefecture"),
        ("内蒙古", "内蒙古自治区", "150000", "内蒙古自治区", "province"),
        ("内蒙古自治区", "内蒙古自治区", "150000", "内蒙古自治区", "province"),
        ("宁夏", "宁夏回族自治区", "640000", "宁夏回族自治区", "province"),
        ("寧夏", "宁夏回族自治区", "640000", "宁夏回族自治区", "province"),
        ("银川", "银川市", "640100", "宁夏回族自治区", "prefecture"),
        ("潍坊", "潍坊市", "370700", "山东省", "prefecture"),
        ("濰坊", "潍坊市", "370700", "山东省", "prefecture"),
        ("濰坊市", "潍坊市", "370700", "山东省", "prefecture"),
        ("凉山州", "凉山彝族自治州", "513400", "四川省", "prefecture"),
        ("延边", "延边朝鲜族自治州", "222400", "吉林省", "prefecture"),
        ("襄樊市", "襄阳市", "420600", "湖北省", "prefecture"),
        ("河南", "河南省", "410000", "河南省", "province"),
        ("广西", "广西壮族自治区", "450000", "广西壮族自治区", "province"),
        ("新疆", "新疆维吾尔自治区", "650000", "新疆维吾尔自治区", "province"),
        ("土右旗", "土默特右旗", "150221", "内蒙古自治区", "county"),
        ("义乌市", "义乌市", "330782", "浙江省", "county"),
    ])
    func lookupFindsOneEntry(name: String, full: String, code: String, province: String, level: String) {
        let e = g.unique(name)
        #expect(e?.name == full)
        #expect(e?.code == code)
        #expect(g.province(of: name) == province)
        #expect(g.level(of: name) == level)
    }

    @Test func chaoyangIsAmbiguous() {
        let all = g.lookup("朝阳")
        #expect(Set(all.map(\.name)) == ["朝阳区", "朝阳市", "朝阳县"])
        #expect(Set(all.map(\.province)) == ["北京市", "吉林省", "辽宁省"])
        #expect(g.isAmbiguous("朝阳"))
        #expect(g.unique("朝阳") == nil)
        #expect(g.province(of: "朝阳") == nil)
        #expect(g.level(of: "朝阳") == nil)
        #expect(g.candidates(for: "朝阳区").count == 2)
        #expect(g.unique("朝阳县")?.province == "辽宁省")
        #expect(g.unique("朝阳市")?.code == "211300")
    }

    @Test func shortNamesStripEthnicAndAdministrativeSuffixes() {
        let cases = [("内蒙古自治区", "内蒙古"), ("宁夏回族自治区", "宁夏"), ("新疆维吾尔自治区", "新疆"),
                     ("广西壮族自治区", "广西"), ("香港特别行政区", "香港"), ("黔东南苗族侗族自治州", "黔东南"),
                     ("长白朝鲜族自治县", "长白"), ("鄂温克族自治旗", "鄂温克"), ("锡林郭勒盟", "锡林郭勒"),
                     ("阿里地区", "阿里"), ("神农架林区", "神农架"), ("六枝特区", "六枝"), ("浦东新区", "浦东"),
                     ("清新区", "清新"), ("管城回族区", "管城"), ("赵县", ""), ("城区", "")]
        for (name, short) in cases {
            #expect(g.lookup(name).first?.short == short, "\(name)")
        }
    }

    @Test func tsvHeaderRecordsTheSource() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: repo.appendingPathComponent("Sources/PlanCorpus/Resources/gazetteer.tsv"), encoding: .utf8)
        #expect(text.hasPrefix("# source: jionlp "))
        #expect(text.contains("Apache-2.0"))
    }
}
