/// Chooses the fence length for an output block so its content can never close it early.
enum OutputFence {
    static func length(for text: String) -> Int {
        var longest = 0, run = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "`") { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        return max(3, longest + 1)
    }
}
