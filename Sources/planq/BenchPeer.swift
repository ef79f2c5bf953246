import ArgumentParser
import Foundation

/// A peer benchmark run as a coprocess and asked for one timed pass at a time, so that its passes and planq's
/// alternate in the same stretch of the machine's time.
///
/// The protocol is lines of `key=value` fields: the peer first prints `ready …`, then answers each `pass` it
/// reads with one line (bench/peers.py's `recognizers` speaks it).
final class BenchPeer {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var unread = Data()
    /// The fields of the peer's `ready` line.
    private(set) var ready: [String: String] = [:]

    init(command: String) throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = try readLine()
        guard line.hasPrefix("ready") else {
            throw ValidationError("bench-query: the peer (\(command)) began with \"\(line)\", not \"ready\"")
        }
        ready = Self.fields(line)
    }

    /// Asks for one pass and returns the fields of the peer's answer.
    func pass() throws -> [String: String] {
        input.fileHandleForWriting.write(Data("pass\n".utf8))
        return Self.fields(try readLine())
    }

    /// Closes the peer's input (it ends when its input does) and waits for it.
    func close() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    private func readLine() throws -> String {
        while true {
            if let end = unread.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: unread[unread.startIndex..<end], as: UTF8.self)
                unread = Data(unread[(end + 1)...])
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw ValidationError("bench-query: the peer ended without answering") }
            unread.append(chunk)
        }
    }

    private static func fields(_ line: String) -> [String: String] {
        var fields: [String: String] = [:]
        for word in line.split(separator: " ") {
            let parts = word.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }
}
