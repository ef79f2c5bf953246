/// Maps UTF-8 offsets in a cleaned text back to UTF-8 offsets in the original it was built from.
public struct OffsetMap: Sendable, Hashable {
    /// Start of a run of clean text copied (or substituted) from the original.
    public struct Anchor: Sendable, Hashable {
        public var clean: Int
        public var original: Int
        public init(clean: Int, original: Int) { self.clean = clean; self.original = original }
    }

    /// Sorted by `clean`; between two anchors clean and original advance together.
    public private(set) var anchors: [Anchor]

    public init(anchors: [Anchor] = [Anchor(clean: 0, original: 0)]) {
        self.anchors = anchors
    }

    /// The identity map: clean text equals the original.
    public static let identity = OffsetMap()

    public mutating func append(clean: Int, original: Int) {
        if let last = anchors.last, last.clean == clean {
            anchors[anchors.count - 1] = Anchor(clean: clean, original: original)
        } else {
            anchors.append(Anchor(clean: clean, original: original))
        }
    }

    /// Original offset of a clean offset.
    public func original(_ clean: Int) -> Int {
        var lo = 0, hi = anchors.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if anchors[mid].clean <= clean { lo = mid } else { hi = mid - 1 }
        }
        let a = anchors[lo]
        return a.original + (clean - a.clean)
    }
}
