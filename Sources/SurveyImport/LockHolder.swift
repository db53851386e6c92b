import Foundation

/// Who holds the `flock` on a file, so a waiting process can say whom it waits for.
///
/// Linux lists every lock in `/proc/locks` (`1: FLOCK  ADVISORY  WRITE 4242 00:2a:1234 0 EOF`);
/// the program is read from `/proc/PID/cmdline`. Elsewhere, or when the holder cannot be seen
/// (another container), the description is nil and the message says only that it waits.
struct LockHolder: Equatable {
    /// The holder's process id.
    var pid: Int32
    /// Its program name and first argument, e.g. `survey import`.
    var command: String?

    /// Whether the holder is a `survey` process.
    var isSurvey: Bool { command?.hasPrefix("survey") == true }

    /// The holder of a write `flock` on the file with this identity, other than this process.
    static func of(_ identity: FileIdentity) -> LockHolder? {
        guard let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        let me = getpid()
        for line in table.split(separator: "\n") {
            // Waiting requests are listed too, marked `->`.
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", fields[3] == "WRITE", let pid = Int32(fields[4]), pid != me else { continue }
            let file = fields[5].split(separator: ":")
            guard file.count == 3, UInt64(file[2]) == identity.inode else { continue }
            return LockHolder(pid: pid, command: command(of: pid))
        }
        return nil
    }

    /// `survey import` for `/usr/local/bin/survey import q.yaml …`.
    static func command(of pid: Int32) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return nil }
        let arguments = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard let program = arguments.first.map({ URL(fileURLWithPath: $0).lastPathComponent }), !program.isEmpty else { return nil }
        if program == "survey", arguments.count > 1 { return "survey \(arguments[1])" }
        return program
    }

    /// `another survey process writing f.csv (survey import, pid 4242)`.
    static func waitingMessage(for path: String, holder: LockHolder?) -> String {
        guard let holder else { return "waiting for another process writing \(path) to finish…" }
        let who = holder.isSurvey ? "another survey process" : "another process"
        return "waiting for \(who) writing \(path) (\(holder.command.map { "\($0), " } ?? "")pid \(holder.pid))…"
    }
}
