/// Writes notebook segments back to text: verbatim bytes for everything read, fresh fences for replaced outputs.
struct NotebookWriter {
    let lineEnding: String

    func render(_ segments: [Notebook.Segment]) -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .frontMatter(let f): out += f.raw
            case .prose(let text): out += text
            case .cell(let cell): out += render(cell)
            }
        }
        return out
    }

    private func render(_ cell: Cell) -> String {
        var out = cell.raw
        guard let output = cell.output else { return out }
        if let raw = output.raw { return out + cell.gap + raw }
        if output.line == nil {
            // A new block: end the cell's last line if the file stopped there, then one blank line.
            if !out.endsWithLineBreak { out += lineEnding }
            out += lineEnding
        } else {
            out += cell.gap
        }
        return out + block(output)
    }

    /// An output block with a fence longer than any run of backticks inside it.
    func block(_ output: StoredOutput) -> String {
        let indent = String(repeating: " ", count: output.indent)
        let fence = String(repeating: "`", count: OutputFence.length(for: output.text))
        var out = indent + fence + output.kind.rawValue + lineEnding
        for line in OutputText.lines(output.text) {
            out += (line.isEmpty ? "" : indent) + line + lineEnding
        }
        out += indent + fence
        if output.endsWithLineBreak { out += lineEnding }
        return out
    }
}
