import Foundation

/// Membership in the Han script (`\p{Han}` of ICU regular expressions) as a bit table, read per scalar.
///
/// The table is asked of ICU itself once, over every scalar up to U+3FFFF (no Han scalar lies beyond), so a
/// scalar loop that replaces a `[\p{Han}]` pattern agrees with the regular expression it replaces.
enum HanScript {
    private static let limit: UInt32 = 0x40000

    private static let bits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: Int(limit) / 64)
        var text = String.UnicodeScalarView()
        // UTF-16 offset of each scalar appended, to map ICU's match ranges back to scalar values.
        var scalarAtUTF16: [UInt32] = []
        scalarAtUTF16.reserveCapacity(Int(limit) + 0x30000)
        for v in UInt32(0)..<limit {
            guard let s = Unicode.Scalar(v) else { continue }
            text.append(s)
            scalarAtUTF16.append(v)
            if v > 0xFFFF { scalarAtUTF16.append(v) }
        }
        let string = String(text)
        guard let regex = try? NSRegularExpression(pattern: "\\p{Han}+") else { return bits }
        let whole = NSRange(location: 0, length: (string as NSString).length)
        for match in regex.matches(in: string, range: whole) {
            var k = match.range.location
            while k < match.range.location + match.range.length {
                let v = scalarAtUTF16[k]
                bits[Int(v) >> 6] |= 1 << UInt64(v & 63)
                k += v > 0xFFFF ? 2 : 1
            }
        }
        return bits
    }()

    @inline(__always) static func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        guard v < limit else { return false }
        return bits[Int(v) >> 6] & (1 << UInt64(v & 63)) != 0
    }
}
