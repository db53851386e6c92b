import Foundation

/// What an interrupted run leaves beside the report: `.NAME.tmp-PID-…` (a new report being
/// built, or the old one after the swap) and `.NAME.old-PID-…` (the old one, where the swap
/// takes two renames). The next run removes them, but only when they are provably its own:
/// the process that made them has ended, and they are empty or a marked report with nothing
/// foreign inside. Anything else is left alone and named in a note.
enum ReportLeftovers {
    /// The temporary folders this process is using right now: a library user may write two
    /// reports at once, and one must not clean up the other's work in progress.
    static let inUse = FoldersInUse()

    /// Cleans the leftovers beside `target`; returns notes about the ones left alone.
    static func clean(beside target: ReportTarget) -> [String] {
        guard let entries = try? FolderCalls.entries(of: target.parent) else { return [] }
        var notes: [String] = []
        for entry in entries where entry.isExactName {
            // Our own id can only be a dead namesake's (a container's pid 1): this run has made nothing yet.
            guard let pid = processID(in: entry.name, target: target.name), pid == getpid() || !isRunning(pid) else { continue }
            let path = target.parent + "/" + entry.name
            guard !inUse.contains(path), case .folder = FileStatus(path), let contents = try? FolderContents.inspect(path) else { continue }
            let shown = target.shown(sibling: entry.name)
            if !contents.isOurs {
                notes.append("note: left \(shown) alone: it holds files survey did not write (\(ReportError.Refusal.list(contents.foreign, count: contents.foreign.count))); remove it yourself when you no longer need it.")
            } else if !contents.remove(path) {
                notes.append("note: could not remove \(shown), left over from an interrupted report; remove it yourself.")
            }
        }
        return notes
    }

    /// The process id in `.NAME.tmp-PID`, `.NAME.tmp-PID-RANDOM`, `.NAME.old-…`; nil for any other name.
    static func processID(in entry: String, target name: String) -> pid_t? {
        for kind in ["tmp", "old"] {
            let prefix = ".\(name).\(kind)-"
            guard entry.hasPrefix(prefix) else { continue }
            let rest = entry.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            let after = rest.dropFirst(digits.count)
            guard !digits.isEmpty, after.isEmpty || after.hasPrefix("-"), let pid = pid_t(digits), pid > 0 else { return nil }
            return pid
        }
        return nil
    }

    /// Whether a process with this id exists (EPERM: it does, but belongs to someone else).
    /// A dead run's id taken by an unrelated process only delays the clean-up to a later run.
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

/// A set of paths shared between threads.
final class FoldersInUse: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []

    func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }
    func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
}
