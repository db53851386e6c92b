import Foundation
import SurveyModel

/// A failed system call on a path, with errno, so messages say "No space left on device"
/// rather than Foundation's "The operation could not be completed".
struct SystemCallError: Error {
    let path: String
    let code: Int32

    init(_ path: String, _ code: Int32 = errno) {
        self.path = path
        self.code = code
    }

    var reason: String { String(cString: strerror(code)) }
}

/// The few system calls the report folder is written with. Plain POSIX calls rather than
/// FileManager: each step must be one call whose failure is known (errno), files are created
/// with O_EXCL|O_NOFOLLOW so nothing outside our own temporary folder is ever written through
/// a link, and nothing is ever removed recursively.
enum FolderCalls {
    /// Creates `path` and its missing parents (`mkdir -p`); an existing folder is fine.
    static func makeFolders(_ path: String) throws(SystemCallError) {
        if mkdir(path, 0o777) == 0 { return }
        switch errno {
        case EEXIST:
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { throw SystemCallError(path, ENOTDIR) }
        case ENOENT:
            let parent = ParentFolder.of(path)
            guard !parent.isEmpty, parent != path else { throw SystemCallError(path) }
            try makeFolders(parent)
            if mkdir(path, 0o777) != 0, errno != EEXIST { throw SystemCallError(path) }
        default:
            throw SystemCallError(path)
        }
    }

    /// Creates a new file (never an existing one, never through a link), writes all of
    /// `bytes` and, unless `sync` is false, syncs it to disk (then `syncFile` must, before the
    /// file is relied on).
    static func createFile(_ path: String, bytes: [UInt8], sync: Bool = true) throws(SystemCallError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SystemCallError(path) }
        var failure = bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
        if sync, failure == 0, fsync(descriptor) != 0 { failure = errno }
        // Synced later: its blocks start for the disk now, so that the syncs find them written
        // or on their way (70 files synced one after another took ~20 ms, ~7 ms so).
        if !sync, failure == 0 { _ = startWriteback?(descriptor, 0, 0, 2 /* SYNC_FILE_RANGE_WRITE */) }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw SystemCallError(path, failure) }
    }

    /// Linux's sync_file_range(2), which starts writing a file's dirty pages without waiting
    /// for them; Swift's Glibc module does not declare it (_GNU_SOURCE), so it is looked up once.
    private static let startWriteback: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
    }()

    /// Syncs a file written with `createFile(_:bytes:sync: false)` to disk. A folder's files
    /// written first and synced after cost one journal commit, not one each (69 fsyncs took
    /// 20 ms of a report's end, one after another).
    static func syncFile(_ path: String) throws(SystemCallError) {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemCallError(path) }
        var failure: Int32 = 0
        if fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw SystemCallError(path, failure) }
    }

    /// Writes every byte, retrying after EINTR and short writes; returns 0 or errno.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += count
        }
        return 0
    }

    /// Syncs a folder's entries (new names, renames) to disk.
    static func syncFolder(_ path: String) throws(SystemCallError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemCallError(path) }
        defer { close(descriptor) }
        // Some file systems cannot sync a folder (EINVAL); the data itself is synced already.
        if fsync(descriptor) != 0, errno != EINVAL { throw SystemCallError(path) }
    }

    /// The contents of a small regular file, or nil when it is missing, larger than `limit`,
    /// or not a regular file (a link, a FIFO or a device is never opened for reading).
    static func readSmallFile(_ path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit else { return nil }
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var count = 0
        while count <= limit {
            let read = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { break }
            count += read
        }
        return count <= limit ? Array(bytes[..<count]) : nil
    }

    /// One entry of a folder: its name as bytes decode to text, and whether they did exactly.
    struct Entry {
        var name: String
        var isExactName: Bool
    }

    /// The names in a folder, `.` and `..` left out.
    static func entries(of path: String) throws(SystemCallError) -> [Entry] {
        guard let folder = opendir(path) else { throw SystemCallError(path) }
        defer { closedir(folder) }
        var names: [Entry] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { characters in
                    (exact: String(validatingCString: characters), shown: String(cString: characters))
                }
            }
            if name.shown == "." || name.shown == ".." { continue }
            names.append(Entry(name: name.exact ?? name.shown, isExactName: name.exact != nil))
        }
        return names.sorted { $0.name < $1.name }
    }
}
