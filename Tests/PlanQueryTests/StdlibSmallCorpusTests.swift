import Foundation
import Testing
import PlanCorpus
@testable import PlanQuery

/// The whole chain on a small corpus written here: extraction gives keys and bases, compare puts 每千人 and 每万人
/// figures on one base and marks a % figure it cannot line up with counts.
@Suite struct StdlibSmallCorpusTests {
    static let texts = [
        "a.txt": "济南市托育服务发展实施方案\n\n一、主要目标\n到2025年，全市每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n",
        "b.txt": "银川市托育服务实施方案\n\n一、主要目标\n到2025年，每万人口托位数达到40个。\n",
        "c.txt": "长沙市托育服务实施方案\n\n一、主要目标\n到2025年，每千人口托位数达到3.5个。\n",
        "d.txt": "包头市托育服务实施方案\n\n一、主要目标\n到2025年，托位数达到60%。\n",
    ]

    static func session() throws -> Session {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-small-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in texts { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let s = Session(corpus: CorpusLoader().load([dir.path]))
        s.allowWrite = false
        s.stdlibDirectory = StdlibSupport.stdlib
        return s
    }

    @Test func extractedRatesOnTwoBasesAreConvertedAndPercentIsMarked() throws {
        let s = try StdlibSmallCorpusTests.session()
        let keys = s.run("targets | select doc, key, base")
        #expect(keys.column("key") == ["托位", "托位", "托位", "托位"], "\(keys.text)")
        #expect(keys.column("base") == ["千人", "万人", "千人", "null"])
        let r = s.run("use compare\ntargets | compare(\"托位\") | sort doc")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.column("value") == ["4.5", "40", "3.5", "60"])
        #expect(r.column("value_common") == ["4.5", "4", "3.5", "null"])
        #expect(r.column("base_common") == ["千人", "千人", "千人", "千人"])
        #expect(r.column("note") == ["null", "converted from per 万人 to per 千人", "null", "unit % vs 个: not comparable"])
        let top = s.run("use ambition; targets | ambition(\"托位\") | take 1")
        #expect(top.column("doc") == ["a.txt"])
        #expect(top.column("value_common") == ["4.5"])
    }
}
