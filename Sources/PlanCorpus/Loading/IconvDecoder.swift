#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes GB18030 and Big5 through the C library's iconv, replacing invalid sequences with U+FFFD.
enum IconvDecoder {
    /// Nil when the C library has no converter for the encoding.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: TextEncoding) -> DecodedBytes? {
        guard let converter = open(encoding) else { return nil }
        defer { iconv_close(converter) }
        var decoded = DecodedBytes()
        guard let base = bytes.baseAddress, bytes.count > 0 else { return decoded }

        var capacity = bytes.count * 3 / 2 + 64
        var output = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { output.deallocate() }
        var written = 0

        var input: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
        var inputLeft = bytes.count
        var line = 1
        var lineScanned = 0   // bytes already counted for line numbers

        while inputLeft > 0 {
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output + written).assumingMemoryBound(to: CChar.self)
            var outLeft = capacity - written
            let result = iconv(converter, &input, &inputLeft, &outPointer, &outLeft)
            let error = errno
            written = capacity - outLeft
            if result != -1 { break }
            if error == E2BIG {
                grow(&output, capacity: &capacity, written: written, atLeast: inputLeft * 3 + 64)
                continue
            }
            // EILSEQ (invalid sequence) or EINVAL (incomplete sequence at the end): replace and move on.
            let position = bytes.count - inputLeft
            while lineScanned < position {
                if bytes[lineScanned] == 0x0A { line += 1 }
                lineScanned += 1
            }
            decoded.noteInvalid(line: line)
            if capacity - written < 3 { grow(&output, capacity: &capacity, written: written, atLeast: inputLeft * 3 + 64) }
            output[written] = 0xEF; output[written + 1] = 0xBF; output[written + 2] = 0xBD
            written += 3
            let skip = error == EINVAL ? inputLeft : invalidLength(at: position, in: bytes)
            input = input.map { $0 + skip }
            inputLeft -= skip
        }
        decoded.text = String(decoding: UnsafeBufferPointer(start: output, count: written), as: UTF8.self)
        return decoded
    }

    /// True when the C library can convert from the encoding.
    static func isAvailable(_ encoding: TextEncoding) -> Bool {
        guard let converter = open(encoding) else { return false }
        iconv_close(converter)
        return true
    }

    private static func open(_ encoding: TextEncoding) -> iconv_t? {
        for name in encoding.iconvNames {
            let converter = iconv_open("UTF-8", name)
            if converter != iconv_t(bitPattern: -1) { return converter }
        }
        return nil
    }

    /// A bad double-byte pair is skipped whole, so its trail byte does not reappear as an ASCII letter.
    private static func invalidLength(at position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard bytes[position] >= 0x81, position + 1 < bytes.count else { return 1 }
        let trail = bytes[position + 1]
        return (0x40...0xFE).contains(trail) && trail != 0x7F ? 2 : 1
    }

    private static func grow(_ buffer: inout UnsafeMutablePointer<UInt8>, capacity: inout Int, written: Int, atLeast extra: Int) {
        let newCapacity = max(capacity * 2, written + extra)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: buffer, count: written)
        buffer.deallocate()
        buffer = bigger
        capacity = newCapacity
    }
}
