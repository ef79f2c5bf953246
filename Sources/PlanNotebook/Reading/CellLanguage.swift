/// The languages of fenced blocks that mean something to a notebook, and "did you mean" for near misses.
enum CellLanguage {
    static let cell = "planq"
    static let output = CellOutput.Kind.output.rawValue
    static let error = CellOutput.Kind.error.rawValue

    /// Real languages that sit close to ours by spelling and must not be warned about.
    static let knownNeighbours: Set<String> = ["plain", "plaintext", "plan", "text", "txt", "perl", "erlang", "sql"]

    /// The notebook word a fence language looks like a misspelling of, if any.
    static func suggestion(for language: String) -> String? {
        guard !language.isEmpty else { return nil }
        let lower = language.lowercased()
        if knownNeighbours.contains(lower) { return nil }
        for word in [cell, output, error] {
            if language == word { return nil }
            if lower == word { return word }
            let limit = word.count >= 5 ? 2 : 1
            if editDistance(lower, word) <= limit { return word }
        }
        return nil
    }

    /// Levenshtein distance counted in Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
