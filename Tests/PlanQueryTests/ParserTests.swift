import Testing
import PlanCorpus
@testable import PlanQuery

/// Parses source and prints the AST as an S-expression, or the error as `code: message @ marked-text`.
func parseToSExpr(_ text: String) -> String {
    switch Parser.parse(SourceText(name: "<test>", text: text)) {
    case .success(let p): return ASTPrinter.print(p)
    case .failure(let d): return "error " + describe(d)
    }
}

/// `code: message @ «text under the caret»`.
func describe(_ d: Diagnostic) -> String {
    var marked = ""
    if let s = d.span {
        let bytes = Array(s.source.text.utf8)
        let r = s.range.clamped(to: 0..<bytes.count)
        marked = " @ «" + String(decoding: bytes[r], as: UTF8.self) + "»"
    }
    return "\(d.code): \(d.message)\(marked)"
}

@Suite struct ParserTests {
    static let valid: [(String, String)] = [
        // sources and simple stages
        ("docs", "docs"),
        ("docs | take 3", "(| docs (take 3))"),
        ("targets | where domain == \"托育\"", "(| targets (where (== domain \"托育\")))"),
        ("targets | where year >= 2025年", "(| targets (where (>= year 2025年)))"),
        ("targets | where value > 85%", "(| targets (where (> value 85%)))"),
        ("targets | where value == 4.5个", "(| targets (where (== value 4.5个)))"),
        ("targets | where value >= 3万人", "(| targets (where (>= value 30000人)))"),
        ("targets | where value == 1.2亿元", "(| targets (where (== value 1.2亿元)))"),
        ("targets | where value == 3万", "(| targets (where (== value 30000)))"),
        ("targets | where value < 2.5", "(| targets (where (< value 2.5)))"),
        ("targets | where value != -3", "(| targets (where (!= value -3)))"),
        ("targets | where value == -5%", "(| targets (where (== value -5%)))"),
        ("targets | where x == 1_000", "(| targets (where (== x 1000)))"),
        ("targets | where value > 85％", "(| targets (where (> value 85%)))"),
        ("targets | where hedge == null", "(| targets (where (== hedge null)))"),
        ("targets | where binding == true", "(| targets (where (== binding true)))"),
        ("targets | where is_template == false", "(| targets (where (== is_template false)))"),
        ("targets | where indicator ~ r\"托位|托育\"", "(| targets (where (~ indicator r\"托位|托育\")))"),
        ("targets | where indicator ~ r\"\\d+\"", "(| targets (where (~ indicator r\"\\d+\")))"),
        ("targets | where text contains \"托位\"", "(| targets (where (contains text \"托位\")))"),
        ("targets | where province in [\"山东省\", \"宁夏回族自治区\"]", "(| targets (where (in province [\"山东省\" \"宁夏回族自治区\"])))"),
        ("targets | where province not in [\"a\"]", "(| targets (where (not (in province [\"a\"]))))"),
        ("targets | where not (a == 1)", "(| targets (where (not (== a 1))))"),
        ("targets | where a == 1 and b == 2 or c == 3", "(| targets (where (or (and (== a 1) (== b 2)) (== c 3))))"),
        ("targets | where a == 1 or b == 2 and c == 3", "(| targets (where (or (== a 1) (and (== b 2) (== c 3)))))"),
        ("targets | where (value ?? 0) > 5", "(| targets (where (> (?? value 0) 5)))"),
        ("targets | where value ?? 0 > 5", "(| targets (where (> (?? value 0) 5)))"),
        ("targets | where a ?? b ?? 0 == 1", "(| targets (where (== (?? a (?? b 0)) 1)))"),
        ("targets | derive v = value * 2 + 1", "(| targets (derive (= v (+ (* value 2) 1))))"),
        ("targets | derive v = value * (2 + 1)", "(| targets (derive (= v (* value (+ 2 1)))))"),
        ("targets | derive v = -value", "(| targets (derive (= v (neg value))))"),
        ("targets | derive v = a - b - c", "(| targets (derive (= v (- (- a b) c))))"),
        ("targets | derive v = a / b * c", "(| targets (derive (= v (* (/ a b) c))))"),
        ("targets | derive v = value / $base", "(| targets (derive (= v (/ value $base))))"),
        ("targets | derive a = 1, b = \"x\"", "(| targets (derive (= a 1) (= b \"x\")))"),
        ("targets | derive p = province_of(region)", "(| targets (derive (= p (province_of region))))"),
        ("targets | derive s = substr(text, 0, 5)", "(| targets (derive (= s (substr text 0 5))))"),
        ("targets | derive s = coalesce(a, b, \"-\")", "(| targets (derive (= s (coalesce a b \"-\"))))"),
        ("targets | derive s = round(value, 2)", "(| targets (derive (= s (round value 2))))"),
        ("targets | derive e = []", "(| targets (derive (= e [])))"),
        ("targets | derive e = [1, 2,]", "(| targets (derive (= e [1 2])))"),
        ("targets | derive `2025` = 1", "(| targets (derive (= 2025 1)))"),
        // select, drop, sort, take, distinct
        ("targets | select region, indicator, value, unit", "(| targets (select region indicator value unit))"),
        ("targets | select region, v = value", "(| targets (select region (= v value)))"),
        ("targets | select len(text)", "(| targets (select (len text)))"),
        ("targets | drop text, line", "(| targets (drop text line))"),
        ("targets | sort region", "(| targets (sort region))"),
        ("targets | sort -value", "(| targets (sort (desc value)))"),
        ("targets | sort region, -value, year", "(| targets (sort region (desc value) year))"),
        ("targets | sort -len(text)", "(| targets (sort (desc (len text))))"),
        ("targets | take $n", "(| targets (take $n))"),
        ("targets | distinct", "(| targets (distinct))"),
        ("targets | distinct region, unit", "(| targets (distinct region unit))"),
        // summarize
        ("targets | summarize n = count()", "(| targets (summarize (= n (count))))"),
        ("targets | summarize n = count() by region", "(| targets (summarize (= n (count)) (by region)))"),
        ("targets | summarize n = count(), avg_v = avg(value) by region, unit",
         "(| targets (summarize (= n (count)) (= avg_v (avg value)) (by region unit)))"),
        ("targets | summarize count() by region", "(| targets (summarize (count) (by region)))"),
        ("targets | summarize by region, unit", "(| targets (summarize (by region unit)))"),
        ("targets | summarize r = sum(value) / count()", "(| targets (summarize (= r (/ (sum value) (count)))))"),
        ("targets | summarize ds = count_distinct(doc), m = median(value), l = list(unit), lo = min(value), hi = max(value)",
         "(| targets (summarize (= ds (count_distinct doc)) (= m (median value)) (= l (list unit)) (= lo (min value)) (= hi (max value))))"),
        // join, pivot
        ("sentences | join docs on doc", "(| sentences (join docs (on doc)))"),
        ("sentences | join left docs on doc", "(| sentences (join-left docs (on doc)))"),
        ("a | join b on x, y", "(| a (join b (on x y)))"),
        ("a | join (b | where k > 1) on x", "(| a (join (| b (where (> k 1))) (on x)))"),
        ("t | pivot year using max(value) by region", "(| t (pivot year (max value) (by region)))"),
        ("t | pivot unit using count() by region, doc", "(| t (pivot unit (count) (by region doc)))"),
        // text stages
        ("sentences | search \"托位\"", "(| sentences (search \"托位\"))"),
        ("sentences | search r\"普惠(性)?托育\"", "(| sentences (search r\"普惠(性)?托育\"))"),
        ("sentences | kwic \"托位\" window 12 | sort right", "(| sentences (kwic \"托位\" (window 12)) (sort right))"),
        ("sentences | kwic \"托位\"", "(| sentences (kwic \"托位\"))"),
        ("sentences | ngrams 2", "(| sentences (ngrams 2))"),
        ("search \"托位\"", "(| sentences (search \"托位\"))"),
        ("kwic r\"托位\" window 5 | sort left", "(| sentences (kwic r\"托位\" (window 5)) (sort left))"),
        ("targets | show", "(| targets (show))"),
        ("docs | count", "(| docs (count))"),
        ("t | chart bar", "(| t (chart bar))"),
        ("t | chart line", "(| t (chart line))"),
        ("t | save \"out.csv\"", "(| t (save \"out.csv\"))"),
        // calls
        ("targets | per_base(\"千人\")", "(| targets (call per_base \"千人\"))"),
        ("targets | compare.across_regions(r\"托位\")", "(| targets (call compare.across_regions r\"托位\"))"),
        ("targets | f()", "(| targets (call f))"),
        ("targets | f", "(| targets (call f))"),
        ("targets | f | take 1", "(| targets (call f) (take 1))"),
        // statements
        ("let childcare = targets | where indicator ~ r\"托位|托育\"", "(let childcare (| targets (where (~ indicator r\"托位|托育\"))))"),
        ("let $base = 1000", "(let $base 1000)"),
        ("let $p = \"千人\"", "(let $p \"千人\")"),
        ("let $y = 2025年 + 1", "(let $y (+ 2025年 1))"),
        ("def per_base(t, $per: text) = t | where per == $per", "(def per_base (t $per:text) (| t (where (== per $per))))"),
        ("def f(t, $n: int = 3) = t | take $n", "(def f (t $n:int=3) (| t (take $n)))"),
        ("def f(t) = t", "(def f (t) t)"),
        ("def g(t, $a, $b = \"x\") = t", "(def g (t $a $b=\"x\") t)"),
        ("use compare", "(use compare)"),
        // lines and comments
        ("targets # all of them", "targets"),
        ("# only a comment", ""),
        ("", ""),
        ("\n\n  \n", ""),
        ("targets |\n  take 2", "(| targets (take 2))"),
        ("targets\n| take 2\n| count", "(| targets (take 2) (count))"),
        ("targets\n\n| take 2", "(| targets (take 2))"),
        ("targets | select a,\n  b", "(| targets (select a b))"),
        ("targets | where a ==\n 1", "(| targets (where (== a 1)))"),
        ("targets | where a == 1 and\n b == 2", "(| targets (where (and (== a 1) (== b 2))))"),
        ("targets | where a in [\n 1,\n 2\n]", "(| targets (where (in a [1 2])))"),
        ("targets | derive x = f(\n a,\n b)", "(| targets (derive (= x (f a b))))"),
        ("let x = targets\nx | take 1", "(let x targets)\n(| x (take 1))"),
        ("use compare\ntargets | compare.across_regions(\"x\")", "(use compare)\n(| targets (call compare.across_regions \"x\"))"),
        ("docs; sections", "docs\nsections"),
        ("targets | where t == \"a\\\"b\"", "(| targets (where (== t \"a\"b\")))"),
        ("targets | where t == \"line\\nbreak\"", "(| targets (where (== t \"line\nbreak\")))"),
        ("targets | where region == \"包头市\"　| take 1", "(| targets (where (== region \"包头市\")) (take 1))"),
        ("t | where 指标 == 1", "(| t (where (== 指标 1)))"),
    ]

    @Test(arguments: valid)
    func parses(_ source: String, _ expected: String) {
        #expect(parseToSExpr(source) == expected)
    }

    static let invalid: [(String, String)] = [
        ("targets | where a && b", "error foreign-operator: '&&' is not a planq operator @ «&&»"),
        ("targets | where a || b", "error foreign-operator: '||' is not a planq operator @ «||»"),
        ("targets | where a <> b", "error foreign-operator: '<>' is not a planq operator @ «<>»"),
        ("targets | where !a", "error foreign-operator: '!' is not a planq operator @ «!»"),
        ("targets | where a = 1", "error syntax: expected '|' or the end of the statement, found '=' @ «=»"),
        ("targets | filter a > 1", "error unknown-stage: unknown stage 'filter' @ «filter»"),
        ("targets | limit 10", "error unknown-stage: unknown stage 'limit' @ «limit»"),
        ("targets | head 10", "error unknown-stage: unknown stage 'head' @ «head»"),
        ("targets | order by region", "error unknown-stage: unknown stage 'order' @ «order»"),
        ("targets | group by region", "error unknown-stage: unknown stage 'group' @ «group»"),
        ("targets | wher a > 1", "error unknown-stage: unknown stage 'wher' @ «wher»"),
        ("targets | where region == \"包头", "error unterminated-string: unterminated string @ «\"»"),
        ("targets | where x ~ r\"abc", "error unterminated-string: unterminated regex @ «r\"»"),
        ("targets | where (a == 1", "error syntax: expected ')' to close '(', found end of input @ «»"),
        ("targets | summarize", "error syntax: expected a value, column or expression, found end of input @ «»"),
        ("targets | summarize by", "error syntax: expected a column to group by, found end of input @ «»"),
        ("targets | where a == ", "error syntax: expected a value, column or expression, found end of input @ «»"),
        ("targets |", "error syntax: expected a stage after '|', found end of input @ «»"),
        ("targets | | take 1", "error syntax: expected a stage after '|', found '|' @ «|»"),
        ("| take 1", "error syntax: expected a table name to start the pipeline, found '|' @ «|»"),
        ("where a > 1", "error syntax: a pipeline starts with a table, not the stage 'where' @ «where»"),
        ("search x", "error syntax: a pipeline starts with a table, not the stage 'search' @ «search»"),
        ("targets | take", "error syntax: expected a value, column or expression, found end of input @ «»"),
        ("targets | select", "error syntax: expected a value, column or expression, found end of input @ «»"),
        ("targets | derive value * 2", "error syntax: expected `name = expression` @ «value * 2»"),
        ("targets | sort", "error syntax: expected a value, column or expression, found end of input @ «»"),
        ("targets | join docs", "error syntax: expected 'on' and the key columns, found end of input @ «»"),
        ("targets | pivot year max(value) by region", "error syntax: expected 'using' and an aggregate, found 'max' @ «max»"),
        ("targets | pivot year using max(value)", "error syntax: expected 'by' and the row keys, found end of input @ «»"),
        ("targets | chart pie", "error syntax: unknown chart kind 'pie' @ «pie»"),
        ("targets | chart", "error syntax: expected bar or line, found end of input @ «»"),
        ("def f(t, x) = targets", "error syntax: expected a parameter `$name`, found 'x' @ «x»"),
        ("def f(t, x) = t", "error syntax: expected a parameter `$name`, found 'x' @ «x»"),
        ("def f(t, $x: strng) = t", "error unknown-type: unknown type 'strng' @ «strng»"),
        ("def f(t) t", "error syntax: expected '=' before the function body, found 't' @ «t»"),
        ("let x targets", "error syntax: expected '=' after the name, found 'targets' @ «targets»"),
        ("let $x", "error syntax: expected '=' after the variable name, found end of input @ «»"),
        ("targets | where a == 1)", "error syntax: expected '|' or the end of the statement, found ')' @ «)»"),
        ("targets take 1", "error syntax: expected '|' or the end of the statement, found 'take' @ «take»"),
        ("targets | where x == “包头”", "error unexpected-character: unexpected character '“' @ «“»"),
        ("targets ｜ take 1", "error unexpected-character: unexpected character '｜' @ «｜»"),
        ("targets | where x == 'a'", "error unexpected-character: unexpected character ''' @ «'»"),
        ("targets | where $ > 1", "error bad-variable: expected a name after '$' @ «$»"),
        ("targets | where a == @", "error unexpected-character: unexpected character '@' @ «@»"),
        ("targets | derive `x = 1", "error unterminated-name: unterminated `name` @ «`»"),
        ("targets | compare.(1)", "error syntax: expected a function name after '.', found '(' @ «(»"),
        ("targets | where f(a", "error syntax: expected ')' to close the list, found end of input @ «»"),
        ("targets | where [1, 2", "error syntax: expected ']' to close the list, found end of input @ «»"),
    ]

    @Test(arguments: invalid)
    func rejects(_ source: String, _ expected: String) {
        #expect(parseToSExpr(source) == expected)
    }

    @Test func foreignWordsGetHelp() throws {
        for (word, planq) in [("filter", "where"), ("limit", "take"), ("head", "take"), ("group", "summarize … by"), ("order", "sort")] {
            guard case .failure(let d) = Parser.parse(SourceText(name: "q", text: "t | \(word) x")) else {
                Issue.record("\(word) parsed"); continue
            }
            #expect(d.help == "planq says '\(planq)'")
        }
        guard case .failure(let d) = Parser.parse(SourceText(name: "q", text: "t | where a && b")) else { Issue.record("parsed"); return }
        #expect(d.help == "use 'and'")
        guard case .failure(let e) = Parser.parse(SourceText(name: "q", text: "t | where a || b")) else { Issue.record("parsed"); return }
        #expect(e.help == "use 'or'")
        guard case .failure(let f) = Parser.parse(SourceText(name: "q", text: "t | wher a")) else { Issue.record("parsed"); return }
        #expect(f.help == "did you mean 'where'?")
    }

    @Test func spansAreUTF8RangesIntoTheSource() throws {
        let text = "targets | where 地区 == \"包头\" && x"
        guard case .failure(let d) = Parser.parse(SourceText(name: "q", text: text)) else { Issue.record("parsed"); return }
        let start = text.utf8.count - "&& x".utf8.count
        #expect(d.span?.range == start..<start + 2)
        let rendered = DiagnosticRenderer().render(d)
        // The caret sits under && after CJK text that is two columns wide per character.
        #expect(rendered.contains("\n  | " + String(repeating: " ", count: 31) + "^^\n"))
    }

    @Test func unterminatedStringIsReportedAtItsStart() {
        let text = "targets | where a == 1\n| where b == \"open\n| take 3"
        guard case .failure(let d) = Parser.parse(SourceText(name: "q", text: text)) else { Issue.record("parsed"); return }
        #expect(d.code == "unterminated-string")
        #expect(d.span?.source.location(ofOffset: d.span!.range.lowerBound).line == 2)
        #expect(d.span?.source.location(ofOffset: d.span!.range.lowerBound).column == 14)
    }

    @Test func quantitiesAndYearsLex() {
        var lexer = Lexer(SourceText(name: "q", text: "85% 4.5个 3万人 2025年 1.2亿元 20"))
        let kinds = lexer.tokenize().tokens.map(\.kind)
        #expect(kinds == [.quantity(85, unit: "%"), .quantity(4.5, unit: "个"), .quantity(30000, unit: "人"), .year(2025),
                          .quantity(1.2, unit: "亿元"), .number(20, isInteger: true), .end])
    }
}
