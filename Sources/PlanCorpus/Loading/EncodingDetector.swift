/// Finds a file's encoding from its bytes and decodes it: byte-order marks, then strict UTF-8, then GB18030 or Big5 by score.
enum EncodingDetector {
    /// The result of detection.
    struct Detection {
        var encoding: TextEncoding
        var decoded: DecodedBytes
        /// Set when no candidate decoded the bytes convincingly; says what was done instead.
        var doubt: String?
    }

    /// UTF-8 with at least this share of valid multi-byte sequences is taken as damaged UTF-8, not another encoding.
    static let damagedUTF8Share = 0.98
    /// How much of a file the candidates are scored on.
    static let sampleSize = 64 * 1024
    /// Below this score (with enough ideographs to judge) no legacy encoding fits.
    static let minimumScore = 0.2

    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Detection {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Detection(encoding: .utf8BOM, decoded: decodeUTF8(UnsafeBufferPointer(rebasing: bytes.dropFirst(3))))
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Detection(encoding: .utf16LE, decoded: UTF16Decoder.decode(UnsafeBufferPointer(rebasing: bytes.dropFirst(2)), bigEndian: false))
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Detection(encoding: .utf16BE, decoded: UTF16Decoder.decode(UnsafeBufferPointer(rebasing: bytes.dropFirst(2)), bigEndian: true))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Detection(encoding: .utf8, decoded: DecodedBytes(text: text))
        }
        let survey = UTF8Survey.survey(bytes)
        if survey.validMultibyte > 0 && survey.validShare >= damagedUTF8Share {
            return Detection(encoding: .utf8, decoded: UTF8Survey.decodeRepairing(bytes))
        }

        // Score each candidate on a sample cut at a line break (0x0A is never part of a GB18030 or Big5 character).
        let sample = self.sample(of: bytes)
        var best: (encoding: TextEncoding, score: EncodingScore)?
        for encoding in [TextEncoding.gb18030, .big5] {
            guard let decoded = IconvDecoder.decode(sample, from: encoding) else { continue }
            let score = EncodingScore(decoded.text, invalid: decoded.invalidCount)
            if best == nil || score > best!.score { best = (encoding, score) }
        }
        let utf8 = UTF8Survey.decodeRepairing(sample)
        let utf8Score = EncodingScore(utf8.text, invalid: utf8.invalidCount)
        guard let winner = best, winner.score > utf8Score,
              winner.score.ideographs < 20 || winner.score.value >= minimumScore,
              let decoded = IconvDecoder.decode(bytes, from: winner.encoding)
        else {
            let doubt = "encoding not recognised (not UTF-8, GB18030 or Big5); read as UTF-8 with replacement characters"
            return Detection(encoding: .utf8, decoded: UTF8Survey.decodeRepairing(bytes), doubt: survey.validShare < 0.5 ? doubt : nil)
        }
        return Detection(encoding: winner.encoding, decoded: decoded)
    }

    private static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedBytes {
        if let text = String(validating: bytes, as: UTF8.self) { return DecodedBytes(text: text) }
        return UTF8Survey.decodeRepairing(bytes)
    }

    private static func sample(of bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard bytes.count > sampleSize else { return bytes }
        var end = sampleSize
        while end > sampleSize / 2 && bytes[end - 1] != 0x0A { end -= 1 }
        if end == sampleSize / 2 { end = sampleSize }
        return UnsafeBufferPointer(rebasing: bytes[0..<end])
    }
}
