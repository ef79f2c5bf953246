import PlanCorpus

/// Display width measured per grapheme cluster: emoji sequences (ZWJ, flags, VS16) count two,
/// combining marks ride on their base, everything else follows `DisplayWidth`.
public enum CellWidth {
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for ch in text { total += width(of: ch) }
        return total
    }

    public static func width(of ch: Character) -> Int {
        let scalars = ch.unicodeScalars
        if scalars.count == 1 { return DisplayWidth.width(of: scalars.first!) }
        let isEmojiSequence = scalars.contains { $0.value == 0x200D || $0.value == 0xFE0F || (0x1F1E6...0x1F1FF).contains($0.value) || (0x1F3FB...0x1F3FF).contains($0.value) }
            && scalars.contains { $0.properties.isEmoji && $0.value > 0xFF }
        if isEmojiSequence { return 2 }
        return min(2, scalars.reduce(0) { $0 + DisplayWidth.width(of: $1) })
    }
}
