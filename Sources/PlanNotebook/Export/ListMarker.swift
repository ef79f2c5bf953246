/// A list item marker: `-`, `*`, `+`, or a number followed by `.` or `)`.
struct ListMarker: Equatable {
    let ordered: Bool
    let delimiter: Character
    let number: Int
    /// Columns from the line start to the item's content.
    let contentIndent: Int
    let contentIsEmpty: Bool
    /// Characters (all single-column: spaces, marker) up to the end of the marker.
    let markerEnd: Int

    init?(_ line: String) {
        let indent = line.leadingSpaces
        guard indent < 4 else { return nil }
        let rest = Array(line.dropFirst(indent))
        guard let first = rest.first else { return nil }
        var markerLength = 0
        if first == "-" || first == "*" || first == "+" {
            ordered = false; delimiter = first; number = 1; markerLength = 1
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count), digits.count < rest.count else { return nil }
            let d = rest[digits.count]
            guard d == "." || d == ")" else { return nil }
            ordered = true; delimiter = d; number = Int(String(digits)) ?? 1; markerLength = digits.count + 1
        }
        let after = rest.dropFirst(markerLength)
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        if MarkdownRenderer.isThematicBreak(String(rest)) { return nil }
        let spaces = min(4, after.prefix { $0 == " " }.count)
        contentIsEmpty = after.allSatisfy { $0 == " " || $0 == "\t" }
        contentIndent = indent + markerLength + (contentIsEmpty ? 1 : max(1, spaces))
        markerEnd = indent + markerLength
    }

    /// CommonMark lets only bullet items and items numbered 1 interrupt a paragraph, and never empty ones.
    var canInterruptParagraph: Bool { !contentIsEmpty && (!ordered || number == 1) }

    func sameList(as other: ListMarker) -> Bool { ordered == other.ordered && delimiter == other.delimiter }
}
