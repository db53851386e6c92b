private import CCSV

/// The one place that touches libcsv: a strict, streaming parser fed one physical line at a time.
///
/// A class owns the C parser state and frees it in `deinit`. Callbacks capture nothing: they
/// find the parser through the `data` pointer (`Unmanaged`). Records are handed back after
/// `csv_parse` returns, so no Swift error ever unwinds through C frames.
final class CSVParser {
    private var parser = csv_parser()
    /// Records completed in the current feed: the first `finishedCount` of `pool`. Their
    /// buffers are reused from feed to feed, so a row costs no allocation once the pool is warm.
    private var pool: [CSVRecord] = [CSVRecord()]
    private var finishedCount = 0
    /// The record being read, field by field, in buffers of our own: a field is one `memcpy`,
    /// and the record is copied into `pool` once, when it ends. (Appending each field to a
    /// pooled record's arrays cost more than libcsv's own parse.) It may span feeds (a line
    /// break inside quotes).
    private var staged: UnsafeMutablePointer<UInt8>
    private var stagedCapacity = 4096
    private var stagedCount = 0
    private var stagedEnds: UnsafeMutablePointer<Int>
    private var endsCapacity = 64
    private var endsCount = 0
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
        staged = .allocate(capacity: stagedCapacity)
        stagedEnds = .allocate(capacity: endsCapacity)
        let status = csv_init(&parser, options)
        precondition(status == 0, "csv_init failed")
        csv_set_delim(&parser, delimiter)
    }

    deinit {
        csv_free(&parser)
        staged.deallocate()
        stagedEnds.deallocate()
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

    /// Forgets the records handed out; the record in progress (a multi-line field) stays staged.
    private func startFeed() {
        finishedCount = 0
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
        stagedCount = 0
        endsCount = 0
        finishedCount = 0
    }

    private func fieldEnded(_ data: UnsafeMutableRawPointer?, _ length: Int) {
        if stagedCount + length > stagedCapacity {
            var capacity = stagedCapacity * 2
            while stagedCount + length > capacity { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: staged, count: stagedCount)
            staged.deallocate()
            staged = grown
            stagedCapacity = capacity
        }
        if endsCount == endsCapacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: endsCapacity * 2)
            grown.update(from: stagedEnds, count: endsCount)
            stagedEnds.deallocate()
            stagedEnds = grown
            endsCapacity *= 2
        }
        if let data, length > 0 { (staged + stagedCount).update(from: data.assumingMemoryBound(to: UInt8.self), count: length) }
        stagedCount += length
        stagedEnds[endsCount] = stagedCount
        endsCount += 1
    }

    private func recordEnded() {
        if pool.count == finishedCount { pool.append(CSVRecord()) }
        pool[finishedCount].replace(bytes: UnsafeBufferPointer(start: staged, count: stagedCount),
                                    ends: UnsafeBufferPointer(start: stagedEnds, count: endsCount))
        finishedCount += 1
        stagedCount = 0
        endsCount = 0
    }

    private static let fieldEnded: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { data, length, context in
        Unmanaged<CSVParser>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.fieldEnded(data, length) }
    }

    private static let recordEnded: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        Unmanaged<CSVParser>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.recordEnded() }
    }
}
