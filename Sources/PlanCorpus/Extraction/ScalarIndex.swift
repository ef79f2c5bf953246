/// A small map from Unicode scalars to non-negative integers (a group, a child node), as an open-addressing
/// table of a few kilobytes.
///
/// Lookups happen at nearly every position of every text, mostly for scalars that are absent; a table
/// indexed by the whole BMP (128–256 KB each) misses the cache there, and hashing through `Dictionary`
/// costs more than this single multiply and one or two probes.
struct ScalarIndex: Sendable {
    private static let empty = UInt32.max
    private var keys: [UInt32]
    private var values: [Int32]
    private let shift: UInt32

    /// `pairs` must have distinct scalars.
    init(_ pairs: [(Unicode.Scalar, Int)]) {
        var bits: UInt32 = 4
        while (1 << bits) < pairs.count * 2 { bits += 1 }
        shift = 32 - bits
        keys = [UInt32](repeating: Self.empty, count: 1 << Int(bits))
        values = [Int32](repeating: -1, count: 1 << Int(bits))
        let mask = (1 << Int(bits)) - 1
        for (scalar, value) in pairs {
            var slot = Int((scalar.value &* 0x9E37_79B1) >> shift)
            while keys[slot] != Self.empty && keys[slot] != scalar.value { slot = (slot + 1) & mask }
            keys[slot] = scalar.value
            values[slot] = Int32(value)
        }
    }

    /// The value of `s`, or nil.
    @inline(__always) func value(of s: Unicode.Scalar) -> Int? {
        let v = s.value
        let mask = keys.count - 1
        var slot = Int((v &* 0x9E37_79B1) >> shift)
        while true {
            let k = keys[slot]
            if k == v { return Int(values[slot]) }
            if k == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }
}
