import Foundation
@testable import PlanCorpus

/// A scratch folder for loading tests, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("planq-loading-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes bytes at a path relative to the folder, creating folders on the way; returns the absolute path.
    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) -> String {
        let full = (path as NSString).appendingPathComponent(relative)
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }

    @discardableResult
    func write(_ relative: String, _ text: String) -> String { write(relative, bytes: Array(text.utf8)) }

    @discardableResult
    func folder(_ relative: String) -> String {
        let full = (path as NSString).appendingPathComponent(relative)
        try! FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    /// Makes a symbolic link at `relative` pointing to `destination` (as written, relative or absolute).
    func link(_ relative: String, to destination: String) {
        let full = (path as NSString).appendingPathComponent(relative)
        try! FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: destination)
    }

    func sub(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }
}

/// Where the encoding fixtures are: the test bundle's copy, else the source folder.
enum EncodingFixtures {
    static var folder: String {
        if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) {
            return url.appendingPathComponent("encodings").path
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/encodings").path
    }

    static func bytes(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)) ?? Data())
    }

    /// The traditional passage every fixture holds, read from the UTF-8 fixture.
    static var traditional: String { String(decoding: bytes("traditional.utf8.txt"), as: UTF8.self) }
}

extension Corpus {
    func warnings(kind: String) -> [CorpusWarning] { allWarnings.filter { $0.kind == kind } }
}
