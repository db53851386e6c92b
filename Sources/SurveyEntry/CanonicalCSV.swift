/// Splits the files `survey` itself writes (UTF-8, comma, RFC 4180 quoting, LF or CRLF) into
/// records, and says where the last complete record ends.
///
/// Entry needs record boundaries in bytes, which libcsv does not report: to find a torn last
/// line, to index respondent ids as rows are appended, and to rewrite one row in place. The
/// importer reads every other kind of file.
enum CanonicalCSV {
    /// One complete record.
    struct Record {
        /// Byte offset of its first byte.
        var start: Int
        /// Byte offset just past its line end.
        var end: Int
        /// Physical line (from 1) it starts on.
        var line: Int
        /// Physical line the next record starts on.
        var nextLine: Int
        /// The fields, unquoted.
        var fields: [String]
    }

    /// What a scan found.
    struct Scan {
        /// Complete records, in order.
        var records: [Record] = []
        /// Where the bytes after the last complete record start, when there are any: text
        /// without a line end, or a line end inside an open quote.
        var tail: Int?
        /// Physical lines in the complete records.
        var lines = 0
    }

    /// Scans `bytes`; offsets are counted from `base`, lines from `firstLine`.
    static func scan(_ bytes: some Collection<UInt8>, base: Int = 0, firstLine: Int = 1) -> Scan {
        var scan = Scan()
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var afterQuote = false
        var recordStart = base
        var recordLine = firstLine
        var line = firstLine
        var offset = base
        var previous: UInt8 = 0
        for byte in bytes {
            offset += 1
            defer { previous = byte }
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    inQuotes = false
                    afterQuote = true
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                // `""` inside a quoted field: the quote closed, and opens again.
                if afterQuote { field.append(byte) }
                inQuotes = true
                afterQuote = false
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                afterQuote = false
            case 0x0A:
                if previous == 0x0D, field.last == 0x0D, !afterQuote { field.removeLast() }
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                afterQuote = false
                line += 1
                scan.records.append(Record(start: recordStart, end: offset, line: recordLine, nextLine: line, fields: fields))
                fields.removeAll(keepingCapacity: true)
                recordStart = offset
                recordLine = line
            case 0x0D where afterQuote:
                break
            default:
                afterQuote = false
                field.append(byte)
            }
        }
        scan.lines = recordLine - firstLine
        if offset > recordStart { scan.tail = recordStart }
        return scan
    }
}
