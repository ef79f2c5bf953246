import Testing
@testable import PlanConsole

@Suite struct MetaCommandTests {
    @Test(arguments: [
        (":help", MetaCommand.help(topic: nil)),
        (":help kwic", .help(topic: "kwic")),
        ("  :tables  ", .tables),
        (":schema targets", .schema(table: "targets")),
        (":load corpus/samples", .load(path: "corpus/samples")),
        (":load  /tmp/my plans", .load(path: "/tmp/my plans")),
        (":corpus", .corpus),
        (":save 托育.planq.md", .save(path: "托育.planq.md")),
        (":open notebooks/tour.planq.md", .open(path: "notebooks/tour.planq.md")),
        (":format csv", .format("csv")),
        (":time on", .time(true)),
        (":time off", .time(false)),
        (":time", .time(nil)),
        (":last json", .last(format: "json")),
        (":clear", .clear),
        (":quit", .quit),
        (":q", .quit),
    ])
    func parses(line: String, expected: MetaCommand) throws {
        let result = try #require(MetaCommand.parse(line))
        #expect(try result.get() == expected)
    }

    @Test func queriesAreNotMetaCommands() {
        #expect(MetaCommand.parse("targets | take 3") == nil)
        #expect(MetaCommand.parse("") == nil)
    }

    @Test(arguments: [
        (":schema", ":schema needs a table name"),
        (":format xml", "unknown format 'xml'"),
        (":time maybe", ":time takes on or off"),
        (":tabels", "did you mean :tables?"),
    ])
    func reportsMistakes(line: String, fragment: String) throws {
        let result = try #require(MetaCommand.parse(line))
        guard case .failure(let error) = result else {
            Issue.record("expected a failure for \(line)")
            return
        }
        #expect(error.message.contains(fragment))
    }
}
