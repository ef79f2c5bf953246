import Testing

/// planq with stdin not a terminal: queries line by line, no prompts or escapes, exit 1 when any failed.
@Suite struct PipedConsoleTests {
    @Test func pipedQueriesPrintPlainTables() throws {
        let out = try PlanqBinary.run(["--corpus", PlanqBinary.samples], stdin: "docs | count\nsentences |\n  take 1 | select doc\n")
        #expect(out.status == 0)
        #expect(out.stdout.contains("(1 row)"))
        #expect(out.stdout.contains("000_24848f89d64d1f80.txt"))
        #expect(!out.stdout.contains("planq>"))
        #expect(!out.stdout.contains("\u{1B}["))
    }

    @Test func aFailedQueryGivesExitOneAndTheRestStillRuns() throws {
        let out = try PlanqBinary.run(["--corpus", PlanqBinary.samples], stdin: "docs | filter x\ndocs | count\n")
        #expect(out.status == 1)
        #expect(out.stderr.contains("^"))
        #expect(out.stdout.contains("(1 row)"))
    }
}
