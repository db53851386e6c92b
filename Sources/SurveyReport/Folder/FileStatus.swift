import Foundation

/// A file's identity on disk: two paths name the same file or folder exactly when these match,
/// whatever the spelling (`./x`, `x/`, a path through a symbolic link).
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    /// The identity of what `path` names, following symbolic links; nil when it cannot be read.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// What sits at a path, looked at with lstat(2) so that a symbolic link is seen as itself and
/// nothing is opened (opening a FIFO would block, opening a device could act on it).
enum FileStatus: Equatable {
    case missing
    case folder(FileIdentity, mode: mode_t)
    case regularFile
    case symbolicLink(destination: String)
    case namedPipe
    case device
    case socket
    /// lstat failed for another reason than "no such file" (permission, a file in the path, …).
    case unreadable(errno: Int32)

    init(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            self = code == ENOENT ? .missing : .unreadable(errno: code)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: self = .folder(FileIdentity(info), mode: info.st_mode & 0o7777)
        case S_IFREG: self = .regularFile
        case S_IFLNK: self = .symbolicLink(destination: FileStatus.destination(of: path))
        case S_IFIFO: self = .namedPipe
        case S_IFSOCK: self = .socket
        default: self = .device
        }
    }

    /// What the words "it is …" say about it in a message.
    var description: String {
        switch self {
        case .missing: "missing"
        case .folder: "a folder"
        case .regularFile: "a file, not a folder"
        case .symbolicLink(let destination): "a symbolic link (to \(destination))"
        case .namedPipe: "a named pipe (FIFO), not a folder"
        case .device: "a device, not a folder"
        case .socket: "a socket, not a folder"
        case .unreadable(let code): "unreadable (\(String(cString: strerror(code))))"
        }
    }

    private static func destination(of link: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
