import Foundation
import Testing
import PlanQuery
@testable import PlanConsole

/// `:help MODULE` prints each stdlib function with its comment and example.
@Suite struct StdlibHelpTests {
    static let stdlib = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("stdlib").path

    @Test(arguments: [
        ("compare", "compare(t, $pattern: text = \".\")", "Example: targets | compare(\"托位\")"),
        ("ambition", "ambition(t, $pattern: text = \".\")", "Example: targets | ambition(\"托位\") | take 1"),
        ("coverage", "coverage()", "Example: coverage() | where left_out"),
        ("timeline", "timeline(t)", "Example: targets | timeline()"),
        ("responsibility", "responsibility()", "Example: responsibility() | where domain == \"托育\""),
        ("similarity", "similarity()", "Example: similarity() | take 3"),
    ])
    func moduleHelpShowsSignatureAndExample(module: String, signature: String, example: String) throws {
        let text = try #require(HelpTopics.help(module, tables: [], modules: ModuleLocator(override: StdlibHelpTests.stdlib, environment: [:])))
        #expect(text.hasPrefix("module \(module) (use \(module)):"))
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let at = try #require(lines.firstIndex(of: signature), "\(text)")
        let firstExample = lines[(at + 1)...].first { $0.hasPrefix("Example:") }
        #expect(firstExample?.hasPrefix(example) == true, "\(text)")
    }

    /// `:help FUNCTION` finds a function in whichever module defines it and says which `use` brings it in.
    @Test(arguments: [("schedule", "timeline"), ("common_base", "compare"), ("coverage_matrix", "coverage")])
    func functionHelpNamesItsModule(function: String, module: String) throws {
        let text = try #require(HelpTopics.help(function, tables: [], modules: ModuleLocator(override: StdlibHelpTests.stdlib, environment: [:])))
        #expect(text.hasPrefix("\(module).\(function) (use \(module)):"), "\(text)")
        #expect(text.contains("Example:"), "\(text)")
    }

    @Test func unknownTopicHasNoHelp() {
        #expect(HelpTopics.help("no_such_function", tables: [], modules: ModuleLocator(override: StdlibHelpTests.stdlib, environment: [:])) == nil)
    }
}
