import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The first test of `BodyEvidence.walk`: per scalar value of the original text (all of Unicode, so the walk needs
/// no range test), a first mask and a second mask, so that `first(o[p]) & second(o[p + 1]) == 0` says the walk may
/// pass over position p (see `BodyEvidence.pairClasses`).
///
/// The two masks of a scalar are one word (`Entry`: the first mask in its high half, the second in its low half):
/// the walk reads each scalar in both roles, with one read from a table of 8 bytes a scalar.
/// The masks are stored complemented, so that every scalar beyond the BMP (first: all classes, second: all
/// classes, always looked at) is a zero: the tables are anonymous mappings of which only the BMP is written, and
/// the rest stays the kernel's shared zero page (8.9 MB a table of address space, 512 KB of memory).
/// The walk's test of position p is then that `entries[o[p]] | entries[o[p + 1]] << 32` has every bit of its high
/// half (`allClear`).
final class PairMasks: @unchecked Sendable {
    /// A mask: a bit per class of first scalars (`BodyEvidence.pairClassCount`) and `BodyEvidence.alwaysClass`.
    typealias Mask = UInt32
    /// The complemented first mask of a scalar in the high half, its complemented second mask in the low half.
    typealias Entry = UInt64
    static let size = 0x110000
    /// The high half of `entries[o[p]] | entries[o[p + 1]] << 32` when the walk may pass over position p.
    static let allClear: Entry = 0xFFFF_FFFF_0000_0000
    let entries: UnsafePointer<Entry>
    /// `entries` whose first masks also hold `BodyEvidence.alwaysClass` for every scalar NFKC changes
    /// (`BodyEvidence.nfkcBit`), so the walk stops at the first of them, learns that NFKC changes the text, and goes
    /// on with `entries`.
    let entriesUntilNFKC: UnsafePointer<Entry>

    /// `firsts`, `firstsUntilNFKC` and `seconds` are the masks (not complemented) of the BMP's scalars.
    init(firsts: [Mask], firstsUntilNFKC: [Mask], seconds: [Mask]) {
        precondition(firsts.count == 0x10000 && firstsUntilNFKC.count == 0x10000 && seconds.count == 0x10000)
        // Read-only once made: every thread's walk reads them.
        func table(_ firstMasks: [Mask]) -> UnsafePointer<Entry> {
            let bytes = Self.size * MemoryLayout<Entry>.stride
            guard let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                  raw != MAP_FAILED else { preconditionFailure("PairMasks: no memory") }
            let p = raw.bindMemory(to: Entry.self, capacity: Self.size)
            for v in 0..<0x10000 { p[v] = Entry(~firstMasks[v]) << 32 | Entry(~seconds[v]) }
            return UnsafePointer(p)
        }
        self.entries = table(firsts)
        self.entriesUntilNFKC = table(firstsUntilNFKC)
    }

    deinit {
        let bytes = Self.size * MemoryLayout<Entry>.stride
        for table in [entries, entriesUntilNFKC] { munmap(UnsafeMutableRawPointer(mutating: table), bytes) }
    }

    /// The first mask of scalar value `v` (not complemented).
    func first(_ v: Int, untilNFKC: Bool = false) -> Mask {
        ~Mask(truncatingIfNeeded: (untilNFKC ? entriesUntilNFKC : entries)[v] >> 32)
    }
    /// The second mask of scalar value `v` (not complemented).
    func second(_ v: Int) -> Mask { ~Mask(truncatingIfNeeded: entries[v]) }
}
