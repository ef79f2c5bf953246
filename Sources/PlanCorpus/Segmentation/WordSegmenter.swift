import Foundation

/// Chinese word segmentation with jieba's dictionary-DAG method (jieba `cut`).
///
/// For each run of Han characters, ASCII letters and digits, every dictionary word starting at each
/// position forms a DAG; the route with the highest sum of log probabilities is found by dynamic
/// programming from the right. Runs of characters the route takes one at a time are cut by jieba's
/// HMM (`UnknownWordModel`) when given, else one by one; runs of ASCII letters and digits (and a `.`
/// between digits) stay one token. Other characters (punctuation) are one token each; whitespace is
/// dropped. Immutable, so one instance serves all threads.
public struct WordSegmenter: Sendable {
    public let dictionary: PrefixDictionary
    /// jieba's HMM for runs of characters the dictionary does not know; nil cuts them one by one.
    public let hmm: UnknownWordModel?
    private let logTotal: Double

    public init(dictionary: PrefixDictionary, hmm: UnknownWordModel? = nil) {
        self.dictionary = dictionary
        self.hmm = hmm
        self.logTotal = log(dictionary.total)
    }

    /// jieba's dictionary plus planq's domain lexicon (see `DomainWordList`), loaded once.
    public static let shared: WordSegmenter = {
        var d = PrefixDictionary(jiebaText: ResourceText.read("jieba-dict", "txt"))
        DomainWordList.shared.add(to: &d)
        return WordSegmenter(dictionary: d, hmm: UnknownWordModel.shared)
    }()

    /// The tokens of `text`, in order, without whitespace.
    public func segment(_ text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        return tokenRanges(s).map { r in
            var v = String.UnicodeScalarView(); v.append(contentsOf: s[r]); return String(v)
        }
    }

    /// Token ranges in scalar offsets of `s`.
    public func tokenRanges(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(s.count / 2)
        var i = 0
        while i < s.count {
            if WordSegmenter.isBlockScalar(s[i]) {
                var j = i + 1
                while j < s.count, WordSegmenter.isBlockScalar(s[j]) { j += 1 }
                cutBlock(s, i..<j, into: &out)
                i = j
            } else {
                if !s[i].properties.isWhitespace { out.append(i..<i + 1) }
                i += 1
            }
        }
        return out
    }

    /// The best route through one block, appended as ranges.
    private func cutBlock(_ s: [Unicode.Scalar], _ block: Range<Int>, into out: inout [Range<Int>]) {
        let n = block.count
        let base = block.lowerBound
        // best[k]: the best log probability of s[base+k..<end]; next[k]: the end of its first word.
        var best = [Double](repeating: 0, count: n + 1)
        var next = [Int](repeating: 0, count: n + 1)
        var k = n - 1
        while k >= 0 {
            var node: Int32 = 0
            var found = false
            var bestScore = -Double.infinity, bestEnd = k + 1
            var x = k
            while x < n, let c = dictionary.child(node, s[base + x]) {
                node = c
                let count = dictionary.count(at: c)
                if count > 0 {
                    found = true
                    let score = log(count) - logTotal + best[x + 1]
                    if score >= bestScore { bestScore = score; bestEnd = x + 1 }  // ties: the longer word, as jieba
                }
                x += 1
            }
            if !found { bestScore = -logTotal + best[k + 1]; bestEnd = k + 1 }
            best[k] = bestScore
            next[k] = bestEnd
            k -= 1
        }
        // Walk the route. Consecutive one-character steps gather in a buffer, cut when a longer word
        // comes (jieba's __cut_DAG): ASCII letters and digits join into runs, and Han runs the dictionary
        // does not know go to the HMM.
        var x = 0
        var buffer = 0
        while x < n {
            let y = next[x]
            if y == x + 1 { x = y; continue }
            if buffer < x { cutSingles(s, base + buffer..<base + x, into: &out) }
            out.append(base + x..<base + y)
            x = y
            buffer = y
        }
        if buffer < n { cutSingles(s, base + buffer..<base + n, into: &out) }
    }

    /// Cuts a run of characters that the route took one at a time.
    private func cutSingles(_ s: [Unicode.Scalar], _ run: Range<Int>, into out: inout [Range<Int>]) {
        // A run that is itself a dictionary word stays in single characters, as in jieba.
        let known = run.count > 1 && dictionary.count(of: s[run]) > 0
        var i = run.lowerBound
        while i < run.upperBound {
            let c = s[i]
            if WordSegmenter.isHan(c) {
                var j = i + 1
                while j < run.upperBound, WordSegmenter.isHan(s[j]) { j += 1 }
                if let hmm, j - i > 1, !known {
                    out += hmm.cut(s, i..<j)
                } else {
                    for k in i..<j { out.append(k..<k + 1) }
                }
                i = j
            } else if WordSegmenter.isASCIIAlphanumeric(c) {
                var j = i + 1
                while j < run.upperBound, WordSegmenter.isASCIIAlphanumeric(s[j])
                        || (s[j] == "." && j + 1 < run.upperBound && WordSegmenter.isASCIIDigit(s[j - 1]) && WordSegmenter.isASCIIDigit(s[j + 1])) {
                    j += 1
                }
                out.append(i..<j)
                i = j
            } else {
                out.append(i..<i + 1)
                i += 1
            }
        }
    }

    @inline(__always)
    static func isHan(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FFFF).contains(v) || (0xF900...0xFAFF).contains(v)
    }

    /// Scalars that form blocks (jieba's `re_han_default`): Han, ASCII letters and digits, `+#&._%-`.
    @inline(__always)
    static func isBlockScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 {
            return isASCIIAlphanumeric(c) || v == 0x2B || v == 0x23 || v == 0x26 || v == 0x2E || v == 0x5F || v == 0x25 || v == 0x2D
        }
        return isHan(c)
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }

    @inline(__always)
    static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { (0x30...0x39).contains(c.value) }
}
