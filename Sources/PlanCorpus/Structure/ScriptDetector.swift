/// Tells simplified from traditional text by counting Han characters that Hant→Hans conversion changes.
enum ScriptDetector {
    /// Share of changed Han characters above which a text counts as traditional.
    static let threshold = 0.03

    /// `simplified` or `traditional`.
    static func detect(_ text: String, sample: Int = 4000) -> String {
        var original: [Unicode.Scalar] = []
        original.reserveCapacity(sample)
        for scalar in text.unicodeScalars where TextLine.isHan(scalar) {
            original.append(scalar)
            if original.count >= sample { break }
        }
        let count = original.count
        guard count > 0 else { return "simplified" }
        let converted = Array(TextNormalizer.normalize(String(scalars: original)).unicodeScalars)
        var changed = 0
        if converted.count == original.count {
            for i in 0..<count where original[i] != converted[i] { changed += 1 }
        } else {
            // conversion changed the length: compare as multisets of characters
            let after = Set(converted)
            changed = original.filter { !after.contains($0) }.count
        }
        return changed >= 3 && Double(changed) / Double(count) >= threshold ? "traditional" : "simplified"
    }
}
