import Foundation

/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break.
struct CSVFormat {
    func render(_ table: Table) -> String {
        var out = table.columns.map { field($0.name) }.joined(separator: ",") + "\r\n"
        for r in 0..<table.rowCount {
            out += table.columns.indices.map { field(ValueFormatter.text(table.data[$0][r])) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    private func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
