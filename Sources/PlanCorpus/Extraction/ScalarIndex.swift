/// A small map from Unicode scalars to non-negative integers (a group, a child node), as an open-addressing
/// table of a few kilobytes.
///
/// Lookups happen at nearly every position of every text, mostly for scalars that are absent; a table
/// indexed by the whole BMP (128–256 KB each) misses the cache there, and hashing through `Dictionary`
/// costs more than this single multiply and one or two probes.
struct ScalarIndex: Sendable {
    private let table: IntegerIndex<UInt32>

    /// `pairs` must have distinct scalars.
    init(_ pairs: [(Unicode.Scalar, Int)]) {
        table = IntegerIndex(pairs.map { ($0.0.value, $0.1) })
    }

    /// The value of `s`, or nil.
    @inline(__always) func value(of s: Unicode.Scalar) -> Int? { table.value(of: s.value) }
}

/// A small map from unsigned integer keys (scalar values, pairs of them) to non-negative integers, as an
/// open-addressing table: one multiply and a probe or two per lookup.
struct IntegerIndex<Key: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    private var keys: [Key]
    private var values: [Int32]
    private let shift: Int

    /// Fibonacci hashing's multiplier at the key's width; the top bits of the product pick the slot.
    private static var multiplier: Key { Key(truncatingIfNeeded: Key.bitWidth == 64 ? 0x9E37_79B9_7F4A_7C15 as UInt64 : 0x9E37_79B1) }

    /// `pairs` must have distinct keys, none of them `Key.max`; the table keeps `slotsPerKey` slots a key, so
    /// a miss ends soon.
    init(_ pairs: [(Key, Int)], slotsPerKey: Int = 2) {
        var bits = 4
        while (1 << bits) < pairs.count * slotsPerKey { bits += 1 }
        shift = Key.bitWidth - bits
        keys = [Key](repeating: .max, count: 1 << bits)
        values = [Int32](repeating: -1, count: 1 << bits)
        let mask = (1 << bits) - 1
        for (key, value) in pairs {
            var slot = Int((key &* Self.multiplier) >> shift)
            while keys[slot] != .max && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = Int32(value)
        }
    }

    /// The value of `key`, or nil.
    @inline(__always) func value(of key: Key) -> Int? {
        let mask = keys.count - 1
        var slot = Int((key &* Self.multiplier) >> shift)
        while true {
            let k = keys[slot]
            if k == key { return Int(values[slot]) }
            if k == .max { return nil }
            slot = (slot + 1) & mask
        }
    }
}
