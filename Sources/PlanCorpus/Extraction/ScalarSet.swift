/// A set of Unicode scalars as a bit table over the BMP (plus a short list beyond it), for membership tests
/// at every position of a text: one array read instead of hashing a scalar or running through a switch.
struct ScalarSet: Sendable {
    /// A bit per BMP scalar (scalar v is bit v & 63 of word v >> 6), for loops that read it through a pointer.
    private(set) var bits = [UInt64](repeating: 0, count: 1024)
    private var beyondBMP: [Unicode.Scalar] = []

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars { insert(s) }
    }

    init(_ text: String) { self.init(text.unicodeScalars) }

    mutating func insert(_ s: Unicode.Scalar) {
        let v = s.value
        if v < 0x10000 { bits[Int(v) >> 6] |= 1 << UInt64(v & 63) } else if !beyondBMP.contains(s) { beyondBMP.append(s) }
    }

    @inline(__always) func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x10000 { return bits[Int(v &>> 6)] & (1 &<< UInt64(v & 63)) != 0 }
        return beyondBMP.contains(s)
    }
}
