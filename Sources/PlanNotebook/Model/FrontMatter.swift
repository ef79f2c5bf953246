/// The `--- key: value ---` header of a notebook (title, corpus, fingerprint, …), kept byte for byte.
public struct FrontMatter: Sendable, Hashable {
    /// One `key: value` line.
    public struct Field: Sendable, Hashable {
        public var key: String
        public var value: String
        /// 1-based line in the file.
        public var line: Int
    }

    public private(set) var fields: [Field]
    /// Raw lines with their line breaks, the `---` delimiters included.
    var rawLines: [String]
    /// Index in `rawLines` of each field's line.
    var fieldLineIndex: [Int]

    init(fields: [Field], rawLines: [String], fieldLineIndex: [Int]) {
        self.fields = fields
        self.rawLines = rawLines
        self.fieldLineIndex = fieldLineIndex
    }

    /// The value of the last field with this key.
    public subscript(key: String) -> String? {
        fields.last { $0.key == key }?.value
    }

    /// The field with this key (the last one when repeated).
    public func field(_ key: String) -> Field? { fields.last { $0.key == key } }

    var raw: String { rawLines.joined() }

    /// Sets a field, rewriting only its own line (or adding one before the closing `---`).
    public mutating func set(_ key: String, _ value: String, lineEnding: String = "\n") {
        if let i = fields.lastIndex(where: { $0.key == key }) {
            let r = fieldLineIndex[i]
            let old = rawLines[r]
            let ending = old.hasSuffix("\r\n") ? "\r\n" : old.hasSuffix("\n") ? "\n" : ""
            rawLines[r] = "\(key): \(value)\(ending)"
            fields[i].value = value
        } else {
            let closing = rawLines.count - 1
            // The line before the closing delimiter must end in a line break; it does, or it would not be front matter.
            let line = (fields.last?.line ?? 1) + 1
            rawLines.insert("\(key): \(value)\(lineEnding)", at: closing)
            fields.append(Field(key: key, value: value, line: line))
            fieldLineIndex.append(closing)
        }
    }
}
