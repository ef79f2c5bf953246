import Foundation
import PlanCorpus

/// A scalar builtin function: name, arity, argument kinds for the checker, and its implementation.
struct Builtin {
    /// What an argument must be, as far as the checker can tell.
    enum Arg { case text, number, any }

    let name: String
    let arity: ClosedRange<Int>
    let args: [Arg]
    let result: ValueType
    let summary: String
    let run: (EvaluationSupport, [Value], SourceSpan) throws -> Value

    func argKind(_ i: Int) -> Arg { i < args.count ? args[i] : (args.last ?? .any) }
}

/// The aggregate functions `summarize` and `pivot` accept.
enum Aggregate: String, CaseIterable {
    case count, count_distinct, sum, avg, min, max, median, list, mode

    var arity: ClosedRange<Int> { self == .count ? 0...1 : 1...1 }

    /// Aggregates skip nulls; `count()` counts rows.
    func apply(_ values: [Value]?, rows: Int) -> Value {
        guard let values else { return .int(rows) }
        let present = values.filter { !$0.isNull }
        switch self {
        case .count: return .int(present.count)
        case .count_distinct: return .int(Set(present.map(ValueOrder.key)).count)
        case .list: return .list(present)
        case .mode:
            // The value most rows have; a tie goes to the one seen first.
            var counts: [Value: Int] = [:]
            var best: Value = .null, bestCount = 0
            for v in present {
                let k = ValueOrder.key(v)
                counts[k, default: 0] += 1
                if counts[k]! > bestCount { best = v; bestCount = counts[k]! }
            }
            return best
        case .min: return present.min { ValueOrder.compare($0, $1) < 0 } ?? .null
        case .max: return present.max { ValueOrder.compare($0, $1) < 0 } ?? .null
        case .sum:
            if present.isEmpty { return .null }
            if present.allSatisfy({ if case .int = $0 { return true } else { return false } }) {
                return .int(present.reduce(0) { $0 &+ (Int($1.numeric ?? 0)) })
            }
            let total = present.compactMap(\.numeric).reduce(0, +)
            if case .quantity(_, let u) = present[0], present.allSatisfy({ if case .quantity(_, u) = $0 { return true } else { return false } }) {
                return .quantity(total, unit: u)
            }
            return .number(total)
        case .avg:
            let nums = present.compactMap(\.numeric)
            return nums.isEmpty ? .null : keepUnit(nums.reduce(0, +) / Double(nums.count), present)
        case .median:
            let nums = present.compactMap(\.numeric).sorted()
            if nums.isEmpty { return .null }
            let m = nums.count / 2
            return keepUnit(nums.count % 2 == 1 ? nums[m] : (nums[m - 1] + nums[m]) / 2, present)
        }
    }

    /// A mean or median of quantities in one unit keeps the unit.
    private func keepUnit(_ d: Double, _ values: [Value]) -> Value {
        guard case .quantity(_, let u) = values.first,
              values.allSatisfy({ if case .quantity(_, u) = $0 { return true } else { return false } }) else { return .number(d) }
        return .quantity(d, unit: u)
    }

    func resultType(_ arg: ValueType) -> ValueType {
        switch self {
        case .count, .count_distinct: return .int
        case .avg, .median: return arg == .quantity ? .quantity : .number
        case .list: return .list
        case .sum: return arg == .int ? .int : (arg == .quantity ? .quantity : .number)
        case .min, .max, .mode: return arg
        }
    }
}

/// Shared state for builtins and text matching: normalisation and regex caches, the regions table.
final class EvaluationSupport {
    let catalog: TableCatalog
    let cancellation: CancellationFlag
    private var normCache: [String: String] = [:]
    private var regexCache: [String: Regex<AnyRegexOutput>] = [:]
    private lazy var regionIndex: [String: (province: Value, level: Value)] = buildRegionIndex()

    init(catalog: TableCatalog, cancellation: CancellationFlag) {
        self.catalog = catalog
        self.cancellation = cancellation
    }

    /// The matching form of text (cached: ICU transforms are slow).
    func normalize(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy({ $0.value < 0x80 }) { return s }
        if let n = normCache[s] { return n }
        let n = TextNormalizer.normalize(s)
        if normCache.count > 200_000 { normCache.removeAll() }
        normCache[s] = n
        return n
    }

    /// Records text that is already in matching form, so normalising it again costs nothing.
    func rememberNormal(_ s: String) {
        if normCache.count > 200_000 { normCache.removeAll() }
        normCache[s] = s
    }

    /// A compiled regex over the normalised pattern; a bad pattern is a diagnostic at the pattern's span.
    func regex(_ pattern: String, span: SourceSpan) throws -> Regex<AnyRegexOutput> {
        if let r = regexCache[pattern] { return r }
        do {
            let r = try Regex(normalize(pattern)).matchingSemantics(.unicodeScalar)
            regexCache[pattern] = r
            return r
        } catch {
            throw Diagnostic.error("bad-regex", "invalid regular expression: \(error)", span: span,
                                   help: "escape special characters with \\, e.g. r\"\\(\"")
        }
    }

    func checkCancelled(_ span: SourceSpan?) throws {
        if cancellation.isCancelled { throw Diagnostic.error("cancelled", "query cancelled", span: span) }
    }

    private func buildRegionIndex() -> [String: (province: Value, level: Value)] {
        guard let t = catalog.table(named: "regions"), let n = t.columnIndex("name") else { return [:] }
        let s = t.columnIndex("short"), p = t.columnIndex("province"), l = t.columnIndex("level")
        var index: [String: (Value, Value)] = [:]
        for r in 0..<t.rowCount {
            let entry = (p.map { t.data[$0][r] } ?? .null, l.map { t.data[$0][r] } ?? .null)
            if let name = t.data[n][r].textValue, index[name] == nil { index[name] = entry }
            if let s, let short = t.data[s][r].textValue, !short.isEmpty, index[short] == nil { index[short] = entry }
        }
        return index
    }

    func region(_ name: String) -> (province: Value, level: Value)? { regionIndex[name] ?? regionIndex[normalize(name)] }

    // MARK: - builtins

    static let builtins: [String: Builtin] = {
        var b: [Builtin] = []
        func text(_ v: Value) -> String? { v.isNull ? nil : (v.textValue ?? ValueFormatter.text(v)) }
        b.append(Builtin(name: "contains", arity: 2...2, args: [.text, .text], result: .bool,
                         summary: "contains(s, part): whether s holds part (normalised)") { sup, a, _ in
            guard let s = text(a[0]), let p = text(a[1]) else { return .null }
            return .bool(sup.normalize(s).contains(sup.normalize(p)))
        })
        b.append(Builtin(name: "starts_with", arity: 2...2, args: [.text, .text], result: .bool,
                         summary: "starts_with(s, prefix)") { sup, a, _ in
            guard let s = text(a[0]), let p = text(a[1]) else { return .null }
            return .bool(sup.normalize(s).hasPrefix(sup.normalize(p)))
        })
        b.append(Builtin(name: "len", arity: 1...1, args: [.any], result: .int, summary: "len(s): characters in s, items in a list") { _, a, _ in
            if case .list(let items) = a[0] { return .int(items.count) }
            guard let s = text(a[0]) else { return .null }
            return .int(s.unicodeScalars.count)
        })
        b.append(Builtin(name: "substr", arity: 2...3, args: [.text, .number, .number], result: .text,
                         summary: "substr(s, start, length): characters from start (0-based)") { _, a, _ in
            guard let s = text(a[0]), let st = a[1].numeric else { return .null }
            let scalars = Array(s.unicodeScalars)
            let from = max(0, min(scalars.count, clampedInt(st)))
            let n = a.count > 2 ? (a[2].numeric.map(clampedInt) ?? scalars.count) : scalars.count
            let to = max(from, min(scalars.count, from + max(0, n)))
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[from..<to])
            return .text(String(out))
        })
        b.append(Builtin(name: "simplified", arity: 1...1, args: [.text], result: .text,
                         summary: "simplified(s): the normalised (simplified, half-width) form") { sup, a, _ in
            guard let s = text(a[0]) else { return .null }
            return .text(sup.normalize(s))
        })
        b.append(Builtin(name: "regex", arity: 2...2, args: [.text, .text], result: .text,
                         summary: "regex(s, pattern): the first match (its first group when there is one), else null") { sup, a, span in
            guard let s = text(a[0]), let p = text(a[1]) else { return .null }
            let r = try sup.regex(p, span: span)
            let n = sup.normalize(s)
            guard let m = try? r.firstMatch(in: n) else { return .null }
            if m.output.count > 1, let g = m.output[1].substring { return .text(String(g)) }
            return .text(String(n[m.range]))
        })
        b.append(Builtin(name: "round", arity: 1...2, args: [.number, .number], result: .number,
                         summary: "round(x, digits = 0)") { _, a, _ in
            guard let x = a[0].numeric else { return .null }
            let d = a.count > 1 ? clampedInt(a[1].numeric ?? 0) : 0
            let f = pow(10.0, Double(max(-15, min(15, d))))
            let r = (x * f).rounded() / f
            if case .quantity(_, let u) = a[0] { return .quantity(r, unit: u) }
            if d <= 0, abs(r) < 9e15 { return .int(Int(r)) }
            return .number(r)
        })
        b.append(Builtin(name: "abs", arity: 1...1, args: [.number], result: .number, summary: "abs(x)") { _, a, _ in
            switch a[0] {
            case .int(let i): return .int(i == Int.min ? Int.max : abs(i))
            case .quantity(let d, let u): return .quantity(abs(d), unit: u)
            default: return a[0].numeric.map { .number(abs($0)) } ?? .null
            }
        })
        b.append(Builtin(name: "log", arity: 1...2, args: [.number, .number], result: .number,
                         summary: "log(x, base = e)") { _, a, span in
            guard let x = a[0].numeric else { return .null }
            guard x > 0 else { throw Diagnostic.error("domain", "log of a number that is not positive (\(ValueFormatter.number(x)))", span: span) }
            if a.count > 1, let base = a[1].numeric { return .number(Foundation.log(x) / Foundation.log(base)) }
            return .number(Foundation.log(x))
        })
        b.append(Builtin(name: "coalesce", arity: 1...16, args: [.any], result: .any,
                         summary: "coalesce(a, b, …): the first value that is not null") { _, a, _ in
            a.first { !$0.isNull } ?? .null
        })
        b.append(Builtin(name: "is_null", arity: 1...1, args: [.any], result: .bool, summary: "is_null(x)") { _, a, _ in
            .bool(a[0].isNull)
        })
        b.append(Builtin(name: "province_of", arity: 1...1, args: [.text], result: .text,
                         summary: "province_of(name): the province of a region (from the regions table)") { sup, a, _ in
            guard let s = text(a[0]) else { return .null }
            return sup.region(s)?.province ?? .null
        })
        b.append(Builtin(name: "level_of", arity: 1...1, args: [.text], result: .text,
                         summary: "level_of(name): province, prefecture or county (from the regions table)") { sup, a, _ in
            guard let s = text(a[0]) else { return .null }
            return sup.region(s)?.level ?? .null
        })
        b.append(Builtin(name: "year", arity: 1...1, args: [.any], result: .year, summary: "year(x): x as a year") { _, a, _ in
            a[0].numeric.map { .year(clampedInt($0)) } ?? .null
        })
        b.append(Builtin(name: "text", arity: 1...1, args: [.any], result: .text, summary: "text(x): x as text") { _, a, _ in
            a[0].isNull ? .null : .text(ValueFormatter.text(a[0]))
        })
        b.append(contentsOf: comparisonBuiltins)
        return Dictionary(uniqueKeysWithValues: b.map { ($0.name, $0) })
    }()
}

/// A Double as an Int without trapping on NaN, infinities or huge values.
func clampedInt(_ d: Double) -> Int {
    d.isNaN ? 0 : Int(max(-9e15, min(9e15, d.rounded(.towardZero))))
}
