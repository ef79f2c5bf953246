import Foundation
import Testing
@testable import PlanCorpus

/// The scalar tables behind indicator keys and domains answer as the String code they replaced: normalised
/// scalars as `TextNormalizer` makes them, the count-word rule as over Characters, synonyms as a Dictionary
/// of Strings finds them, keyword scores as the plain first-scalar scan.
@Suite struct KeyAndDomainScalarTests {
    /// Lines of the sample documents (when present) and generated text over the scalars the paths treat apart:
    /// traditional and full-width forms, … (several scalars), 著 (by context), combining marks, Hangul, emoji.
    static let texts: [String] = {
        var texts = ["", "a", "每千人口拥有3岁以下婴幼儿托位数", "數字經濟占地區生產總值比重", "ＰＭ２.５浓度……", "顯著提高著力",
                     "e\u{301}x", "가나", "😀托位", "\u{F900}率", "\t 全市人均 \u{3000}"]
        for (_, text) in sampleTexts() { texts += text.split(separator: "\n").prefix(60).map(String.init) }
        return texts + ScalarRewriteTests.randomTexts("托位數数养老機構护理型床位社區医生5GgＧ…著\u{301}가😀 \u{3000}、", count: 400,
                                                      length: 0...16, seed: 77)
    }()

    @Test func normalisedScalarsAreTheNormalisersOwn() {
        var buffer: [UInt32] = []
        for text in Self.texts {
            let expected = TextNormalizer.normalize(text).unicodeScalars.map(\.value)
            let (count, changed) = NormalizedScalars.load(text, into: &buffer)
            #expect(Array(buffer[0..<count]) == expected, "\(text.debugDescription)")
            #expect(changed == (expected != text.unicodeScalars.map(\.value)), "\(text.debugDescription)")
            let tail = text.dropFirst()
            let (tailCount, _) = NormalizedScalars.load(tail, into: &buffer)
            #expect(Array(buffer[0..<tailCount]) == TextNormalizer.normalize(String(tail)).unicodeScalars.map(\.value))
        }
    }

    @Test func countWordStrippedAsOverCharacters() {
        let texts = ["人数", "床位数", "托位总数", "总数", "数量", "学校数量", "指数", "人总数", "数数", "数"]
            + ScalarRewriteTests.randomTexts("数量总人指位床a", count: 400, length: 0...6, seed: 21)
        for text in texts {
            let values = text.unicodeScalars.map(\.value)
            let kept = values.withUnsafeBufferPointer { IndicatorKey.stripCountWord($0, 0..<$0.count) }
            #expect(String(String.UnicodeScalarView(text.unicodeScalars.prefix(kept.count))) == IndicatorKey.stripCountWord(text),
                    "\(text)")
        }
    }

    @Test func synonymsFoundAsByStringEquality() {
        // U+F9DC is canonically the same as 隆 (U+9686): String equality and the table both find it.
        let k = IndicatorKey(synonyms: ["\u{F9DC}率": "甲", "托位": "托位", "婴幼儿托位": "托位"])
        #expect(TextNormalizer.normalize("隆率") == "隆率")
        #expect(k.parts("隆率").key == "甲")
        #expect(k.parts("每千人口婴幼儿托位数").key == "托位")
        #expect(k.parts("托位率").key == "托位率")
    }

    /// Keys and bases over scalars (with their look-up shortcuts) are those of the Character rules, on the
    /// shipped synonym list, for its own variants with scope, base, verb, age and count words around them.
    @Test func keysAsByTheCharacterRules() {
        let key = IndicatorKey.shared
        var rng = ScalarRewriteTests.SeededGenerator(state: 13)
        let variants = Array(key.synonyms.keys).sorted()
        let around = ["全市", "每千人口", "每万名", "人均", "拥有", "达到", "3岁以下", "65岁及以上", "数", "总数", "数量", "床位", " ", ""]
        var texts = Self.texts + variants
        for _ in 0..<600 {
            let core = variants.isEmpty ? "托位" : variants.randomElement(using: &rng)!
            texts.append(around.randomElement(using: &rng)! + around.randomElement(using: &rng)! + core
                         + around.randomElement(using: &rng)!)
        }
        let keys = Set(key.synonyms.values)
        var listed = 0
        for text in texts {
            let parts = key.parts(text)
            #expect(parts == key.partsOfCharacters(TextNormalizer.normalize(text)), "\(text.debugDescription)")
            if keys.contains(parts.key) { listed += 1 }
        }
        // Many keys come from the list, so the look-ups are exercised, not only the stripping.
        #expect(listed >= 150)
    }

    /// The scan the classifier's tables replaced: keywords grouped by first scalar, longest first, tried in
    /// turn at each position.
    static func referenceDomain(_ text: String, lexicon: DomainLexicon) -> String? {
        let scores = DomainScoreScanTests.referenceScores(TextNormalizer.normalize(text), lexicon: lexicon)
        var best: Int?
        for (domain, score) in scores.enumerated() where score >= DomainClassifier.minimumScore {
            if best == nil || score > scores[best!] { best = domain }
        }
        return best.map { lexicon.domains[$0].label }
    }

    @Test func domainsAsByTheFirstScalarScan() {
        let lexicon = DomainLexicon.shared
        // Text made of keywords and their pieces, where the longest-match and overlap rules decide.
        var rng = ScalarRewriteTests.SeededGenerator(state: 5)
        let words = lexicon.keywords.map(\.text)
        let made = (0..<400).map { _ in
            (0..<Int.random(in: 1...6, using: &rng)).map { _ -> String in
                let word = words.randomElement(using: &rng)!
                return Bool.random(using: &rng) ? word : String(word.unicodeScalars.dropFirst(Int.random(in: 0...1, using: &rng)))
            }.joined()
        }
        for text in Self.texts + made {
            #expect(DomainClassifier.shared.classify(text) == Self.referenceDomain(text, lexicon: lexicon), "\(text)")
        }
        // A lexicon with one-scalar keywords, keywords sharing two first scalars, ASCII case and a tie.
        let small = DomainLexicon(tsv: "@domain\ta\t甲\n@domain\tb\t乙\n@fallback\tb\n老\tb\t1\n老年\ta\t2\n老年人\tb\t2\n老人\ta\t1\n"
                                  + "5G\ta\t2\n养\tb\t2\n养老\ta\t2\n")
        let classifier = DomainClassifier(lexicon: small)
        for text in ScalarRewriteTests.randomTexts("老年人养5gG ", count: 400, length: 0...10, seed: 6) + ["老年人", "5g", "养老老"] {
            #expect(classifier.classify(text) == Self.referenceDomain(text, lexicon: small), "\(text)")
        }
    }

    /// The chain as the type describes it, over Strings: indicator, clause, the first sentence on the target's
    /// line holding the clause, the section; the fallback last.
    static func referenceDomains(_ document: Document) -> [String?] {
        let classifier = DomainClassifier.shared
        return document.targets.map { target in
            if let domain = target.domain { return domain }
            if let d = classifier.classify(target.indicator) ?? classifier.classify(target.text) { return d }
            if let sentence = document.sentences.first(where: { $0.line == target.provenance.line && $0.slice.contains(target.text) }),
               let d = classifier.classify(String(sentence.slice)) {
                return d
            }
            if let id = target.section, let d = classifier.domain(ofSection: id, in: document) { return d }
            return classifier.fallback
        }
    }

    @Test(.enabled(if: sampleFolder() != nil, "sample corpus absent"))
    func sampleDomainsAsByTheStringChain() {
        let documents = CorpusLoader().load([sampleFolder()!.path]).documents
        var targets = 0
        for var document in documents {
            for k in document.targets.indices { document.targets[k].domain = nil }
            let expected = Self.referenceDomains(document)
            DomainClassifier.shared.assignDomains(in: &document)
            #expect(document.targets.map(\.domain) == expected, "\(document.name)")
            targets += document.targets.count
        }
        #expect(targets >= 50)
    }

    @Test func targetsFindTheirSentenceWhenSentencesAreOutOfLineOrder() {
        var document = DomainClassifierTests.document("完成任务。\n发展养老服务,新建示范点5个。", targets: [
            DomainClassifierTests.target("示范点", "新建示范点5个", line: 2),
        ])
        document.sentences.reverse()
        DomainClassifier.shared.assignDomains(in: &document)
        #expect(document.targets.first?.domain == "养老")
    }
}
