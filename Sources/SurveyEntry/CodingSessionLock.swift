import Foundation
import SurveyImport

/// Marks a codes file as being coded into by one `survey code` session, for as long as the
/// session runs, so a second session on the same file is refused at its start.
///
/// Not the `flock` the journal takes for each save (`ResponseFileLock`): that one is held for
/// milliseconds, and `survey stats` or `survey report` may read the codes file while someone
/// codes. This is an open-file-description lock (`F_OFD_SETLK`) on one byte far past the end
/// of the file: Linux keeps it apart from `flock` locks, it is not dropped when the journal
/// closes its own descriptors (a classic `fcntl` lock would be), and the kernel releases it
/// when the process ends, however it ends. Elsewhere a classic `fcntl` lock on a descriptor
/// kept open is the closest equivalent.
final class CodingSessionLock {
    private var descriptor: Int32 = -1

    /// The byte locked: far past any real codes file, so it never covers data.
    private static let offset: off_t = 0x3FFF_FFFF_FFFF_FF00

    /// Takes the session lock on `path` (which must exist); throws `codesFileInUse` when
    /// another session holds it.
    init(path: String) throws(EntryError) {
        let opened: Int32?
        do throws(ImportError) {
            opened = try RegularFile.open(path, O_RDWR)
        } catch {
            throw EntryError(error)
        }
        guard let opened else { throw .unreadable(path: path, reason: "the file disappeared as the session started") }
        var request = flock()
        request.l_type = Int16(F_WRLCK)
        request.l_whence = Int16(SEEK_SET)
        request.l_start = CodingSessionLock.offset
        request.l_len = 1
        request.l_pid = 0
        #if os(Linux)
        let command: Int32 = 37  // F_OFD_SETLK, which Glibc's Swift module does not export
        #else
        let command = F_SETLK
        #endif
        guard fcntl(opened, command, &request) == 0 else {
            let reason = errno
            close(opened)
            if reason == EAGAIN || reason == EACCES {
                throw .codesFileInUse(path: path, holder: CodingSessionLock.holder(of: path))
            }
            throw .writeFailed(path: path, reason: "cannot lock: \(String(cString: strerror(reason)))")
        }
        descriptor = opened
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }  // closing the last descriptor releases the lock
    }

    /// Ends the session's hold before the process ends.
    func release() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// `survey code, pid 4242`, when `/proc` shows which process holds the lock: the kernel lists
    /// open-file-description locks without a pid, so each process's `fdinfo` is searched.
    static func holder(of path: String) -> String? {
        guard let identity = RegularFile.identity(of: path),
              let processes = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        let me = getpid()
        let suffix = ":\(identity.inode) \(offset) \(offset)"
        for name in processes {
            guard let pid = Int32(name), pid != me,
                  let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(name)/fdinfo") else { continue }
            for descriptor in descriptors {
                guard let info = try? String(contentsOfFile: "/proc/\(name)/fdinfo/\(descriptor)", encoding: .utf8),
                      info.split(separator: "\n").contains(where: { $0.hasPrefix("lock:") && $0.contains("OFDLCK") && $0.hasSuffix(suffix) }) else { continue }
                let command = (try? String(contentsOfFile: "/proc/\(name)/cmdline", encoding: .utf8))
                    .map { $0.split(separator: "\0").prefix(2).map { URL(fileURLWithPath: String($0)).lastPathComponent == "survey" ? "survey" : String($0) } }
                return "\(command?.joined(separator: " ") ?? "a process"), pid \(pid)"
            }
        }
        return nil
    }
}
