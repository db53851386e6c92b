private import CCSV

/// The one place that touches libcsv: a strict, streaming parser fed one physical line at a time.
///
/// A class owns the C parser state and frees it in `deinit`. Callbacks capture nothing: they
/// find the parser through the `data` pointer (`Unmanaged`). Records are handed back after
/// `csv_parse` returns, so no Swift error ever unwinds through C frames.
final class CSVParser {
    private var parser = csv_parser()
    /// Records read in the current feed; the first `finishedCount` are complete. Their buffers
    /// are reused from feed to feed, so a row costs no allocation once the pool is warm.
    private var pool: [CSVRecord] = [CSVRecord()]
    private var finishedCount = 0
    private let options = UInt8(CSV_STRICT | CSV_STRICT_FINI)

    /// Why a feed failed.
    enum Failure: Error {
        /// Malformed quoting (strict mode): a quote inside an unquoted field or text after a
        /// closing quote; `offset` is where in the fed bytes libcsv stopped.
        case malformedQuoting(offset: Int)
        /// The input ended inside a quoted field.
        case unterminatedQuote
        /// libcsv could not grow its field buffer.
        case outOfMemory
    }

    init(delimiter: UInt8) {
        let status = csv_init(&parser, options)
        precondition(status == 0, "csv_init failed")
        csv_set_delim(&parser, delimiter)
    }

    deinit {
        csv_free(&parser)
    }

    /// Whether libcsv is inside a record: some of it read, its end not yet seen.
    var inRecord: Bool { parser.pstate != 0 }

    /// Whether libcsv is inside a quoted field (libcsv's FIELD_BEGUN state with `quoted`): the
    /// next line fed continues that field.
    var inQuotedField: Bool { parser.pstate == 2 && parser.quoted != 0 }

    /// Changes the delimiter byte for the bytes fed from now on (a multi-byte delimiter is fed
    /// as a byte chosen per line, see `CSVFileReader`).
    func setDelimiter(_ byte: UInt8) {
        if parser.delim_char != byte { csv_set_delim(&parser, byte) }
    }

    /// Feeds bytes; returns the records that ended inside them.
    func feed(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> ArraySlice<CSVRecord> {
        startFeed()
        let me = Unmanaged.passUnretained(self).toOpaque()
        let used = csv_parse(&parser, bytes.baseAddress, bytes.count, CSVParser.fieldEnded, CSVParser.recordEnded, me)
        if used < bytes.count {
            let code = csv_error(&parser)
            reset()
            if code == CSV_EPARSE { throw .malformedQuoting(offset: used) }
            throw .outOfMemory
        }
        return pool[0..<finishedCount]
    }

    /// Keeps the record in progress (a multi-line field) and forgets the ones handed out.
    private func startFeed() {
        if finishedCount > 0 {
            pool.swapAt(0, finishedCount)
            for index in 1...finishedCount { pool[index].removeAll() }
            finishedCount = 0
        }
    }

    /// Ends the input; returns the last record when the file did not end with a newline.
    func finish() throws(Failure) -> ArraySlice<CSVRecord> {
        startFeed()
        let me = Unmanaged.passUnretained(self).toOpaque()
        if csv_fini(&parser, CSVParser.fieldEnded, CSVParser.recordEnded, me) != 0 {
            reset()
            throw .unterminatedQuote
        }
        return pool[0..<finishedCount]
    }

    /// Drops a half-read record and readies the parser for the next line.
    func reset() {
        // csv_fini refuses (and keeps its state) on an open quote while STRICT_FINI is set.
        csv_set_opts(&parser, UInt8(CSV_STRICT))
        csv_fini(&parser, nil, nil, nil)
        csv_set_opts(&parser, options)
        parser.status = 0
        for index in pool.indices { pool[index].removeAll() }
        finishedCount = 0
    }

    private func fieldEnded(_ data: UnsafeMutableRawPointer?, _ length: Int) {
        let field = data.map { UnsafeRawBufferPointer(start: $0, count: length) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
        pool[finishedCount].append(field)
    }

    private func recordEnded() {
        finishedCount += 1
        if pool.count == finishedCount { pool.append(CSVRecord()) }
    }

    private static let fieldEnded: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { data, length, context in
        Unmanaged<CSVParser>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.fieldEnded(data, length) }
    }

    private static let recordEnded: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        Unmanaged<CSVParser>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.recordEnded() }
    }
}
