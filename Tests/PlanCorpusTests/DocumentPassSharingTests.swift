import Foundation
import Testing
@testable import PlanCorpus

/// What the per-document passes share instead of doing twice gives what doing it twice gives: each indicator's
/// domain read from the scalars keying normalised, normalised scalars read from bytes, a sentence read from the
/// clean text's bytes once it is known to share them.
@Suite struct DocumentPassSharingTests {
    /// Random documents: lines of indicators, keywords of the lexicon, traditional and full-width forms, and
    /// targets whose clauses stand in one or several sentences of their line.
    static func randomDocuments(seed: UInt64, sharedSentences: Bool) -> [Document] {
        var rng = ScalarRewriteTests.SeededGenerator(state: seed)
        // Combining marks (U+0301, U+302A) join the scalar before them into one Character: a clause they follow is
        // not a whole run of the sentence's Characters there, and a sentence holding one is not plain.
        let words = DomainLexicon.shared.keywords.map(\.text).sorted().prefix(300) + ["托位數", "養老機構", "ＰＭ２.５", "社區", "完成", "建成",
                                                                                  "\u{301}", "\u{302A}", "e\u{301}"]
        return (0..<60).map { _ in
            var lines: [String] = []
            var targets: [Target] = []
            for n in 0..<Int.random(in: 1...8, using: &rng) {
                let clause = (0..<Int.random(in: 1...3, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined()
                let other = (0..<Int.random(in: 0...3, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined()
                // The clause twice on some lines (the first sentence holding it decides), after another sentence on
                // some, alone on others.
                // On some, a combining mark just after the clause (joined to its last Character) or a prepended
                // concatenation mark (U+0605) just before it (joined to its first): the sentence's Characters there
                // are not the clause's, though its bytes are.
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: lines.append(other + clause + "。" + clause)
                case 1: lines.append(other + "。" + clause)
                case 2: lines.append(other + "。" + clause + (Bool.random(using: &rng) ? "\u{301}" : "\u{302A}") + "," + other)
                case 3: lines.append(other + "\u{605}" + clause + "。" + other)
                default: lines.append(clause + "," + other)
                }
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let indicator = Bool.random(using: &rng) ? words.randomElement(using: &rng)! : "事项"
                    targets.append(DomainClassifierTests.target(indicator, clause, line: n + 1))
                }
            }
            let text = lines.joined(separator: "\n")
            var document = DomainClassifierTests.document(text, targets: targets)
            // Sentences end at 。 too: a line holds several, and the first that holds a clause decides.
            var sentences: [Sentence] = []
            for sentence in document.sentences {
                var start = sentence.cleanRange.lowerBound
                for (offset, byte) in sentence.slice.utf8.enumerated() where byte == 0x82 && offset >= 2 {
                    let end = sentence.cleanRange.lowerBound + offset + 1
                    if Array(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: end - 3)..<text.utf8.index(text.utf8.startIndex, offsetBy: end)]) == Array("。".utf8) {
                        sentences.append(Sentence(section: nil, line: sentence.line, cleanRange: start..<end, of: text))
                        start = end
                    }
                }
                sentences.append(Sentence(section: nil, line: sentence.line, cleanRange: start..<sentence.cleanRange.upperBound, of: text))
            }
            document.sentences = sentences
            // Most clauses kept as a range of the clean text (as the extractor keeps them): the last occurrence on
            // their line, so that an earlier sentence holding the same words still decides.
            let clean = document.clean
            var lineStarts = [0]
            for line in lines { lineStarts.append(lineStarts.last! + line.utf8.count + 1) }
            for k in document.targets.indices where Int.random(in: 0..<4, using: &rng) > 0 {
                let line = document.targets[k].provenance.line - 1
                let bytes = Array(lines[line].utf8), needle = Array(document.targets[k].text.utf8)
                guard let at = stride(from: bytes.count - needle.count, through: 0, by: -1).first(where: {
                    Array(bytes[$0..<($0 + needle.count)]) == needle
                }) else { continue }
                document.targets[k].shareCleanText(clean, clause: (lineStarts[line] + at)..<(lineStarts[line] + at + needle.count))
            }
            if !sharedSentences {
                // Sentences cut from an equal text of other storage: their bytes are not the clean text's.
                let copy = String(decoding: Array(text.utf8), as: UTF8.self)
                document.sentences = document.sentences.map {
                    Sentence(section: $0.section, line: $0.line, cleanRange: $0.cleanRange, of: copy)
                }
            }
            return document
        }
    }

    static var documents: [Document] {
        var documents = randomDocuments(seed: 3, sharedSentences: true) + randomDocuments(seed: 4, sharedSentences: false)
        if sampleFolder() != nil { documents += ExtractionShortcutTests.samples }
        return documents
    }

    /// Keying with the classifier, then the chain from the indicators' domains it gave, sets the keys and
    /// domains that keying alone and the whole chain set.
    @Test func indicatorDomainsFromKeyingAsByTheChain() {
        var targets = 0
        var fromIndicator = 0
        // Documents all of whose targets take their indicator's domain (the chain makes no state for them).
        var allFromIndicator = 0
        for document in Self.documents {
            var expected = document
            for k in expected.targets.indices { expected.targets[k].domain = nil }
            var shared = expected
            IndicatorKey.shared.assignKeys(in: &expected)
            DomainClassifier.shared.assignDomains(in: &expected)
            let domains = IndicatorKey.shared.assignKeys(in: &shared, classifying: .shared)
            #expect(domains.count == shared.targets.count)
            DomainClassifier.shared.assignDomains(in: &shared, indicatorDomains: domains)
            #expect(shared.targets == expected.targets, "\(document.name)")
            #expect(shared.targets.map(\.domain) == expected.targets.map(\.domain), "\(document.name)")
            #expect(shared.targets.map(\.key) == expected.targets.map(\.key), "\(document.name)")
            targets += shared.targets.count
            fromIndicator += domains.filter { $0 >= 0 }.count
            if domains.allSatisfy({ $0 >= 0 }) { allFromIndicator += 1 }
        }
        // Both halves of the chain are exercised: some indicators decide, some do not.
        #expect(targets >= 200)
        #expect(fromIndicator >= 20 && fromIndicator < targets)
        #expect(allFromIndicator >= 3 && allFromIndicator < Self.documents.count)
    }

    /// The chain over sentences read from the clean text's bytes gives the String chain's domains, whether the
    /// sentences share the clean text's storage or not.
    @Test func sentenceDomainsFromBytesAsByTheStringChain() {
        var bySentence = 0
        for document in Self.documents {
            var copy = document
            for k in copy.targets.indices { copy.targets[k].domain = nil }
            let expected = KeyAndDomainScalarTests.referenceDomains(copy)
            DomainClassifier.shared.assignDomains(in: &copy)
            #expect(copy.targets.map(\.domain) == expected, "\(document.name)")
            bySentence += copy.targets.filter { DomainClassifier.classify($0.indicator) == nil && DomainClassifier.classify($0.text) == nil
                && $0.domain != DomainClassifier.shared.fallback }.count
        }
        #expect(bySentence >= 20)
    }

    /// A clause kept as a range of the clean text, inside its sentence's bytes but not a run of its Characters
    /// there (a combining mark follows it and joins its last scalar), is not found in that sentence: the chain
    /// goes on as the String chain does, to the fallback here, though the sentence names a domain.
    @Test(arguments: ["\u{301}", "\u{302A}", ""])
    func clauseFollowedByACombiningMarkIsNotInItsSentence(mark: String) {
        let text = "事项。完成" + mark + ",养老服务养老机构养老\n其他"
        var document = DomainClassifierTests.document(text, targets: [DomainClassifierTests.target("事项", "完成", line: 1)])
        let start = "事项。".utf8.count
        document.targets[0].shareCleanText(document.clean, clause: start..<(start + "完成".utf8.count))
        document.sentences = [Sentence(section: nil, line: 1, cleanRange: 0..<"事项。".utf8.count, of: text),
                              Sentence(section: nil, line: 1, cleanRange: "事项。".utf8.count..<(text.utf8.count - "\n其他".utf8.count), of: text),
                              Sentence(section: nil, line: 2, cleanRange: (text.utf8.count - "其他".utf8.count)..<text.utf8.count, of: text)]
        let expected = KeyAndDomainScalarTests.referenceDomains(document)
        #expect(expected == [mark.isEmpty ? "养老" : DomainClassifier.shared.fallback])
        DomainClassifier.shared.assignDomains(in: &document)
        #expect(document.targets.map(\.domain) == expected)
    }

    @Test func normalisedScalarsFromBytesAsFromTheText() {
        var buffer: [UInt32] = []
        for text in KeyAndDomainScalarTests.texts {
            let expected = TextNormalizer.normalize(text).unicodeScalars.map(\.value)
            var copy = text
            let (count, changed) = copy.withUTF8 { NormalizedScalars.load(utf8: $0, into: &buffer) }
            #expect(Array(buffer[0..<count]) == expected, "\(text.debugDescription)")
            #expect(changed == (expected != text.unicodeScalars.map(\.value)), "\(text.debugDescription)")
        }
    }
}
