import Foundation

/// Sends output taller than the screen through $PAGER (default `less -FRSX`).
public struct Pager {
    public var command: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let pager = environment["PAGER"] ?? ""
        command = pager.isEmpty ? "less -FRSX" : pager
    }

    /// Whether text of this many lines needs the pager on a screen of `rows` rows.
    public static func needed(lineCount: Int, rows: Int) -> Bool { lineCount > rows - 1 }

    /// Pipes the text to the pager and waits; returns false when the pager could not start.
    public func show(_ text: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        do { try process.run() } catch { return false }
        pipe.fileHandleForWriting.write(Data(text.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
