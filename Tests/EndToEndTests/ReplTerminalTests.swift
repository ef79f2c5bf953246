import Foundation
import Testing

/// Drives the real binary in a pseudo-terminal through tmux: type, recall, complete, cancel, quit, restart.
@Suite(.serialized, .enabled(if: PlanqBinary.available("tmux"), "tmux is not installed"))
struct ReplTerminalTests {
    let server = "planq-e2e-\(getpid())"
    let state = NSTemporaryDirectory() + "planq-e2e-state-\(UUID().uuidString)"

    /// Runs a tmux command with posix_spawn and waitpid (Foundation's Process can miss the exit of a
    /// client whose server it forked); only capture-pane's output is read.
    private func tmux(_ args: [String]) -> String {
        let argv = ["tmux", "-L", server] + args
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return "" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let capture = args.first == "capture-pane"
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            // A new tmux server inherits its client's descriptors; keep our pipe out of it.
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, cArgs, environ)
        close(fds[1])
        var data = Data()
        if spawned == 0 && capture {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buffer, buffer.count)
                if n <= 0 { break }
                data.append(contentsOf: buffer[0..<n])
            }
        }
        close(fds[0])
        if spawned == 0 {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func start() {
        let command = "env XDG_STATE_HOME=\(state) TERM=xterm LANG=C.UTF-8 PAGER=cat \(PlanqBinary.path) --corpus \(PlanqBinary.seedSamples)"
        _ = tmux(["new-session", "-d", "-s", "repl", "-x", "150", "-y", "50", command])
    }

    private func keys(_ k: String...) { _ = tmux(["send-keys", "-t", "repl"] + k) }
    private func type(_ text: String) { _ = tmux(["send-keys", "-t", "repl", "-l", text]) }
    private var screen: String { tmux(["capture-pane", "-t", "repl", "-p"]) }

    /// Polls the screen until a condition holds (or 15 s pass); returns the last screen.
    @discardableResult
    private func waitFor(_ what: String, _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(15)
        var last = ""
        while Date() < deadline {
            last = screen
            if condition(last) { return last }
            usleep(100_000)
        }
        Issue.record("timed out waiting for \(what); screen:\n\(last)")
        return last
    }

    private func occurrences(_ s: String, _ of: String) -> Int { s.components(separatedBy: of).count - 1 }

    @Test func aSessionAtTheKeyboard() throws {
        defer { _ = tmux(["kill-server"]) }
        start()
        waitFor("the prompt") { $0.contains("planq>") }

        // A Chinese query and its table.
        type(#"sentences | where text contains "托育" | select doc, line | take 2"#)
        keys("Enter")
        waitFor("the table") { $0.contains("(2 rows)") }

        // The up arrow recalls it; run it again.
        keys("Up")
        waitFor("the recalled line") { occurrences($0, #"contains "托育""#) == 2 }
        keys("Enter")
        waitFor("the second table") { occurrences($0, "(2 rows)") == 2 }

        // Tab completes a column of the table flowing at the cursor.
        keys("C-l")
        type("targets | select indi")
        keys("Tab")
        waitFor("the completed column") { $0.contains("targets | select indicator") }
        keys("C-u")

        // Ctrl-C cancels a long query and the session goes on.
        type("sentences | join sentences on doc | join sentences on doc | derive n = len(text) | sort -n, doc | count")
        keys("Enter")
        usleep(1_000_000)
        keys("C-c")
        waitFor("the cancellation") { $0.contains("cancelled") }
        type("docs | count")
        keys("Enter")
        waitFor("the next result") { $0.contains("(1 row)") }

        // Quit with Ctrl-D, start again, and find the history still there.
        keys("C-d")
        waitFor("the exit") { !$0.contains("planq> docs | count") || $0.isEmpty }
        _ = tmux(["kill-server"])
        start()
        waitFor("the prompt again") { $0.contains("planq>") }
        keys("Up")
        waitFor("history from the last session") { $0.contains("planq> docs | count") }
    }
}
