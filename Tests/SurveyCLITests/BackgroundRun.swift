import Foundation

/// A `survey` process started without waiting for it, so several can run at once, be
/// killed halfway, or be given a deadline (a command that hangs fails the test instead of
/// hanging it). Started with `posix_spawn`; its peak memory is read from `/proc/PID/status`
/// while it runs (`wait4`'s figure would include this test process: a spawned child starts
/// in its parent's memory).
final class BackgroundRun {
    let pid: pid_t
    private let root: URL
    private var finished: Finished?
    private var peak = 0

    /// How the process ended.
    struct Finished: CustomStringConvertible {
        /// The exit code, or 128 + signal.
        var status: Int32
        var stdout: String
        var stderr: String
        /// Peak resident memory in bytes (VmHWM), as last seen while it ran; 0 when unknown.
        var maxRSS: Int
        /// Whether it was killed for passing its deadline.
        var timedOut: Bool

        var description: String { "exit \(status)\(timedOut ? " (killed: deadline passed)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
    }

    /// Starts `survey ARGUMENTS…` in `directory` with `input` on stdin (a file: a pipe-like
    /// non-terminal input) and `environment` added to this process's environment.
    init(in directory: URL, _ arguments: [String], input: String = "", environment: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("survey-background-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(input.utf8).write(to: root.appendingPathComponent("stdin"))
        var settings = ProcessInfo.processInfo.environment
        settings["NO_COLOR"] = "1"
        settings["COLUMNS"] = "200"
        for (key, value) in environment { settings[key] = value }
        let command = "cd \(BackgroundRun.quote(directory.path)) && exec " + ([Workdir.binary.path] + arguments).map(BackgroundRun.quote).joined(separator: " ")
        let argv = ["/bin/sh", "-c", command]
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = settings.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, root.appendingPathComponent("stdin").path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, root.appendingPathComponent("stdout").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, root.appendingPathComponent("stderr").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var child: pid_t = 0
        let spawned = withCleanSignals { posix_spawn(&child, "/bin/sh", &actions, &$0, &cArguments, &cEnvironment) }
        guard spawned == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(spawned))]) }
        pid = child
    }

    deinit {
        if finished == nil {
            kill(pid, SIGKILL)
            _ = wait(timeout: 10)
        }
        try? FileManager.default.removeItem(at: root)
    }

    /// What the process has written to stderr so far.
    var stderrSoFar: String {
        (FileManager.default.contents(atPath: root.appendingPathComponent("stderr").path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Waits until stderr holds `text`; false when the process ended or the deadline passed first.
    func waitForStderr(_ text: String, timeout: TimeInterval = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderrSoFar.contains(text) { return true }
            if finished != nil || reap(blocking: false) { return stderrSoFar.contains(text) }
            usleep(20_000)
        }
        return false
    }

    /// Waits for the end; past `timeout` the process is killed and the result says so.
    @discardableResult
    func wait(timeout: TimeInterval = 120) -> Finished {
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while finished == nil, !reap(blocking: false) {
            sampleMemory()
            if Date() > deadline, !timedOut {
                kill(pid, SIGKILL)
                timedOut = true
            }
            usleep(2_000)
        }
        finished!.timedOut = timedOut
        return finished!
    }

    /// kill -9.
    func kill9() {
        kill(pid, SIGKILL)
    }

    private func reap(blocking: Bool) -> Bool {
        var status: Int32 = 0
        var usage = rusage()
        let result = wait4(pid, &status, blocking ? 0 : WNOHANG, &usage)
        guard result == pid else { return false }
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let read = { (name: String) in
            FileManager.default.contents(atPath: self.root.appendingPathComponent(name).path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        finished = Finished(status: code, stdout: read("stdout"), stderr: read("stderr"), maxRSS: peak, timedOut: false)
        return true
    }

    /// Reads the process's memory high-water mark, once it runs `survey` (before the exec it
    /// still shares this test process's memory).
    private func sampleMemory() {
        guard let command = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8), command.hasPrefix("survey"),
              let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }) else { return }
        peak = max(peak, kilobytes * 1024)
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
