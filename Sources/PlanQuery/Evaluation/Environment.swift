/// Names a session has bound: tables (`let t = …`), scalars (`let $x = …`), functions and modules.
struct Environment {
    var tables: [String: Table] = [:]
    var scalars: [String: Value] = [:]
    var defs: [String: FunctionDef] = [:]
    var modules: [String: [String: FunctionDef]] = [:]
}
