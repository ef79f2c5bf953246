import Foundation
import Testing
@testable import PlanQuery

@Suite struct ModuleLocatorTests {
    @Test func bundledStdlibHasCompare() throws {
        let url = try #require(ModuleLocator(environment: [:]).url(for: "compare"))
        #expect(url.lastPathComponent == "compare.pq")
        #expect(ModuleLocator(environment: [:]).available().contains("compare"))
    }

    @Test func envFolderComesBeforeTheBundle() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "def x(t) = t\n".write(to: dir.appendingPathComponent("compare.pq"), atomically: true, encoding: .utf8)
        let url = try #require(ModuleLocator(environment: ["PLANQ_STDLIB": dir.path]).url(for: "compare"))
        #expect(url.deletingLastPathComponent().standardizedFileURL.path == dir.standardizedFileURL.path)
        // an explicit folder comes first of all
        let other = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "def y(t) = t\n".write(to: other.appendingPathComponent("compare.pq"), atomically: true, encoding: .utf8)
        let first = try #require(ModuleLocator(override: other.path, environment: ["PLANQ_STDLIB": dir.path]).url(for: "compare"))
        #expect(first.deletingLastPathComponent().lastPathComponent == "sub")
    }

    @Test func namesCannotEscapeTheFolder() {
        #expect(ModuleLocator(environment: [:]).url(for: "../Package") == nil)
        #expect(ModuleLocator(environment: [:]).url(for: "a/b") == nil)
    }
}
