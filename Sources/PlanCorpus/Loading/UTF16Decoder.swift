/// Decodes UTF-16 bytes (after the byte-order mark) in either byte order, replacing unpaired surrogates.
enum UTF16Decoder {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> DecodedBytes {
        var decoded = DecodedBytes()
        let count = bytes.count / 2
        var units = [UInt16]()
        units.reserveCapacity(count)
        var line = 1
        var pendingHigh = false
        for k in 0..<count {
            let a = UInt16(bytes[2 * k]), b = UInt16(bytes[2 * k + 1])
            let unit = bigEndian ? (a << 8 | b) : (b << 8 | a)
            units.append(unit)
            switch unit {
            case 0xD800...0xDBFF:
                if pendingHigh { decoded.noteInvalid(line: line) }
                pendingHigh = true
            case 0xDC00...0xDFFF:
                if !pendingHigh { decoded.noteInvalid(line: line) }
                pendingHigh = false
            default:
                if pendingHigh { decoded.noteInvalid(line: line) }
                pendingHigh = false
                if unit == 0x0A { line += 1 }
            }
        }
        if pendingHigh { decoded.noteInvalid(line: line) }
        var text = String(decoding: units, as: UTF16.self)
        if bytes.count % 2 == 1 {
            // A lone last byte: half a code unit.
            decoded.noteInvalid(line: line)
            text.unicodeScalars.append("\u{FFFD}")
        }
        decoded.text = text
        return decoded
    }
}
