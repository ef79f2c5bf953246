import Foundation

/// The most frequent Chinese characters, simplified and traditional: text decoded with the right encoding is mostly these.
enum CommonHanzi {
    private static let first: UInt32 = 0x4E00
    private static let last: UInt32 = 0x9FFF

    /// One bit per character of the CJK Unified Ideographs block.
    private static let bits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: Int(last - first) / 64 + 1)
        // Traditional forms through ICU, so one list serves Big5 and traditional GB18030 text alike.
        let traditional = simplified.applyingTransform(StringTransform(rawValue: "Hans-Hant"), reverse: false) ?? ""
        for scalar in (simplified + traditional).unicodeScalars where scalar.value >= first && scalar.value <= last {
            let offset = Int(scalar.value - first)
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
        return bits
    }()

    /// Number of distinct characters in the set.
    static var count: Int { bits.reduce(0) { $0 + $1.nonzeroBitCount } }

    @inline(__always)
    static func contains(_ value: UInt32) -> Bool {
        guard value >= first && value <= last else { return false }
        let offset = Int(value - first)
        return bits[offset &>> 6] & (1 &<< UInt64(offset & 63)) != 0
    }
}
