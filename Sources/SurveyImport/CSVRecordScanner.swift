import Foundation

/// Walks a CSV file that survey writes (RFC 4180: `,` between fields, `"` quoting, `""` inside
/// quotes) record by record without holding it: 1 MiB at a time, handing out the first field of
/// each data record (the respondent id) with its line, and finding where the last whole record
/// ends. Memory: one chunk and one id, whatever the file's size.
///
/// This is how an import reads the ids already in `--into` and finds a torn last line there,
/// instead of loading the file.
enum CSVRecordScanner {
    /// What a scan found.
    struct Result: Equatable {
        /// Bytes read: the file's size unless the scan was stopped.
        var size = 0
        /// The first physical line without byte order mark and CR; nil for an empty file.
        var header: [UInt8]?
        /// Whether the header line has its line end.
        var headerComplete = false
        /// Offset just past the last whole record (the header's line end at least).
        var end = 0
        /// Physical lines up to `end`.
        var lines = 0
        /// Where the last whole data record starts, and its field count.
        var lastRecord: (start: Int, line: Int, fields: Int)?

        static func == (a: Result, b: Result) -> Bool {
            a.size == b.size && a.header == b.header && a.headerComplete == b.headerComplete && a.end == b.end && a.lines == b.lines
                && a.lastRecord?.start == b.lastRecord?.start && a.lastRecord?.fields == b.lastRecord?.fields && a.lastRecord?.line == b.lastRecord?.line
        }
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    static let chunkSize = 1 << 20

    /// Scans the open file from its start. `record` gets each data record's first field and
    /// physical line; returning false stops the scan.
    static func scan(_ descriptor: Int32, path: String, record: (UnsafeBufferPointer<UInt8>, Int) -> Bool = { _, _ in true }) throws(ImportError) -> Result {
        var result = Result()
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var offset = 0
        var state = State.fieldStart
        var inHeader = true
        var header: [UInt8] = []
        var field = 0
        var first: [UInt8] = []
        first.reserveCapacity(64)
        var line = 1            // physical line being read
        var recordLine = 2
        var recordStart = 0
        var stopped = false
        while !stopped {
            let got = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, chunkSize, off_t(offset)) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            chunk.withUnsafeBufferPointer { bytes in
                var index = 0
                if inHeader {
                    while index < got, bytes[index] != 0x0A { index += 1 }
                    header.append(contentsOf: bytes[0..<index])
                    guard index < got else { return }
                    inHeader = false
                    result.headerComplete = true
                    index += 1
                    result.end = offset + index
                    result.lines = 1
                    line = 2
                    recordStart = result.end
                    recordLine = 2
                }
                while index < got {
                    let byte = bytes[index]
                    index += 1
                    switch state {
                    case .fieldStart:
                        if byte == 0x22 {
                            state = .quoted
                            continue
                        }
                        if byte == 0x2C {
                            field += 1
                            continue
                        }
                        if byte != 0x0A {
                            state = .unquoted
                            if field == 0 { first.append(byte) }
                            continue
                        }
                    case .unquoted:
                        if byte == 0x2C {
                            field += 1
                            state = .fieldStart
                            continue
                        }
                        if byte != 0x0A {
                            if field == 0 { first.append(byte) }
                            continue
                        }
                    case .quoted:
                        if byte == 0x22 {
                            state = .quoteInQuoted
                        } else {
                            if byte == 0x0A { line += 1 }
                            if field == 0 { first.append(byte) }
                        }
                        continue
                    case .quoteInQuoted:
                        if byte == 0x22 {
                            if field == 0 { first.append(byte) }
                            state = .quoted
                            continue
                        }
                        if byte == 0x2C {
                            field += 1
                            state = .fieldStart
                            continue
                        }
                        if byte != 0x0A {
                            if field == 0 { first.append(byte) }
                            state = .unquoted
                            continue
                        }
                    }
                    // A line end outside quotes: the record is whole.
                    if field == 0, first.last == 0x0D { first.removeLast() }
                    let keepGoing = first.withUnsafeBufferPointer { record($0, recordLine) }
                    result.lastRecord = (recordStart, recordLine, field + 1)
                    result.end = offset + index
                    result.lines = line
                    line += 1
                    recordStart = result.end
                    recordLine = line
                    field = 0
                    first.removeAll(keepingCapacity: true)
                    state = .fieldStart
                    if !keepGoing {
                        stopped = true
                        return
                    }
                }
            }
            offset += got
        }
        result.size = offset
        if offset > 0 {
            if header.starts(with: [0xEF, 0xBB, 0xBF]) { header.removeFirst(3) }
            if header.last == 0x0D { header.removeLast() }
            result.header = header
        }
        return result
    }
}
