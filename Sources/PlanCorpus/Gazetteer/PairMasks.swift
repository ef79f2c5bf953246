import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The first test of `BodyEvidence.walk`: per scalar value of the original text (all of Unicode, so the walk needs
/// no range test), a first mask and a second mask, so that `first(o[p]) & second(o[p + 1]) == 0` says the walk may
/// pass over position p (see `BodyEvidence.pairClasses`).
///
/// The masks are stored complemented, so that every scalar beyond the BMP (first: all classes, second: all
/// classes, always looked at) is a zero: the tables are anonymous mappings of which only the BMP is written, and
/// the rest stays the kernel's shared zero page (8.9 MB a table of address space, 512 KB of memory).
/// The walk's test of position p is then `firsts[o[p]] | seconds[o[p + 1]] != allClear` (`Mask.max`).
final class PairMasks: @unchecked Sendable {
    /// A mask: a bit per class of first scalars (`BodyEvidence.pairClassCount`) and `BodyEvidence.alwaysClass`.
    typealias Mask = UInt64
    static let size = 0x110000
    /// A complemented mask that lets the walk pass over a position.
    static let allClear: Mask = .max
    /// Complemented first masks; `firstsUntilNFKC` also holds `BodyEvidence.alwaysClass` for every scalar NFKC
    /// changes (`BodyEvidence.nfkcBit`), so the walk stops at the first of them, learns that NFKC changes the
    /// text, and goes on with `firsts`.
    let firsts: UnsafePointer<Mask>
    let firstsUntilNFKC: UnsafePointer<Mask>
    /// Complemented second masks.
    let seconds: UnsafePointer<Mask>

    /// `firsts`, `firstsUntilNFKC` and `seconds` are the masks (not complemented) of the BMP's scalars.
    init(firsts: [Mask], firstsUntilNFKC: [Mask], seconds: [Mask]) {
        precondition(firsts.count == 0x10000 && firstsUntilNFKC.count == 0x10000 && seconds.count == 0x10000)
        // Read-only once made: every thread's walk reads them.
        func table(_ bmp: [Mask]) -> UnsafePointer<Mask> {
            let bytes = Self.size * MemoryLayout<Mask>.stride
            guard let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                  raw != MAP_FAILED else { preconditionFailure("PairMasks: no memory") }
            let p = raw.bindMemory(to: Mask.self, capacity: Self.size)
            for v in 0..<0x10000 { p[v] = ~bmp[v] }
            return UnsafePointer(p)
        }
        self.firsts = table(firsts)
        self.firstsUntilNFKC = table(firstsUntilNFKC)
        self.seconds = table(seconds)
    }

    deinit {
        let bytes = Self.size * MemoryLayout<Mask>.stride
        for table in [firsts, firstsUntilNFKC, seconds] { munmap(UnsafeMutableRawPointer(mutating: table), bytes) }
    }

    /// The first mask of scalar value `v` (not complemented).
    func first(_ v: Int, untilNFKC: Bool = false) -> Mask { ~(untilNFKC ? firstsUntilNFKC : firsts)[v] }
    /// The second mask of scalar value `v` (not complemented).
    func second(_ v: Int) -> Mask { ~seconds[v] }
}
