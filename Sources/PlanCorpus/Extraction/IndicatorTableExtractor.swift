import Foundation

/// Reads indicator tables (指标 | 单位 | 2020年 | 2025年 | 属性) into targets.
///
/// Rows reach us as tab-separated lines (the loader's rendering of HTML tables), Markdown table
/// rows, or cells separated by runs of two or more spaces. Each data row gives one target per
/// future-year column, with the base-year column as baseline and 约束性/预期性 as binding.
public struct IndicatorTableExtractor: Sendable {
    public var scanner = NumberScanner()

    public init() {}

    /// Targets of every indicator table in a document.
    public func extract(_ document: Document) -> [Target] {
        extract(document, locator: ProvenanceLocator(document: document)).targets
    }

    /// One line of the clean text split into cells.
    struct Row {
        var cells: [String]
        var folded: [String]
        var cleanRange: Range<Int>
    }

    /// What the header row says about each column.
    struct Header {
        var count: Int
        var indicator: Int
        var unit: Int?
        var attribute: Int?
        /// Column and year of every year column, base year first.
        var years: [(column: Int, year: Int)]
        var base: Int?
    }

    /// Targets of every indicator table, and the clean-text ranges of the rows read (so sentences skip them).
    ///
    /// Outside a table only a header row matters, and it has three cells: lines that cannot split so are
    /// passed over unread (`TableLineScanner.nextPossibleRow`). `everyLine` reads every line instead, as the
    /// reference the tests compare with.
    func extract(_ document: Document, locator: ProvenanceLocator, everyLine: Bool = false)
        -> (targets: [Target], consumed: [Range<Int>]) {
        var targets: [Target] = []
        var consumed: [Range<Int>] = []
        var header: Header? = nil
        func read(_ row: Row?) {
            guard let cells = row else { header = nil; return }
            if let h = parseHeader(cells) {
                header = h
                consumed.append(cells.cleanRange)
                return
            }
            guard let h = header else { return }
            if cells.cells.allSatisfy({ $0.allSatisfy { "-:| ".contains($0) } }) { consumed.append(cells.cleanRange); return }
            let found = readRow(cells, header: h, document: document, locator: locator)
            if !found.isEmpty || cells.cells.count >= 2 {
                targets += found
                consumed.append(cells.cleanRange)
            }
        }
        var clean = document.clean
        clean.withUTF8 { buf in
            var scanner = TableLineScanner(buf)
            // Inside a table every line is read: a line that is no row ends it.
            while let line = everyLine || header != nil ? scanner.nextLine() : scanner.nextPossibleRow() {
                read(Self.row(buf, line))
            }
        }
        return (targets, consumed)
    }

    /// Every line of the clean text: its cells when it looks like a table row, else nil.
    static func rows(of clean: String) -> [Row?] {
        var copy = clean
        return copy.withUTF8 { buf in
            var result: [Row?] = []
            var scanner = TableLineScanner(buf)
            while let line = scanner.nextLine() { result.append(row(buf, line)) }
            return result
        }
    }

    /// The line at `range` of `buf` split into cells, when it has three or more.
    static func row(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Row? {
        let line = UnsafeBufferPointer(rebasing: buf[range])
        guard mayHoldThreeCells(line) else { return nil }
        // Cells are made Strings only for lines that have three of them.
        let scalars = ScalarArray.decode(line)
        let cells: [String]
        if let ranges = cellRanges(plain: scalars) {
            cells = ranges.count >= 3 ? ranges.map { String(scalars: scalars[$0]) } : []
        } else {
            cells = splitCellsAsCharacters(String(decoding: line, as: UTF8.self))
        }
        guard cells.count >= 3 else { return nil }
        return Row(cells: cells, folded: cells.map { ScalarFolder.foldedString($0) }, cleanRange: range)
    }

    /// The text split on Character `"\n"` (empty lines kept), found on bytes: `\r\n` is one Character, so a
    /// `\n` right after `\r` does not split, as with `split(separator:)`, which walked grapheme clusters.
    static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        var result: [Substring] = []
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte == 0x0A, previous != 0x0D {
                result.append(Substring(utf8[start..<i]))
                start = utf8.index(after: i)
            }
            previous = byte
            i = utf8.index(after: i)
        }
        result.append(Substring(utf8[start..<utf8.endIndex]))
        return result
    }

    /// Whether `splitCells` can find three cells: it needs a bar, a tab, or two separating runs of spaces,
    /// which take at least two space or ideographic-space scalars. Most prose lines have none, and skip
    /// splitCells' Foundation trimming.
    static func mayHoldThreeCells(_ line: Substring) -> Bool {
        var copy = line
        return copy.withUTF8 { mayHoldThreeCells($0) }
    }

    static func mayHoldThreeCells(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var spaces = 0
        var ideographic = 0   // bytes E3 80 80 seen in a row
        for byte in line {
            switch byte {
            case 0x7C, 0x09: return true
            case 0x20: spaces += 1
            case 0xE3: ideographic = 1; continue
            case 0x80 where ideographic == 1: ideographic = 2; continue
            case 0x80 where ideographic == 2: spaces += 1
            default: break
            }
            ideographic = 0
            if spaces >= 2 { return true }
        }
        return spaces >= 2
    }

    /// Splits a line at tabs, Markdown bars, or runs of two or more spaces.
    static func splitCells(_ line: String) -> [String] {
        let scalars = ScalarArray.of(line)
        // On plain scalars Character splitting and scalar splitting agree; anything else takes the String path.
        guard let ranges = cellRanges(plain: scalars) else { return splitCellsAsCharacters(line) }
        return ranges.map { String(scalars: scalars[$0]) }
    }

    /// The trimmed cells of a line of plain scalars as scalar ranges (what `splitCells` returns), or nil when
    /// the line has scalars that are not plain.
    static func cellRanges(plain scalars: [Unicode.Scalar]) -> [Range<Int>]? {
        guard PlainScalars.arePlain(scalars) else { return nil }
        let trimmed = PlainScalars.trimmingWhitespace(scalars, 0..<scalars.count)
        var cells: [Range<Int>] = []
        func split(at separator: Unicode.Scalar) {
            var start = trimmed.lowerBound
            for k in trimmed where scalars[k] == separator {
                cells.append(start..<k)
                start = k + 1
            }
            cells.append(start..<trimmed.upperBound)
        }
        var bars = 0
        var tab = false
        for k in trimmed {
            if scalars[k] == "|" { bars += 1 } else if scalars[k] == "\t" { tab = true }
        }
        let opensWithBar = !trimmed.isEmpty && scalars[trimmed.lowerBound] == "|"
        if opensWithBar || bars >= 2 {
            split(at: "|")
            if opensWithBar { cells.removeFirst() }
            if !trimmed.isEmpty, scalars[trimmed.upperBound - 1] == "|", !cells.isEmpty { cells.removeLast() }
        } else if tab {
            split(at: "\t")
        } else {
            // Runs of spaces: one space stays inside a cell, two or more (an ideographic space counts two) split;
            // so a cell is the stretch of the line between two splitting runs.
            var start = -1
            var end = -1
            var spaces = 0
            for k in trimmed {
                let c = scalars[k]
                if c == " " || c == "\u{3000}" {
                    spaces += c == "\u{3000}" ? 2 : 1
                    continue
                }
                if spaces >= 2, start >= 0 { cells.append(start..<end); start = -1 }
                spaces = 0
                if start < 0 { start = k }
                end = k + 1
            }
            if start >= 0 { cells.append(start..<end) }
        }
        return cells.map { PlainScalars.trimmingWhitespace(scalars, $0) }
    }

    /// `splitCells` over Characters and Foundation trimming, for lines with scalars that are not plain.
    static func splitCellsAsCharacters(_ line: String) -> [String] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        var cells: [String]
        if trimmed.hasPrefix("|") || trimmed.unicodeScalars.lazy.filter({ $0 == "|" }).count >= 2 {
            cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { String($0) }
            if trimmed.hasPrefix("|") { cells.removeFirst() }
            if trimmed.hasSuffix("|"), !cells.isEmpty { cells.removeLast() }
        } else if trimmed.unicodeScalars.contains("\t") {
            cells = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
        } else {
            cells = []
            var current = String.UnicodeScalarView()
            var spaces = 0
            for c in trimmed.unicodeScalars {
                if c == " " || c == "\u{3000}" {
                    spaces += c == "\u{3000}" ? 2 : 1
                    continue
                }
                if spaces >= 2, !current.isEmpty { cells.append(String(current)); current = String.UnicodeScalarView() }
                else if spaces == 1 { current.append(" ") }
                spaces = 0
                current.append(c)
            }
            if !current.isEmpty { cells.append(String(current)) }
        }
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static let indicatorWords = ["指标", "名称", "项目", "内容"]
    static let unitWords = ["单位"]
    static let attributeWords = ["属性", "性质", "类型"]
    static let baseWords = ["基期", "现状", "基数", "基准"]

    /// Reads a header row: it names an indicator column and at least one year column.
    func parseHeader(_ row: Row) -> Header? {
        let f = row.folded
        guard let indicator = f.firstIndex(where: { c in Self.indicatorWords.contains { c.contains($0) } }) else { return nil }
        var years: [(Int, Int)] = []
        var base: Int? = nil
        for (k, cell) in f.enumerated() where k != indicator {
            if Self.baseWords.contains(where: { cell.contains($0) }) { base = k }
            let time = scanner.scan(cell).first { $0.kind == .year || $0.kind == .yearRange || $0.kind == .planPeriod }
            if let y = time?.targetYear { years.append((k, y)) }
            else if let y = Int(cell.trimmingCharacters(in: .whitespaces)), (1990...2100).contains(y) { years.append((k, y)) }
            else if cell.contains("目标") && !cell.contains("指标") { years.append((k, 0)) }
        }
        guard !years.isEmpty else { return nil }
        let unit = f.firstIndex { c in Self.unitWords.contains { c.contains($0) } }
        let attribute = f.firstIndex { c in Self.attributeWords.contains { c.contains($0) } }
        if base == nil {
            // Without a 基期 label the earliest year column is the base, when there are several.
            let dated = years.filter { $0.1 > 0 }
            if dated.count >= 2, let first = dated.min(by: { $0.1 < $1.1 }) { base = first.0 }
        }
        return Header(count: f.count, indicator: indicator, unit: unit, attribute: attribute,
                      years: years.map { (column: $0.0, year: $0.1) }, base: base)
    }

    /// One target per future-year column of a data row.
    func readRow(_ row: Row, header: Header, document: Document, locator: ProvenanceLocator) -> [Target] {
        // Rows with a merged category cell have more or fewer cells than the header: align at the right.
        let shift = row.cells.count - header.count
        func cell(_ column: Int?) -> (raw: String, folded: String)? {
            guard let c = column, c + shift >= 0, c + shift < row.cells.count else { return nil }
            return (row.cells[c + shift], row.folded[c + shift])
        }
        guard var indicator = cell(header.indicator)?.raw, !indicator.isEmpty else { return [] }
        // Drop the row's own numbering (1. / (1) / ①).
        if let first = scanner.scan(indicator).first, first.kind == .marker, first.scalarRange.lowerBound <= 1 {
            indicator = String(String.UnicodeScalarView(indicator.unicodeScalars.dropFirst(first.scalarRange.upperBound + 1)))
            indicator = indicator.trimmingCharacters(in: CharacterSet(charactersIn: " 、.)）"))
        }
        var unitText = cell(header.unit)?.folded ?? ""
        if unitText.isEmpty, let open = indicator.lastIndex(where: { $0 == "(" || $0 == "（" }),
           indicator.hasSuffix(")") || indicator.hasSuffix("）") {
            unitText = String(String.UnicodeScalarView(ScalarFolder.fold(String(indicator[indicator.index(after: open)...].dropLast()))))
            indicator = String(indicator[..<open])
        }
        let unitParts = unitText.split(separator: "/", maxSplits: 1).map(String.init)
        let unit = readUnit(unitParts.first ?? "")
        var per: String? = unitParts.count > 1 ? unitParts[1] : nil
        let normIndicator = ScalarFolder.foldedString(indicator)
        if per == nil { per = SentenceReader.perBase(normIndicator, unit: unit.unit) }
        let attribute = cell(header.attribute)?.folded ?? ""
        let binding: String? = attribute.contains("约束") ? "约束性" : attribute.contains("预期") ? "预期性" : nil
        let baseline = cell(header.base).flatMap { readValue($0.raw, unit: unit)?.value }
        let section = document.sections.last { $0.cleanRange.lowerBound <= row.cleanRange.lowerBound }?.id
        let text = String(document.clean.utf8Slice(row.cleanRange))
        var targets: [Target] = []
        for (column, year) in header.years where column != header.base {
            guard let raw = cell(column)?.raw, let v = readValue(raw, unit: unit) else { continue }
            targets.append(Target(section: section, indicator: indicator, value: v.value, valueMax: v.valueMax,
                                  unit: v.unit, comparator: v.comparator, year: year > 0 ? year : document.metadata.periodEnd,
                                  per: per, baseline: baseline, binding: binding, text: text,
                                  provenance: locator.provenance(clean: row.cleanRange)))
        }
        return targets
    }

    /// A unit cell (%, 万人, 亿元, 个) read as a multiplier and a simplified unit.
    func readUnit(_ text: String) -> (multiplier: Double, unit: String?) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return (1, nil) }
        if let q = scanner.scan("1" + t).first, q.scalarRange.upperBound == t.unicodeScalars.count + 1 {
            if q.kind == .percent { return (1, q.unit) }
            if q.kind == .percentagePoint { return (1, "百分点") }
            return (q.value ?? 1, q.unit)
        }
        return (1, t)
    }

    /// A value cell: number (or range) with comparator marks, scaled by the unit cell.
    func readValue(_ text: String, unit: (multiplier: Double, unit: String?)) -> (value: Double, valueMax: Double?, unit: String?, comparator: String)? {
        let folded = ScalarFolder.fold(text)
        guard let q = scanner.scan(text).first(where: { $0.isAmount && $0.value != nil }), let value = q.value else { return nil }
        var comparator = q.comparatorHint ?? "="
        if let before = PhraseLexicon.comparatorBefore.occurs(in: folded, 0..<q.scalarRange.lowerBound) { comparator = before.value }
        var k = q.scalarRange.upperBound
        while k < folded.count, folded[k] == " " { k += 1 }
        if let after = PhraseLexicon.comparatorAfter.match(folded, at: k) { comparator = after.value }
        if q.kind == .ratio { return (value, nil, "ratio", comparator) }
        if q.unit != nil { return (value, q.valueMax, q.unit, comparator) }
        return (value * unit.multiplier, q.valueMax.map { $0 * unit.multiplier }, unit.unit, comparator)
    }
}
