import Foundation

/// Folds text one scalar to one scalar for matching: full-width to ASCII, traditional to simplified.
///
/// Positions in the folded array are positions in the original text, so spans found on the
/// folded form point straight back into what the document says.
public enum ScalarFolder {
    /// Traditional → simplified for single CJK scalars, built once from ICU's "Hant-Hans" transform.
    static let simplified: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]
        for range in ranges {
            // Transform in chunks separated by newlines so one odd mapping cannot shift a whole range.
            var chunk: [Unicode.Scalar] = []
            func flush() {
                guard !chunk.isEmpty else { return }
                var view = String.UnicodeScalarView()
                for s in chunk { view.append(s); view.append("\n") }
                let source = String(view)
                if let converted = source.applyingTransform(StringTransform("Hant-Hans"), reverse: false) {
                    let lines = converted.split(separator: "\n", omittingEmptySubsequences: false)
                    if lines.count >= chunk.count {
                        for (k, s) in chunk.enumerated() {
                            let out = lines[k].unicodeScalars
                            if out.count == 1, let t = out.first, t != s { table[s.value] = t }
                        }
                    }
                }
                chunk.removeAll(keepingCapacity: true)
            }
            for v in range {
                if let s = Unicode.Scalar(v) { chunk.append(s) }
                if chunk.count == 2048 { flush() }
            }
            flush()
        }
        return table
    }()

    public static func fold(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars { result.append(fold(s)) }
        return result
    }

    /// One scalar folded: width, then script.
    @inline(__always)
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x2000 { return s }
        if s.value >= 0x3400 && s.value < 0xFB00 { return simplified[s.value] ?? s }
        return foldWidth(s)
    }

    /// The folded form of a text as a string (same length in scalars as the text).
    public static func foldedString(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: fold(text))
        return String(view)
    }

    /// Full-width ASCII forms to ASCII, ideographic space to space, ratio colon to colon.
    @inline(__always)
    public static func foldWidth(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(s.value - 0xFEE0)!
        case 0x3000: return " "
        case 0x2236: return ":"
        default: return s
        }
    }
}
