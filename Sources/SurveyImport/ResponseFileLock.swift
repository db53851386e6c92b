import Foundation

/// The one lock every `survey import --into F` and `survey enter --into F` takes before it
/// reads ids from or writes to F or its companions (`NAME.problems.csv`, `NAME.rejects.csv`,
/// `NAME.verification.csv`, `NAME.recovered.csv`).
///
/// It is an exclusive `flock` on F itself, not on a separate `F.lock` file: the lock then
/// follows the file whatever name reaches it (a symbolic link, a hard link, `./F`), leaves no
/// extra file in the folder, and is what `survey enter` already took, so older and newer
/// copies of the tool exclude each other. Writers change F only in place (append, truncate,
/// rewrite guarded by a rollback record), so F keeps its inode and the lock stays on the file
/// the path names; should something else replace F meanwhile (an editor, a copy), the lock
/// is taken again on the new file. A missing F is created with its header first (written
/// beside it, then linked into place, so a parallel creator never sees half a header).
///
/// Taking the lock also finishes what a killed holder left half done: a rollback record
/// beside F (`RollbackRecord`) is applied and reported through `notify`. A process that must
/// wait more than half a second says so once through `notify`, naming the holder when the
/// system shows it.
///
/// The lock is reentrant within one object (the outermost `hold` takes and releases it), so a
/// save can allocate a number, append the form and its problems under one hold. Two lock
/// objects on one file in one process exclude each other like two processes.
public final class ResponseFileLock {
    /// The responses file as named by the user.
    public let path: String
    /// Its header, for creating it.
    public let header: [String]
    /// Where messages go: waiting for the lock, interrupted changes undone.
    public var notify: (String) -> Void
    private var descriptor: Int32 = -1
    private var depth = 0
    /// The locked file, while the lock is held.
    public private(set) var identity: FileIdentity?
    /// `.NAME.csv.rollback` beside the real file (links resolved), while the lock is held.
    public private(set) var rollbackPath = ""

    public init(path: String, header: [String], notify: @escaping (String) -> Void = { _ in }) {
        self.path = path
        self.header = header
        self.notify = notify
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether this object holds the lock now.
    public var isHeld: Bool { depth > 0 }

    /// Runs `body` holding the lock, taking it first unless this object already holds it.
    /// Errors taking the lock are turned into the caller's error type by `convert`.
    public func hold<T, E: Error>(_ convert: (ImportError) -> E, _ body: () throws(E) -> T) throws(E) -> T {
        if depth == 0 {
            do {
                try acquire()
            } catch {
                throw convert(error)
            }
        }
        depth += 1
        defer {
            depth -= 1
            if depth == 0 { release() }
        }
        return try body()
    }

    /// Undoes what a killed holder left half done, when no live process holds the lock; a
    /// live holder is left alone to finish (or undo) its own change. For readers that look at
    /// F before they need the lock, so they never take a half-written batch for F's rows.
    public func finishInterruptedChangeIfUnheld() throws(ImportError) {
        guard depth == 0, FileManager.default.fileExists(atPath: ResponseFileLock.rollbackPath(for: path)),
              let opened = try RegularFile.open(path, O_RDWR) else { return }
        let free = flock(opened, LOCK_EX | LOCK_NB) == 0
        close(opened)  // releases the probe's lock before hold() takes its own
        if free { try hold({ $0 }) { () throws(ImportError) in } }
    }

    /// Records how to undo the change about to be made (the lock must be held).
    public func beginChange(_ record: RollbackRecord) throws(ImportError) {
        precondition(isHeld, "a change to \(path) outside its lock")
        try record.write(to: rollbackPath)
    }

    /// The change is synced: the rollback record goes.
    public func endChange() {
        RollbackRecord.remove(at: rollbackPath)
    }

    // MARK: Taking the lock

    private func acquire() throws(ImportError) {
        var waited = false
        while true {
            guard let opened = try RegularFile.open(path, O_RDWR) else {
                try create()
                continue
            }
            switch ResponseFileLock.tryLock(opened, for: ResponseFileLock.quietWait) {
            case .locked:
                break
            case .failed(let reason):
                close(opened)
                throw .writeFailed(path: path, reason: "cannot lock: \(reason)")
            case .busy:
                if !waited {
                    var status = stat()
                    let holder = fstat(opened, &status) == 0 ? LockHolder.of(FileIdentity(status)) : nil
                    notify(LockHolder.waitingMessage(for: path, holder: holder))
                    waited = true
                }
                while flock(opened, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        let reason = String(cString: strerror(errno))
                        close(opened)
                        throw .writeFailed(path: path, reason: "cannot lock: \(reason)")
                    }
                }
            }
            var locked = stat()
            var named = stat()
            // Replaced while this process waited: lock the file the path names now.
            guard fstat(opened, &locked) == 0, stat(path, &named) == 0, FileIdentity(locked) == FileIdentity(named) else {
                close(opened)
                continue
            }
            descriptor = opened
            identity = FileIdentity(locked)
            rollbackPath = ResponseFileLock.rollbackPath(for: path)
            ResponseFileLock.removeStaleStaging(beside: URL(fileURLWithPath: RegularFile.resolved(path)))
            do {
                try finishInterruptedChange()
            } catch {
                release()
                throw error
            }
            return
        }
    }

    /// `.NAME.csv.rollback` beside the real file (symbolic links resolved).
    static func rollbackPath(for path: String) -> String {
        let url = URL(fileURLWithPath: RegularFile.resolved(path))
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".rollback"
    }

    /// How long a process waits for the lock before saying that it waits: the saves of other
    /// operators take milliseconds and are not worth a message.
    static let quietWait: TimeInterval = 0.5

    private enum Attempt {
        case locked, busy, failed(String)
    }

    /// Tries the lock without blocking for up to `seconds`, every 5 ms.
    private static func tryLock(_ descriptor: Int32, for seconds: TimeInterval) -> Attempt {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return .locked }
            guard errno == EWOULDBLOCK || errno == EINTR else { return .failed(String(cString: strerror(errno))) }
            if Date() >= deadline { return .busy }
            usleep(5_000)
        }
    }

    private func release() {
        if descriptor >= 0 { close(descriptor) }  // closing releases the flock
        descriptor = -1
        identity = nil
    }

    /// Removes staging and temporary files beside the file left by processes that no longer
    /// run (`.NAME.csv.staged-PID-N`, `.NAME.csv.tmp-PID-N`): a killed import's rows that
    /// never reached the file.
    static func removeStaleStaging(beside file: URL) {
        let directory = file.deletingLastPathComponent().path
        let prefixes = [StagedRows.prefix(of: file.lastPathComponent), "." + file.lastPathComponent + ".tmp-"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }),
                  let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid > 0,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(directory + "/" + name)
        }
    }

    /// Applies a rollback record a killed holder left behind.
    private func finishInterruptedChange() throws(ImportError) {
        unlink(rollbackPath + ".tmp")  // a record whose writing was cut off: its change never began
        guard let record = RollbackRecord.read(at: rollbackPath) else {
            if FileManager.default.fileExists(atPath: rollbackPath) {
                notify("\(rollbackPath): not a rollback record survey can read; left in place. Move it away once \(path) is checked")
            }
            return
        }
        for note in try record.undo() { notify(note) }
        RollbackRecord.remove(at: rollbackPath)
    }

    /// Creates the file with its header: written beside it, synced, then linked into place.
    /// `link()` never replaces a file another process created meanwhile; `rename()` would.
    private func create() throws(ImportError) {
        try ResponseFileLock.create(path, header: header)
    }

    /// Creates `path` holding only `header`, the way `create()` does; a file that exists is left
    /// as it is. The files kept beside F (problems, verification) are created this way too.
    public static func create(_ path: String, header: [String]) throws(ImportError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: path, reason: "cannot create the folder \(directory)")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let created = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard created >= 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(CSVFormat.line(header).utf8)
        do {
            try RegularFile.write(created, bytes, at: 0, path: temporary)
            try RegularFile.sync(created, path: temporary)
        } catch {
            close(created)
            unlink(temporary)
            throw error
        }
        close(created)
        defer { unlink(temporary) }
        if link(temporary, path) != 0, errno != EEXIST {
            // A file system without hard links: create the file in place, still never over another.
            let direct = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if direct < 0 {
                guard errno == EEXIST else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
            } else {
                defer { close(direct) }
                try RegularFile.write(direct, bytes, at: 0, path: path)
                try RegularFile.sync(direct, path: path)
            }
        }
        RegularFile.syncDirectory(of: path)
    }
}
