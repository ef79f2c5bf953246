import Foundation

/// Unit names (万元, 个, %, 元/平方米) by number, so that a `Quantity` names its unit with an integer and stays a
/// plain value. Names are only ever added: a number, once given, reads the same name for the life of the process,
/// and equal names have equal numbers.
///
/// Numbers are given under a lock (the scanner asks for them only for units that are no lexicon entry, and
/// `UnitFacts` numbers its lexicon's entries once); names are read with no lock: a name is written before its number
/// is handed out, and never moves (it stands in chunks that are never freed or grown).
final class UnitNames: @unchecked Sendable {
    static let shared = UnitNames()

    /// Numbers of the units that are no lexicon entry, given first (0 stands for no unit).
    static let percent: UInt32 = 1, perMille: UInt32 = 2, percentagePoint: UInt32 = 3, ratio: UInt32 = 4

    private static let chunkBits = 10
    private static let chunkSize = 1 << chunkBits
    /// Room for 2^22 names: far beyond units times bases times magnitude words.
    private static let chunkCount = 1 << 12
    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<String>?>
    private var count = 1
    private var numbers: [String: UInt32] = [:]
    private let lock = NSLock()

    private init() {
        chunks = .allocate(capacity: Self.chunkCount)
        chunks.initialize(repeating: nil, count: Self.chunkCount)
        for (k, name) in ["%", "‰", "百分点", "ratio"].enumerated() {
            let n = number(of: name)
            assert(n == UInt32(k + 1))
        }
    }

    /// The number of `name`, given now if it has none yet (never 0).
    func number(of name: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let n = numbers[name] { return n }
        let n = count
        let c = n >> Self.chunkBits
        precondition(c < Self.chunkCount, "UnitNames is full")
        if chunks[c] == nil { chunks[c] = .allocate(capacity: Self.chunkSize) }
        (chunks[c]! + (n & (Self.chunkSize - 1))).initialize(to: name)
        count += 1
        numbers[name] = UInt32(n)
        return UInt32(n)
    }

    /// The name numbered `n` (a number this table gave, not 0).
    @inline(__always) func name(_ n: UInt32) -> String {
        chunks[Int(n) >> Self.chunkBits].unsafelyUnwrapped[Int(n) & (Self.chunkSize - 1)]
    }
}
