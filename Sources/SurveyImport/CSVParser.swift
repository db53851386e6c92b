private import CCSV

/// The one place that touches libcsv: a strict, streaming parser fed one physical line at a time.
///
/// A class owns the C parser state and frees it in `deinit`. Callbacks capture nothing: they
/// find the parser through the `data` pointer (`Unmanaged`). Records are handed back after
/// `csv_parse` returns, so no Swift error ever unwinds through C frames.
final class CSVParser {
    private var parser = csv_parser()
    private var current = CSVRecord()
    private var finished: [CSVRecord] = []
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

    /// Feeds bytes; returns the records that ended inside them.
    func feed(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> [CSVRecord] {
        finished.removeAll(keepingCapacity: true)
        let me = Unmanaged.passUnretained(self).toOpaque()
        let used = csv_parse(&parser, bytes.baseAddress, bytes.count, CSVParser.fieldEnded, CSVParser.recordEnded, me)
        if used < bytes.count {
            let code = csv_error(&parser)
            reset()
            if code == CSV_EPARSE { throw .malformedQuoting(offset: used) }
            throw .outOfMemory
        }
        return finished
    }

    /// Ends the input; returns the last record when the file did not end with a newline.
    func finish() throws(Failure) -> [CSVRecord] {
        finished.removeAll(keepingCapacity: true)
        let me = Unmanaged.passUnretained(self).toOpaque()
        if csv_fini(&parser, CSVParser.fieldEnded, CSVParser.recordEnded, me) != 0 {
            reset()
            throw .unterminatedQuote
        }
        return finished
    }

    /// Drops a half-read record and readies the parser for the next line.
    func reset() {
        // csv_fini refuses (and keeps its state) on an open quote while STRICT_FINI is set.
        csv_set_opts(&parser, UInt8(CSV_STRICT))
        csv_fini(&parser, nil, nil, nil)
        csv_set_opts(&parser, options)
        parser.status = 0
        current.removeAll()
        finished.removeAll(keepingCapacity: true)
    }

    private static let fieldEnded: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { data, length, context in
        let me = Unmanaged<CSVParser>.fromOpaque(context!).takeUnretainedValue()
        if let data {
            me.current.append(UnsafeRawBufferPointer(start: data, count: length))
        } else {
            me.current.append(EmptyCollection<UInt8>())
        }
    }

    private static let recordEnded: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        let me = Unmanaged<CSVParser>.fromOpaque(context!).takeUnretainedValue()
        me.finished.append(me.current)
        me.current.removeAll()
    }
}
