/// A word list indexed by the words' first (or last) scalars, for asking which word a text starts (or ends)
/// with: only the words sharing the text's first (or last) scalar are compared, in list order, so the answer
/// is the first word of the whole list that fits, as a walk through the list finds it.
struct EdgeWords: Sendable {
    /// The words, in the order their matches are preferred.
    let words: [[Unicode.Scalar]]
    /// True: words are matched at the end of a text; false: at its start.
    let atEnd: Bool
    /// Edge scalar → group g, whose words are `order[start[g]..<start[g + 1]]` (indexes into `words`, in order).
    private let groups: ScalarIndex
    private let start: [Int32]
    private let order: [Int32]
    /// Every word's index, in order, when the list holds an empty word (which every text starts and ends with): such
    /// a list is walked whole, and these are its candidates. Empty otherwise.
    private let everyWord: [Int32]
    private var walk: Bool { !everyWord.isEmpty }

    init(_ words: [[Unicode.Scalar]], atEnd: Bool) {
        self.words = words
        self.atEnd = atEnd
        everyWord = words.contains(where: \.isEmpty) ? words.indices.map { Int32($0) } : []
        var groupOf: [Unicode.Scalar: Int] = [:]
        var members: [[Int32]] = []
        var edges: [(Unicode.Scalar, Int)] = []
        for (k, word) in words.enumerated() {
            guard let edge = atEnd ? word.last : word.first else { continue }
            if let g = groupOf[edge] {
                members[g].append(Int32(k))
            } else {
                groupOf[edge] = members.count
                edges.append((edge, members.count))
                members.append([Int32(k)])
            }
        }
        var start: [Int32] = [0]
        var order: [Int32] = []
        for group in members {
            order += group
            start.append(Int32(order.count))
        }
        self.groups = ScalarIndex(edges)
        self.start = start
        self.order = order
    }

    /// Index in `words` of the first word `text` starts (or ends) with, or nil.
    @inline(__always) func first(in text: ArraySlice<Unicode.Scalar>) -> Int? {
        if walk { return firstByWalking(in: text) }
        guard let edge = atEnd ? text.last : text.first, let g = groups.value(of: edge) else { return nil }
        for p in Int(start[g])..<Int(start[g + 1]) {
            let k = Int(order[p])
            if fits(words[k], text) { return k }
        }
        return nil
    }

    /// `first(in:)` by trying every word in turn: the reference the tests compare the index with.
    func firstByWalking(in text: ArraySlice<Unicode.Scalar>) -> Int? {
        words.firstIndex { fits($0, text) }
    }

    /// Indexes in `words` of the words that may start (or end) a text whose first (or last) scalar is `edge`, in
    /// list order: those with that edge scalar, or every word when the list holds an empty word.
    @inline(__always) func candidates(_ edge: Unicode.Scalar) -> ArraySlice<Int32> {
        if walk { return everyWord[...] }
        guard let g = groups.value(of: edge) else { return [] }
        return order[Int(start[g])..<Int(start[g + 1])]
    }

    /// Whether `word` starts (or ends) `text`.
    @inline(__always) private func fits(_ word: [Unicode.Scalar], _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard word.count <= text.count else { return false }
        let base = atEnd ? text.endIndex - word.count : text.startIndex
        for k in 0..<word.count where text[base + k] != word[k] { return false }
        return true
    }
}
