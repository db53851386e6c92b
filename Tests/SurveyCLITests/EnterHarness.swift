import Foundation

/// A scratch folder in which `survey enter` runs, with its input given as text (a pipe).
///
/// Kept apart from the other CLI test helpers so the entry tests can change on their own.
struct EnterWorkdir {
    /// The run's current directory.
    let url: URL

    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$SURVEY_BIN`, else the `survey` built beside this test bundle, else `.build/debug/survey`.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["SURVEY_BIN"], !path.isEmpty { return path }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("survey"))
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("survey"))
        candidates.append(repoRoot.appendingPathComponent(".build/debug/survey"))
        return (candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!).path
    }()

    /// `Tests/Fixtures/feedback.yaml`: one question of every kind.
    static let feedback = repoRoot.appendingPathComponent("Tests/Fixtures/feedback.yaml").path
    /// The bundled seminar questionnaire (13 questions, English and Russian).
    static let seminar = repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml").path

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("survey-enter-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func text(_ name: String) -> String? {
        FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ name: String, _ text: String) throws {
        let target = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }

    /// Runs `survey ARGUMENTS…` with `input` as standard input (a pipe: one answer per line).
    func run(_ arguments: [String], input: String) throws -> EnterResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: EnterWorkdir.binary)
        process.arguments = arguments
        process.currentDirectoryURL = url
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let files = (input: url.appendingPathComponent(".stdin"), out: url.appendingPathComponent(".stdout"), err: url.appendingPathComponent(".stderr"))
        try Data(input.utf8).write(to: files.input)
        FileManager.default.createFile(atPath: files.out.path, contents: nil)
        FileManager.default.createFile(atPath: files.err.path, contents: nil)
        let handles = (input: try FileHandle(forReadingFrom: files.input), out: try FileHandle(forWritingTo: files.out), err: try FileHandle(forWritingTo: files.err))
        process.standardInput = handles.input
        process.standardOutput = handles.out
        process.standardError = handles.err
        try process.run()
        process.waitUntilExit()
        for handle in [handles.input, handles.out, handles.err] { try handle.close() }
        defer {
            for file in [files.input, files.out, files.err] { try? FileManager.default.removeItem(at: file) }
        }
        return EnterResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: files.out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: files.err), as: UTF8.self))
    }
}

/// What one run did.
struct EnterResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// A pseudo-terminal for the real binary: a private tmux server, 80×24, driven with
/// `send-keys` and read with `capture-pane`. Panes stay after their program exits (and
/// the program's shell waits two seconds more), so the last screen can still be read.
final class EnterTmux {
    /// Whether tmux can be run here; tests that need it are skipped otherwise.
    static let isAvailable: Bool = {
        (try? EnterTmux.tmux(["-V"], socket: nil).status) == 0
    }()

    /// The server's socket, inside the work folder so it goes when the folder does.
    let socket: String
    let workdir: EnterWorkdir

    init(workdir: EnterWorkdir) {
        self.workdir = workdir
        socket = workdir.path(".tmux-\(UUID().uuidString.prefix(8))")
    }

    deinit {
        _ = try? EnterTmux.tmux(["kill-server"], socket: socket)
    }

    /// Starts `survey ARGUMENTS…` in the work folder in a new window (80×24 unless told); its pid goes to `.pid`.
    func start(_ arguments: [String], environment: [String: String] = ["NO_COLOR": "1"], width: Int = 80, height: Int = 24) throws {
        try Data("set -g remain-on-exit on\nset -g history-limit 5000\n".utf8).write(to: workdir.url.appendingPathComponent(".tmux.conf"))
        let settings = environment.map { "\($0.key)=\(EnterTmux.quote($0.value))" }.joined(separator: " ")
        let program = "echo $$ > .pid && exec env -u NO_COLOR TERM=xterm \(settings) "
            + ([EnterWorkdir.binary] + arguments).map(EnterTmux.quote).joined(separator: " ")
        // tmux drops what a pane's program wrote last when the program is gone before tmux has
        // read it (a busy CI machine lost the closing summary that way): the program runs under
        // a shell that stays a moment after it ends. `.pid` is the program's own pid.
        let command = "cd \(EnterTmux.quote(workdir.url.path)) && sh -c \(EnterTmux.quote(program)); sleep 2"
        let started = try EnterTmux.tmux(["-f", workdir.path(".tmux.conf"), "new-session", "-d", "-x", String(width), "-y", String(height), "sh", "-c", command], socket: socket)
        guard started.status == 0 else { throw EnterTmuxError.failed("tmux new-session: \(started.output)") }
    }

    /// Types `text` (literally) and presses Enter.
    func type(_ text: String) throws {
        if !text.isEmpty { _ = try EnterTmux.tmux(["send-keys", "-t", "0", "-l", text], socket: socket) }
        _ = try EnterTmux.tmux(["send-keys", "-t", "0", "Enter"], socket: socket)
    }

    /// Presses keys by tmux name (`BSpace`, `Left`, `C-d`).
    func press(_ keys: String...) throws {
        _ = try EnterTmux.tmux(["send-keys", "-t", "0"] + keys, socket: socket)
    }

    /// The screen (and the lines scrolled above it), as text.
    func screen(colors: Bool = false) throws -> String {
        try EnterTmux.tmux(["capture-pane", "-p", "-t", "0", "-S", "-2000"] + (colors ? ["-e"] : []), socket: socket).output
    }

    /// Only what is on the 24 visible lines.
    func visible() throws -> [String] {
        try EnterTmux.tmux(["capture-pane", "-p", "-t", "0"], socket: socket).output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Waits until the screen holds `text` (10 s at most); returns the screen, or throws with it.
    /// Trailing spaces are ignored: capture-pane drops them (`respondent [1]> `).
    @discardableResult
    func wait(for text: String, timeout: TimeInterval = 10) throws -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = try self.screen()
            if screen.contains(text) { return screen }
            usleep(50_000)
        } while Date() < deadline
        throw EnterTmuxError.timeout(waitingFor: text, screen: screen)
    }

    /// The pid of the `survey` process in the pane.
    func pid() throws -> Int32 {
        let text = workdir.text(".pid")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard let pid = Int32(text) else { throw EnterTmuxError.failed("no pid in .pid: \(text)") }
        return pid
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs a tmux client and waits for it with `posix_spawn` and `waitpid`. Not `Process`:
    /// Foundation notices a child's end when a descriptor the child inherited closes, and the
    /// tmux server the first client forks keeps it open, so `waitUntilExit` would never return.
    @discardableResult
    static func tmux(_ arguments: [String], socket: String?) throws -> (status: Int32, output: String) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("survey-enter-tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let argv = ["tmux"] + (socket.map { ["-S", $0] } ?? []) + arguments
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }.map { "\($0.key)=\($0.value)" }
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = environment.map { strdup($0) } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        let spawned = withCleanSignals { posix_spawnp(&pid, "tmux", &actions, &$0, &cArguments, &cEnvironment) }
        guard spawned == 0 else { throw EnterTmuxError.failed("cannot run tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let text = FileManager.default.contents(atPath: output).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (exitStatus, text)
    }
}

enum EnterTmuxError: Error, CustomStringConvertible {
    case failed(String)
    case timeout(waitingFor: String, screen: String)

    var description: String {
        switch self {
        case .failed(let why): return why
        case .timeout(let text, let screen): return "timed out waiting for \"\(text)\"; the screen was:\n\(screen)"
        }
    }
}
