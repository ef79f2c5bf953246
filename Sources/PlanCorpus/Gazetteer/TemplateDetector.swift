import Foundation

/// Finds region placeholders of template documents: `[地区名称]`, `[城市名]`, `xx市`, `XX县`, `××市`, `某某县`, `____区`.
///
/// Rule: a bracketed slot counts when its content names a kind of place and marks itself as a slot
/// (名/名称/XX/某…), so headings like `【城市更新】` do not; a run of 1–4 placeholder characters
/// (x X × * ○ □ _) or 某某 counts when an administrative suffix follows and no letter or digit precedes
/// (so `MAXX市` or `5X市` do not). A single 某 (`某市`) counts only in a title, where it cannot be a
/// figure of speech (以某市为例).
public struct TemplateDetector: Sendable {
    /// One placeholder found in text.
    public struct Placeholder: Sendable, Hashable {
        /// The placeholder as written, e.g. `[地区名称]` or `xx市`.
        public var text: String
        /// UTF-16 offset in the searched string.
        public var offset: Int
    }

    private static let bracketed = try! NSRegularExpression(
        pattern: "[\\[【〔{<＜「〈]([^\\]】〕}>＞」〉\\n]{1,10})[\\]】〕}>＞」〉]")
    private static let slotContent = try! NSRegularExpression(
        pattern: "(地区|城市|地名|地方|省份|省|市|县|区|州|旗|镇|乡)|^(名称|地名)$")
    private static let slotMark = try! NSRegularExpression(pattern: "名称|名字|名|[xX×✕*＊○□_＿]{1,4}|某")
    private static let lettered = try! NSRegularExpression(
        pattern: "(?<![A-Za-z0-9])(?:[xX×✕*＊○□△_＿]{1,4}|某某)(?:省|自治区|市|自治州|州|盟|县|区|旗|镇|乡)")
    private static let single = try! NSRegularExpression(pattern: "某(?:省|市|县|区|州|旗|镇)")

    public init() {}

    /// Scalars a placeholder match can start with: the opening brackets of `bracketed`, the marks of `lettered`, 某.
    static func opensPlaceholder(_ s: Unicode.Scalar) -> Bool { openers.contains(s) }

    private static let openers = ScalarSet("[【〔{<＜「〈xX×✕*＊○□△_＿某")
    private static let brackets = ScalarSet("[【〔{<＜「〈")
    private static let closers = ScalarSet("]】〕}>＞」〉")
    private static let suffixFirsts = ScalarSet("省自市州盟县区旗镇乡")

    /// False when no placeholder can occur in the scalars of a text: `Probe.mayStart(at:in:)` is false at every
    /// position. Checking this first spares the regular expressions.
    static func mayHoldPlaceholder(_ s: [Unicode.Scalar]) -> Bool {
        let table = openers, probe = Probe.shared
        return s.withUnsafeBufferPointer { buf in
            for i in 0..<buf.count where table.contains(buf[i]) && probe.mayStart(at: i, in: s) { return true }
            return false
        }
    }

    /// The sets `mayStart` reads, taken once by a walk that asks at many positions.
    struct Probe {
        static let shared = Probe()
        private let brackets = TemplateDetector.brackets
        private let closers = TemplateDetector.closers
        private let suffixFirsts = TemplateDetector.suffixFirsts
        private let marks = ScalarSet("xX×✕*＊○□△_＿")
        /// Scalars of which a slot's content (`slotContent`) holds one, and scalars of `slotMark`.
        private let placeScalars = ScalarSet("地城省市县区州旗镇乡名")
        private let markScalars = ScalarSet("名xX×✕*＊○□_＿某")

        /// Whether a placeholder of `placeholders(in:title: true)` may start at `i` of `s`, whose scalar is one
        /// of `opensPlaceholder`. A bracketed slot runs from its opening bracket to the first closing one (its
        /// content has none), with 1–10 scalars in between (at most 10 UTF-16 units), among them a scalar of
        /// `slotContent` and one of `slotMark`; a lettered one is a run of 1–4 marks, or 某某, or (in a title) 某,
        /// before the first scalar of an administrative suffix.
        func mayStart(at i: Int, in s: [Unicode.Scalar]) -> Bool {
            let n = s.count
            let c = s[i]
            if brackets.contains(c) {
                var place = false, mark = false
                var j = i + 1
                while j < min(n, i + 12) {
                    let d = s[j]
                    if closers.contains(d) { return j >= i + 2 && place && mark }
                    if placeScalars.contains(d) { place = true }
                    if markScalars.contains(d) { mark = true }
                    j += 1
                }
                return false
            }
            if c == "某" {
                if i + 1 < n && suffixFirsts.contains(s[i + 1]) { return true }
                return i + 2 < n && s[i + 1] == "某" && suffixFirsts.contains(s[i + 2])
            }
            var j = i
            while j < min(n, i + 4) && marks.contains(s[j]) { j += 1 }
            return j > i && j < n && suffixFirsts.contains(s[j])
        }
    }

    /// Placeholders in `text`, in order. `title` also accepts a single 某 (`某市`).
    public func placeholders(in text: String, title: Bool = false) -> [Placeholder] {
        // Every match starts with an opening bracket, a placeholder mark or 某; most texts have none.
        guard text.unicodeScalars.contains(where: Self.opensPlaceholder) else { return [] }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var found: [Placeholder] = []
        for m in Self.bracketed.matches(in: text, range: whole) {
            let content = ns.substring(with: m.range(at: 1))
            let cr = NSRange(location: 0, length: (content as NSString).length)
            if Self.slotContent.firstMatch(in: content, range: cr) != nil,
               Self.slotMark.firstMatch(in: content, range: cr) != nil {
                found.append(Placeholder(text: ns.substring(with: m.range), offset: m.range.location))
            }
        }
        var patterns = [Self.lettered]
        if title { patterns.append(Self.single) }
        for regex in patterns {
            for m in regex.matches(in: text, range: whole)
            where !found.contains(where: { NSLocationInRange(m.range.location, NSRange(location: $0.offset, length: ($0.text as NSString).length)) }) {
                found.append(Placeholder(text: ns.substring(with: m.range), offset: m.range.location))
            }
        }
        return found.sorted { $0.offset < $1.offset }
    }
}
