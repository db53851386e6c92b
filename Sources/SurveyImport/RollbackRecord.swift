import Foundation

/// `.NAME.csv.rollback` beside the responses file: how to undo a change that is being made to
/// it and its companions, written and synced before the change starts and removed after the
/// change is synced.
///
/// A process killed in the middle (kill -9, power cut) leaves the record behind; whoever takes
/// the responses file's lock next puts back each file as the record describes (bytes appended
/// are cut off, rewritten bytes get their old text back), so readers only ever see a change
/// whole or not at all. For each file the record holds its identity, the offset where the
/// change starts, the size the change would end at, and the bytes it replaces. A file that grew
/// beyond that size was written by a process that did not see the record (possible only through
/// a second hard link in another folder): it is left alone and reported.
public struct RollbackRecord: Equatable, Sendable {
    /// How to put one file back.
    public struct Change: Equatable, Sendable {
        /// The file, with symbolic links resolved.
        public var path: String
        /// Which file it was, so a file replaced meanwhile is not touched.
        public var identity: FileIdentity
        /// Where the change starts: the size before an append.
        public var offset: Int
        /// The size once the change is complete.
        public var end: Int
        /// The bytes from `offset` to the old end (empty for an append).
        public var original: [UInt8]
        /// Whether the change created the file (then undoing removes it).
        public var created: Bool

        public init(path: String, identity: FileIdentity, offset: Int, end: Int, original: [UInt8] = [], created: Bool = false) {
            self.path = path
            self.identity = identity
            self.offset = offset
            self.end = end
            self.original = original
            self.created = created
        }
    }

    /// What was being done, for the message: `import`, `verification correction`.
    public var purpose: String
    /// The process doing it.
    public var pid: Int32
    /// The files.
    public var changes: [Change]

    public init(purpose: String, pid: Int32 = getpid(), changes: [Change]) {
        self.purpose = purpose
        self.pid = pid
        self.changes = changes
    }

    static let magic = "survey rollback 1"

    /// The record's bytes: a text head (one line per file, its path last), then the original bytes.
    func encoded() -> [UInt8] {
        var head = "\(RollbackRecord.magic)\n\(pid) \(purpose.replacingOccurrences(of: "\n", with: " "))\n\(changes.count)\n"
        for change in changes {
            let path = Array(change.path.utf8)
            head += "\(change.identity.device) \(change.identity.inode) \(change.offset) \(change.end) \(change.original.count) \(change.created ? 1 : 0) \(path.count)\n"
            head += change.path + "\n"
        }
        return Array(head.utf8) + changes.flatMap(\.original)
    }

    /// Reads a record; nil when the bytes are not a whole record.
    static func decode(_ bytes: [UInt8]) -> RollbackRecord? {
        var position = 0
        func line() -> String? {
            guard let end = bytes[position...].firstIndex(of: 0x0A) else { return nil }
            defer { position = end + 1 }
            return String(decoding: bytes[position..<end], as: UTF8.self)
        }
        guard line() == magic, let who = line(), let count = line().flatMap({ Int($0) }), count >= 0, count < 1000 else { return nil }
        let pid = Int32(who.prefix { $0 != " " }) ?? 0
        let purpose = String(who.drop { $0 != " " }.dropFirst())
        var changes: [Change] = []
        var lengths: [Int] = []
        for _ in 0..<count {
            guard let numbers = line()?.split(separator: " ").compactMap({ UInt64($0) }), numbers.count == 7,
                  let offset = Int(exactly: numbers[2]), let end = Int(exactly: numbers[3]), let length = Int(exactly: numbers[4]),
                  let pathLength = Int(exactly: numbers[6]), position + pathLength < bytes.count, bytes[position + pathLength] == 0x0A else { return nil }
            let path = String(decoding: bytes[position..<(position + pathLength)], as: UTF8.self)
            position += pathLength + 1
            changes.append(Change(path: path, identity: FileIdentity(device: numbers[0], inode: numbers[1]), offset: offset, end: end, created: numbers[5] == 1))
            lengths.append(length)
        }
        guard bytes.count - position == lengths.reduce(0, +) else { return nil }
        for index in changes.indices {
            changes[index].original = Array(bytes[position..<(position + lengths[index])])
            position += lengths[index]
        }
        return RollbackRecord(purpose: purpose, pid: pid, changes: changes)
    }

    /// Writes the record at `path` whole (temporary file, fsync, rename, folder sync).
    func write(to path: String) throws(ImportError) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .writeFailed(path: path, reason: "cannot write the rollback record: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = encoded()
        do {
            try RegularFile.write(descriptor, bytes, at: 0, path: temporary)
            try RegularFile.sync(descriptor, path: temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .writeFailed(path: path, reason: "cannot write the rollback record: \(reason)")
        }
        RegularFile.syncDirectory(of: path)
    }

    /// Removes the record once the change it guards is synced.
    static func remove(at path: String) {
        unlink(path)
        RegularFile.syncDirectory(of: path)
    }

    /// Reads the record at `path`, if there is one. A record that is not whole is one whose
    /// writing was cut off before its rename, which cannot happen; it is treated as absent.
    static func read(at path: String) -> RollbackRecord? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return decode([UInt8](data))
    }

    /// Puts every file back; returns one message per file that was changed or left alone.
    public func undo() throws(ImportError) -> [String] {
        var notes: [String] = []
        let who = "an interrupted \(purpose) (pid \(pid))"
        for change in changes {
            guard let descriptor = try RegularFile.open(change.path, O_RDWR) else { continue }
            defer { close(descriptor) }
            var status = stat()
            guard fstat(descriptor, &status) == 0, FileIdentity(status) == change.identity else {
                notes.append("\(change.path): \(who) was changing this file, but it has been replaced since; left as it is")
                continue
            }
            let size = Int(status.st_size)
            if size > change.end {
                notes.append("\(change.path): \(who) was changing this file, and it grew further since (\(size) bytes, the change would end at \(change.end)); left as it is: check its last rows")
                continue
            }
            if change.created, change.original.isEmpty, change.offset == 0 {
                unlink(change.path)
                RegularFile.syncDirectory(of: change.path)
                if size > 0 { notes.append("\(change.path): removed what \(who) had partly written (the file was new)") }
                continue
            }
            let restored = change.offset + change.original.count
            if size == restored, change.original.isEmpty { continue }  // nothing was written yet
            try RegularFile.write(descriptor, change.original, at: change.offset, path: change.path)
            guard ftruncate(descriptor, off_t(restored)) == 0 else {
                throw .writeFailed(path: change.path, reason: String(cString: strerror(errno)))
            }
            try RegularFile.sync(descriptor, path: change.path)
            if change.original.isEmpty {
                notes.append("\(change.path): removed the \(size - change.offset) bytes \(who) had partly appended; the file is as it was before")
            } else {
                notes.append("\(change.path): put back the text \(who) was rewriting; the file is as it was before")
            }
        }
        return notes
    }
}
