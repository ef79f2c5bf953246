/// Removes pinyin glosses a converter left after Han characters: `服務(wù)` → `服務`, `街道(鎮(zhèn))` → `街道(鎮)`.
///
/// A gloss is `(` or `（`, one pinyin syllable in lower case, `)` or `）`, right after a Han character. Syllables
/// with tone marks always count; plain ones (`(de)`) only when the document has at least three toned glosses,
/// so real parentheses such as `學校(幼兒園)` or `(a)` in an ordinary document stay.
struct PinyinAnnotationRemover {
    func apply(_ text: TrackedText, log: inout CleaningLog) -> TrackedText {
        let s = text.scalars
        var found: [(range: Range<Int>, toned: Bool)] = []
        var i = 1
        while i + 2 < s.count {
            if (s[i] == "(" || s[i] == "（"), ScalarClass.isHan(s[i - 1]), let m = Self.gloss(s, at: i) {
                found.append(m)
                i = m.range.upperBound
            } else {
                i += 1
            }
        }
        let toned = found.reduce(0) { $0 + ($1.toned ? 1 : 0) }
        let accepted = found.filter { $0.toned || toned >= 3 }
        if accepted.isEmpty { return text }
        // Identical glosses are counted here and reported once (hashing scalar values, not strings).
        var tally: [[UInt32]: (first: Int, count: Int)] = [:]
        var order: [[UInt32]] = []
        for m in accepted {
            let key = s[(m.range.lowerBound - 1)..<m.range.upperBound].map(\.value)
            if let t = tally[key] { tally[key] = (t.first, t.count + 1) } else { tally[key] = (m.range.lowerBound - 1, 1); order.append(key) }
            log.repaired += QualityScore.pinyinWeight
        }
        for key in order {
            let t = tally[key]!
            let token = text.string(t.first..<(t.first + key.count))
            log.note("pinyin", text: token, fixed: String(s[t.first]), origin: text.origins[t.first], count: t.count)
        }
        return text.removing(accepted.map(\.range))
    }

    /// The gloss starting at the opening parenthesis `open`, if the text there is one.
    static func gloss(_ s: [Unicode.Scalar], at open: Int) -> (range: Range<Int>, toned: Bool)? {
        var j = open + 1
        var base = ""
        var toned = false
        while j < s.count, j - open <= 7 {
            let c = s[j]
            if let (letter, tone) = PinyinSyllables.letter(c) {
                base.unicodeScalars.append(letter)
                if tone { toned = true }
                j += 1
            } else {
                break
            }
        }
        guard j < s.count, s[j] == ")" || s[j] == "）", !base.isEmpty, PinyinSyllables.isSyllable(base) else { return nil }
        return (open..<(j + 1), toned)
    }
}

/// Pinyin spelling: letters with tone marks and the set of valid syllables (initial + final).
enum PinyinSyllables {
    private static let toneVowels: [Unicode.Scalar: Unicode.Scalar] = {
        var m: [Unicode.Scalar: Unicode.Scalar] = [:]
        let table: [(String, Unicode.Scalar)] = [("āáǎà", "a"), ("ēéěè", "e"), ("īíǐì", "i"), ("ōóǒò", "o"),
                                                 ("ūúǔù", "u"), ("ǖǘǚǜ", "ü"), ("ńňǹḿ", "n")]
        for (marked, base) in table { for c in marked.unicodeScalars { m[c] = base } }
        return m
    }()

    /// The base letter of a pinyin letter and whether it carried a tone mark.
    static func letter(_ c: Unicode.Scalar) -> (Unicode.Scalar, Bool)? {
        if c.value >= 0x61 && c.value <= 0x7A { return (c, false) }
        if c == "ü" { return (c, false) }
        // every tone-marked letter is in U+00E0…U+01FF or is ḿ: the table is not asked about the rest
        guard (0xE0...0x1FF).contains(c.value) || c.value == 0x1E3F else { return nil }
        if let b = toneVowels[c] { return (b, true) }
        return nil
    }

    static let syllables: Set<String> = {
        let initials = ["", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
                        "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"]
        let finals = ["a", "o", "e", "i", "u", "ü", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong",
                      "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui",
                      "uan", "un", "uang", "ue", "üe", "ve", "ueng", "üan", "ün"]
        var set: Set<String> = ["er", "m", "n", "ng", "hm", "hng"]
        for i in initials { for f in finals { set.insert(i + f) } }
        return set
    }()

    static func isSyllable(_ base: String) -> Bool { syllables.contains(base) }
}
