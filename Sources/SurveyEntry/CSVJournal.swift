import Foundation
import SurveyImport

/// A CSV file that forms are appended to one record at a time, safe against crashes and
/// shared by several operators and imports.
///
/// Every operation runs under the responses file's lock (`ResponseFileLock`, an exclusive
/// `flock` on the responses file that `survey import` takes too), which covers the file's
/// companions as well. Every append is one `write()` of whole records followed by `fsync`; so
/// a crash, `kill -9` or power cut leaves at most a torn last line, never a damaged earlier
/// one. A missing file is created with its header atomically (written beside it, then linked
/// into place). Before each operation the journal reads what others appended since, and moves
/// a torn last line to the recovered file (a rejects-style CSV), cutting it off the journal in
/// place. Files are only ever changed in place (append, truncate, rewrite guarded by a
/// rollback record), so they keep their inode, permissions, owner and hard links. Memory: one
/// index entry per record, kept by the owner.
final class CSVJournal {
    /// The file.
    let path: String
    /// Its columns.
    let header: [String]
    /// Where a torn last line is moved: `NAME.recovered.csv` beside `NAME.csv`.
    let recoveredPath: String
    /// The responses file's lock, which covers this file.
    let lock: ResponseFileLock
    private let neutralize: Bool

    /// Bytes known so far; always a record boundary.
    private(set) var size = 0
    /// Physical lines known so far, the header's included.
    private(set) var lines = 0
    private var identity: FileIdentity?
    /// The last bytes before `size`: when they change, the file was rewritten in place by
    /// another process and is read again from its start.
    private var anchor: [UInt8] = []

    /// Called for every data record (not the header) as it is read or written, in file order.
    var onRecord: (CanonicalCSV.Record) -> Void = { _ in }
    /// Called before the file is read again from its start (it was rewritten or replaced).
    var onReset: () -> Void = {}
    /// Torn lines moved away since the journal was opened.
    private(set) var recoveries: [TornLine] = []

    init(path: String, header: [String], recoveredPath: String, lock: ResponseFileLock, neutralizeFormulas: Bool = false) {
        self.path = path
        self.header = header
        self.recoveredPath = recoveredPath
        self.lock = lock
        neutralize = neutralizeFormulas
    }

    /// A list kept beside the responses file (`NAME.SUFFIX.csv`: problems, verification, edits),
    /// covered by its lock, with formulas neutralized as every list survey writes for people.
    static func companion(of responsesPath: String, suffix: String, header: [String], lock: ResponseFileLock) -> CSVJournal {
        let path = ResponseFile.companion(of: responsesPath, suffix: suffix)
        return CSVJournal(path: path, header: header, recoveredPath: ResponseFile.companion(of: path, suffix: "recovered"), lock: lock, neutralizeFormulas: true)
    }

    /// Whether the file exists.
    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Reads what was appended since the last call; creates the file when `create` is set.
    func synchronize(create: Bool = true) throws(EntryError) {
        guard create || exists else { return }
        try withLock { _ throws(EntryError) in }
    }

    /// Appends the rows `make` gives after catching up with the file, in one write, and syncs
    /// them to disk; returns the physical line of the first one, or nil without writing when
    /// `make` gives nil.
    @discardableResult
    func append(_ make: () -> [[String]]?) throws(EntryError) -> Int? {
        try withLock { descriptor throws(EntryError) -> Int? in
            guard let rows = make() else { return nil }
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

    /// Appends `rows`, unless `refuse` says no after catching up with the file.
    @discardableResult
    func append(_ rows: [[String]], refuse: () -> Bool = { false }) throws(EntryError) -> Int? {
        try append { refuse() ? nil : rows }
    }

    /// Every data record, read afresh.
    func records() throws(EntryError) -> [CanonicalCSV.Record] {
        try withLock { descriptor throws(EntryError) in
            let bytes = try read(descriptor, from: 0, count: size)
            return Array(CanonicalCSV.scan(bytes).records.dropFirst())
        }
    }

    /// Rewrites the records for which `replacement` gives fields, in place: a rollback record
    /// beside the responses file holds the text being replaced until the new text is synced,
    /// so a crash leaves the old file or the new one, and the file keeps its inode, owner,
    /// permissions and hard links.
    func rewrite(_ replacement: (CanonicalCSV.Record) -> [String]?) throws(EntryError) {
        try edit { record in replacement(record).map { [$0] } }
    }

    /// Removes the data records for which `removed` is true, with the same guarantees as `rewrite`.
    func remove(where removed: (CanonicalCSV.Record) -> Bool) throws(EntryError) {
        try edit { record in removed(record) ? [] : nil }
    }

    /// Replaces each record for which `edit` gives rows (none removes it) and keeps the others.
    private func edit(_ edit: (CanonicalCSV.Record) -> [[String]]?) throws(EntryError) {
        try withLock { _ throws(EntryError) in
            let bytes = try readAll()
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 256)
            var changed = false
            for record in CanonicalCSV.scan(bytes).records {
                if record.line > 1, let rows = edit(record) {
                    for fields in rows { output += Array(CSVFormat.line(neutralize ? fields.map(CSVFormat.neutralized) : fields).utf8) }
                    changed = true
                } else {
                    output += bytes[record.start..<record.end]
                }
            }
            guard changed, output != bytes else { return }
            try rewriteInPlace(from: bytes, to: output)
        }
    }

    // MARK: Locking and catching up

    /// Takes the lock, opens the file, catches up with it, and runs `body` while holding it.
    private func withLock<T>(_ body: (Int32) throws(EntryError) -> T) throws(EntryError) -> T {
        try lock.hold(EntryError.init) { () throws(EntryError) -> T in
            while true {
                let opened: Int32?
                do throws(ImportError) {
                    opened = try RegularFile.open(path, O_RDWR | O_APPEND)
                } catch {
                    throw EntryError(error)
                }
                guard let descriptor = opened else {
                    try create()
                    continue
                }
                defer { close(descriptor) }
                var status = stat()
                guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: CSVJournal.errorText()) }
                if try catchUp(descriptor, FileIdentity(status), fileSize: Int(status.st_size)) {
                    return try body(descriptor)
                }
            }
        }
    }

    /// Reads the bytes appended since the last call (all of them again when the file was
    /// replaced or rewritten). Returns false when a torn last line was moved away and cut off,
    /// so the caller reads the file again.
    private func catchUp(_ descriptor: Int32, _ found: FileIdentity, fileSize: Int) throws(EntryError) -> Bool {
        let rewritten = identity == found && fileSize >= size ? try anchorMoved(descriptor) : false
        if identity != found || fileSize < size || rewritten {
            if identity != nil { onReset() }
            identity = found
            size = 0
            lines = 0
            anchor = []
        }
        defer { anchor = (try? read(descriptor, from: max(0, size - 64), count: min(size, 64))) ?? [] }
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
        try recover(torn, line: lines + 1, reason: reason, cutAt: tail, descriptor)
        return false
    }

    /// Whether the bytes before `size` are no longer those read: another process rewrote the
    /// file in place (a verification correction).
    private func anchorMoved(_ descriptor: Int32) throws(EntryError) -> Bool {
        guard size > 0, !anchor.isEmpty else { return false }
        var current = [UInt8](repeating: 0, count: anchor.count)
        let got = current.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, anchor.count, off_t(size - anchor.count)) }
        return got != anchor.count || current != anchor
    }

    private func checkHeader(_ bytes: [UInt8]) throws(EntryError) {
        let expected = String(CSVFormat.line(header).dropLast())
        let firstLine = bytes.prefix { $0 != 0x0A }
        let found = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        guard found == expected else { throw .headerMismatch(path: path, expected: expected, found: found) }
    }

    // MARK: Creating, recovering, rewriting

    private func create() throws(EntryError) {
        do throws(ImportError) {
            try ResponseFileLock.create(path, header: header)
        } catch {
            throw EntryError(error)
        }
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

    /// Moves a torn last line to the recovered file, then cuts the journal before it (in
    /// place). A crash between the two steps only repeats the recovery on the next start.
    private func recover(_ torn: [UInt8], line: Int, reason: String, cutAt offset: Int, _ descriptor: Int32) throws(EntryError) {
        var raw = String(decoding: torn, as: UTF8.self)
        while raw.last == "\n" || raw.last == "\r" || raw.last == "\r\n" { raw.removeLast() }
        do throws(ImportError) {
            try RecoveredFile.append([[path, String(line), reason, raw]], to: recoveredPath)
        } catch {
            throw .writeFailed(path: recoveredPath, reason: error.errorDescription ?? "\(error)")
        }
        guard ftruncate(descriptor, off_t(offset)) == 0, fsync(descriptor) == 0 else {
            throw .writeFailed(path: path, reason: CSVJournal.errorText())
        }
        recoveries.append(TornLine(file: path, line: line, raw: raw, reason: reason, movedTo: recoveredPath))
    }

    /// Replaces the file's text `old` (all of it) with `new`, writing only from the first byte
    /// that differs, under a rollback record.
    private func rewriteInPlace(from old: [UInt8], to new: [UInt8]) throws(EntryError) {
        var first = 0
        while first < min(old.count, new.count), old[first] == new[first] { first += 1 }
        let opened: Int32?
        do throws(ImportError) {
            opened = try RegularFile.open(path, O_RDWR)  // without O_APPEND: pwrite goes where it is told
        } catch {
            throw EntryError(error)
        }
        guard let descriptor = opened else { throw .writeFailed(path: path, reason: "the file disappeared while it was locked") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) == old.count else {
            throw .writeFailed(path: path, reason: "the file changed while it was locked")
        }
        let record = RollbackRecord(purpose: "correction of a saved form (--verify or --edit)", changes: [
            RollbackRecord.Change(path: RegularFile.resolved(path), identity: FileIdentity(status), offset: first,
                                  end: max(old.count, new.count), original: Array(old[first...])),
        ])
        do throws(ImportError) {
            try lock.beginChange(record)
        } catch {
            throw EntryError(error)
        }
        let tail = new[first...]
        var done = 0
        // Tests: stop halfway through the rewrite so a kill -9 lands inside it.
        let pause = ProcessInfo.processInfo.environment[CSVJournal.pauseRewriteVariable].flatMap(Double.init) ?? 0
        let stopAt = pause > 0 ? max(1, tail.count / 2) : tail.count
        while done < tail.count {
            if done == stopAt, pause > 0 {
                fsync(descriptor)
                lock.notify("\(CSVJournal.pauseRewriteVariable): paused after \(done) of \(tail.count) bytes rewritten in \(path)")
                usleep(UInt32(min(pause, 600) * 1_000_000))
            }
            let limit = done < stopAt ? stopAt : tail.count
            let written = tail.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + done, limit - done, off_t(first + done)) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                let reason = CSVJournal.errorText()
                _ = try? record.undo()
                lock.endChange()
                throw .writeFailed(path: path, reason: reason)
            }
            done += written
        }
        guard ftruncate(descriptor, off_t(new.count)) == 0, fsync(descriptor) == 0 else {
            let reason = CSVJournal.errorText()
            _ = try? record.undo()
            lock.endChange()
            throw .writeFailed(path: path, reason: reason)
        }
        lock.endChange()
        onReset()
        size = 0
        lines = 0
        let scan = CanonicalCSV.scan(new)
        for record in scan.records.dropFirst() { onRecord(record) }
        size = scan.records.last?.end ?? 0
        lines = scan.lines
        anchor = Array(new[max(0, size - 64)..<size])
    }

    /// The whole file (the lock is held and the journal caught up).
    private func readAll() throws(EntryError) -> [UInt8] {
        let opened: Int32?
        do throws(ImportError) {
            opened = try RegularFile.open(path, O_RDONLY)
        } catch {
            throw EntryError(error)
        }
        guard let descriptor = opened else { return [] }
        defer { close(descriptor) }
        return try read(descriptor, from: 0, count: size)
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

    /// Seconds to pause halfway through an in-place rewrite (tests of a crash inside it).
    static let pauseRewriteVariable = "SURVEY_TEST_PAUSE_REWRITE"

    static func errorText() -> String { String(cString: strerror(errno)) }
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
