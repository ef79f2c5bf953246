import Foundation
import Testing
@testable import PlanCorpus

/// The classifier's block scan (filter bits per block of 64 positions, walked by their set bits) gives every
/// domain the score of the plain scan: each position tried in turn, keywords longest first, leftmost-longest
/// without overlap.
@Suite struct DomainScoreScanTests {
    /// Scores per domain of normalised text by the plain scan.
    static func referenceScores(_ normalized: String, lexicon: DomainLexicon) -> [Double] {
        func fold(_ s: Unicode.Scalar) -> Unicode.Scalar { (s.value >= 65 && s.value <= 90) ? Unicode.Scalar(s.value + 32)! : s }
        // Keywords by first scalar, longest first (listed order among equals).
        var groups: [Unicode.Scalar: [(scalars: [Unicode.Scalar], domain: Int, weight: Double)]] = [:]
        for keyword in lexicon.keywords {
            let scalars = keyword.text.unicodeScalars.map(fold)
            guard let first = scalars.first else { continue }
            groups[first, default: []].append((scalars, keyword.domain, keyword.weight))
        }
        for key in groups.keys {
            groups[key] = groups[key]!.enumerated().sorted {
                $0.element.scalars.count != $1.element.scalars.count ? $0.element.scalars.count > $1.element.scalars.count
                    : $0.offset < $1.offset
            }.map(\.element)
        }
        let s = normalized.unicodeScalars.map(fold)
        var scores = [Double](repeating: 0, count: lexicon.domains.count)
        var i = 0
        outer: while i < s.count {
            for keyword in groups[s[i]] ?? [] where keyword.scalars.count <= s.count - i
                && Array(s[i..<(i + keyword.scalars.count)]) == keyword.scalars {
                scores[keyword.domain] += keyword.weight
                i += keyword.scalars.count
                continue outer
            }
            i += 1
        }
        return scores
    }

    /// Long texts of keywords, keyword pieces, upper-case ASCII and filler, so that keywords straddle the
    /// 64-position blocks and one keyword's match hides candidates in the next block.
    static func keywordTexts(_ lexicon: DomainLexicon, count: Int, seed: UInt64) -> [String] {
        var rng = ScalarRewriteTests.SeededGenerator(state: seed)
        let words = lexicon.keywords.map(\.text)
        let filler = Array("的和在、，。发展建设a Z😀\u{3000}".unicodeScalars)
        return (0..<count).map { _ in
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...80, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0, 1:
                    text.append(contentsOf: words.randomElement(using: &rng)!.uppercased().unicodeScalars)
                case 2:
                    let word = Array(words.randomElement(using: &rng)!.unicodeScalars)
                    let cut = Int.random(in: 0...word.count, using: &rng)
                    text.append(contentsOf: Bool.random(using: &rng) ? word[..<cut] : word[cut...])
                default:
                    text.append(filler.randomElement(using: &rng)!)
                }
            }
            return String(text)
        }
    }

    @Test func scoresAsByThePlainScan() {
        let lexicon = DomainLexicon.shared
        let classifier = DomainClassifier.shared
        var texts = Self.keywordTexts(lexicon, count: 500, seed: 91)
        for (_, text) in sampleTexts() { texts += text.split(separator: "\n").prefix(200).map { TextNormalizer.normalize(String($0)) } }
        // A keyword at every offset around the first block boundary.
        for offset in 56...66 { texts.append(String(repeating: "的", count: offset) + "养老服务床位" + "托育机构") }
        var decided = 0
        for text in texts {
            let expected = Self.referenceScores(text, lexicon: lexicon)
            #expect(classifier.scores(normalized: text) == expected, "\(text)")
            if classifier.classify(normalized: text) != nil { decided += 1 }
        }
        // Most texts decide a domain, so the leader's choice is exercised too.
        #expect(decided >= 300)
        #expect(texts.contains { $0.unicodeScalars.count > 200 })
    }

    /// Lexicons with one-scalar keywords (their filter), long keywords, ties and negative weights: the domain decided is the plain scan's.
    @Test func otherLexiconsAsByThePlainScan() {
        let tsv = "@domain\ta\t甲\n@domain\tb\t乙\n@domain\tc\t丙\n@fallback\tb\n老\tb\t1\n老年\ta\t2\n老年人\tb\t2\n"
            + "老人\ta\t1\n5G\ta\t2\n养\tb\t2\n养老\ta\t2\n养老服务体系建设工程\tc\t3\n养老服务体系\tb\t1\n😀\tc\t2\n"
        let signed = tsv + "社区\tc\t-1\n"
        for lexicon in [DomainLexicon(tsv: tsv), DomainLexicon(tsv: signed)] {
            let classifier = DomainClassifier(lexicon: lexicon)
            var texts = ScalarRewriteTests.randomTexts("老年人养5gG 😀社区服务体系建设工程", count: 300, length: 0...140, seed: 8)
            texts += Self.keywordTexts(lexicon, count: 300, seed: 12)
            for text in texts {
                let expected = Self.referenceScores(text, lexicon: lexicon)
                #expect(classifier.scores(normalized: text) == expected, "\(text)")
                var best: Int?
                for (d, score) in expected.enumerated() where score >= DomainClassifier.minimumScore {
                    if best == nil || score > expected[best!] { best = d }
                }
                #expect(classifier.classify(normalized: text) == best.map { lexicon.domains[$0].label }, "\(text)")
            }
        }
    }
}
