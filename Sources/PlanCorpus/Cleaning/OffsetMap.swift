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
        var hint = -1
        return original(clean, hint: &hint)
    }

    /// `original(_:)` for offsets asked in increasing order: `hint` (start at -1) keeps the anchor found last,
    /// and the search walks on from it instead of bisecting again; an offset before it bisects as usual.
    func original(_ clean: Int, hint: inout Int) -> Int {
        var lo: Int
        if hint >= 0, hint < anchors.count, anchors[hint].clean <= clean {
            lo = hint
            while lo + 1 < anchors.count, anchors[lo + 1].clean <= clean { lo += 1 }
        } else {
            lo = 0
            var hi = anchors.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if anchors[mid].clean <= clean { lo = mid } else { hi = mid - 1 }
            }
        }
        hint = lo
        let a = anchors[lo]
        return a.original + (clean - a.clean)
    }
}
