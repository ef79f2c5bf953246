import CEditLine
import Foundation
import PlanCorpus
#if canImport(Glibc)
import Glibc
#endif

/// What Tab offers at a cursor: the text to replace (its length in characters before the cursor) and candidates.
public struct Completion: Equatable, Sendable {
    public var replacing: Int
    public var candidates: [String]
    public init(replacing: Int, candidates: [String]) {
        self.replacing = replacing
        self.candidates = candidates
    }
}

/// Line editing through libedit: emacs keys, wide characters, history with Ctrl-R, Tab completion.
public final class EditLineEditor: LineEditor {
    private let el: OpaquePointer
    private let hist: OpaquePointer
    private var event = HistEvent()
    /// Called on Tab with the line and the cursor's UTF-8 offset.
    public var complete: ((String, Int) -> Completion)?

    nonisolated(unsafe) private static var promptText: UnsafeMutablePointer<CChar>? = strdup("")

    /// Sets a UTF-8 locale so libedit edits Chinese as characters, not bytes.
    public static func prepareLocale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        }
    }

    public init(program: String = "planq", history entries: [String] = []) {
        EditLineEditor.prepareLocale()
        el = el_init(program, stdin, stdout, stderr)
        hist = history_init()
        _ = planq_history_setsize(hist, &event, 2000)
        _ = planq_history_setunique(hist, &event, 1)
        for entry in entries { _ = planq_history_enter(hist, &event, entry) }
        _ = planq_el_set_editor(el, "emacs")
        _ = planq_el_set_history(el, hist)
        _ = planq_el_set_signal(el, 1)
        _ = planq_el_set_prompt(el) { _ in EditLineEditor.promptText }
        _ = planq_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        _ = planq_el_addfn(el, "planq-complete", "complete planq names") { el, _ in
            guard let el, let data = planq_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineEditor>.fromOpaque(data).takeUnretainedValue().handleTab()
        }
        _ = planq_el_bind(el, "^I", "planq-complete")
        _ = planq_el_bind(el, "^R", "em-inc-search-prev")
        _ = planq_el_source_default(el)
    }

    deinit {
        history_end(hist)
        el_end(el)
    }

    public func readLine(prompt: String) -> String? {
        free(EditLineEditor.promptText)
        EditLineEditor.promptText = strdup(prompt)
        var count: Int32 = 0
        guard let cLine = el_gets(el, &count), count > 0 else {
            return count < 0 && errno == EINTR ? "" : nil
        }
        var line = String(cString: cLine)
        if line.hasSuffix("\n") { line.removeLast() }
        return line
    }

    /// Adds a finished entry (possibly several lines) to the in-memory history for the up arrow.
    public func remember(_ entry: String) {
        _ = planq_history_enter(hist, &event, entry)
    }

    private func handleTab() -> UInt8 {
        guard let info = el_line(el)?.pointee, let complete else { return UInt8(CC_ERROR) }
        let before = UnsafeBufferPointer(start: UnsafeRawPointer(info.buffer).assumingMemoryBound(to: UInt8.self),
                                         count: info.cursor - info.buffer)
        let all = UnsafeBufferPointer(start: UnsafeRawPointer(info.buffer).assumingMemoryBound(to: UInt8.self),
                                      count: info.lastchar - info.buffer)
        let line = String(decoding: all, as: UTF8.self)
        let result = complete(line, before.count)
        guard !result.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let prefix = Completion.commonPrefix(result.candidates)
        let typed = String(String(decoding: before, as: UTF8.self).suffix(result.replacing))
        if result.candidates.count == 1 || prefix.count > typed.count {
            el_deletestr(el, Int32(result.replacing))
            let insert = result.candidates.count == 1 ? result.candidates[0] : prefix
            _ = el_insertstr(el, insert)
            return UInt8(CC_REFRESH)
        }
        // Several candidates and nothing more to insert: list them under the line.
        let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
        fputs("\n" + Completion.layout(result.candidates, width: width), stdout)
        fflush(stdout)
        return UInt8(CC_REDISPLAY)
    }
}

extension Completion {
    /// Longest common prefix of the candidates, in characters.
    static func commonPrefix(_ items: [String]) -> String {
        guard var prefix = items.first else { return "" }
        for item in items.dropFirst() {
            while !item.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// Candidates in columns, as shells list them.
    static func layout(_ items: [String], width: Int) -> String {
        let cell = (items.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let perLine = max(1, width / max(1, cell))
        var out = ""
        for (i, item) in items.enumerated() {
            out += item + String(repeating: " ", count: max(0, cell - DisplayWidth.of(item)))
            if (i + 1) % perLine == 0 { out += "\n" }
        }
        if !out.hasSuffix("\n") { out += "\n" }
        return out
    }
}
