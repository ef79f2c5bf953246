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
        let a = anchors[SortedSearch.lastIndex(count: anchors.count, notAfter: clean, hint: &hint) { anchors[$0].clean }]
        return a.original + (clean - a.clean)
    }
}
