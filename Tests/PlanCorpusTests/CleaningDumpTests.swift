import Foundation
import Testing
@testable import PlanCorpus

@Suite struct CleaningDumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PLANQ_DUMP_CLEAN"] != nil))
    func dumpCleanedSeeds() throws {
        let dir = ProcessInfo.processInfo.environment["PLANQ_DUMP_CLEAN"]!
        for (d, c) in CleaningGold.cleaned {
            try c.text.write(toFile: dir + "/" + d, atomically: true, encoding: .utf8)
            let w = c.warnings.map { "\($0.kind)\t\($0.line ?? 0)\t\($0.message)\t\($0.text ?? "")\t\($0.fixed ?? "nil")" }
            try (w.joined(separator: "\n") + "\nquality \(c.quality)\n").write(toFile: dir + "/" + d + ".warnings", atomically: true, encoding: .utf8)
        }
    }
}

/// Rough local throughput check (PLANQ_CLEAN_BENCH=1, release build); not part of the normal run.
@Suite struct CleaningThroughputCheck {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PLANQ_CLEAN_BENCH"] != nil))
    func cleanTenMegabytes() {
        if let mode = ProcessInfo.processInfo.environment["PLANQ_CLEAN_BENCH"], mode == "plain" || mode == "noisy" {
            let all = CleaningGold.docs.map(CleaningGold.original)
            let plain = mode == "plain" ? Array(all.prefix(3)) : Array(all.suffix(2))
            _ = Cleaner().clean(plain[0], doc: "warm")
            // CPU time, not wall time: the machine is shared.
            let t = clock()
            var bytes = 0
            while bytes < 20_000_000 { for s in plain { _ = Cleaner().clean(s, doc: "d"); bytes += s.utf8.count } }
            let seconds = Double(clock() - t) / Double(CLOCKS_PER_SEC)
            print("per document (\(mode)): \(Double(bytes) / 1e6 / seconds) MB/s of CPU time")
            return
        }
        var big = ""
        let seeds = CleaningGold.docs.map(CleaningGold.original)
        while big.utf8.count < 10_000_000 { for s in seeds { big += s + "\n" } }
        let mb = Double(big.utf8.count) / 1e6
        _ = ScriptFolding.shared; _ = GBKCodec.shared; _ = CharacterFrequencies.shared; _ = BoilerplatePatterns.all
        var t = Date()
        var log = CleaningLog(doc: "b", original: big)
        var tt = TrackedText(original: big)
        var lap = Date()
        func stage(_ name: String) { print(name, Date().timeIntervalSince(lap)); lap = Date() }
        stage("init")
        tt = PinyinAnnotationRemover().apply(tt, log: &log); stage("pinyin")
        tt = LostSpaceRepair().apply(tt, log: &log); stage("lost")
        tt = BoilerplateFilter().apply(tt, repeated: RepeatedLines(), log: &log); stage("boiler")
        tt = PageFragmentJoiner().apply(tt, log: &log); stage("page")
        tt = MojibakeRepair().apply(tt, log: &log); stage("moji")
        _ = tt.build(); stage("build")
        t = Date()
        var docs = 0
        var bytes = 0
        while bytes < 10_000_000 { for s in seeds { _ = Cleaner().clean(s, doc: "d"); bytes += s.utf8.count; docs += 1 } }
        print("per document: \(Double(bytes) / 1e6 / Date().timeIntervalSince(t)) MB/s over \(docs) documents")
        let plain = Array(seeds.prefix(3))
        t = Date(); bytes = 0
        while bytes < 10_000_000 { for s in plain { _ = Cleaner().clean(s, doc: "d"); bytes += s.utf8.count } }
        print("per document, documents without noise: \(Double(bytes) / 1e6 / Date().timeIntervalSince(t)) MB/s")
        t = Date()
        let c = Cleaner().clean(big, doc: "bench")
        let clean = Date().timeIntervalSince(t)
        t = Date()
        var n = 0
        for line in c.text.split(separator: "。") { n += TextNormalizer.normalize(String(line)).utf8.count }
        let norm = Date().timeIntervalSince(t)
        print("clean: \(mb / clean) MB/s, normalize per sentence: \(mb / norm) MB/s, warnings \(c.warnings.count), out \(n)")
    }
}
