import Foundation

/// A line as a hash key that is equal exactly when the lines are equal as Swift `String`s (canonically
/// equivalent), compared and hashed on bytes: both sides are in NFC, where canonical equivalence is byte
/// equality. Lines made only of scalars that are NFC on their own and never combine with a neighbour (the
/// usual CJK, ASCII and Chinese punctuation) are NFC as they stand; others are normalised first.
struct LineKey: Hashable {
    /// The line in NFC.
    let form: Substring
    /// A hash of `form`'s bytes, eight at a time: the dictionary then hashes one word, not the whole line.
    let digest: UInt64

    init(_ line: Substring) {
        var form = Self.isStable(line) ? line : Substring(String(line).precomposedStringWithCanonicalMapping)
        digest = form.withUTF8 { Self.digest(of: $0) }
        self.form = form
    }

    /// Multiply-rotate over 8-byte words (the tail zero-padded), with the length mixed in.
    static func digest(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while i + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h = h << 27 | h >> 37
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
        return (h ^ tail) &* 0x94D0_49BB_1331_11EB
    }

    /// Whether every scalar of `line` is a stable starter, decoded from its UTF-8.
    static func isStable(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8 { isStable($0) }
    }

    /// `isStable` of a line's UTF-8 (valid, as it comes from a String).
    static func isStable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            // lead bytes E5…E9 open U+5000…U+9FFF, all CJK ideographs: stable without decoding
            if bytes[i] >= 0xE5 && bytes[i] <= 0xE9 { i += 3; continue }
            let (v, w) = UTF8Codec.decode(bytes, at: i)
            if !isStableStarter(unsafeBitCast(v, to: Unicode.Scalar.self)) { return false }
            i += w
        }
        return true
    }

    /// Scalars with NFC_Quick_Check = Yes and combining class 0 that nothing composes with: a run of them
    /// is in NFC. Conservative: anything else only takes the slower normalising path.
    static func isStableStarter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x2FF, 0x2010...0x2027, 0x3000...0x3029, 0x3030...0x3098, 0x309D...0x30FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    static func == (a: LineKey, b: LineKey) -> Bool {
        guard a.digest == b.digest else { return false }
        var x = a.form, y = b.form
        return x.withUTF8 { xb in
            y.withUTF8 { yb in xb.count == yb.count && (xb.count == 0 || memcmp(xb.baseAddress!, yb.baseAddress!, xb.count) == 0) }
        }
    }
}
