import Foundation

/// jieba's character-tagging HMM (`finalseg`) that groups runs of characters the dictionary does not
/// know into words: each character is tagged B(egin), M(iddle), E(nd) or S(ingle) by Viterbi.
public struct UnknownWordModel: Sendable {
    // Log probabilities indexed B, M, E, S; jieba's -3.14e100 where impossible.
    private let start: [Double]
    private let transition: [[Double]]
    private let emission: [UInt32: [Double]]

    /// The states a state may follow (jieba's PrevStatus): B after E or S, M after M or B, E after B or M, S after S or E.
    private static let previous: [[Int]] = [[2, 3], [1, 0], [0, 1], [3, 2]]
    private static let impossible = -3.14e100

    /// Reads `jieba-hmm.txt` (see scripts/segmentation/make-hmm.py); nil when the text holds no model.
    public init?(text: String) {
        var start: [Double] = []
        var transition = [[Double]](repeating: [], count: 4)
        var emission: [UInt32: [Double]] = [:]
        func value(_ s: Substring) -> Double { s == "-" ? UnknownWordModel.impossible : Double(s) ?? UnknownWordModel.impossible }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f.first == "start", f.count == 5 { start = f[1...4].map(value); continue }
            if f.first == "trans", f.count == 6, let i = "BMES".firstIndex(of: Character(String(f[1]))) {
                transition["BMES".distance(from: "BMES".startIndex, to: i)] = f[2...5].map(value); continue
            }
            guard f.count == 5, let c = f[0].unicodeScalars.first, f[0].unicodeScalars.count == 1 else { continue }
            emission[c.value] = f[1...4].map(value)
        }
        guard start.count == 4, transition.allSatisfy({ $0.count == 4 }), !emission.isEmpty else { return nil }
        self.start = start
        self.transition = transition
        self.emission = emission
    }

    /// The model shipped in the package's resources.
    public static let shared: UnknownWordModel? = UnknownWordModel(text: ResourceText.read("jieba-hmm", "txt"))

    /// Cuts a run of Han characters `s[range]` into words, as ranges.
    public func cut(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Range<Int>] {
        let n = range.count
        guard n > 1 else { return n == 1 ? [range] : [] }
        var v = [[Double]](repeating: [0, 0, 0, 0], count: n)
        var back = [[Int]](repeating: [0, 0, 0, 0], count: n)
        func emit(_ state: Int, _ t: Int) -> Double { emission[s[range.lowerBound + t].value]?[state] ?? UnknownWordModel.impossible }
        for y in 0..<4 { v[0][y] = start[y] + emit(y, 0) }
        for t in 1..<n {
            for y in 0..<4 {
                let em = emit(y, t)
                var best = -Double.infinity, from = UnknownWordModel.previous[y][0]
                for y0 in UnknownWordModel.previous[y] {
                    let p = v[t - 1][y0] + transition[y0][y] + em
                    if p > best { best = p; from = y0 }
                }
                v[t][y] = best
                back[t][y] = from
            }
        }
        // The last character ends a word: E or S.
        var state = v[n - 1][2] >= v[n - 1][3] ? 2 : 3
        var tags = [Int](repeating: 0, count: n)
        var t = n - 1
        while t >= 0 { tags[t] = state; if t > 0 { state = back[t][state] }; t -= 1 }
        var out: [Range<Int>] = []
        var begin = 0, next = 0
        for (i, tag) in tags.enumerated() {
            switch tag {
            case 0: begin = i
            case 2: out.append(range.lowerBound + begin..<range.lowerBound + i + 1); next = i + 1
            case 3: out.append(range.lowerBound + i..<range.lowerBound + i + 1); next = i + 1
            default: break
            }
        }
        if next < n { out.append(range.lowerBound + next..<range.upperBound) }
        return out
    }
}
