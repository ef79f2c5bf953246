#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
#if arch(x86_64) && canImport(_Builtin_intrinsics)
import _Builtin_intrinsics.intel
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

    /// The scalars of `text` with their UTF-8 offsets, and the scalars of `norm`.
    ///
    /// A document's norm is its clean text with a few scalars changed (full-width punctuation, traditional
    /// characters): the clean text is decoded, and the norm's scalars are the clean text's copied, then
    /// mended where the two texts' bytes differ (see `mendNorm`). The norm's scalars are thus always those of
    /// its own bytes, however the two texts pair.
    static func withOffsets(_ text: String, alongside norm: String)
        -> (scalars: [Unicode.Scalar], offsets: [Int], norm: [Unicode.Scalar]) {
        var text = text
        var norm = norm
        return text.withUTF8 { c in
            norm.withUTF8 { n in
                // The same bytes: the same scalars, shared rather than copied.
                if c.count == n.count, c.isEmpty || memcmp(c.baseAddress!, n.baseAddress!, c.count) == 0 {
                    let (scalars, offsets) = withOffsets(c, base: 0)
                    return (scalars, offsets, scalars)
                }
                if c.isEmpty || n.isEmpty {
                    let (scalars, offsets) = withOffsets(c, base: 0)
                    return (scalars, offsets, decode(n))
                }
                // The clean text's scalars are written to the norm's buffer as they are decoded, then mended. (Copying
                // them afterwards, whole or a stretch before each mend, cost more; so did decoding the norm alongside,
                // comparing the texts four scalars at a time.)
                var offsets: [Int] = []
                var normScalars: [Unicode.Scalar] = []
                let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: c.count) { cOut, cCount in
                    offsets = [Int](unsafeUninitializedCapacity: c.count + 1) { oOut, oCount in
                        normScalars = [Unicode.Scalar](unsafeUninitializedCapacity: max(n.count, c.count)) { nOut, nCount in
                            let nb = UnsafeMutableRawPointer(nOut.baseAddress!).assumingMemoryBound(to: UInt32.self)
                            cCount = decode(c, into: cOut, copy: nb, offsets: oOut.baseAddress!, base: 0)
                            oOut[cCount] = c.count
                            oCount = cCount + 1
                            nCount = mendNorm(c, n, offsets: UnsafeBufferPointer(rebasing: oOut[...cCount]), into: nOut)
                        }
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
                count = decode(buf, into: out, copy: nil, offsets: offsetsOut.baseAddress!, base: base)
                offsetsOut[count] = base + buf.count
                offsetCount = count + 1
            }
        }
        return (scalars, offsets)
    }

    /// Mends `out` (room for `max(n.count, c.count)`), which holds the scalars of `c` (with their `offsets`, plus
    /// the end), into the scalars of `n` where the two texts' bytes differ. Returns how many.
    ///
    /// Equal bytes are skipped 64 at a time, counting the clean text's scalars that start among them (three in
    /// four differences lie within 64 bytes of the last, so the loop mostly stops at its first window: one
    /// predictable branch). The count gives the index of the clean scalar the difference falls in (the equal
    /// bytes before it are whole scalars in both texts), with no search through `offsets`; one scalar of each
    /// text is taken, the norm's written over the copy: the texts thus keep as many scalars behind them each,
    /// and the copy stays in step. A norm that differs nearly everywhere (a traditional text) is decoded from
    /// the difference on instead.
    private static func mendNorm(_ c: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>,
                                 offsets: UnsafeBufferPointer<Int>, into out: UnsafeMutableBufferPointer<Unicode.Scalar>) -> Int {
        let cn = c.count, nn = n.count
        guard let cb = c.baseAddress, let nb = n.baseAddress, let ob = out.baseAddress, let offs = offsets.baseAddress else {
            return decode(n, into: out, copy: nil, offsets: nil, base: 0)
        }
        let craw = UnsafeRawPointer(cb), nraw = UnsafeRawPointer(nb)
        let odst = UnsafeMutableRawPointer(ob).assumingMemoryBound(to: UInt32.self)
        // `ci`, `ni`: byte positions at the start of a scalar of each text, with `k` scalars behind each.
        var ci = 0, ni = 0, k = 0
        var mended = 0
        while true {
            // The next byte that differs, or the end of either text, and the clean scalars that start before it.
            let limit = min(cn &- ci, nn &- ni)
            let (same, starts) = firstDifference(craw + ci, nraw + ni, limit: limit)
            guard same < limit else {
                ci &+= same
                ni &+= same
                k &+= starts
                break
            }
            // The scalar the difference falls in: the last to start before it, or the one starting there.
            let inside = cb[ci &+ same] & 0xC0 == 0x80 ? 1 : 0
            k &+= starts &- inside
            let start = offs[k]
            ni &+= start &- ci
            let (value, width) = UTF8Codec.decode(n, at: ni)
            odst[k] = value
            k &+= 1
            ci = offs[k]
            ni &+= width
            mended &+= 1
            // Differences nearly everywhere (a traditional text): decoding the rest costs less than mending it
            // (a mend costs about what decoding eight scalars does). At least 16 mends first; one branch.
            if mended &* 8 > max(k, 127) {
                return k &+ decode(UnsafeBufferPointer(rebasing: n[ni...]), into: UnsafeMutableBufferPointer(rebasing: out[k...]),
                                   copy: nil, offsets: nil, base: 0)
            }
        }
        // The clean text ending first, the norm's last scalars are its own.
        return ci == cn ? k &+ decode(UnsafeBufferPointer(rebasing: n[ni...]), into: UnsafeMutableBufferPointer(rebasing: out[k...]),
                                      copy: nil, offsets: nil, base: 0) : k
    }

    /// How many bytes from `a` and `b` are equal, up to `limit`, and how many of those bytes of `a` start a
    /// scalar (are not UTF-8 continuation bytes, 10xxxxxx).
    @inline(__always)
    static func firstDifference(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, limit: Int) -> (at: Int, starts: Int) {
        var d = 0
        var starts = 0
        #if arch(x86_64) && canImport(_Builtin_intrinsics)
        while d &+ 64 <= limit {
            var equal: UInt64 = 0
            var lead: UInt64 = 0
            // Signed, continuation bytes are -128 ... -65: every other byte is greater than -65.
            let notContinuation = _mm_set1_epi8(-65)
            for q in 0..<4 {
                let x = a.loadUnaligned(fromByteOffset: d &+ 16 &* q, as: __m128i.self)
                let y = b.loadUnaligned(fromByteOffset: d &+ 16 &* q, as: __m128i.self)
                equal |= UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(_mm_cmpeq_epi8(x, y)))) &<< UInt64(16 &* q)
                lead |= UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(_mm_cmpgt_epi8(x, notContinuation)))) &<< UInt64(16 &* q)
            }
            let differ = ~equal
            if differ != 0 {
                let at = differ.trailingZeroBitCount
                return (d &+ at, starts &+ (lead & ((1 &<< UInt64(at)) &- 1)).nonzeroBitCount)
            }
            starts &+= lead.nonzeroBitCount
            d &+= 64
        }
        #endif
        // Eight bytes at a time: a continuation byte has its top bit set and the next one clear.
        while d &+ 8 <= limit {
            let x = UInt64(littleEndian: a.loadUnaligned(fromByteOffset: d, as: UInt64.self))
            let y = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: d, as: UInt64.self))
            let continuation = x & ~(x &<< 1) & 0x8080_8080_8080_8080
            let differ = x ^ y
            if differ != 0 {
                let at = differ.trailingZeroBitCount &>> 3
                let before = (1 &<< UInt64(at &* 8)) &- 1
                return (d &+ at, starts &+ at &- (continuation & before).nonzeroBitCount)
            }
            starts &+= 8 &- continuation.nonzeroBitCount
            d &+= 8
        }
        while d < limit {
            let x = a.load(fromByteOffset: d, as: UInt8.self)
            guard x == b.load(fromByteOffset: d, as: UInt8.self) else { break }
            starts &+= x & 0xC0 == 0x80 ? 0 : 1
            d &+= 1
        }
        return (d, starts)
    }

    /// The scalars of four three-byte sequences, one in each lane (its bytes from the lane's lowest).
    @inline(__always) private static func threeByteScalars(_ v: Lanes) -> Lanes {
        #if arch(x86_64) && canImport(_Builtin_intrinsics)
        // The first byte's four bits times 4096 plus the third byte's six, in one multiply-add of 16-bit halves.
        let x = unsafeBitCast(v, to: __m128i.self)
        let outer = _mm_madd_epi16(_mm_and_si128(x, _mm_set1_epi32(0x3F_000F)), _mm_set1_epi32(0x1_1000))
        let middle = _mm_srli_epi32(_mm_and_si128(x, _mm_set1_epi32(0x3F00)), 2)
        return unsafeBitCast(_mm_or_si128(outer, middle), to: Lanes.self)
        #else
        let low4 = Lanes(repeating: 0x0F), mid6 = Lanes(repeating: 0xFC0), low6 = Lanes(repeating: 0x3F)
        let by12 = Lanes(repeating: 12), by2 = Lanes(repeating: 2), by16 = Lanes(repeating: 16)
        let high: Lanes = (v & low4) &<< by12
        let middle: Lanes = (v &>> by2) & mid6
        let low: Lanes = (v &>> by16) & low6
        return high | middle | low
        #endif
    }

    /// A bit for each of the four lanes that holds a three-byte sequence (lead 1110xxxx, two 10xxxxxx), the
    /// first lane's lowest.
    @inline(__always) private static func threeByteLanes(_ v: Lanes) -> UInt32 {
        #if arch(x86_64) && canImport(_Builtin_intrinsics)
        let ok = _mm_cmpeq_epi32(_mm_and_si128(unsafeBitCast(v, to: __m128i.self), _mm_set1_epi32(0xC0C0F0)),
                                 _mm_set1_epi32(0x8080E0))
        return UInt32(truncatingIfNeeded: _mm_movemask_ps(_mm_castsi128_ps(ok)))
        #else
        let ok = (v & Lanes(repeating: 0xC0C0F0)) .== Lanes(repeating: 0x8080E0)
        return (ok[0] ? 1 : 0) | (ok[1] ? 2 : 0) | (ok[2] ? 4 : 0) | (ok[3] ? 8 : 0)
        #endif
    }

    /// The bytes of the four three-byte sequences that would start at `at`, one sequence in each lane (its
    /// first byte the lane's lowest), with the byte after each.
    @inline(__always) private static func lanes(_ raw: UnsafeRawPointer, _ at: Int) -> Lanes {
        @inline(__always) func lane(_ at: Int) -> UInt32 {
            UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        }
        return Lanes(lane(at), lane(at &+ 3), lane(at &+ 6), lane(at &+ 9))
    }

    /// Four 32-bit lanes: four scalars, or the bytes of four UTF-8 sequences.
    private typealias Lanes = SIMD4<UInt32>

    /// Width of the UTF-8 sequence a lead byte opens, as `UTF8Codec.decode` reads it.
    @inline(__always) private static func width(_ b: UInt8) -> Int { b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4 }

    /// Scalars of valid UTF-8 (bytes that come from a String).
    static func decode(_ buf: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: buf.count) { out, count in
            count = decode(buf, into: out, copy: nil, offsets: nil, base: 0)
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
                               copy: UnsafeMutablePointer<UInt32>?, offsets: UnsafeMutablePointer<Int>?, base: Int) -> Int {
        let n = buf.count
        guard n > 0, let src = buf.baseAddress, let raw = out.baseAddress else { return 0 }
        let dst = UnsafeMutableRawPointer(raw).assumingMemoryBound(to: UInt32.self)
        var i = 0
        var k = 0
        let bytes = UnsafeRawPointer(src)
        // Four three-byte sequences from `i` are read (bytes i ..< i + 13) while `i <= quadSafe`; a run of them
        // ends at most nine bytes on, where eight bytes are still there to read. (Eight at a time cost more: runs
        // are short, 15 scalars on average.) A run's end costs a mispredicted branch; lanes that mix ASCII and
        // three-byte sequences (each lane's start chained from the lead byte before) avoid it but take about 17
        // instructions a scalar against 5 here, more than the mispredicts cost (Ir + 60 Bcm, measured).
        let quadSafe = n &- 21
        while i <= quadSafe {
            // Runs of three-byte sequences (ideographs and CJK punctuation, most of a Chinese text) are decoded
            // four at a time in vector lanes: each lane holds one sequence's bytes (and the next byte, masked off).
            // The offsets of a run's scalars step by twelve from one four to the next.
            var at = SIMD2<Int>(repeating: base &+ i) &+ SIMD2<Int>(0, 3)
            var threes = 0
            repeat {
                let v = lanes(bytes, i)
                // Lanes past the run's end hold garbage, written over by the steps after (there is room: `k <= i`).
                let scalars = threeByteScalars(v)
                UnsafeMutableRawPointer(dst + k).storeBytes(of: scalars, as: Lanes.self)
                if let copy { UnsafeMutableRawPointer(copy + k).storeBytes(of: scalars, as: Lanes.self) }
                if let offsets {
                    UnsafeMutableRawPointer(offsets + k).storeBytes(of: at, as: SIMD2<Int>.self)
                    UnsafeMutableRawPointer(offsets + (k &+ 2)).storeBytes(of: at &+ 6, as: SIMD2<Int>.self)
                }
                let valid = threeByteLanes(v)
                guard valid == 0xF else {
                    threes = (~valid).trailingZeroBitCount
                    break
                }
                threes = 4
                i &+= 12
                k &+= 4
                at &+= 12
            } while i <= quadSafe
            if threes == 4 { continue }
            i &+= 3 &* threes
            k &+= threes
            // ASCII (line breaks, digits, Latin letters): up to eight bytes widened at once.
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let high = UInt64(littleEndian: word) & 0x8080_8080_8080_8080
            if high & 0x80 == 0 {
                let run = high == 0 ? 8 : high.trailingZeroBitCount &>> 3
                let wide = SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(word, to: SIMD8<UInt8>.self))
                UnsafeMutableRawPointer(dst + k).storeBytes(of: wide.lowHalf, as: SIMD4<UInt32>.self)
                if let copy { UnsafeMutableRawPointer(copy + k).storeBytes(of: wide.lowHalf, as: SIMD4<UInt32>.self) }
                let at = SIMD2<Int>(repeating: base &+ i)
                if let offsets {
                    UnsafeMutableRawPointer(offsets + k).storeBytes(of: at &+ SIMD2<Int>(0, 1), as: SIMD2<Int>.self)
                    UnsafeMutableRawPointer(offsets + (k &+ 2)).storeBytes(of: at &+ SIMD2<Int>(2, 3), as: SIMD2<Int>.self)
                }
                // Most runs are a line break or a short number: the second four only when there are more.
                if run > 4 {
                    UnsafeMutableRawPointer(dst + (k &+ 4)).storeBytes(of: wide.highHalf, as: SIMD4<UInt32>.self)
                    if let copy { UnsafeMutableRawPointer(copy + (k &+ 4)).storeBytes(of: wide.highHalf, as: SIMD4<UInt32>.self) }
                    if let offsets {
                        UnsafeMutableRawPointer(offsets + (k &+ 4)).storeBytes(of: at &+ SIMD2<Int>(4, 5), as: SIMD2<Int>.self)
                        UnsafeMutableRawPointer(offsets + (k &+ 6)).storeBytes(of: at &+ SIMD2<Int>(6, 7), as: SIMD2<Int>.self)
                    }
                }
                i &+= run
                k &+= run
                continue
            }
            // A two- or four-byte sequence.
            offsets?[k] = base &+ i
            let (value, width) = UTF8Codec.decode(buf, at: i)
            dst[k] = value
            copy?[k] = value
            i &+= width
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
            copy?[k] = dst[k]
            k &+= 1
        }
        return k
    }
}
