/// "Did you mean" suggestions by edit distance counted in Unicode scalars, so Chinese names work.
public enum Suggest {
    /// Edit distance over Unicode scalars, a swap of neighbours counting one (optimal string alignment).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = Array(repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count)
        var cur = prev
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { cur[j] = min(cur[j], before[j - 2] + 1) }
            }
            before = prev
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// The closest candidate within a distance that grows with the word's length, if any.
    public static func closest(_ word: String, among candidates: [String]) -> String? {
        let n = word.unicodeScalars.count
        let limit = max(1, min(3, n / 3 + (n >= 6 ? 1 : 0)))
        var best: (String, Int)?
        for c in candidates where c != word {
            let d = distance(word.lowercased(), c.lowercased())
            if d <= limit, best == nil || d < best!.1 || (d == best!.1 && c < best!.0) { best = (c, d) }
        }
        return best?.0
    }

    /// `did you mean 'x'?` or nil.
    public static func didYouMean(_ word: String, among candidates: [String]) -> String? {
        closest(word, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// A value close to one that found nothing: a value starting or ending with it (包头 → 包头市), else by distance.
    public static func closestValue(_ word: String, among values: [String]) -> String? {
        guard !word.isEmpty else { return nil }
        let extended = values.filter { $0 != word && ($0.hasPrefix(word) || $0.hasSuffix(word)) }
        if let best = extended.min(by: { ($0.unicodeScalars.count, $0) < ($1.unicodeScalars.count, $1) }) { return best }
        return closest(word, among: values)
    }
}
