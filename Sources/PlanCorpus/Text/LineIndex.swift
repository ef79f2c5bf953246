#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Where each line of a text starts (UTF-8 offsets), so lines can be found without keeping the text.
public struct LineIndex: Sendable, Hashable {
    /// UTF-8 offset of each line's first byte; 32 bits each, as documents stay far below 4 GB.
    private var starts: [UInt32]

    public init(_ text: String) {
        var starts: [UInt32] = [0]
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var from = 0
            while from < bytes.count, let p = memchr(base + from, 0x0A, bytes.count - from) {
                let offset = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                starts.append(UInt32(offset + 1))
                from = offset + 1
            }
        }
        self.starts = starts
    }

    /// Number of lines (a text ending in a line break has an empty last line).
    public var count: Int { starts.count }

    /// UTF-8 offset at which the zero-based line `index` starts.
    public subscript(index: Int) -> Int { Int(starts[index]) }

    /// Zero-based index of the line containing a UTF-8 offset.
    public func lineIndex(ofOffset offset: Int) -> Int {
        var hint = -1
        return lineIndex(ofOffset: offset, hint: &hint)
    }

    /// `lineIndex(ofOffset:)` for offsets asked in increasing order: `hint` (start at -1) keeps the line found
    /// last, and the search walks on from it instead of bisecting again; an offset before it bisects as usual.
    func lineIndex(ofOffset offset: Int, hint: inout Int) -> Int {
        SortedSearch.lastIndex(count: starts.count, notAfter: offset, hint: &hint) { Int(starts[$0]) }
    }
}
