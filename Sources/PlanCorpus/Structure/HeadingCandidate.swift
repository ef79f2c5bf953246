/// A heading found by `HeadingParser`, located by line and scalar index, before ids and levels are final.
struct HeadingCandidate: Equatable {
    var kind: MarkerKind
    var number: Int
    /// As printed (`五、`, `(十八)`), or "" for unnumbered headings.
    var marker: String
    var title: String
    /// 0-based clean line.
    var line: Int
    /// Scalar index in the line where the heading (marker included) starts.
    var start: Int
    /// Scalar index just past the title and its `。` when it has one.
    var end: Int
    var inline: Bool
    /// Filled in by `LevelAssigner`.
    var level: Int = 0
}
