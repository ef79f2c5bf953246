/// Where each line of a text starts (UTF-8 offsets), so lines can be found without keeping the text.
public struct LineIndex: Sendable, Hashable {
    /// UTF-8 offset of each line's first byte; 32 bits each, as documents stay far below 4 GB.
    private var starts: [UInt32]

    public init(_ text: String) {
        var starts: [UInt32] = [0]
        var copy = text
        copy.withUTF8 { bytes in
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(UInt32(offset + 1)) }
        }
        self.starts = starts
    }

    /// Number of lines (a text ending in a line break has an empty last line).
    public var count: Int { starts.count }

    /// UTF-8 offset at which the zero-based line `index` starts.
    public subscript(index: Int) -> Int { Int(starts[index]) }

    /// Zero-based index of the line containing a UTF-8 offset.
    public func lineIndex(ofOffset offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(starts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
