#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells binary files from text: a NUL byte, or a high share of control characters near the start.
enum BinarySniffer {
    /// How much of the start is checked for control characters.
    static let sampleSize = 64 * 1024
    /// Share of control characters above which a file is binary.
    static let controlShare = 0.05

    /// 1 for the control bytes binary files are full of; tab, line feed, vertical tab, form feed, carriage
    /// return and escape occur in text files and count 0. A table read per byte, with no branch.
    private static let isControl: [UInt8] = (0...255).map { byte in
        (byte < 0x20 && !(0x09...0x0D).contains(byte) && byte != 0x1B) || byte == 0x7F ? 1 : 0
    }

    /// Why the bytes look binary, or nil when they look like text. Call only on files without a UTF-16 byte-order mark.
    static func reason(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        if let nul = memchr(base, 0, bytes.count) {
            return "NUL byte at offset \(UnsafeRawPointer(nul) - UnsafeRawPointer(base))"
        }
        let sample = min(bytes.count, sampleSize)
        var controls = 0
        isControl.withUnsafeBufferPointer { table in
            for i in 0..<sample { controls &+= Int(table[Int(bytes[i])]) }
        }
        if controls >= 4 && Double(controls) > controlShare * Double(sample) {
            return "\(controls) control characters in the first \(sample) bytes"
        }
        return nil
    }
}
