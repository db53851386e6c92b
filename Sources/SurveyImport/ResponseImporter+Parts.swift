import Foundation

/// How the consumer of an import takes the rows of a file read in parts: each part has its own
/// importer, whose callbacks `start` sets to fill a `Part` of the consumer's (a tally, staged
/// rows), and the parts are handed to `finish` in file order, on the calling thread.
public struct ImportParts<Part>: @unchecked Sendable {
    /// Threads reading parts at once (`--jobs`); 1 reads them one after the other.
    public var jobs: Int
    /// Sets up one part: called on the thread that reads it, with the part's importer.
    public var start: (ResponseImporter) throws -> Part
    /// Takes one part in, in file order, on the thread that called `importFile(_:parts:)`.
    public var finish: (Part) throws -> Void
    /// Called after each part is taken in: bytes of the file done, its size, rows read.
    public var progress: ((_ done: Int, _ total: Int, _ rows: Int) -> Void)?

    public init(jobs: Int, start: @escaping (ResponseImporter) throws -> Part, finish: @escaping (Part) throws -> Void,
                progress: ((Int, Int, Int) -> Void)? = nil) {
        self.jobs = jobs
        self.start = start
        self.finish = finish
        self.progress = progress
    }
}

extension ResponseImporter {
    /// Test hook: the part size in bytes (`SURVEY_TEST_PART_BYTES=200` cuts the fixtures into
    /// many parts, so tests can check that every cut gives the one-reader result).
    public static let partBytesVariable = "SURVEY_TEST_PART_BYTES"

    /// Files up to this size are streamed by one reader; larger ones are read in parts of it.
    /// 16 MiB: big enough that merging a part's tallies costs little beside counting it, small
    /// enough that two cores get an even share and the parts waiting fit in ~100 MB.
    static var partBytes: Int {
        if let text = ProcessInfo.processInfo.environment[partBytesVariable], let bytes = Int(text), bytes > 0 { return bytes }
        return 16 << 20
    }

    /// Reads one file, in parts on `parts.jobs` threads when it is a regular UTF-8 file with a
    /// one-byte delimiter, an id column, and more than one part's size; otherwise as
    /// `importFile(_:)`, through this importer's own callbacks (which must be set as for it).
    ///
    /// The result is that of one reader going through the file, whatever the number of
    /// threads: the cuts are made at line ends outside quotes (`PartPlan`); a part that ends
    /// inside a record makes the rest of the file one part; duplicate ids are checked across
    /// parts in order (a part with an id an earlier part has is read again knowing them, so
    /// the later row is the one rejected, naming the line of the first); line numbers are
    /// those of the file. The parts' results are taken in in file order, so the merged tallies
    /// do not depend on the number of threads either.
    @discardableResult
    public func importFile<Part>(_ path: String, parts: ImportParts<Part>) throws -> ImportSummary {
        let partBytes = ResponseImporter.partBytes
        jobs = parts.jobs
        // An XLSX workbook is a zip: its sheet is read by one reader as it is unzipped.
        guard !XLSXSheetRecords.isWorkbook(path) else { return try importFile(path) }
        guard let mapped = MappedFile(path: path, minimumSize: partBytes + 1) else { return try importFile(path) }
        let head = CSVFileReader(path: path, encoding: options.encoding, fieldDelimiter: options.delimiter)
        let read = UncheckedBox(FileRead(path: path))
        startFile()
        let file = mapped.bytes
        guard let (offset, line) = try head.readHead(file, isHeaderRead: { read.value.layout != nil }, { [self] event in try take(event, from: head, into: &read.value) })
        else { return try importFile(path) }
        if offset < file.count {
            if read.value.layout?.respondentColumn == nil {
                // Rows are numbered in file order: one reader goes on.
                _ = try head.readPart(file, from: offset, to: file.count, line: line, isLast: true) { [self] event in try take(event, from: head, into: &read.value) }
            } else {
                try readParts(file, from: offset, line: line, head: head, read: read, parts: parts, partBytes: partBytes)
            }
        }
        return try finishFile(read.value, reader: head)
    }

    /// One part read: its importer and reader (for what they found besides rows), the
    /// consumer's part, and whether it ended where a record ends.
    private final class PartRun<Part>: @unchecked Sendable {
        var importer: ResponseImporter?
        var reader: CSVFileReader?
        var part: Part?
        var read: FileRead?
        var clean = false
        var error: (any Error)?
    }

    private func readParts<Part>(_ file: UnsafeRawBufferPointer, from offset: Int, line: Int, head: CSVFileReader, read: UncheckedBox<FileRead>,
                                 parts: ImportParts<Part>, partBytes: Int) throws {
        let plan = PartPlan(file, from: offset, line: line, partBytes: partBytes, jobs: parts.jobs)
        let count = plan.starts.count
        _ = sourceIndex(read.value.path)
        let base = seenRespondents
        let order = TimestampOrderShare()
        let start = read.value
        let run = { [self] (index: Int, end: Int, inherited: [RespondentIDSet], previous: ResponseImporter?) -> PartRun<Part> in
            let result = PartRun<Part>()
            let importer = ResponseImporter(partOf: self, inherited: inherited, order: order, after: previous)
            let reader = CSVFileReader(path: start.path, encoding: options.encoding, fieldDelimiter: options.delimiter)
            reader.adopt(head)
            var partRead = FileRead(path: start.path, layout: start.layout, firstNumber: start.firstNumber)
            do {
                result.part = try parts.start(importer)
                result.clean = try reader.readPart(file, from: plan.starts[index], to: end, line: plan.lines[index], isLast: end == file.count) { event in
                    try importer.take(event, from: reader, into: &partRead)
                }
            } catch {
                result.error = error
            }
            (result.importer, result.reader, result.read) = (importer, reader, partRead)
            return result
        }
        let ends = Array(plan.starts.dropFirst()) + [file.count]
        let jobs = min(max(parts.jobs, 1), count)
        let queue = PartQueue<PartRun<Part>>(count: count, window: jobs + 1)
        let workers = DispatchGroup()
        if jobs > 1 {
            let work = UncheckedBox(run)
            for _ in 0..<jobs {
                workers.enter()
                Thread.detachNewThread {
                    var previous: ResponseImporter?
                    while let index = queue.take() {
                        let part = work.value(index, ends[index], [base], previous)
                        previous = part.importer
                        queue.put(index, part)
                    }
                    workers.leave()
                }
            }
        }
        defer {
            queue.stop()
            workers.wait()
        }
        var fileSeen = RespondentIDSet()
        var previous: ResponseImporter?
        for index in 0..<count {
            var part = jobs > 1 ? queue.result(index) : run(index, ends[index], [base], previous)
            if let error = part.error { throw error }
            var isLast = false, joined = false
            if !part.clean, ends[index] < file.count {
                // The cut was inside a record (broken quoting): the rest is one part.
                queue.stop()
                part = run(index, file.count, [base, fileSeen], nil)
                isLast = true
            } else if fileSeen.formUnionIfDisjoint(part.importer!.seenRespondents) {
                joined = true
            } else {
                // An id an earlier part has: read again knowing them, as one reader would.
                part = run(index, ends[index], [base, fileSeen], nil)
            }
            if let error = part.error { throw error }
            try parts.finish(part.part!)
            let importer = part.importer!
            previous = importer
            read.value.summary.merge(part.read!.summary)
            read.value.rowNumber += part.read!.rowNumber
            head.merge(defectsOf: part.reader!)
            submissions.merge(importer.submissions)
            numbering.merge(importer.numbering)
            if !joined { fileSeen.formUnion(importer.seenRespondents) }
            parts.progress?(isLast ? file.count : ends[index], file.count, read.value.summary.rowsRead)
            if isLast { break }
        }
        if seenRespondents.isEmpty {
            seenRespondents = fileSeen
        } else {
            seenRespondents.formUnion(fileSeen)
        }
    }
}

/// The day/month order of a file's slashed timestamps, decided once for all its parts (the
/// decision reads the whole column, `TimestampOrderScan`).
final class TimestampOrderShare: @unchecked Sendable {
    private let lock = NSLock()
    private var decided: DayMonthOrder??

    func order(_ decide: () -> DayMonthOrder?) -> DayMonthOrder? {
        lock.lock()
        defer { lock.unlock() }
        if let decided { return decided }
        let order = decide()
        decided = .some(order)
        return order
    }
}
