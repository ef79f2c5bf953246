import Foundation
import Testing
@testable import PlanCorpus

/// `BodyEvidence.stops` (a block of eight positions per test, its stops as bits) stops where the one-position-at-a-
/// time reference stops, with every table of masks the walk uses, on random text of place names and trigger words
/// (short and long, so blocks and tails of every length occur) and on the samples.
@Suite struct BodyWalkStopTests {
    /// The stops of `values` as the walk takes them: block after block, the bits of each in order, up to the tail.
    static func stopsByBlocks(_ values: [UInt32], entries: UnsafePointer<PairMasks.Entry>) -> [Int] {
        guard !values.isEmpty else { return [] }
        var out: [Int] = []
        var next = 0
        values.withUnsafeBufferPointer { v in
            while true {
                let (block, stops, tail) = BodyEvidence.stops(v.baseAddress!, from: next, last: values.count - 1,
                                                              entries: entries)
                for i in 0..<32 where stops & (1 << UInt32(i)) != 0 { out.append(block + i) }
                if tail { break }
                next = block + 8
            }
        }
        return out
    }

    static func texts() -> [String] {
        let short = BodyEvidenceTests.texts(count: 400, seed: 83)
        // Long texts: many blocks, and the stops of several kinds within one block.
        let long = stride(from: 0, to: short.count, by: 10).map { short[$0..<min($0 + 10, short.count)].joined() }
        return short + long + ExtractionShortcutTests.samples.map(\.clean)
    }

    @Test func blockStopsAreTheStopsOneByOne() {
        let gazetteer = Gazetteer.shared
        var stopped = 0, passed = 0
        for text in Self.texts() {
            let values = text.unicodeScalars.map(\.value)
            for masks in [gazetteer.bodyMasks, gazetteer.levelMasks] {
                for untilNFKC in [false, true] {
                    let fast = Self.stopsByBlocks(values, entries: untilNFKC ? masks.entriesUntilNFKC : masks.entries)
                    let reference = BodyEvidence.stopsOneByOne(values, last: values.count - 1, masks: masks,
                                                               untilNFKC: untilNFKC)
                    #expect(fast == reference, "\(text.prefix(80).debugDescription)")
                    stopped += reference.count
                    passed += values.count - reference.count
                }
            }
        }
        // Both stops and positions passed over are many, so the comparison is not of trivial lists.
        #expect(stopped > 10_000 && passed > 10_000)
    }

    /// Every length from 0 to 40 of one text: the tail holds 0 to 7 positions before the last.
    @Test func everyTailLength() {
        let masks = Gazetteer.shared.bodyMasks
        let values = "我市全省山东省潍坊市自治区各县委、市教育局朝阳区[地区名称]国家建设和发展".unicodeScalars.map(\.value)
        for n in 0...min(40, values.count) {
            let v = Array(values.prefix(n))
            #expect(Self.stopsByBlocks(v, entries: masks.entries)
                    == BodyEvidence.stopsOneByOne(v, last: n - 1, masks: masks, untilNFKC: false), "\(n)")
        }
    }

    /// The walk over long texts (many blocks with several stops each) finds what the separate passes find.
    /// The first scalar NFKC changes switches the walk to the smaller table in the middle of a block, whose other
    /// stops were taken with the larger one: the walk must still agree with the separate passes, wherever in the
    /// block the switch falls and whatever follows it in the block.
    @Test func aSwitchOfTablesInsideABlockAgrees() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 97)
        let changed = ["Ａ", "１", "①", "㎡", "…", "（", "，"]
        let short = BodyEvidenceTests.texts(count: 300, seed: 101)
        var compared = 0
        for text in short {
            let scalars = Array(text.unicodeScalars)
            guard scalars.count >= 4 else { continue }
            for _ in 0..<3 {
                var pieces = scalars.map { String($0) }
                // One or two NFKC-changed scalars within the first blocks.
                for _ in 0..<Int.random(in: 1...2, using: &rng) {
                    pieces.insert(changed.randomElement(using: &rng)!, at: Int.random(in: 0...min(15, pieces.count), using: &rng))
                }
                let mixed = pieces.joined() + short.randomElement(using: &rng)!
                guard let agrees = BodyEvidenceTests.agree(mixed, norm: TextNormalizer.normalize(mixed)) else { continue }
                #expect(agrees, "\(mixed.debugDescription)")
                compared += 1
            }
        }
        #expect(compared >= 200)
    }

    @Test func walkOverLongTextsAgreesWithTheSeparatePasses() {
        var walked = 0
        // Texts the walk takes, joined ten at a time (a long random text nearly always holds a scalar that makes
        // the walk give way).
        let short = BodyEvidenceTests.texts(count: 600, seed: 89).filter {
            BodyEvidence.walk(scanner: BodyEvidenceTests.scanner, original: Array($0.unicodeScalars),
                              norm: Array(TextNormalizer.normalize($0).unicodeScalars)) != nil
        }
        for k in stride(from: 0, to: short.count, by: 10) {
            let text = short[k..<min(k + 10, short.count)].joined()
            guard let agrees = BodyEvidenceTests.agree(text, norm: TextNormalizer.normalize(text)) else { continue }
            #expect(agrees, "\(text.prefix(80).debugDescription)")
            walked += 1
        }
        #expect(walked >= 10)
    }
}

extension BodyEvidence {
    /// The reference of `stops`: every position up to `last` whose masks meet (`PairMasks.first`, `second`), and
    /// `last`, one at a time.
    static func stopsOneByOne(_ o: [UInt32], last: Int, masks: PairMasks, untilNFKC: Bool) -> [Int] {
        guard last >= 0 else { return [] }
        var out: [Int] = []
        for p in 0..<last where masks.first(Int(o[p]), untilNFKC: untilNFKC) & masks.second(Int(o[p + 1])) != 0 {
            out.append(p)
        }
        out.append(last)
        return out
    }
}
