/// A text's normalised scalars (TextNormalizer), each mapped back to the original scalars it came from,
/// so a name found in the matching form can be reported as written (濰坊市, not 潍坊市).
struct AlignedText: Sendable {
    /// Normalised scalars, the ones searched.
    let norm: [Unicode.Scalar]
    /// Original scalars.
    let original: [Unicode.Scalar]
    /// For each normalised scalar, the index of the original scalar it came from; nil when the
    /// traditional-to-simplified step changed the length and no alignment could be kept.
    private let origin: [Int]?

    init(_ text: String) {
        let original = Array(text.unicodeScalars)
        // NFKC one scalar at a time (ASCII and CJK ideographs are fixed points, so most are skipped),
        // remembering where each output scalar came from; then the script step over the whole text.
        var nfkc: [Unicode.Scalar] = []
        nfkc.reserveCapacity(original.count)
        var origin: [Int] = []
        origin.reserveCapacity(original.count)
        // NFKC of one scalar goes through Foundation; a text repeats few distinct ones (，。、（）), so each is
        // mapped once per text.
        var mapped: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for (i, s) in original.enumerated() {
            if s.value < 0x80 || (0x4E00...0x9FFF).contains(s.value) {
                nfkc.append(s)
                origin.append(i)
            } else {
                let parts: [Unicode.Scalar]
                if let known = mapped[s] {
                    parts = known
                } else {
                    parts = Array(String(s).precomposedStringWithCompatibilityMapping.unicodeScalars)
                    mapped[s] = parts
                }
                for t in parts {
                    nfkc.append(t)
                    origin.append(i)
                }
            }
        }
        let norm = Array(TextNormalizer.normalize(String(scalars: nfkc)).unicodeScalars)
        self.original = original
        self.norm = norm
        self.origin = norm.count == origin.count ? origin : nil
    }

    /// The original text behind normalised scalars `range`, or the normalised text when unaligned.
    func written(_ range: Range<Int>) -> String {
        guard let origin, range.lowerBound < range.upperBound, range.upperBound <= origin.count else {
            return normalized(range)
        }
        let from = origin[range.lowerBound]
        let to = origin[range.upperBound - 1] + 1
        return String(scalars: original[from..<to])
    }

    /// Normalised text of `range`.
    func normalized(_ range: Range<Int>) -> String {
        return String(scalars: norm[range.clamped(to: 0..<norm.count)])
    }
}
