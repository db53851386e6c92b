import Foundation
import SurveyImport

/// A CSV file that forms are appended to one record at a time, safe against crashes and
/// shared by several operators.
///
/// Every append is one `write()` of whole records followed by `fsync`, under an exclusive
/// `flock`; so a crash, `kill -9` or power cut leaves at most a torn last line, never a damaged
/// earlier one. A missing file is created with its header atomically (written beside it, then
/// linked into place). Before each operation the journal reads what other operators appended
/// since, and moves a torn last line to the recovered file (a rejects-style CSV), rewriting
/// the journal atomically without it. Memory: one index entry per record, kept by the owner.
final class CSVJournal {
    /// The file.
    let path: String
    /// Its columns.
    let header: [String]
    /// Where a torn last line is moved: `NAME.recovered.csv` beside `NAME.csv`.
    let recoveredPath: String
    private let neutralize: Bool

    /// Bytes known so far; always a record boundary.
    private(set) var size = 0
    /// Physical lines known so far, the header's included.
    private(set) var lines = 0
    private var identity: FileIdentity?

    /// Called for every data record (not the header) as it is read or written, in file order.
    var onRecord: (CanonicalCSV.Record) -> Void = { _ in }
    /// Called before the file is read again from its start (it was replaced by a rewrite).
    var onReset: () -> Void = {}
    /// Torn lines moved away since the journal was opened.
    private(set) var recoveries: [TornLine] = []

    init(path: String, header: [String], recoveredPath: String, neutralizeFormulas: Bool = false) {
        self.path = path
        self.header = header
        self.recoveredPath = recoveredPath
        neutralize = neutralizeFormulas
    }

    /// Whether the file exists.
    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Reads what was appended since the last call; creates the file when `create` is set.
    func synchronize(create: Bool = true) throws(EntryError) {
        guard create || exists else { return }
        try withLock { _ throws(EntryError) in }
    }

    /// Appends `rows` in one write and syncs them to disk; returns the physical line of the
    /// first one, or nil without writing when `refuse` says no after catching up with the file.
    @discardableResult
    func append(_ rows: [[String]], refuse: () -> Bool = { false }) throws(EntryError) -> Int? {
        try withLock { descriptor throws(EntryError) -> Int? in
            guard !refuse() else { return nil }
            guard !rows.isEmpty else { return lines + 1 }
            let text = rows.map { CSVFormat.line(neutralize ? $0.map(CSVFormat.neutralized) : $0) }.joined()
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written != bytes.count || fsync(descriptor) != 0 {
                let reason = written < 0 ? CSVJournal.errorText() : written != bytes.count ? "disk full? only \(written) of \(bytes.count) bytes written" : CSVJournal.errorText()
                _ = ftruncate(descriptor, off_t(size))
                throw .writeFailed(path: path, reason: reason)
            }
            let first = lines + 1
            absorb(bytes, at: size)
            return first
        }
    }

    /// Every data record, read afresh.
    func records() throws(EntryError) -> [CanonicalCSV.Record] {
        try withLock { descriptor throws(EntryError) in
            let bytes = try read(descriptor, from: 0, count: size)
            return Array(CanonicalCSV.scan(bytes).records.dropFirst())
        }
    }

    /// Rewrites the file atomically, replacing each record for which `replacement` gives fields.
    func rewrite(_ replacement: (CanonicalCSV.Record) -> [String]?) throws(EntryError) {
        try withLock { descriptor throws(EntryError) in
            let bytes = try read(descriptor, from: 0, count: size)
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 256)
            var changed = false
            for record in CanonicalCSV.scan(bytes).records {
                if record.line > 1, let fields = replacement(record) {
                    output += Array(CSVFormat.line(neutralize ? fields.map(CSVFormat.neutralized) : fields).utf8)
                    changed = true
                } else {
                    output += bytes[record.start..<record.end]
                }
            }
            guard changed else { return }
            try replace(with: output)
        }
    }

    // MARK: Locking and catching up

    /// Opens the file, takes the lock, catches up with it, and runs `body` while holding it.
    private func withLock<T>(_ body: (Int32) throws(EntryError) -> T) throws(EntryError) -> T {
        while true {
            let descriptor = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
            if descriptor < 0 {
                guard errno == ENOENT else { throw .unreadable(path: path, reason: CSVJournal.errorText()) }
                try create()
                continue
            }
            defer { close(descriptor) }  // closing releases the lock
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else { throw .unreadable(path: path, reason: "cannot lock: \(CSVJournal.errorText())") }
            }
            var opened = stat()
            var named = stat()
            guard fstat(descriptor, &opened) == 0 else { throw .unreadable(path: path, reason: CSVJournal.errorText()) }
            // Replaced (by a rewrite or recovery) while this process waited for the lock.
            guard stat(path, &named) == 0, named.st_ino == opened.st_ino, named.st_dev == opened.st_dev else { continue }
            if try catchUp(descriptor, FileIdentity(opened), fileSize: Int(opened.st_size)) {
                return try body(descriptor)
            }
        }
    }

    /// Reads the bytes appended since the last call. Returns false when a torn last line was
    /// moved away and the file replaced, so the caller opens it again.
    private func catchUp(_ descriptor: Int32, _ found: FileIdentity, fileSize: Int) throws(EntryError) -> Bool {
        if identity != found || fileSize < size {
            if identity != nil { onReset() }
            identity = found
            size = 0
            lines = 0
        }
        guard fileSize > size else {
            if fileSize == 0 { try writeMissingHeader(descriptor, lineEndOnly: false) }
            return true
        }
        var bytes = try read(descriptor, from: size, count: fileSize - size)
        var base = size
        let isStart = size == 0
        if isStart {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bytes.removeFirst(3)
                base = 3
            }
            try checkHeader(bytes)
        }
        let scan = CanonicalCSV.scan(bytes, base: base, firstLine: lines + 1)
        if isStart, scan.records.isEmpty {
            // Only a header without its line end (a hand-made file): complete it.
            try writeMissingHeader(descriptor, lineEndOnly: true)
            size = fileSize + 1
            lines = 1
            return true
        }
        var records = scan.records[...]
        if isStart {
            size = records[records.startIndex].end
            lines = records[records.startIndex].nextLine - 1
            records = records.dropFirst()
        }
        var tail = scan.tail
        var reason = "the line has no line end: a save was interrupted (crash, kill or power cut)"
        if tail == nil, let last = records.last, last.fields.count != header.count {
            tail = last.start
            reason = "the line has \(last.fields.count) fields but the header \(header.count): a save was interrupted"
            records = records.dropLast()
        }
        for record in records { onRecord(record) }
        if let last = records.last {
            size = last.end
            lines = last.nextLine - 1
        }
        guard let tail else { return true }
        let torn = Array(bytes[(tail - base)...])
        let kept = try read(descriptor, from: 0, count: tail)
        try recover(torn, line: lines + 1, reason: reason, keeping: kept)
        return false
    }

    private func checkHeader(_ bytes: [UInt8]) throws(EntryError) {
        let expected = String(CSVFormat.line(header).dropLast())
        let firstLine = bytes.prefix { $0 != 0x0A }
        let found = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        guard found == expected else { throw .headerMismatch(path: path, expected: expected, found: found) }
    }

    // MARK: Creating, recovering, replacing

    private func create() throws(EntryError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: path, reason: "cannot create the folder \(directory)")
        }
        let temporary = try writeTemporary(Array(CSVFormat.line(header).utf8)).path
        // link() never replaces a file another operator created meanwhile; rename() would.
        if link(temporary, path) != 0, errno != EEXIST {
            if rename(temporary, path) != 0 {
                let reason = CSVJournal.errorText()
                unlink(temporary)
                throw .writeFailed(path: path, reason: reason)
            }
        } else {
            unlink(temporary)
        }
        CSVJournal.syncDirectory(of: path)
    }

    /// An empty file gets its header; a header without line end gets one.
    private func writeMissingHeader(_ descriptor: Int32, lineEndOnly: Bool) throws(EntryError) {
        let bytes = lineEndOnly ? [0x0A] : Array(CSVFormat.line(header).utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else { throw .writeFailed(path: path, reason: CSVJournal.errorText()) }
        if !lineEndOnly {
            size = bytes.count
            lines = 1
        }
    }

    /// Moves a torn last line to the recovered file, then replaces the journal with the bytes
    /// before it. A crash between the two steps only repeats the recovery on the next start.
    private func recover(_ torn: [UInt8], line: Int, reason: String, keeping: [UInt8]) throws(EntryError) {
        var raw = String(decoding: torn, as: UTF8.self)
        while raw.last == "\n" || raw.last == "\r" || raw.last == "\r\n" { raw.removeLast() }
        do {
            let file = try CSVTableFile(path: recoveredPath, header: ResponseFile.rejectHeader, neutralizeFormulas: true)
            try file.write([path, String(line), reason, raw])
            try file.commit()
        } catch {
            throw .writeFailed(path: recoveredPath, reason: error.errorDescription ?? "\(error)")
        }
        try replace(with: keeping)
        recoveries.append(TornLine(file: path, line: line, raw: raw, reason: reason, movedTo: recoveredPath))
    }

    /// Puts `bytes` in place of the file atomically (temporary file, fsync, rename).
    private func replace(with bytes: [UInt8]) throws(EntryError) {
        let (temporary, found) = try writeTemporary(bytes)
        guard rename(temporary, path) == 0 else {
            let reason = CSVJournal.errorText()
            unlink(temporary)
            throw .writeFailed(path: path, reason: reason)
        }
        CSVJournal.syncDirectory(of: path)
        onReset()
        identity = found
        size = 0
        lines = 0
        let scan = CanonicalCSV.scan(bytes)
        for record in scan.records.dropFirst() { onRecord(record) }
        size = scan.records.last?.end ?? 0
        lines = scan.lines
    }

    private func writeTemporary(_ bytes: [UInt8]) throws(EntryError) -> (path: String, identity: FileIdentity) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: CSVJournal.errorText()) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                let reason = CSVJournal.errorText()
                unlink(temporary)
                throw .writeFailed(path: path, reason: reason)
            }
            offset += written
        }
        var st = stat()
        guard fsync(descriptor) == 0, fstat(descriptor, &st) == 0 else {
            let reason = CSVJournal.errorText()
            unlink(temporary)
            throw .writeFailed(path: path, reason: reason)
        }
        return (temporary, FileIdentity(st))
    }

    // MARK: Helpers

    /// Takes in bytes this process appended at `offset`.
    private func absorb(_ bytes: [UInt8], at offset: Int) {
        let scan = CanonicalCSV.scan(bytes, base: offset, firstLine: lines + 1)
        for record in scan.records { onRecord(record) }
        size += bytes.count
        lines += scan.lines
    }

    private func read(_ descriptor: Int32, from offset: Int, count: Int) throws(EntryError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw .unreadable(path: path, reason: got < 0 ? CSVJournal.errorText() : "the file shrank while being read") }
            done += got
        }
        return bytes
    }

    /// Makes a rename or a new file durable: syncs the folder that holds it.
    static func syncDirectory(of path: String) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}

/// Device and inode: tells whether a path still names the file that was opened.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}

/// A torn last line found on start and moved away.
public struct TornLine: Sendable, Hashable {
    /// The file it was cut from.
    public var file: String
    /// Its physical line there.
    public var line: Int
    /// Its text.
    public var raw: String
    /// Why it was taken as torn.
    public var reason: String
    /// Where it was moved.
    public var movedTo: String

    /// The respondent id at the start of the line, when one can be read.
    public var respondent: String? {
        let first = raw.prefix { $0 != "," }
        // Only an id followed by its comma is whole: `1` may be the start of `12`.
        guard !first.isEmpty, !first.hasPrefix("\""), first.count < raw.count else { return nil }
        return String(first)
    }
}
