#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Finds a given scalar in a `[Unicode.Scalar]` by memchr over the array's bytes, for a scalar a pass looks for in
/// a whole document (the line feeds of its opening): memchr is vectorised, a Swift loop over the scalars costs
/// several instructions each. (Scalars whose every byte is common in Chinese text: `ScalarPairSearch`.)
///
/// One byte of the scalar's four is looked for (one that is rare in Chinese text), and each hit is checked
/// to be that byte of a whole scalar equal to the target.
struct ScalarSearch {
    let target: Unicode.Scalar
    /// Which byte of the scalar's in-memory form memchr looks for.
    private let byteIndex: Int
    private let byte: Int32

    init(_ target: Unicode.Scalar) {
        self.target = target
        var value = target.value
        let bytes = withUnsafeBytes(of: &value) { Array($0) }
        // The low byte of a CJK scalar is spread over 256 values; a second byte (4E…9F for ideographs) over
        // about 80. A low byte that is printable ASCII (the 36 of 阶, U+9636, is the digit 6) would stop at
        // every such character, so then the next nonzero byte is taken.
        let low = Int(target.value & 0xFF)
        let lowIndex = bytes.firstIndex(of: UInt8(low)) ?? 0
        var pick = lowIndex
        if target.value > 0xFF, (0x20...0x7E).contains(low) {
            pick = bytes.indices.first { $0 != lowIndex && bytes[$0] != 0 } ?? lowIndex
        }
        byteIndex = pick
        byte = Int32(bytes[pick])
    }

    /// Index of the first `target` in `scalars` at or after `start`, or nil.
    func firstIndex(in scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int? {
        guard start < scalars.count, let base = scalars.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let width = MemoryLayout<Unicode.Scalar>.stride
        let endByte = scalars.count * width
        var k = start * width + byteIndex
        while k < endByte {
            guard let hit = memchr(raw + k, byte, endByte - k) else { return nil }
            let offset = raw.distance(to: UnsafeRawPointer(hit))
            let at = offset - byteIndex
            if at % width == 0, scalars[at / width] == target { return at / width }
            k = offset + 1
        }
        return nil
    }
}
