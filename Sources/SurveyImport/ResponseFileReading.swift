import Foundation

/// How `survey stats` and `survey report` read a responses file that an import or the terminal
/// form may be writing at the same moment.
///
/// Writers append in place under the exclusive lock (`ResponseFileLock`), so a reader without
/// a lock could see half of an import's batch, or a batch that is about to be undone. A reader
/// therefore holds a shared `flock` on the file while it reads it: readers never wait for each
/// other, a writer waits until they are done, and they wait for a writer's append to finish.
/// When a killed writer left a rollback record, the reader first takes the exclusive lock,
/// which puts the file back as it was before the interrupted change, and says so.
public enum ResponseFileReading {
    /// Runs `body` while holding a shared lock on `path`. Anything that is not an existing
    /// regular file (a pipe, `/dev/stdin`, a missing file the reader will report) is read
    /// without a lock.
    public static func whileReading<T>(_ path: String, notify: @escaping (String) -> Void, _ body: () throws -> T) throws -> T {
        var status = stat()
        guard stat(path, &status) == 0, RegularFile.kind(of: status.st_mode) == nil else { return try body() }
        if FileManager.default.fileExists(atPath: ResponseFileLock.rollbackPath(for: path)) {
            // Only the exclusive lock may apply the record; the header is needed only to create a file.
            let repair = ResponseFileLock(path: path, header: [], notify: notify)
            try repair.hold({ $0 }) { () throws(ImportError) in }
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return try body() }  // unreadable: the reader says why
        defer { close(descriptor) }  // closing releases the lock
        if !takeShared(descriptor, waitingQuietly: ResponseFileLock.quietWait) {
            notify(LockHolder.waitingMessage(for: path, holder: LockHolder.of(FileIdentity(status))))
            while flock(descriptor, LOCK_SH) != 0 {
                guard errno == EINTR else { break }  // no lock to be had (e.g. NFS): read as before
            }
        }
        return try body()
    }

    /// Tries the shared lock without blocking for up to `seconds`; false when a writer still has it.
    private static func takeShared(_ descriptor: Int32, waitingQuietly seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if flock(descriptor, LOCK_SH | LOCK_NB) == 0 { return true }
            guard errno == EWOULDBLOCK || errno == EINTR else { return true }  // locks unsupported: read as before
            if Date() >= deadline { return false }
            usleep(5_000)
        }
    }
}
