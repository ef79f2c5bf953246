import PlanQuery

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
            if Suggest.distance(lower, word) <= limit { return word }
        }
        return nil
    }
}
