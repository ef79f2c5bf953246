import Foundation

/// A word list with corpus counts stored as a prefix trie over Unicode scalars; immutable once built.
///
/// Every prefix of a word is a node, as in jieba's prefix dictionary (`FREQ` with zero counts for
/// prefixes), so the segmenter walks the trie from each position and stops where no word continues.
public struct PrefixDictionary: Sendable {
    /// Trie edges: key `node << 21 | scalar` (a scalar fits 21 bits) → child node; node 0 is the root.
    private var edges: [UInt64: Int32] = [:]
    /// Count of the word ending at each node, 0 for a prefix that is not a word.
    private var counts: [Double] = [0]
    /// Sum of all counts: a word's probability is count / total.
    public private(set) var total: Double = 0
    /// Number of words (nodes with a count).
    public private(set) var wordCount = 0

    public init() {}

    /// Reads jieba's `dict.txt` form, `word count [tag]` a line; a line `# total N` sets the total
    /// of the full list the file was pruned from, so kept words keep jieba's probabilities.
    public init(jiebaText text: String) {
        var declaredTotal: Double?
        var sum = 0.0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") {
                if line.hasPrefix("# total "), let n = Double(line.dropFirst(8).trimmingCharacters(in: .whitespaces)) { declaredTotal = n }
                continue
            }
            let fields = line.split(separator: " ", maxSplits: 2)
            guard fields.count >= 2, let n = Double(fields[1]), n > 0 else { continue }
            insert(fields[0].unicodeScalars, count: n)
            sum += n
        }
        total = max(declaredTotal ?? sum, 1)
    }

    /// The child of `node` along `scalar`, if some word continues that way.
    @inline(__always)
    public func child(_ node: Int32, _ scalar: Unicode.Scalar) -> Int32? {
        edges[UInt64(node) << 21 | UInt64(scalar.value)]
    }

    /// The count of the word ending at `node` (0 when the node is only a prefix).
    @inline(__always)
    public func count(at node: Int32) -> Double { counts[Int(node)] }

    /// The count of `word`, 0 when it is not in the dictionary.
    public func count(of word: String) -> Double { count(of: word.unicodeScalars) }

    /// The count of the word spelled by `scalars`, 0 when it is not in the dictionary.
    public func count<S: Sequence>(of scalars: S) -> Double where S.Element == Unicode.Scalar {
        var node: Int32 = 0
        for s in scalars {
            guard let c = child(node, s) else { return 0 }
            node = c
        }
        return counts[Int(node)]
    }

    /// Adds a word, or raises its count to `count` when it is already there (never lowers it).
    public mutating func insert<S: Sequence>(_ word: S, count: Double) where S.Element == Unicode.Scalar {
        var node: Int32 = 0
        var empty = true
        for s in word {
            empty = false
            let key = UInt64(node) << 21 | UInt64(s.value)
            if let c = edges[key] { node = c } else {
                let c = Int32(counts.count)
                counts.append(0)
                edges[key] = c
                node = c
            }
        }
        guard !empty else { return }
        if counts[Int(node)] == 0 { wordCount += 1 }
        counts[Int(node)] = max(counts[Int(node)], count)
    }

    /// Adds a word and its count to the total, as jieba's `add_word` does.
    public mutating func add(_ word: String, count: Double) {
        let before = self.count(of: word)
        insert(word.unicodeScalars, count: count)
        total += max(0, self.count(of: word) - before)
    }
}
