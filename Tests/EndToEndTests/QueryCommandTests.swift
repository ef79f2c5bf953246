import Foundation
import Testing

/// `planq query`: the scripting command's output shapes and exit codes, through the real binary.
@Suite struct QueryCommandTests {
    /// The keys of each JSON object, in the order printed.
    private func keys(ofJSONLines text: String) throws -> [[String]] {
        try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil, "not a JSON object: \(line)")
            // Order as printed: JSONSerialization forgets it, so read the keys off the line itself.
            let names = try NSRegularExpression(pattern: #""([a-z_]+)":"#)
            let ns = line as NSString
            return names.matches(in: String(line), range: NSRange(location: 0, length: ns.length))
                .map { ns.substring(with: $0.range(at: 1)) }
                .filter { object?[$0] != nil }
        }
    }

    @Test(arguments: [
        ("targets", ["doc", "region", "province", "section", "domain", "indicator", "value", "value_max", "unit",
                     "comparator", "year", "year_placeholder", "hedge", "per", "baseline", "binding", "text", "line"]),
        ("agencies", ["doc", "section", "agency", "line"]),
    ])
    func jsonlRowsHaveExactlyTheDocumentedFields(table: String, fields: [String]) throws {
        let out = try PlanqBinary.run(["query", "--corpus", PlanqBinary.seedSamples, "--format", "jsonl", table])
        #expect(out.status == 0, "\(out.stderr)")
        let rows = try keys(ofJSONLines: out.stdout)
        #expect(rows.count > 10)
        for row in rows { #expect(Set(row) == Set(fields) && row.count == fields.count, "\(row)") }
    }

    @Test func hiddenColumnsShowWhenNamed() throws {
        let out = try PlanqBinary.run(["query", "--corpus", PlanqBinary.seedSamples, "--format", "csv",
                                       "targets | where indicator ~ \"托位\" | select indicator, key, base | take 1"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("indicator,key,base\r\n"), "csv rows end in CRLF (RFC 4180)")
        #expect(out.stdout.contains(",托位,千人"))
    }

    @Test func queryFromStandardInput() throws {
        let out = try PlanqBinary.run(["query", "--corpus", PlanqBinary.seedSamples, "--format", "csv", "-"],
                                      stdin: "docs | count\n")
        #expect(out.status == 0)
        #expect(out.stdout == "n\r\n5\r\n")
    }

    @Test(arguments: [
        (["query", "docs | wher x"], Int32(1), "did you mean"),
        (["query", "--format", "yaml", "docs"], Int32(2), "yaml"),
        (["query"], Int32(2), "Missing"),
    ])
    func exitCodesSayWhatWentWrong(arguments: [String], status: Int32, message: String) throws {
        let out = try PlanqBinary.run(arguments + ["--corpus", PlanqBinary.seedSamples])
        #expect(out.status == status, "\(out.stdout)\(out.stderr)")
        #expect(out.stderr.contains(message), "\(out.stderr)")
    }
}
