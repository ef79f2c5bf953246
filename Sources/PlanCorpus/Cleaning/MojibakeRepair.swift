/// Repairs GBK byte-phase mojibake: one byte of a double-byte character lost (it shows as `?`), so every
/// following byte pair is read out of step until the next ASCII byte, e.g. `居?。ㄐ。﹨^` for `居住（小）區`.
///
/// A run starts at a `?` inside text and ends at the first ASCII byte (included when it lies in the trail-byte
/// range 0x40–0x7E, since it was then the trail of the last character). The run is re-encoded as GBK (the
/// ASCII punctuation the site substituted for full-width forms goes back to full-width), every possible lost
/// lead byte is put in front, and the realigned bytes are decoded. Candidates are scored with character
/// bigram frequencies, plus a bonus for character pairs found elsewhere in the same document; a candidate
/// replaces the run only when it is clearly better. Runs that cannot be repaired but show damage (characters
/// that never occur in Chinese prose, `??`) are flagged and left as they are.
struct MojibakeRepair {
    /// Longest run (in scalars) tried.
    var maxRun = 80
    /// Improvement in mean log-probability per character a repair must bring.
    var minimumGain = 2.0
    /// Lead (in nats) of the best guess for an unknown byte over the next best: the guessed character must be clear.
    var minimumMargin = 1.0
    /// Gain from which the realignment is taken as sure, and the last character's guess may be less clear.
    var sureGain = 4.0
    var minimumTrailMargin = 0.3
    /// A reading this much better than the text shows damage even when no reading is sure enough to use.
    var damageGain = 1.0
    /// Bonus (in nats) for each character pair of a candidate that occurs elsewhere in the document.
    var documentPairBonus = 0.5

    func apply(_ text: TrackedText, log: inout CleaningLog) -> TrackedText {
        let s = text.scalars
        var triggers = false
        for c in s where ScalarClass.isQuestionMark(c) || Self.isStrongTrigger(c) { triggers = true; break }
        guard triggers else { return text }
        let codec = GBKCodec.shared, freq = CharacterFrequencies.shared
        guard codec.isAvailable, freq.isAvailable else { return text }
        var context = DocumentContext(s)

        var replacements: [(range: Range<Int>, with: [Unicode.Scalar])] = []
        var i = 1
        while i < s.count {
            let c = s[i]
            if ScalarClass.isQuestionMark(c), s[i - 1] != "\n", !ScalarClass.isSpace(s[i - 1]) {
                let run = self.run(s, from: i)
                let verdict = repair(s, run: run, context: &context)
                if let fix = verdict.fix {
                    replacements.append((run.range, fix))
                    let prev = String(s[i - 1])
                    log.note("mojibake-repaired", text: prev + text.string(run.range),
                             fixed: prev + String(String.UnicodeScalarView(fix)), origin: text.origins[i - 1])
                    log.repaired += QualityScore.mojibakeCharacterWeight * Double(fix.count)
                    i = run.range.upperBound
                    continue
                }
                if verdict.damaged || isDamaged(s, run.range) {
                    let flagged = flagRange(s, around: run.range)
                    log.note("mojibake-flagged", text: text.string(flagged), fixed: nil, origin: text.origins[flagged.lowerBound])
                    log.flagged += flagged.count
                    i = run.range.upperBound
                    continue
                }
            } else if Self.isStrongTrigger(c), !Self.isSmallPunctuationAfterDigit(s, i) {
                var j = i
                while j < s.count, Self.isStrongTrigger(s[j]) || (j + 1 < s.count && Self.isStrongTrigger(s[j + 1])) { j += 1 }
                let flagged = flagRange(s, around: i..<max(j, i + 1))
                log.note("mojibake-flagged", text: text.string(flagged), fixed: nil, origin: text.origins[flagged.lowerBound])
                log.flagged += flagged.count
                i = flagged.upperBound
                continue
            }
            i += 1
        }
        return text.replacing(replacements.map { ($0.range, $0.with) })
    }

    /// A small-form comma or full stop right after a digit (`1﹒推进…`, list numbering typed with the small
    /// form) is punctuation, not damage; other small forms (`﹨`, `﹟`) still are.
    static func isSmallPunctuationAfterDigit(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        (0xFE50...0xFE57).contains(s[i].value) && i > 0 && ScalarClass.isASCIIDigit(s[i - 1])
    }

    /// Characters that never occur in Chinese prose and so mark damage on their own.
    static func isStrongTrigger(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3105...0x312F).contains(v) || (0xFE50...0xFE6F).contains(v) || v == 0xFFFD || (0xE000...0xF8FF).contains(v)
    }

    struct Run {
        var range: Range<Int>
        /// Scalars of the run that are pinyin debris (`qū)` left by a broken gloss), dropped from the bytes.
        var debris: Set<Int>
        /// The run reached its end (an ASCII byte or the end of text) within `maxRun`.
        var closed: Bool
        /// The run ends with an ASCII character in the trail range, the real trail of its last character.
        var endsWithTrailByte = false
    }

    /// The run of out-of-step text starting at the `?` at `start`.
    func run(_ s: [Unicode.Scalar], from start: Int) -> Run {
        var j = start + 1
        var debris = Set<Int>()
        while j < s.count, j - start < maxRun {
            let c = s[j]
            if c == "\n" { return Run(range: start..<j, debris: debris, closed: true) }
            if let d = Self.debris(s, at: j) { for k in d { debris.insert(k) }; j = d.upperBound; continue }
            if Self.fullWidthOf[c] != nil { j += 1; continue }
            if c.value < 0x80 {
                if c.value >= 0x40 && c.value <= 0x7E {
                    return Run(range: start..<(j + 1), debris: debris, closed: true, endsWithTrailByte: true)
                }
                return Run(range: start..<j, debris: debris, closed: true)
            }
            if GBKCodec.shared.encode(c) == nil { return Run(range: start..<j, debris: debris, closed: true) }
            j += 1
        }
        return Run(range: start..<j, debris: debris, closed: j >= s.count)
    }

    /// A pinyin syllable with a closing parenthesis but no opening one, as a broken gloss leaves.
    static func debris(_ s: [Unicode.Scalar], at i: Int) -> Range<Int>? {
        guard PinyinSyllables.letter(s[i]) != nil else { return nil }
        var j = i, base = "", toned = false
        while j < s.count, j - i < 7, let (l, t) = PinyinSyllables.letter(s[j]) { base.unicodeScalars.append(l); toned = toned || t; j += 1 }
        guard toned, j < s.count, s[j] == ")" || s[j] == "）", PinyinSyllables.isSyllable(base) else { return nil }
        return i..<(j + 1)
    }

    /// ASCII punctuation a site substituted for full-width forms, mapped back for re-encoding.
    static let fullWidthOf: [Unicode.Scalar: Unicode.Scalar] = [
        "?": "？", ",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "!": "！",
    ]

    /// The best realigned reading of the run, when it is clearly better than the text as it stands.
    /// `fix` is set when one reading is clearly better than the text and than every other reading; `damaged`
    /// when some reading is much better than the text, so the text is damaged even if the fix is unsure.
    ///
    /// Two bytes are unknown at most: the lost lead byte in front, and, when the run ends in a `?` before a
    /// non-trail byte (a newline, a digit), the trail byte of the last character, which the decoder could not
    /// pair. Each decides one character only (the first, the last), so each is chosen on its own.
    func repair(_ s: [Unicode.Scalar], run: Run, context: inout DocumentContext) -> (fix: [Unicode.Scalar]?, damaged: Bool) {
        guard run.closed, run.range.count >= 2 else { return (nil, false) }
        let codec = GBKCodec.shared
        var last = run.range.upperBound
        let unknownTrail = !run.endsWithTrailByte && ScalarClass.isQuestionMark(s[last - 1]) && last - 1 > run.range.lowerBound
        if unknownTrail { last -= 1 }
        var bytes: [UInt8] = []
        for k in (run.range.lowerBound + 1)..<last where !run.debris.contains(k) {
            let c = Self.fullWidthOf[s[k]] ?? s[k]
            if c.value < 0x80 { bytes.append(UInt8(c.value)); continue }
            guard let (a, b) = codec.encode(c) else { return (nil, false) }
            bytes.append(a); bytes.append(b)
        }
        let prev = s[run.range.lowerBound - 1]
        let next: Unicode.Scalar? = run.range.upperBound < s.count ? s[run.range.upperBound] : nil
        let original = Array(s[run.range])
        context.prepare(prev: prev, next: next)
        let base = score(original, prev: prev, next: next, context: &context)

        func readable(_ d: [Unicode.Scalar]) -> Bool {
            !d.contains { CharacterFrequencies.isImprobable($0) || $0 == "?" || $0 == "？" }
        }
        // Realigned, the bytes read [lead b0] [b1 b2] … [b(m-1) trail?]: the middle does not depend on the
        // guesses, so it is decoded once and each guess decides one character.
        let m = bytes.count
        guard m >= 1, (m % 2 == 0) == unknownTrail else { return (nil, false) }
        let middleBytes = unknownTrail ? Array(bytes[1..<(m - 1)]) : Array(bytes[1...])
        guard let middleRaw = codec.decode(middleBytes), readable(middleRaw) else { return (nil, false) }
        let middle = middleRaw.map { context.convention($0) }
        // The lost lead byte: scored on the transitions around the first character.
        var leads: [(score: Double, char: Unicode.Scalar)] = []
        for lead in UInt8(0x81)...UInt8(0xFE) {
            guard let c = codec.decodePair(lead, bytes[0]), ScalarClass.isHan(c) else { continue }
            let after: Unicode.Scalar? = middle.first ?? (unknownTrail ? nil : next)
            leads.append((partial(c, prev: prev, next: after, context: &context), c))
        }
        guard let bestLead = leads.max(by: { $0.score < $1.score }) else { return (nil, false) }
        let leadMargin = bestLead.score - (leads.filter { $0.char != bestLead.char }.map(\.score).max() ?? -.infinity)
        // The unknown trail byte of the last character.
        var lastChar: [Unicode.Scalar] = []
        var trailMargin = Double.infinity
        if unknownTrail {
            var trails: [(score: Double, char: Unicode.Scalar)] = []
            let before = middle.last ?? bestLead.char
            for trail in UInt8(0x40)...UInt8(0xFE) where trail != 0x7F {
                guard let raw = codec.decodePair(bytes[m - 1], trail), readable([raw]) else { continue }
                let c = context.convention(raw)
                trails.append((partial(c, prev: before, next: next, context: &context), c))
            }
            guard let bestTrail = trails.max(by: { $0.score < $1.score }) else { return (nil, false) }
            trailMargin = bestTrail.score - (trails.filter { $0.char != bestTrail.char }.map(\.score).max() ?? -.infinity)
            lastChar = [bestTrail.char]
        }
        let decoded = [bestLead.char] + middle + lastChar
        let fix = decoded.map { context.convention($0) }
        let gain = score(fix, prev: prev, next: next, context: &context) - base
        // The last character's lead byte is known, so its rivals share a GBK row and are near-misses; a sure
        // realignment (large gain) may keep a less certain guess for it.
        let trailNeeded = gain >= sureGain ? minimumTrailMargin : minimumMargin
        if gain >= minimumGain, leadMargin >= minimumMargin, trailMargin >= trailNeeded { return (fix, true) }
        return (nil, gain >= damageGain)
    }

    /// Sum of transition log-probabilities of `prev + text (+ next)`, with the document-pair bonus.
    func partial(_ text: [Unicode.Scalar], prev: Unicode.Scalar, next: Unicode.Scalar?, context: inout DocumentContext) -> Double {
        let freq = CharacterFrequencies.shared
        var total = 0.0
        var before = prev
        for c in text {
            addTransition(before, c, to: &total, freq: freq, context: &context)
            before = c
        }
        if let next { addTransition(before, next, to: &total, freq: freq, context: &context) }
        return total
    }

    /// `partial` of one character: the lead and trail guesses ask it about 100–200 characters per run.
    func partial(_ c: Unicode.Scalar, prev: Unicode.Scalar, next: Unicode.Scalar?, context: inout DocumentContext) -> Double {
        let freq = CharacterFrequencies.shared
        var total = 0.0
        addTransition(prev, c, to: &total, freq: freq, context: &context)
        if let next { addTransition(c, next, to: &total, freq: freq, context: &context) }
        return total
    }

    /// Adds the score of the step `a → b`, term by term (the order of the additions is the score's).
    @inline(__always) private func addTransition(_ a: Unicode.Scalar, _ b: Unicode.Scalar, to total: inout Double,
                                                 freq: CharacterFrequencies, context: inout DocumentContext) {
        total += freq.logP(b, after: a)
        if context.hasPair(a, b) { total += documentPairBonus }
        total += Self.lineEndBonus(a, b)
    }

    /// A line (paragraph) ends in sentence-final punctuation far more often than in a comma.
    static func lineEndBonus(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Double {
        guard b == "\n" else { return 0 }
        switch a {
        case "。": return 2
        case "！", "？", "；", "：", "”", "）", ")": return 0.5
        case "、", "，", ",", "（", "(", "“", "《": return -2
        default: return 0
        }
    }

    /// Mean log-probability per transition of `prev + text + next`, with the document-pair bonus.
    func score(_ text: [Unicode.Scalar], prev: Unicode.Scalar, next: Unicode.Scalar?, context: inout DocumentContext) -> Double {
        partial(text, prev: prev, next: next, context: &context) / Double(text.count + (next == nil ? 0 : 1))
    }

    /// Whether an unrepaired run shows damage rather than a real question mark.
    func isDamaged(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var marks = 0, improbable = 0
        for k in r {
            if ScalarClass.isQuestionMark(s[k]) { marks += 1 }
            if CharacterFrequencies.isImprobable(s[k]) { improbable += 1 }
        }
        var k = r.lowerBound
        var longestMarks = 0, current = 0
        while k < r.upperBound { current = ScalarClass.isQuestionMark(s[k]) ? current + 1 : 0; longestMarks = max(longestMarks, current); k += 1 }
        return longestMarks >= 2 || improbable > 0 || Self.debris(s, at: min(r.lowerBound + 1, s.count - 1)) != nil
    }

    /// The damaged span to report: the question marks and improbable characters, with a character either side.
    func flagRange(_ s: [Unicode.Scalar], around r: Range<Int>) -> Range<Int> {
        var end = r.lowerBound
        for k in r where ScalarClass.isQuestionMark(s[k]) || CharacterFrequencies.isImprobable(s[k]) || Self.isStrongTrigger(s[k]) { end = k + 1 }
        end = max(end, r.lowerBound + 1)
        var lo = r.lowerBound, hi = end
        for _ in 0..<2 where lo > 0 && s[lo - 1] != "\n" { lo -= 1 }
        if hi < s.count, s[hi] != "\n" { hi += 1 }
        return lo..<hi
    }

    /// What the rest of the document says: which characters neighbour a given one, and its punctuation convention.
    struct DocumentContext {
        let scalars: [Unicode.Scalar]
        private var neighbours: [UInt32: (after: Set<UInt32>, before: Set<UInt32>)] = [:]
        private var asciiPunctuation: [Bool]? = nil

        init(_ s: [Unicode.Scalar]) { scalars = s }

        /// Characters that follow and precede `c` anywhere in the document (one linear scan per character asked).
        private mutating func neighbourhood(_ c: Unicode.Scalar) -> (after: Set<UInt32>, before: Set<UInt32>) {
            if let n = neighbours[c.value] { return n }
            var after = Set<UInt32>(), before = Set<UInt32>()
            for k in 0..<scalars.count where scalars[k] == c {
                if k + 1 < scalars.count { after.insert(scalars[k + 1].value) }
                if k > 0 { before.insert(scalars[k - 1].value) }
            }
            neighbours[c.value] = (after, before)
            return (after, before)
        }

        /// Whether the pair `a b` occurs in the document; only asked about pairs next to known text.
        mutating func hasPair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
            guard ScalarClass.isHan(a), ScalarClass.isHan(b) else { return false }
            if let n = neighbours[a.value] { return n.after.contains(b.value) }
            if let n = neighbours[b.value] { return n.before.contains(a.value) }
            return false
        }

        /// Prepares pair lookups around a run: pairs with the character before and after it.
        mutating func prepare(prev: Unicode.Scalar, next: Unicode.Scalar?) {
            _ = neighbourhood(prev)
            if let next { _ = neighbourhood(next) }
        }

        /// Full-width punctuation written the way the document writes it (ASCII when it mostly uses ASCII).
        mutating func convention(_ c: Unicode.Scalar) -> Unicode.Scalar {
            guard let i = MojibakeRepair.fullWidthForms.firstIndex(of: c) else { return c }
            if asciiPunctuation == nil {
                var ascii = [Int](repeating: 0, count: MojibakeRepair.fullWidthForms.count), full = ascii
                for x in scalars where x.value < 0x80 || x.value >= 0xFF00 {
                    if let a = MojibakeRepair.asciiForms.firstIndex(of: x) { ascii[a] += 1 }
                    else if let f = MojibakeRepair.fullWidthForms.firstIndex(of: x) { full[f] += 1 }
                }
                asciiPunctuation = zip(ascii, full).map { $0 > $1 }
            }
            return asciiPunctuation![i] ? MojibakeRepair.asciiForms[i] : c
        }
    }

    static let asciiForms: [Unicode.Scalar] = ["?", ",", "(", ")", ":", ";", "!"]
    static let fullWidthForms: [Unicode.Scalar] = ["？", "，", "（", "）", "：", "；", "！"]
}
