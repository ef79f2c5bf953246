/// A text's Unicode scalars side by side with their normalised forms, one for one, with UTF-8 offsets.
///
/// Extractors decide on the normalised scalars (simplified, half-width) and cut their results from the
/// original ones, so a traditional document keeps its own characters.
struct AlignedScalars {
    /// Scalars as written.
    let original: [Unicode.Scalar]
    /// One normalised scalar per original scalar.
    let norm: [Unicode.Scalar]
    /// UTF-8 offset of each scalar (plus the end), counted from `base`.
    let offsets: [Int]

    /// `normalized`, when given, is `TextNormalizer.normalize(text)` already made (a `Document.norm`), which
    /// spares normalising again: used as is when it has one scalar per scalar of `text`, else aligned with it
    /// (`keepingExpanded`). Without it the text is normalised whole first.
    init(_ text: String, normalized: String? = nil, base: Int = 0) {
        self.init(text, scalars: ScalarArray.of(text), normalized: normalized, base: base)
    }

    /// `scalars` are the scalars of `text`, when the caller has them already.
    init(_ text: String, scalars: [Unicode.Scalar], normalized: String? = nil, base: Int = 0) {
        self.init(text, scalars: scalars, normalizedScalars: normalized.map(ScalarArray.of), base: base)
    }

    /// `normalizedScalars`, when given, are the scalars of `TextNormalizer.normalize(text)` (nil: normalised here).
    init(_ text: String, scalars: [Unicode.Scalar], normalizedScalars given: [Unicode.Scalar]?, base: Int = 0) {
        self.init(text, scalars: scalars, offsets: AlignedScalars.offsets(of: scalars, base: base), normalizedScalars: given,
                  base: base)
    }

    /// `scalars` and `offsets` are `ScalarArray.withOffsets(text, base: base)`, made in one pass.
    init(_ text: String, scalars: [Unicode.Scalar], offsets: [Int], normalizedScalars given: [Unicode.Scalar]?,
         base: Int = 0) {
        // Most norms have one scalar per scalar. Where the norm spells a scalar with several (… → ..., ㎡ → m2),
        // that scalar stays as written; only a norm the tables cannot explain is made again line by line.
        let given = given ?? ScalarArray.of(TextNormalizer.normalize(text))
        if given.count == scalars.count {
            self.init(original: scalars, norm: given, offsets: offsets)
        } else if let norm = AlignedScalars.keepingExpanded(scalars, norm: given) {
            self.init(original: scalars, norm: norm, offsets: offsets)
        } else {
            self.init(lineByLine: text, base: base)
        }
    }

    private init(original: [Unicode.Scalar], norm: [Unicode.Scalar], offsets: [Int]) {
        self.original = original
        self.norm = norm
        self.offsets = offsets
    }

    /// `norm` (TextNormalizer's table path over `original`) one for one with `original`: a scalar the norm spells
    /// with several (`ScriptFolding.multi`: … → ..., ㎡ → m2) stays as written, as `normalizeOneForOne` keeps it,
    /// and every other takes its norm scalar. Nil when a difference is not one the tables make (a norm from
    /// Foundation's path, which composes).
    static func keepingExpanded(_ original: [Unicode.Scalar], norm: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let folding = ScriptFolding.shared
        let n = original.count, m = norm.count
        var ok = true
        let aligned = [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
            original.withUnsafeBufferPointer { o in norm.withUnsafeBufferPointer { t in folding.action.withUnsafeBufferPointer { action in
                var j = 0
                for i in 0..<n {
                    let c = o[i]
                    let a = c.value < 0x10000 ? action[Int(c.value)] : 0
                    if a == ScriptFolding.multiAction, let parts = folding.multi[c.value], j + parts.count <= m,
                       parts.indices.allSatisfy({ t[j + $0] == parts[$0] }) {
                        out[i] = c
                        j += parts.count
                    } else if j < m, t[j] == c || a == ScriptFolding.contextualAction || (a != 0 && t[j].value == a) {
                        out[i] = t[j]
                        j += 1
                    } else {
                        ok = false
                        break
                    }
                }
                ok = ok && j == m
            } } }
            count = ok ? n : 0
        }
        return ok ? aligned : nil
    }

    /// Normalises line by line, one for one (see `normalizeOneForOne`).
    private init(lineByLine text: String, base: Int) {
        var original: [Unicode.Scalar] = []
        var norm: [Unicode.Scalar] = []
        original.reserveCapacity(text.unicodeScalars.count)
        norm.reserveCapacity(text.unicodeScalars.count)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !original.isEmpty { original.append("\n"); norm.append("\n") }
            let scalars = ScalarArray.of(line)
            original.append(contentsOf: scalars)
            norm.append(contentsOf: AlignedScalars.normalizeOneForOne(scalars))
        }
        self.init(original: original, norm: norm, offsets: AlignedScalars.offsets(of: original, base: base))
    }

    /// UTF-8 offset of each scalar (plus the end), counted from `base`.
    static func offsets(of scalars: [Unicode.Scalar], base: Int) -> [Int] {
        scalars.withUnsafeBufferPointer { s in
            [Int](unsafeUninitializedCapacity: s.count + 1) { out, count in
                var offset = base
                for k in 0..<s.count {
                    out[k] = offset
                    offset &+= UTF8.width(s[k])
                }
                out[s.count] = offset
                count = s.count + 1
            }
        }
    }

    var count: Int { original.count }

    /// The scalar index whose UTF-8 offset (from `base`) is `offset` (`count` for the end), or nil when
    /// `offset` is not on a scalar boundary.
    func scalarIndex(ofUTF8 offset: Int) -> Int? {
        var lo = 0, hi = offsets.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if offsets[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < offsets.count && offsets[lo] == offset ? lo : nil
    }

    /// UTF-8 range (from `base`) of a scalar range.
    func utf8Range(_ range: Range<Int>) -> Range<Int> { offsets[range.lowerBound]..<offsets[range.upperBound] }

    /// True when the normalised scalars at `index` spell `word`.
    func normHas(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= norm.count else { return false }
        for (k, s) in word.enumerated() where norm[index + k] != s { return false }
        return true
    }

    /// Normalises a line whole, falling back scalar by scalar where NFKC or the script
    /// conversion would change the number of scalars (… → ..., ① → 1 stay as written).
    static func normalizeOneForOne(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars)
        let whole = Array(TextNormalizer.normalize(String(line)).unicodeScalars)
        if whole.count == scalars.count { return whole }
        // NFKC one scalar at a time, keeping scalars whose compatibility form is longer.
        var widthFolded = String.UnicodeScalarView()
        for scalar in scalars {
            let folded = String(String.UnicodeScalarView([scalar])).precomposedStringWithCompatibilityMapping.unicodeScalars
            widthFolded.append(folded.count == 1 ? folded.first! : scalar)
        }
        let converted = Array(TextNormalizer.normalize(String(widthFolded)).unicodeScalars)
        if converted.count == scalars.count { return converted }
        return Array(widthFolded)
    }
}
