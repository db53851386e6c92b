import Foundation

/// The files `survey` writes responses and their lists into: regular files only.
///
/// A FIFO would block the command forever, a device (`/dev/null`) would swallow the rows, a
/// folder or socket cannot hold them; each is refused with a plain message before anything is
/// read or written. Symbolic links are followed: the rows go to the file the link points at and
/// the link stays a link.
public enum RegularFile {
    /// Refuses `path` when it exists and is not a regular file (following symbolic links) or is
    /// a link to nothing. A missing path is fine: it will be created.
    public static func check(_ path: String) throws(ImportError) {
        var status = stat()
        if stat(path, &status) == 0 {
            if let kind = kind(of: status.st_mode) { throw .notAFile(path: path, kind: kind) }
            return
        }
        let reason = errno
        var link = stat()
        if reason == ENOENT, lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw .notAFile(path: path, kind: "a symbolic link to \(target), which does not exist")
        }
    }

    /// Opens an existing regular file; nil when it does not exist. Never blocks on a FIFO and
    /// never becomes a controlling terminal: the kind is checked on the open descriptor, so a
    /// file swapped for a FIFO after `check` is refused all the same.
    public static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o666) throws(ImportError) -> Int32? {
        let descriptor = Foundation.open(path, flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, mode)
        if descriptor < 0 {
            let reason = errno
            switch reason {
            case ENOENT:
                try check(path)  // a dangling link is not "missing"
                return nil
            case EISDIR: throw .notAFile(path: path, kind: "a folder")
            case ENXIO, EOPNOTSUPP:
                try check(path)
                throw .writeFailed(path: path, reason: String(cString: strerror(reason)))
            default:
                throw .writeFailed(path: path, reason: String(cString: strerror(reason)))
            }
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .writeFailed(path: path, reason: reason)
        }
        if let kind = kind(of: status.st_mode) {
            close(descriptor)
            throw .notAFile(path: path, kind: kind)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// Opens a regular file for reading and writing, creating it (empty) when missing; says
    /// whether this call created it.
    static func openOrCreate(_ path: String) throws(ImportError) -> (descriptor: Int32, created: Bool) {
        while true {
            if let descriptor = try open(path, O_RDWR) { return (descriptor, false) }
            let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_EXCL | O_NOCTTY | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (descriptor, true) }
            guard errno == EEXIST else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        }
    }

    /// What a non-regular file is, in words; nil for a regular file.
    static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// The device and inode `path` names (following links); nil when it does not exist.
    public static func identity(of path: String) -> FileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileIdentity(status)
    }

    /// The path with every symbolic link resolved (the file itself must exist).
    public static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Makes a rename, a new or a removed file durable: syncs the folder that holds it.
    public static func syncDirectory(of path: String) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = Foundation.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Writes all of `bytes` at `offset`; a short write (disk full) is an error.
    static func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>, at offset: Int, path: String) throws(ImportError) {
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return written < 0 ? errno : ENOSPC }
                done += written
            }
            return nil
        }
        if let failure { throw .writeFailed(path: path, reason: String(cString: strerror(failure))) }
    }

    /// Writes all of `bytes` at `offset`.
    static func write(_ descriptor: Int32, _ bytes: [UInt8], at offset: Int, path: String) throws(ImportError) {
        try write(descriptor, bytes[...], at: offset, path: path)
    }

    /// Reads `count` bytes at `offset` (fewer when the file ends first).
    static func read(_ descriptor: Int32, from offset: Int, count: Int, path: String) throws(ImportError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if got < 0, errno == EINTR { continue }
            if got < 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
            if got == 0 { break }
            done += got
        }
        bytes.removeLast(count - done)
        return bytes
    }

    /// The size of an open file.
    static func size(_ descriptor: Int32, path: String) throws(ImportError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        return Int(status.st_size)
    }

    /// Syncs an open file; an error (EIO, disk full on some file systems) is a write failure.
    static func sync(_ descriptor: Int32, path: String) throws(ImportError) {
        guard fsync(descriptor) == 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
    }
}

/// Device and inode: which file a path names, whatever the spelling (`./a.csv`, `a.csv`,
/// a symbolic or hard link).
public struct FileIdentity: Hashable, Sendable {
    /// The file system.
    public var device: UInt64
    /// The file in it.
    public var inode: UInt64

    public init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}
