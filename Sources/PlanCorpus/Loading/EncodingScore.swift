/// How much a decoding looks like Chinese text: the share of common characters, with invalid bytes counting heavily against.
struct EncodingScore: Comparable {
    var value: Double
    /// CJK ideographs seen; with few of them the score says little.
    var ideographs: Int

    /// Scores decoded text; `invalid` is the number of byte sequences the decoder had to replace.
    init(_ text: String, invalid: Int) {
        var common = 0, punctuation = 0, privateUse = 0, ideographs = 0, nonASCII = 0, isolated = 0
        // An ideograph with a Latin letter on both sides ("d関e") is what Latin-1 text read as GBK looks like.
        var previousIsLetter = false
        var pending: (afterLetter: Bool, common: Bool)? = nil
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isLetter = (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A
            if let ideograph = pending, ideograph.afterLetter, isLetter {
                isolated += 1
                if ideograph.common { common -= 1 }
            }
            pending = nil
            defer { previousIsLetter = isLetter }
            if v < 0x80 { continue }
            nonASCII += 1
            switch v {
            case 0x4E00...0x9FFF:
                ideographs += 1
                let isCommon = CommonHanzi.contains(v)
                if isCommon { common += 1 }
                pending = (previousIsLetter, isCommon)
            case 0x3000...0x303F, 0xFF00...0xFFEF, 0x2010...0x2027:
                punctuation += 1
            case 0xE000...0xF8FF:
                privateUse += 1
            default:
                break
            }
        }
        let good = Double(common) + 0.5 * Double(punctuation)
        let bad = 5 * Double(invalid) + 2 * Double(privateUse) + Double(isolated)
        self.value = (good - bad) / Double(max(1, nonASCII + invalid))
        self.ideographs = ideographs
    }

    static func < (a: EncodingScore, b: EncodingScore) -> Bool { a.value < b.value }
}
