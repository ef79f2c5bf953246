import Foundation
import PlanCorpus

/// Calls of `def` functions and loading of `use` modules.
extension Evaluator {
    /// Calls a def: as a stage (`t` is the piped table) or as a pipeline's source (`t` is nil).
    func call(module: String?, name: String, args: [Expr], _ piped: Table?, span: SourceSpan) throws -> Table {
        let t = piped ?? Table(columns: [])
        let def: FunctionDef
        if let module {
            guard let defs = env.modules[module] else {
                throw Diagnostic.error("unknown-module", "module '\(module)' is not loaded", span: span, help: "load it first: `use \(module)`")
            }
            guard let d = defs[name] else {
                throw Diagnostic.error("unknown-function", "module '\(module)' has no function '\(name)'", span: span,
                                       help: Suggest.didYouMean(name, among: Array(defs.keys)) ?? "it defines: " + defs.keys.sorted().joined(separator: ", "))
            }
            def = d
        } else if let d = env.defs[name] {
            def = d
        } else {
            var help = Parser.foreignWords[name].map { "planq says '\($0)'" }
            if help == nil { help = Suggest.didYouMean(name, among: Parser.stageKeywords + Array(env.defs.keys)) }
            if help == nil, EvaluationSupport.builtins[name] != nil || Aggregate(rawValue: name) != nil {
                help = "'\(name)' works on values: use it inside where/derive/select"
            }
            throw Diagnostic.error("unknown-stage", "unknown stage or function '\(name)'", span: span, help: help)
        }
        let qualified = (module.map { $0 + "." } ?? "") + name
        if piped == nil, let table = def.tableParameter {
            throw Diagnostic.error("needs-table", "\(qualified) needs a table piped into it", span: span,
                                   help: "pipe one in: `targets | \(qualified)(…)` (its table parameter is '\(table)')")
        }
        if piped != nil, def.tableParameter == nil {
            throw Diagnostic.error("not-a-stage", "\(qualified) takes no table: it starts a pipeline", span: span,
                                   help: "start with it: `\(qualified)(…) | …`")
        }
        guard args.count <= def.parameters.count else {
            throw Diagnostic.error("wrong-arity", "\(name) takes \(def.parameters.count) argument\(def.parameters.count == 1 ? "" : "s") after the piped table, got \(args.count)", span: span)
        }
        guard callDepth < Evaluator.maxCallDepth else {
            throw Diagnostic.error("recursion-limit", "calls nested more than \(Evaluator.maxCallDepth) deep (does '\(name)' call itself?)", span: span)
        }
        var scope = env
        if let module, let defs = env.modules[module] { for (k, v) in defs where scope.defs[k] == nil { scope.defs[k] = v } }
        for (i, p) in def.parameters.enumerated() {
            let value: Value
            if i < args.count {
                value = try scalar(args[i], t)
            } else if let d = p.defaultValue {
                value = try scalar(d, t)
            } else {
                throw Diagnostic.error("missing-argument", "\(name) needs a value for $\(p.name)", span: span)
            }
            if let type = p.type, !value.isNull, !ExpressionChecker.fits(value, type) {
                throw Diagnostic.error("type-mismatch", "$\(p.name) of \(name) must be \(type.rawValue), got \(ValueType.of(value).rawValue)",
                                       span: i < args.count ? args[i].span : span)
            }
            scope.scalars[p.name] = value
        }
        if let table = def.tableParameter { scope.tables[table] = t }
        let saved = env
        env = scope
        callCount += 1
        guard callCount <= Evaluator.maxCalls else {
            throw Diagnostic.error("recursion-limit", "more than \(Evaluator.maxCalls) function calls in one cell (does '\(name)' call itself?)", span: span)
        }
        callDepth += 1
        defer { env = saved; callDepth -= 1 }
        do {
            guard case .table(let out) = try pipeline(def.body) else {
                throw Diagnostic.error("not-a-table", "\(name) must give a table", span: span)
            }
            return out
        } catch var d as Diagnostic where d.code != "recursion-limit" && d.code != "cancelled" {
            if d.span?.source !== span.source { d.notes.append("in \(name), called at \(ExpressionChecker.location(span))") }
            throw d
        }
    }

    func useModule(_ name: Name) throws {
        if env.modules[name.name] != nil { return }
        guard !loading.contains(name.name) else {
            throw Diagnostic.error("module-cycle", "module '\(name.name)' uses itself", span: name.span)
        }
        guard let url = ModuleLocator(override: options.stdlibDirectory).url(for: name.name) else {
            throw Diagnostic.error("unknown-module", "no module '\(name.name)'", span: name.span,
                                   help: Suggest.didYouMean(name.name, among: ModuleLocator(override: options.stdlibDirectory).available())
                                     ?? "modules: " + ModuleLocator(override: options.stdlibDirectory).available().joined(separator: ", "))
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Diagnostic.error("unknown-module", "cannot read module '\(name.name)'", span: name.span)
        }
        let source = SourceText(name: "stdlib/\(name.name).pq", text: text)
        let program: Program
        switch Parser.parse(source) {
        case .success(let p): program = p
        case .failure(let d): throw d
        }
        let saved = env
        loading.insert(name.name)
        defer { loading.remove(name.name) }
        env = Environment(tables: [:], scalars: saved.scalars, defs: [:], modules: saved.modules)
        for s in program.statements {
            switch s {
            case .def, .use, .letScalar: _ = try run(s)
            default: break
            }
        }
        let defs = env.defs
        let modules = env.modules
        env = saved
        for (k, v) in modules where env.modules[k] == nil { env.modules[k] = v }
        env.modules[name.name] = defs
        for (k, v) in defs where env.defs[k] == nil { env.defs[k] = v }
    }
}
