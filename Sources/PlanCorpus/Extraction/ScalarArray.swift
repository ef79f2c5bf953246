#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A text's Unicode scalars as an array, decoded from its UTF-8 in one pass.
///
/// `Array(text.unicodeScalars)` walks the text twice (once to count, once to copy) through the generic
/// scalar iterator; the extractors make such arrays of whole documents and of every sentence.
enum ScalarArray {
    static func of(_ text: String) -> [Unicode.Scalar] {
        var copy = text
        return copy.withUTF8 { decode($0) }
    }

    static func of(_ text: Substring) -> [Unicode.Scalar] {
        if let scalars = text.utf8.withContiguousStorageIfAvailable({ decode($0) }) { return scalars }
        return of(String(text))
    }

    /// The scalars of a text and the UTF-8 offset of each (plus the end), counted from `base`: what
    /// `AlignedScalars` keeps, read in the same pass as the scalars.
    static func withOffsets(_ text: String, base: Int = 0) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
        var copy = text
        return copy.withUTF8 { buf in
            var offsets: [Int] = []
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: buf.count) { out, count in
                offsets = [Int](unsafeUninitializedCapacity: buf.count + 1) { offsetsOut, offsetCount in
                    count = decode(buf, into: out, offsets: offsetsOut.baseAddress, base: base)
                    offsetsOut[count] = base + buf.count
                    offsetCount = count + 1
                }
            }
            return (scalars, offsets)
        }
    }

    /// The scalars of `text`, copied from `scalars` (those of `other`, with their UTF-8 `offsets` from
    /// `withOffsets(other)`) wherever the two texts' bytes agree, and decoded only where they differ.
    ///
    /// A document's norm is its clean text with a few scalars changed (full-width punctuation, traditional
    /// characters): comparing eight bytes at a time and copying costs far less than decoding every scalar.
    /// Where the texts do not keep in step (a scalar normalised to several), the text is decoded whole.
    static func of(_ text: String, alongside other: String, scalars: [Unicode.Scalar], offsets: [Int]) -> [Unicode.Scalar] {
        var text = text
        var other = other
        // The same bytes: the same scalars, shared rather than copied.
        let same = text.withUTF8 { n in
            other.withUTF8 { c in
                n.count == c.count && (n.isEmpty || memcmp(n.baseAddress!, c.baseAddress!, n.count) == 0)
            }
        }
        if same { return scalars }
        let copied = text.withUTF8 { n in
            other.withUTF8 { c in
                scalars.withUnsafeBufferPointer { s in offsets.withUnsafeBufferPointer { o in copying(n, from: c, s, o) } }
            }
        }
        return copied ?? text.withUTF8 { decode($0) }
    }

    /// The scalars of `n`, or nil when its scalars do not pair one for one with those of `c` (`s`, at offsets `o`).
    private static func copying(_ n: UnsafeBufferPointer<UInt8>, from c: UnsafeBufferPointer<UInt8>,
                                _ s: UnsafeBufferPointer<Unicode.Scalar>, _ o: UnsafeBufferPointer<Int>) -> [Unicode.Scalar]? {
        let m = s.count, cn = c.count, nn = n.count
        guard o.count == m + 1, o[0] == 0, o[m] == cn else { return nil }
        if nn == 0 || cn == 0 { return nil }
        guard let cb = c.baseAddress, let nb = n.baseAddress, let sb = s.baseAddress else { return nil }
        var agreed = true
        // Room for as many scalars as the norm has bytes, for decoding its rest in one go (see below).
        let result = [Unicode.Scalar](unsafeUninitializedCapacity: max(m, nn)) { out, count in
            count = 0
            guard let ob = out.baseAddress else { agreed = false; return }
            let dst = UnsafeMutableRawPointer(ob).assumingMemoryBound(to: UInt32.self)
            let craw = UnsafeRawPointer(cb), nraw = UnsafeRawPointer(nb)
            // `k` is the scalar at `ci` in the clean text and at `ni` in the norm; `out[0..<copied]` is written.
            var ci = 0, ni = 0, k = 0, copied = 0, differences = 0
            while true {
                // Equal bytes, eight at a time; the first that differs, from the words' difference.
                let stop = min(cn, nn &- (ni &- ci)) &- 8
                var differ = false
                while ci <= stop {
                    let x = UInt64(littleEndian: craw.loadUnaligned(fromByteOffset: ci, as: UInt64.self))
                        ^ UInt64(littleEndian: nraw.loadUnaligned(fromByteOffset: ni, as: UInt64.self))
                    if x != 0 {
                        // Read as little-endian: the lowest set bit is in the first differing byte.
                        let same = x.trailingZeroBitCount &>> 3
                        ci &+= same
                        ni &+= same
                        differ = true
                        break
                    }
                    ci &+= 8
                    ni &+= 8
                }
                if !differ {
                    while ci < cn, ni < nn, cb[ci] == nb[ni] {
                        ci &+= 1
                        ni &+= 1
                    }
                    if ci == cn || ni == nn { break }
                }
                // The bytes differ inside a scalar or at its start: both texts' scalar starts there.
                while cb[ci] & 0xC0 == 0x80 {
                    ci &-= 1
                    ni &-= 1
                }
                // The scalar starting at `ci`: first guessed as if every scalar since `k` took three bytes (a Chinese
                // text), then walked to.
                if o[k] < ci {
                    let guess = k &+ (ci &- o[k]) / 3
                    if guess <= m, o[guess] == ci { k = guess }
                }
                while k &+ 8 <= m, o[k &+ 8] < ci { k &+= 8 }
                while o[k] < ci { k &+= 1 }
                let cw = width(cb[ci]), nw = width(nb[ni])
                guard k < m, ci &+ cw <= cn, ni &+ nw <= nn else { agreed = false; return }
                // The scalars before `k` are the clean text's own.
                (ob + copied).initialize(from: sb + copied, count: k &- copied)
                dst[k] = UTF8Codec.decode(n, at: ni).value
                ci &+= cw
                ni &+= nw
                k &+= 1
                copied = k
                differences &+= 1
                // Where most scalars differ (a traditional text), decoding the rest costs less than comparing.
                if differences &* 6 > k &+ 256 {
                    // `k` scalars took at least `k` bytes, so the rest's `nn - ni` scalars at most fit behind them.
                    let rest = decode(UnsafeBufferPointer(rebasing: n[ni...]), into: UnsafeMutableBufferPointer(rebasing: out[k...]),
                                      offsets: nil, base: 0)
                    guard k &+ rest == m else { agreed = false; return }
                    count = m
                    return
                }
            }
            // Both texts end together, or the scalars did not pair.
            guard ci == cn, ni == nn else { agreed = false; return }
            (ob + copied).initialize(from: sb + copied, count: m &- copied)
            count = m
        }
        return agreed ? result : nil
    }

    /// Four 32-bit lanes: four scalars, or the bytes of four UTF-8 sequences.
    private typealias Lanes = SIMD4<UInt32>

    /// Width of the UTF-8 sequence a lead byte opens, as `UTF8Codec.decode` reads it.
    @inline(__always) private static func width(_ b: UInt8) -> Int { b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4 }

    /// Scalars of valid UTF-8 (bytes that come from a String).
    static func decode(_ buf: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: buf.count) { out, count in
            count = decode(buf, into: out, offsets: nil, base: 0)
        }
    }

    /// Writes the scalars of `buf` to `out` (room for `buf.count`) and, when `offsets` is given, the UTF-8
    /// offset of each plus `base`; returns how many.
    ///
    /// Unchecked pointer arithmetic, and the three-byte sequences (nearly all of a Chinese text) tested first:
    /// a handful of instructions a scalar. A sequence cut short by the end of `buf` (never, for a String's
    /// own bytes) decodes as U+FFFD, one for each byte left.
    @inline(__always)
    private static func decode(_ buf: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<Unicode.Scalar>,
                               offsets: UnsafeMutablePointer<Int>?, base: Int) -> Int {
        let n = buf.count
        guard n > 0, let src = buf.baseAddress, let raw = out.baseAddress else { return 0 }
        let dst = UnsafeMutableRawPointer(raw).assumingMemoryBound(to: UInt32.self)
        var i = 0
        var k = 0
        // Every sequence starting before `safe` lies whole inside the buffer.
        let safe = n &- 3
        // Four three-byte sequences from `i` (bytes i ..< i + 13 are read) while `i <= quadSafe`.
        let quadSafe = n &- 13
        let bytes = UnsafeRawPointer(src)
        let leadMask = Lanes(repeating: 0xC0C0F0), leadBits = Lanes(repeating: 0x8080E0)
        let low4 = Lanes(repeating: 0x0F), mid6 = Lanes(repeating: 0xFC0), low6 = Lanes(repeating: 0x3F)
        let by12 = Lanes(repeating: 12), by2 = Lanes(repeating: 2), by16 = Lanes(repeating: 16)
        while i < safe {
            // Runs of three-byte sequences (ideographs and CJK punctuation, most of a Chinese text) are decoded
            // four at a time in vector lanes: each lane holds one sequence's bytes (and the next byte, masked off).
            // Vector operands throughout: with a single-number operand the lanes were handled one by one.
            while i <= quadSafe {
                // Little-endian lanes: a sequence's first byte is its lane's lowest.
                @inline(__always) func lane(_ at: Int) -> UInt32 {
                    UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                }
                let v = Lanes(lane(i), lane(i &+ 3), lane(i &+ 6), lane(i &+ 9))
                let wrong: Lanes = (v & leadMask) ^ leadBits
                let words = unsafeBitCast(wrong, to: SIMD2<UInt64>.self)
                guard words[0] | words[1] == 0 else { break }
                let high: Lanes = (v & low4) &<< by12
                let middle: Lanes = (v &>> by2) & mid6
                let low: Lanes = (v &>> by16) & low6
                let scalars: Lanes = high | middle | low
                UnsafeMutableRawPointer(dst + k).storeBytes(of: scalars, as: Lanes.self)
                if let offsets {
                    let at = SIMD2<Int>(repeating: base &+ i)
                    UnsafeMutableRawPointer(offsets + k).storeBytes(of: at &+ SIMD2<Int>(0, 3), as: SIMD2<Int>.self)
                    UnsafeMutableRawPointer(offsets + (k &+ 2)).storeBytes(of: at &+ SIMD2<Int>(6, 9), as: SIMD2<Int>.self)
                }
                i &+= 12
                k &+= 4
            }
            guard i < safe else { break }
            offsets?[k] = base &+ i
            let b0 = UInt32(src[i])
            if b0 &- 0xE0 < 0x10 {
                dst[k] = (b0 & 0x0F) &<< 12 | UInt32(src[i &+ 1] & 0x3F) &<< 6 | UInt32(src[i &+ 2] & 0x3F)
                i &+= 3
            } else if b0 < 0x80 {
                dst[k] = b0
                i &+= 1
            } else if b0 < 0xE0 {
                dst[k] = (b0 & 0x1F) &<< 6 | UInt32(src[i &+ 1] & 0x3F)
                i &+= 2
            } else {
                dst[k] = (b0 & 0x07) &<< 18 | UInt32(src[i &+ 1] & 0x3F) &<< 12 | UInt32(src[i &+ 2] & 0x3F) &<< 6
                    | UInt32(src[i &+ 3] & 0x3F)
                i &+= 4
            }
            k &+= 1
        }
        // The last few bytes, each sequence checked against the end.
        while i < n {
            offsets?[k] = base &+ i
            let width = Self.width(src[i])
            if i &+ width > n {
                dst[k] = 0xFFFD
                i &+= 1
            } else {
                let (v, w) = UTF8Codec.decode(buf, at: i)
                dst[k] = v
                i &+= w
            }
            k &+= 1
        }
        return k
    }
}
