/// A pass over bytes read as UTF-8: how many multi-byte sequences are valid, how many are not, and where.
struct UTF8Survey {
    /// Well-formed sequences of two to four bytes.
    var validMultibyte = 0
    /// Maximal invalid subparts (each becomes one U+FFFD, as Swift's own decoder does).
    var invalid = 0

    /// Share of non-ASCII sequences that are valid; 1 for pure ASCII.
    var validShare: Double {
        let total = validMultibyte + invalid
        return total == 0 ? 1 : Double(validMultibyte) / Double(total)
    }

    /// Surveys `bytes`, noting in `decoded` the line of every invalid sequence when given.
    static func survey(_ bytes: UnsafeBufferPointer<UInt8>, noting decoded: UnsafeMutablePointer<DecodedBytes>? = nil) -> UTF8Survey {
        var survey = UTF8Survey()
        var line = 1
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                if lead == 0x0A { line += 1 }
                i += 1
                continue
            }
            let (length, valid) = sequence(at: i, in: bytes)
            if valid {
                survey.validMultibyte += 1
            } else {
                survey.invalid += 1
                decoded?.pointee.noteInvalid(line: line)
            }
            i += length
        }
        return survey
    }

    /// Length of the well-formed sequence starting at `i`, or of the maximal invalid subpart there (Unicode table 3-7).
    @inline(__always)
    static func sequence(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (length: Int, valid: Bool) {
        let lead = bytes[i]
        var need = 0
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return (1, true)
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED: need = 2; high = 0x9F
        case 0xF0: need = 3; low = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; high = 0x8F
        default: return (1, false)
        }
        var j = i + 1
        for k in 0..<need {
            guard j < bytes.count else { return (j - i, false) }
            let c = bytes[j]
            let ok = k == 0 ? (c >= low && c <= high) : (c >= 0x80 && c <= 0xBF)
            if !ok { return (j - i, false) }
            j += 1
        }
        return (need + 1, true)
    }

    /// Decodes UTF-8, replacing each invalid subpart with U+FFFD and noting its line.
    static func decodeRepairing(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedBytes {
        var decoded = DecodedBytes()
        _ = survey(bytes, noting: &decoded)
        decoded.text = String(decoding: bytes, as: UTF8.self)
        return decoded
    }
}
