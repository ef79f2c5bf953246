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

    /// `declared` is what the file says of itself (an HTML `charset`); it settles a legacy encoding that decodes cleanly.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>, declared: TextEncoding? = nil) -> Detection {
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

        if let declared, declared == .gb18030 || declared == .big5,
           let decoded = IconvDecoder.decode(bytes, from: declared),
           decoded.invalidCount <= max(2, (survey.validMultibyte + survey.invalid) / 100) {
            return Detection(encoding: declared, decoded: decoded)
        }

        // Score each candidate on a sample cut at a line break (0x0A is never part of a GB18030 or Big5 character).
        let sample = self.sample(of: bytes)
        var best: (encoding: TextEncoding, score: EncodingScore, decoded: DecodedBytes)?
        for encoding in [TextEncoding.gb18030, .big5] {
            guard let decoded = IconvDecoder.decode(sample, from: encoding) else { continue }
            let score = EncodingScore(decoded.text, invalid: decoded.invalidCount)
            if best == nil || score > best!.score { best = (encoding, score, decoded) }
        }
        let utf8 = UTF8Survey.decodeRepairing(sample)
        let utf8Score = EncodingScore(utf8.text, invalid: utf8.invalidCount)
        guard let winner = best, winner.score > utf8Score,
              winner.score.ideographs < 20 || winner.score.value >= minimumScore,
              // a file no longer than the sample was decoded whole already
              let decoded = sample.count == bytes.count ? winner.decoded : IconvDecoder.decode(bytes, from: winner.encoding)
        else {
            let doubt = "encoding not recognised (not UTF-8, GB18030 or Big5); read as UTF-8 with replacement characters"
            return Detection(encoding: .utf8, decoded: UTF8Survey.decodeRepairing(bytes), doubt: survey.validShare < 0.5 ? doubt : nil)
        }
        return Detection(encoding: winner.encoding, decoded: decoded)
    }

    /// The encoding an HTML page declares in its first 4 KB (`<meta charset="gbk">`, `content="text/html; charset=gb2312"`).
    static func declaredCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let head = Array(bytes.prefix(4096)).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }
        let key = Array("charset".utf8)
        var k = 0
        while k + key.count < head.count {
            guard head[k..<(k + key.count)].elementsEqual(key) else { k += 1; continue }
            var j = k + key.count
            while j < head.count, head[j] == 0x20 || head[j] == 0x3D || head[j] == 0x22 || head[j] == 0x27 { j += 1 }
            var name: [UInt8] = []
            while j < head.count, name.count < 20,
                  (head[j] >= 0x61 && head[j] <= 0x7A) || (head[j] >= 0x30 && head[j] <= 0x39) || head[j] == 0x2D || head[j] == 0x5F {
                name.append(head[j])
                j += 1
            }
            switch String(decoding: name, as: UTF8.self) {
            case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn": return .gb18030
            case "big5", "big5-hkscs", "cp950", "x-x-big5", "windows-950": return .big5
            case "utf-8", "utf8": return .utf8
            case "": k = j
            default: return nil
            }
        }
        return nil
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
