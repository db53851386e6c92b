import Foundation
import SurveyModel

/// What one `survey import --into F` writes: accepted rows for F, problems for
/// `NAME.problems.csv`, unreadable rows for `NAME.rejects.csv`. They are staged while the inputs
/// are read, then appended to the three files together under F's lock.
///
/// Appending never loads or rewrites what is in the files: under the lock it walks F's ids
/// (streaming) to catch ids another process added since this import read them, moves a torn
/// last line aside as `survey enter` does, writes a rollback record, appends (copied in the
/// kernel), syncs, and removes the record. A process killed at any point leaves either none
/// of the batch or all of it (the next holder of the lock undoes a half-written batch), and
/// the files keep their inode, permissions, owner and hard links. A clean batch for an F that
/// does not exist yet is linked into place whole instead, as fast as writing the file.
public final class ImportBatch {
    /// F.
    public let responsesPath: String
    /// `NAME.problems.csv`.
    public let problemsPath: String
    /// `NAME.rejects.csv`.
    public let rejectsPath: String
    /// The accepted rows.
    public let responses: StagedRows
    /// One row per problem.
    public let problems: StagedRows
    /// One row per rejected input row.
    public let rejects: StagedRows
    /// F's lock.
    public let lock: ResponseFileLock

    /// What appending found.
    public enum Outcome: Equatable, Sendable {
        /// Every staged row is in the files.
        case appended
        /// Nothing was written: another process added this respondent id (at this line of F)
        /// after the import read F's ids, and a staged row has it too.
        case taken(respondent: String, line: Int)
        /// Nothing was written: rows the import read from F are gone (an interrupted import
        /// was undone meanwhile), so its duplicate checks were made against rows that are not
        /// there.
        case changed
        /// Nothing was written: the import numbered rows without an id from `lowestFresh`
        /// on, and another process added a numeric id at or above it (`highest`) meanwhile.
        case renumber(highest: Int)
    }

    /// The environment variable that makes the append pause halfway (seconds), a test hook: the
    /// tests kill the import there and check that the next run undoes the half-written batch.
    public static let pauseVariable = "SURVEY_TEST_PAUSE_APPEND"

    /// Refuses F and the files beside it when one is a FIFO, device, socket, folder or
    /// dangling link, before anything is read.
    public static func checkTargets(into: String) throws(ImportError) {
        try RegularFile.check(into)
        for suffix in ["problems", "rejects", "recovered"] {
            try RegularFile.check(ResponseFile.companion(of: into, suffix: suffix))
        }
    }

    /// The files this import writes, to compare with the inputs by identity.
    public static func targets(into: String) -> [String] {
        [into] + ["problems", "rejects", "recovered"].map { ResponseFile.companion(of: into, suffix: $0) }
    }

    public init(into: String, questionnaire: Questionnaire, lock: ResponseFileLock) throws(ImportError) {
        responsesPath = into
        problemsPath = ResponseFile.companion(of: into, suffix: "problems")
        rejectsPath = ResponseFile.companion(of: into, suffix: "rejects")
        self.lock = lock
        responses = try StagedRows(for: into, header: ResponseFile.header(for: questionnaire), publishable: true)
        problems = try StagedRows(for: problemsPath, header: ResponseFile.problemHeader, neutralizeFormulas: true)
        rejects = try StagedRows(for: rejectsPath, header: ResponseFile.rejectHeader, neutralizeFormulas: true)
    }

    /// Records read from F by `readExisting`.
    private var existingRecords = 0

    /// Reads the respondent ids already in F, streaming and without the lock (they are checked
    /// again under it), and refuses a file with another header.
    public func readExisting(_ reserve: (String, Int) -> Void) throws(ImportError) {
        // A batch a killed import half appended is undone first, so its rows are not taken for
        // respondents already in F (one being appended by a live import is checked under the lock).
        try lock.finishInterruptedChangeIfUnheld()
        guard let descriptor = try RegularFile.open(responsesPath, O_RDONLY) else { return }
        defer { close(descriptor) }
        var records = 0
        let scan = try CSVRecordScanner.scan(descriptor, path: responsesPath) { first, line in
            reserve(String(decoding: first, as: UTF8.self), line)
            records += 1
            return true
        }
        existingRecords = records
        try checkHeader(scan, of: responsesPath, expected: responses.header)
    }

    /// Appends the staged rows to the files under F's lock. `staged` says whether a staged row
    /// has a respondent id, `existing` whether `readExisting` found it in F; `lowestFresh` is
    /// the lowest id the import made up for rows without one (`RespondentNumbering`), which
    /// every numeric id in F must stay below.
    public func append(staged: (String) -> Bool, existing: (String) -> Bool = { _ in true }, lowestFresh: Int? = nil) throws(ImportError) -> Outcome {
        // A clean batch for a file that does not exist yet becomes the file in one link().
        if !lock.isHeld, problems.count == 0, rejects.count == 0, try responses.publish(as: responsesPath) {
            ResponseFileLock.removeStaleStaging(beside: URL(fileURLWithPath: RegularFile.resolved(responsesPath)))
            return .appended
        }
        responses.dropName()
        try responses.flush()
        try problems.flush()
        try rejects.flush()
        return try lock.hold({ $0 }) { () throws(ImportError) -> Outcome in
            var targets: [Target] = []
            defer { for target in targets { close(target.descriptor) } }
            guard let descriptor = try RegularFile.open(responsesPath, O_RDWR) else {
                throw .writeFailed(path: responsesPath, reason: "the file disappeared while it was locked")
            }
            var taken: (String, Int)?
            var stillThere = 0
            var highest = 0
            targets.append(Target(descriptor: descriptor, staged: responses, created: false))
            targets[0] = try prepare(targets[0]) { id, line in
                if existing(id) { stillThere += 1 }
                if lowestFresh != nil, let number = RespondentNumbering.number(id.utf8), number > highest { highest = number }
                guard staged(id) else { return true }
                taken = (id, line)
                return false
            }
            if let lowestFresh, highest >= lowestFresh { return .renumber(highest: highest) }
            if let taken { return .taken(respondent: taken.0, line: taken.1) }
            // Writers never remove a row but to undo an interrupted change.
            if stillThere < existingRecords { return .changed }
            for rows in [problems, rejects] where rows.count > 0 {
                let (descriptor, created) = try RegularFile.openOrCreate(rows.target)
                targets.append(Target(descriptor: descriptor, staged: rows, created: created))
                targets[targets.count - 1] = try prepare(targets[targets.count - 1])
            }
            try write(targets.filter { !$0.prefix.isEmpty || $0.staged.byteCount > 0 })
            return .appended
        }
    }

    // MARK: Appending

    /// A file to append to: where its rows go and what comes before them.
    private struct Target {
        var descriptor: Int32
        var staged: StagedRows
        var created: Bool
        var offset = 0
        /// The header for a new file, or the line end a header lacks.
        var prefix: [UInt8] = []
        var path: String { staged.target }
    }

    /// Walks the file (ids to `check`), checks its header and moves a torn last line aside;
    /// sets where the rows go.
    private func prepare(_ target: Target, check: (String, Int) -> Bool = { _, _ in true }) throws(ImportError) -> Target {
        var target = target
        var stopped = false
        let scan = try CSVRecordScanner.scan(target.descriptor, path: target.path) { first, line in
            if check(String(decoding: first, as: UTF8.self), line) { return true }
            stopped = true
            return false
        }
        if stopped { return target }
        guard scan.header != nil else {
            target.prefix = Array(CSVFormat.line(target.staged.header).utf8)
            return target
        }
        try checkHeader(scan, of: target.path, expected: target.staged.header)
        guard scan.headerComplete else {
            target.offset = scan.size
            target.prefix = [0x0A]
            return target
        }
        target.offset = try cutTornEnd(target, scan)
        return target
    }

    private func checkHeader(_ scan: CSVRecordScanner.Result, of path: String, expected header: [String]) throws(ImportError) {
        guard let found = scan.header else { return }
        let expected = String(CSVFormat.line(header).dropLast())
        let text = String(decoding: found, as: UTF8.self)
        guard text == expected else { throw .headerMismatch(path: path, expected: expected, found: text) }
    }

    /// A last line without line end, or with the wrong number of fields, was cut off by an
    /// interrupted save: it goes to `NAME.recovered.csv` and the file ends before it. Returns
    /// the new end.
    private func cutTornEnd(_ target: Target, _ scan: CSVRecordScanner.Result) throws(ImportError) -> Int {
        var cut = scan.size
        var rows: [[String]] = []
        var notes: [String] = []
        let recovered = ResponseFile.companion(of: target.path, suffix: "recovered")
        if let last = scan.lastRecord, last.fields != target.staged.header.count {
            var raw = try RegularFile.read(target.descriptor, from: last.start, count: scan.end - last.start, path: target.path)
            while raw.last == 0x0A || raw.last == 0x0D { raw.removeLast() }
            rows.append([target.path, String(last.line), "the line has \(last.fields) fields but the header \(target.staged.header.count): a save was interrupted", String(decoding: raw, as: UTF8.self)])
            notes.append("\(target.path): line \(last.line) was cut off by an interrupted save (\(last.fields) fields, the header has \(target.staged.header.count)); moved it to \(recovered)")
            cut = last.start
        }
        if scan.end < scan.size {
            var raw = try RegularFile.read(target.descriptor, from: scan.end, count: scan.size - scan.end, path: target.path)
            while raw.last == 0x0A || raw.last == 0x0D { raw.removeLast() }
            rows.append([target.path, String(scan.lines + 1), "the line has no line end: a save was interrupted (crash, kill or power cut)", String(decoding: raw, as: UTF8.self)])
            notes.append("\(target.path): line \(scan.lines + 1) was cut off by an interrupted save (no line end); moved it to \(recovered)")
            cut = min(cut, scan.end)
        }
        guard !rows.isEmpty else { return scan.size }
        try RecoveredFile.append(rows, to: recovered)
        guard ftruncate(target.descriptor, off_t(cut)) == 0 else { throw .writeFailed(path: target.path, reason: String(cString: strerror(errno))) }
        try RegularFile.sync(target.descriptor, path: target.path)
        for note in notes { lock.notify(note) }
        return cut
    }

    /// Writes the rollback record, appends, syncs, removes the record; on an error the files
    /// are put back before it is thrown.
    private func write(_ targets: [Target]) throws(ImportError) {
        guard !targets.isEmpty else { return }
        var changes: [RollbackRecord.Change] = []
        for target in targets {
            var status = stat()
            guard fstat(target.descriptor, &status) == 0 else { throw .writeFailed(path: target.path, reason: String(cString: strerror(errno))) }
            changes.append(RollbackRecord.Change(path: RegularFile.resolved(target.path), identity: FileIdentity(status), offset: target.offset,
                                                 end: target.offset + target.prefix.count + target.staged.byteCount, created: target.created && target.offset == 0))
        }
        let record = RollbackRecord(purpose: "import", changes: changes)
        try lock.beginChange(record)
        do throws(ImportError) {
            for target in targets {
                try RegularFile.write(target.descriptor, target.prefix, at: target.offset, path: target.path)
                let start = target.offset + target.prefix.count
                var done = 0
                if target.staged === responses, let pause = ImportBatch.testPause() {
                    done = target.staged.byteCount / 2
                    try target.staged.copy(from: 0, count: done, to: target.descriptor, at: start, path: target.path)
                    try RegularFile.sync(target.descriptor, path: target.path)
                    lock.notify("\(ImportBatch.pauseVariable): paused after \(done) of \(target.staged.byteCount) bytes appended to \(target.path)")
                    usleep(UInt32(min(pause, 600) * 1_000_000))
                }
                try target.staged.copy(from: done, count: target.staged.byteCount - done, to: target.descriptor, at: start + done, path: target.path)
                try RegularFile.sync(target.descriptor, path: target.path)
            }
        } catch {
            _ = try? record.undo()
            lock.endChange()
            throw error
        }
        lock.endChange()
    }

    /// The pause asked for by the test hook, in seconds.
    static func testPause() -> Double? {
        guard let text = ProcessInfo.processInfo.environment[pauseVariable], let seconds = Double(text), seconds > 0 else { return nil }
        return seconds
    }
}
