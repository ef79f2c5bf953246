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
        return copy.withUTF8 { withOffsets($0, base: base) }
    }

    /// The scalars of `text` with their UTF-8 offsets, and the scalars of `norm`, read in one pass over both.
    ///
    /// A document's norm is its clean text with a few scalars changed (full-width punctuation, traditional
    /// characters): where the next twelve bytes of both texts agree and open four three-byte sequences, the four
    /// scalars decoded once are both texts'; elsewhere each text's next four scalars (or next one) are decoded
    /// from its own bytes. The norm's scalars are thus always read in order from its own bytes: they are its
    /// scalars however the two texts pair (a norm with more or fewer scalars only pairs less often).
    static func withOffsets(_ text: String, alongside norm: String)
        -> (scalars: [Unicode.Scalar], offsets: [Int], norm: [Unicode.Scalar]) {
        var text = text
        var norm = norm
        return text.withUTF8 { c in
            norm.withUTF8 { n in
                // The same bytes: the same scalars, shared rather than decoded twice.
                if c.count == n.count, c.isEmpty || memcmp(c.baseAddress!, n.baseAddress!, c.count) == 0 {
                    let (scalars, offsets) = withOffsets(c, base: 0)
                    return (scalars, offsets, scalars)
                }
                var offsets: [Int] = []
                var normScalars: [Unicode.Scalar] = []
                let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: c.count) { cOut, cCount in
                    offsets = [Int](unsafeUninitializedCapacity: c.count + 1) { oOut, oCount in
                        normScalars = [Unicode.Scalar](unsafeUninitializedCapacity: n.count) { nOut, nCount in
                            (cCount, nCount) = decodePair(c, n, into: cOut, offsets: oOut.baseAddress!, norm: nOut)
                        }
                        oOut[cCount] = c.count
                        oCount = cCount + 1
                    }
                }
                return (scalars, offsets, normScalars)
            }
        }
    }

    private static func withOffsets(_ buf: UnsafeBufferPointer<UInt8>, base: Int) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
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

    /// Decodes `c` (with the offset of each scalar) and `n` side by side (see `withOffsets(_:alongside:)`);
    /// returns how many scalars each has. `cOut` has room for `c.count` scalars, `offsets` for `c.count`
    /// offsets, `nOut` for `n.count` scalars.
    private static func decodePair(_ c: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>,
                                   into cOut: UnsafeMutableBufferPointer<Unicode.Scalar>, offsets: UnsafeMutablePointer<Int>,
                                   norm nOut: UnsafeMutableBufferPointer<Unicode.Scalar>) -> (Int, Int) {
        let cn = c.count, nn = n.count
        guard cn > 0, nn > 0, let cb = c.baseAddress, let nb = n.baseAddress, let co = cOut.baseAddress,
              let no = nOut.baseAddress else {
            return (decode(c, into: cOut, offsets: offsets, base: 0), decode(n, into: nOut, offsets: nil, base: 0))
        }
        let cdst = UnsafeMutableRawPointer(co).assumingMemoryBound(to: UInt32.self)
        let ndst = UnsafeMutableRawPointer(no).assumingMemoryBound(to: UInt32.self)
        let craw = UnsafeRawPointer(cb), nraw = UnsafeRawPointer(nb)
        // `ci`, `ni`: byte positions; `k`, `j`: scalars written, of the clean text and of the norm.
        var ci = 0, ni = 0, k = 0, j = 0
        // Four three-byte sequences from `ci` (`ni`) are read whole while `ci <= cQuad` (`ni <= nQuad`).
        let cQuad = cn &- 13, nQuad = nn &- 13
        let leadMask = Lanes(repeating: 0xC0C0F0), leadBits = Lanes(repeating: 0x8080E0)
        @inline(__always) func lanes(_ raw: UnsafeRawPointer, _ at: Int) -> Lanes {
            @inline(__always) func lane(_ at: Int) -> UInt32 {
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
            }
            return Lanes(lane(at), lane(at &+ 3), lane(at &+ 6), lane(at &+ 9))
        }
        outer: while ci < cn, ni < nn {
            while ci <= cQuad, ni <= nQuad {
                let v = lanes(craw, ci)
                // How many of the four sequences from `ci` are three-byte ones, from the first.
                let wrong = unsafeBitCast((v & leadMask) ^ leadBits, to: SIMD2<UInt64>.self)
                let threes = wrong[0] | wrong[1] == 0 ? 4 : wrong[0] != 0 ? wrong[0].trailingZeroBitCount &>> 5
                    : 2 &+ wrong[1].trailingZeroBitCount &>> 5
                let cWord = craw.loadUnaligned(fromByteOffset: ci, as: UInt64.self)
                let x = cWord ^ nraw.loadUnaligned(fromByteOffset: ni, as: UInt64.self)
                if threes > 0 {
                    // Lanes past `threes` hold garbage, written over by the steps after.
                    let scalars = threeByteScalars(v)
                    UnsafeMutableRawPointer(cdst + k).storeBytes(of: scalars, as: Lanes.self)
                    UnsafeMutableRawPointer(ndst + j).storeBytes(of: scalars, as: Lanes.self)
                    let at = SIMD2<Int>(repeating: ci)
                    UnsafeMutableRawPointer(offsets + k).storeBytes(of: at &+ SIMD2<Int>(0, 3), as: SIMD2<Int>.self)
                    UnsafeMutableRawPointer(offsets + (k &+ 2)).storeBytes(of: at &+ SIMD2<Int>(6, 9), as: SIMD2<Int>.self)
                    // Bytes the texts share from here, and so whole scalars.
                    let y = craw.loadUnaligned(fromByteOffset: ci &+ 8, as: UInt32.self)
                        ^ nraw.loadUnaligned(fromByteOffset: ni &+ 8, as: UInt32.self)
                    let sameBytes = x != 0 ? x.trailingZeroBitCount &>> 3 : y != 0 ? 8 &+ y.trailingZeroBitCount &>> 3 : 12
                    let same = sameBytes / 3
                    if same >= threes {
                        ci &+= 3 &* threes
                        ni &+= 3 &* threes
                        k &+= threes
                        j &+= threes
                        continue
                    }
                    // A run where the norm changes scalars (a traditional text): its own four, when three-byte too.
                    if threes == 4 {
                        let w = lanes(nraw, ni)
                        let nWrong = unsafeBitCast((w & leadMask) ^ leadBits, to: SIMD2<UInt64>.self)
                        if nWrong[0] | nWrong[1] == 0 {
                            UnsafeMutableRawPointer(ndst + j).storeBytes(of: threeByteScalars(w), as: Lanes.self)
                            ci &+= 12
                            ni &+= 12
                            k &+= 4
                            j &+= 4
                            continue
                        }
                    }
                    // The first `same` scalars are the texts' common ones; then the norm's own scalar, decoded
                    // (the shared bytes before it are whole sequences, so it starts a scalar).
                    let (value, width) = UTF8Codec.decode(n, at: ni &+ 3 &* same)
                    ndst[j &+ same] = value
                    ci &+= 3 &* (same &+ 1)
                    ni &+= 3 &* same &+ width
                    k &+= same &+ 1
                    j &+= same &+ 1
                    continue
                }
                // ASCII (digits, Latin letters) the norm shares: up to eight bytes widened at once.
                let ascii = cWord & 0x8080_8080_8080_8080 == 0 ? 8 : (cWord & 0x8080_8080_8080_8080).trailingZeroBitCount &>> 3
                let run = min(ascii, x != 0 ? x.trailingZeroBitCount &>> 3 : 8)
                guard run > 0 else { break }
                let wide = SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(cWord, to: SIMD8<UInt8>.self))
                UnsafeMutableRawPointer(cdst + k).storeBytes(of: wide, as: SIMD8<UInt32>.self)
                UnsafeMutableRawPointer(ndst + j).storeBytes(of: wide, as: SIMD8<UInt32>.self)
                let at = SIMD2<Int>(repeating: ci)
                UnsafeMutableRawPointer(offsets + k).storeBytes(of: at &+ SIMD2<Int>(0, 1), as: SIMD2<Int>.self)
                UnsafeMutableRawPointer(offsets + (k &+ 2)).storeBytes(of: at &+ SIMD2<Int>(2, 3), as: SIMD2<Int>.self)
                UnsafeMutableRawPointer(offsets + (k &+ 4)).storeBytes(of: at &+ SIMD2<Int>(4, 5), as: SIMD2<Int>.self)
                UnsafeMutableRawPointer(offsets + (k &+ 6)).storeBytes(of: at &+ SIMD2<Int>(6, 7), as: SIMD2<Int>.self)
                ci &+= run
                ni &+= run
                k &+= run
                j &+= run
            }
            // One scalar of each text; a sequence cut short (never, in a String's own bytes) ends the pairing.
            let cw = width(cb[ci]), nw = width(nb[ni])
            guard ci &+ cw <= cn, ni &+ nw <= nn else { break outer }
            offsets[k] = ci
            cdst[k] = UTF8Codec.decode(c, at: ci).value
            ndst[j] = UTF8Codec.decode(n, at: ni).value
            ci &+= cw
            ni &+= nw
            k &+= 1
            j &+= 1
        }
        // Whichever text is left, on its own. `k` scalars took at least `ci` bytes, so the rest's scalars fit behind.
        if ci < cn {
            k &+= decode(UnsafeBufferPointer(rebasing: c[ci...]), into: UnsafeMutableBufferPointer(rebasing: cOut[k...]),
                         offsets: offsets + k, base: ci)
        }
        if ni < nn {
            j &+= decode(UnsafeBufferPointer(rebasing: n[ni...]), into: UnsafeMutableBufferPointer(rebasing: nOut[j...]),
                         offsets: nil, base: 0)
        }
        return (k, j)
    }

    /// The scalars of four three-byte sequences, one in each lane (its bytes from the lane's lowest).
    @inline(__always) private static func threeByteScalars(_ v: Lanes) -> Lanes {
        let low4 = Lanes(repeating: 0x0F), mid6 = Lanes(repeating: 0xFC0), low6 = Lanes(repeating: 0x3F)
        let by12 = Lanes(repeating: 12), by2 = Lanes(repeating: 2), by16 = Lanes(repeating: 16)
        let high: Lanes = (v & low4) &<< by12
        let middle: Lanes = (v &>> by2) & mid6
        let low: Lanes = (v &>> by16) & low6
        return high | middle | low
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
                UnsafeMutableRawPointer(dst + k).storeBytes(of: threeByteScalars(v), as: Lanes.self)
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
