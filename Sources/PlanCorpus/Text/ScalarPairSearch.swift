#if arch(x86_64) && canImport(_Builtin_intrinsics)
import _Builtin_intrinsics.intel
#endif

/// Finds either of two scalars below U+7FFF in a `[Unicode.Scalar]`, sixteen scalars a step, in one pass.
///
/// For trigger scalars whose every byte is common in Chinese text (段 and 期): a memchr on one byte of a
/// scalar stops every few hundred scalars on others sharing it, and each stop is a call and a mispredicted
/// branch; here a block of sixteen holding neither costs one well-predicted branch.
struct ScalarPairSearch {
    let first: Unicode.Scalar, second: Unicode.Scalar

    /// Both scalars must lie below U+7FFF: the scalars are narrowed to sixteen bits with saturation, which
    /// keeps those exact and makes every larger one 7FFF.
    init?(_ first: Unicode.Scalar, _ second: Unicode.Scalar) {
        guard first.value < 0x7FFF, second.value < 0x7FFF else { return nil }
        self.first = first
        self.second = second
    }

    /// Calls `body` with every index of either scalar in `scalars`, in order.
    @inline(__always) func forEachIndex(in scalars: UnsafeBufferPointer<Unicode.Scalar>, _ body: (Int) -> Void) {
        let n = scalars.count
        guard n > 0, let base = scalars.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var i = 0
        #if arch(x86_64) && canImport(_Builtin_intrinsics)
        let a = _mm_set1_epi16(Int16(first.value)), b = _mm_set1_epi16(Int16(second.value))
        /// FFFF in the lane of each of the eight scalars from `at` that is either scalar.
        @inline(__always) func eight(_ at: Int) -> __m128i {
            let v = _mm_packs_epi32(raw.loadUnaligned(fromByteOffset: at &* 4, as: __m128i.self),
                                    raw.loadUnaligned(fromByteOffset: at &* 4 &+ 16, as: __m128i.self))
            return _mm_or_si128(_mm_cmpeq_epi16(v, a), _mm_cmpeq_epi16(v, b))
        }
        while i &+ 16 <= n {
            var bits = UInt32(truncatingIfNeeded: _mm_movemask_epi8(_mm_packs_epi16(eight(i), eight(i &+ 8))))
            while bits != 0 {
                body(i &+ bits.trailingZeroBitCount)
                bits &= bits &- 1
            }
            i &+= 16
        }
        #else
        let a = SIMD8<UInt32>(repeating: first.value), b = SIMD8<UInt32>(repeating: second.value)
        while i &+ 8 <= n {
            let v = raw.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<UInt32>.self)
            let m = (v .== a) .| (v .== b)
            if any(m) {
                for lane in 0..<8 where m[lane] { body(i &+ lane) }
            }
            i &+= 8
        }
        #endif
        while i < n {
            if base[i] == first || base[i] == second { body(i) }
            i &+= 1
        }
    }
}
