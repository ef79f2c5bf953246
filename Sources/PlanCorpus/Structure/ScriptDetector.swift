/// Tells simplified from traditional text by counting Han characters that Hant→Hans conversion changes.
enum ScriptDetector {
    /// Share of changed Han characters above which a text counts as traditional.
    static let threshold = 0.03

    /// `simplified` or `traditional`.
    static func detect(_ text: String, sample: Int = 4000) -> String {
        if let answer = tableDecision(text, sample: sample) { return answer }
        var original: [Unicode.Scalar] = []
        original.reserveCapacity(sample)
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count, original.count < sample {
                if bytes[i] < 0x80 { i += 1; continue }
                let (v, w) = UTF8Codec.decode(bytes, at: i)
                let scalar = unsafeBitCast(v, to: Unicode.Scalar.self)
                if TextLine.isHan(scalar) { original.append(scalar) }
                i += w
            }
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
        return isTraditional(changed: changed, of: count) ? "traditional" : "simplified"
    }

    static func isTraditional(changed: Int, of count: Int) -> Bool {
        changed >= 3 && Double(changed) / Double(count) >= threshold
    }

    /// The answer from ScriptFolding's tables, without building and normalising a string: each Han scalar
    /// maps to one scalar, so the changed ones are counted directly. A context-sensitive scalar (著) may
    /// change or not; when that could tip the answer, or a scalar does not map one to one, nil (the full path).
    static func tableDecision(_ text: String, sample: Int) -> String? {
        let tables = ScriptFolding.shared
        var changed = 0, undecided = 0, count = 0
        var text = text
        // one pass over the bytes: the sample's Han scalars decoded and looked up as they come, in one read of
        // the combined table (0 unchanged, a replacement value, or a path marker)
        let fits = text.withUTF8 { bytes in
            tables.action.withUnsafeBufferPointer { action -> Bool in
                var i = 0
                while i < bytes.count, count < sample {
                    if bytes[i] < 0x80 { i += 1; continue }
                    let (v, w) = UTF8Codec.decode(bytes, at: i)
                    i += w
                    guard TextLine.isHan(unsafeBitCast(v, to: Unicode.Scalar.self)) else { continue }
                    count += 1
                    switch action[Int(v)] {
                    case 0: continue
                    case ScriptFolding.needsFullPathAction, ScriptFolding.multiAction: return false
                    case ScriptFolding.contextualAction:
                        if tables.hasMulti[Int(v)] { return false }
                        undecided += 1
                    default: changed += 1
                    }
                }
                return true
            }
        }
        guard fits else { return nil }
        if count == 0 { return "simplified" }
        let low = isTraditional(changed: changed, of: count)
        guard low == isTraditional(changed: changed + undecided, of: count) else { return nil }
        return low ? "traditional" : "simplified"
    }
}
