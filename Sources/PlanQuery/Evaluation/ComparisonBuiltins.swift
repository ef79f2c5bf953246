import PlanCorpus

/// Builtins the comparison stdlib (stdlib/*.pq) is written over: conditionals, per-base conversion,
/// indicator keys, domains of texts, and set similarity.
extension EvaluationSupport {
    static var comparisonBuiltins: [Builtin] {
        var b: [Builtin] = []
        func text(_ v: Value) -> String? { v.isNull ? nil : (v.textValue ?? ValueFormatter.text(v)) }
        b.append(Builtin(name: "if", arity: 3...3, args: [.any, .any, .any], result: .any,
                         summary: "if(cond, a, b): a when cond is true, else b (null counts as false)") { _, a, _ in
            if case .bool(true) = a[0] { return a[1] }
            return a[2]
        })
        b.append(Builtin(name: "per_base", arity: 3...3, args: [.number, .any, .any], result: .number,
                         summary: "per_base(value, per, to): a rate on base per (万人口) put on base to (千人); null when they count different populations") { _, a, _ in
            guard let v = a[0].numeric else { return .null }
            return PerBase.convert(v, from: text(a[1]), to: text(a[2])).map(Value.number) ?? .null
        })
        b.append(Builtin(name: "base_of", arity: 1...1, args: [.any], result: .text,
                         summary: "base_of(per): the canonical base (每千人口 → 千人, 人均 → 人均), or null") { _, a, _ in
            text(a[0]).flatMap(PerBase.canonical).map(Value.text) ?? .null
        })
        b.append(Builtin(name: "indicator_key", arity: 1...1, args: [.text], result: .text,
                         summary: "indicator_key(s): the key an indicator gets in targets.key (每千人口托位数 → 托位)") { _, a, _ in
            text(a[0]).map { .text(IndicatorKey.key($0)) } ?? .null
        })
        b.append(Builtin(name: "domain_of", arity: 1...1, args: [.text], result: .text,
                         summary: "domain_of(s): the policy domain of a text (教育, 养老, 托育 …), or null when no keyword decides") { sup, a, _ in
            guard let s = text(a[0]) else { return .null }
            return DomainClassifier.shared.classify(normalized: sup.normalize(s)).map(Value.text) ?? .null
        })
        b.append(Builtin(name: "shingles", arity: 2...2, args: [.any, .number], result: .list,
                         summary: "shingles(s, n): the distinct character n-grams of a text (or a list of texts), inside runs of letters and digits") { sup, a, span in
            guard let n = a[1].numeric.map(clampedInt), (1...12).contains(n) else {
                throw Diagnostic.error("bad-argument", "shingles needs a length from 1 to 12", span: span)
            }
            let texts: [String]
            switch a[0] {
            case .null: return .null
            case .list(let items): texts = items.compactMap(text)
            default: texts = [text(a[0]) ?? ""]
            }
            var seen = Set<String>()
            var out: [Value] = []
            for t in texts {
                let s = Array(sup.normalize(t).unicodeScalars)
                var runStart = 0
                for i in s.indices {
                    let p = s[i].properties
                    if !(p.isAlphabetic || p.numericType != nil) { runStart = i + 1; continue }
                    if i - runStart + 1 >= n {
                        var g = String.UnicodeScalarView()
                        g.append(contentsOf: s[(i - n + 1)...i])
                        let gram = String(g)
                        if seen.insert(gram).inserted { out.append(.text(gram)) }
                    }
                }
            }
            return .list(out)
        })
        b.append(Builtin(name: "jaccard", arity: 2...2, args: [.any, .any], result: .number,
                         summary: "jaccard(a, b): shared items / all items of two lists (as sets); null when both are empty") { _, a, _ in
            guard case .list(let x) = a[0], case .list(let y) = a[1] else { return .null }
            let sx = Set(x.filter { !$0.isNull }.map(ValueOrder.key)), sy = Set(y.filter { !$0.isNull }.map(ValueOrder.key))
            let union = sx.union(sy).count
            return union == 0 ? .null : .number(Double(sx.intersection(sy).count) / Double(union))
        })
        b.append(Builtin(name: "intersect", arity: 2...2, args: [.any, .any], result: .list,
                         summary: "intersect(a, b): the distinct items of list a that are also in list b, in a's order") { _, a, _ in
            guard case .list(let x) = a[0], case .list(let y) = a[1] else { return .null }
            let sy = Set(y.map(ValueOrder.key))
            var seen = Set<Value>()
            return .list(x.filter { !$0.isNull && sy.contains(ValueOrder.key($0)) && seen.insert(ValueOrder.key($0)).inserted })
        })
        return b
    }
}
