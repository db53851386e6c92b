import Foundation

/// Reads a delimited text file record by record: detects the encoding, converts it to UTF-8,
/// finds the delimiter, and recovers from broken quoting without losing any line.
///
/// The file is read in 1 MiB chunks and fed to libcsv one physical line at a time, which is
/// how every record gets the line number it starts on. A record that cannot be parsed is
/// reported with its raw text; when an unclosed quote swallowed the lines after it, only the
/// line where the record began is reported and the lines after it are parsed again.
///
/// Every chunk is checked for bytes that are not UTF-8 and for NUL (`TextDefects`), not just
/// the first MiB the encoding was chosen from: a record holding such bytes is marked
/// (`currentRecordHasDefects`) so the importer lists each bad cell, and `notes` say where the
/// bad bytes are and what they look like (a Windows-1251 tail appended to a UTF-8 export).
final class CSVFileReader {
    /// What the reader found in the file.
    enum Event {
        /// A parsed record and the physical line (from 1) it starts on.
        case record(CSVRecord, line: Int)
        /// Text that is not valid CSV, with the line it starts on and why.
        case malformed(line: Int, raw: String, reason: String)
    }

    let path: String
    private(set) var encoding: TextEncoding = .utf8
    /// Why the encoding was chosen when neither a BOM nor plain UTF-8 decided it.
    private(set) var encodingReason: String?
    private(set) var delimiter: Unicode.Scalar = ","
    /// The delimiter a `sep=` first line declared (that line is not read as the header).
    private(set) var declaredDelimiter: Unicode.Scalar?
    /// Whether the record being handled (during a `.record` event) holds bytes that are not
    /// valid UTF-8, or NUL: the importer repairs its cells and lists each defect.
    private(set) var currentRecordHasDefects = false
    private let forcedEncoding: TextEncoding?
    private let forcedDelimiter: Unicode.Scalar?

    private var parser: CSVParser!
    /// Asked after each line that ends a record, while set: true stops the read there (the
    /// head of a file read in parts stops after its header, `readHead`).
    private var stopAfterRecord: (() -> Bool)?
    private var stopped = false
    private var recordStart = 1
    private var recordLines: [[UInt8]] = []
    private var recordBytes = 0
    private var recordHasDefects = false
    private var handler: ((Event) throws -> Void)!
    private var currentLine: ArraySlice<UInt8> = []
    /// The delimiter's UTF-8 bytes when it is more than one byte (`§`, `；`).
    private var wideDelimiter: [UInt8]?
    private(set) var defects = DefectTally()
    /// The first line not wholly inside the first chunk, from which the encoding was chosen.
    private(set) var headEndLine = 1
    /// Rows end with LF or CRLF (the header's line has no lone CR before its LF): a lone CR
    /// in a line then splits a row by mistake. False for Excel's CR-only "CSV (Macintosh)",
    /// whose lines are CR-ended and whose LFs sit inside quoted answers.
    private var rowsEndWithLF = false

    /// Whether the first line of `text` ends with LF (or CRLF) with no lone CR before it.
    static func rowsEndWithLF(_ text: ArraySlice<UInt8>) -> Bool {
        guard let lf = text.firstIndex(of: 0x0A) else { return false }
        guard let cr = text[..<lf].firstIndex(of: 0x0D) else { return true }
        return cr == lf - 1
    }

    /// The raw text of the record being handled (during a `.record` event), as it is in the file.
    var currentRecordText: String {
        var bytes = recordLines.flatMap { $0 }
        bytes.append(contentsOf: currentLine)
        return CSVFileReader.text(bytes)
    }

    /// Notes on what was read, for the import summary: bytes that are not UTF-8, NUL bytes.
    var notes: [String] {
        defects.notes(path: path, encoding: encoding, headEndLine: headEndLine)
    }

    /// A multi-line record longer than this is taken as an unclosed quote.
    static let maxRecordLines = 10_000
    static let maxRecordBytes = 8 << 20
    static let chunkSize = 1 << 20

    init(path: String, encoding: TextEncoding?, fieldDelimiter: Unicode.Scalar?) {
        self.path = path
        forcedEncoding = encoding
        forcedDelimiter = fieldDelimiter
    }

    /// A reader with a one-byte delimiter (ASCII).
    convenience init(path: String, encoding: TextEncoding?, delimiter: UInt8?) {
        self.init(path: path, encoding: encoding, fieldDelimiter: delimiter.map { Unicode.Scalar($0) })
    }

    /// Reads the whole file, calling `handle` for every record and every malformed line.
    func read(_ handle: @escaping (Event) throws -> Void) throws {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw ImportError.unreadable(path: path, reason: "it is a folder; name the CSV or XLSX file of responses in it")
        }
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw ImportError.unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        defer { try? file.close() }
        handler = handle
        defer { handler = nil }

        var head = try readChunk(file)
        let isWholeFile = head.count < CSVFileReader.chunkSize
        let bomLength: Int
        if let forcedEncoding {
            encoding = forcedEncoding
            bomLength = TextEncoding.bomLength(of: head, for: forcedEncoding)
        } else {
            switch TextEncoding.detect(head, isWholeFile: isWholeFile) {
            case .read(let detected, let bom, let reason):
                (encoding, bomLength, encodingReason) = (detected, bom, reason)
            case .unsure(let explanation):
                throw ImportError.unsureEncoding(path: path, explanation: explanation)
            }
        }
        var transcoder = Transcoder(encoding: encoding)
        var text: [UInt8] = []
        text.reserveCapacity(CSVFileReader.chunkSize * 2)
        transcoder.decode(head[bomLength...], into: &text)
        head = []
        var line = 1
        if let declaration = DelimiterDeclaration(text[...]) {
            declaredDelimiter = declaration.delimiter
            text.removeSubrange(0..<declaration.length)
            line = 2
        }
        rowsEndWithLF = CSVFileReader.rowsEndWithLF(text[...])
        delimiter = forcedDelimiter ?? declaredDelimiter ?? Unicode.Scalar(DelimiterSniffer.sniff(text[...]))
        if delimiter.isASCII {
            parser = CSVParser(delimiter: UInt8(delimiter.value))
        } else {
            wideDelimiter = Array(String(delimiter).utf8)
            parser = CSVParser(delimiter: CSVFileReader.standIns[0])
        }

        var isHead = true
        while true {
            let consumed = try feedLines(in: text, line: &line)
            text.removeSubrange(0..<consumed)
            if isHead {
                headEndLine = line
                isHead = false
            }
            let chunk = try readChunk(file)
            if chunk.isEmpty { break }
            transcoder.decode(chunk[...], into: &text)
        }
        transcoder.finish(into: &text)
        if !text.isEmpty {
            try feedLine(text[...], number: line, isChecked: false)
        }
        try finish(lastLine: line)
    }

    // MARK: A memory-mapped file read in parts

    /// Reads the head of a mapped file: chooses the encoding and delimiter as `read` does, then
    /// reads lines up to the end of its header record (`isHeaderRead` says when). Returns
    /// where it stopped (byte offset in `file` and the next line number), or nil, having read
    /// nothing, when the parts cannot be read apart: the file is not UTF-8 or its delimiter is
    /// more than one byte. At the end of the file the read is finished as `read` finishes it.
    func readHead(_ file: UnsafeRawBufferPointer, isHeaderRead: @escaping () -> Bool, _ handle: @escaping (Event) throws -> Void) throws -> (offset: Int, line: Int)? {
        let head = [UInt8](UnsafeRawBufferPointer(rebasing: file[0..<min(file.count, CSVFileReader.chunkSize)]))
        let bomLength: Int
        if let forcedEncoding {
            encoding = forcedEncoding
            bomLength = TextEncoding.bomLength(of: head, for: forcedEncoding)
        } else {
            switch TextEncoding.detect(head, isWholeFile: head.count < CSVFileReader.chunkSize) {
            case .read(let detected, let bom, let reason):
                (encoding, bomLength, encodingReason) = (detected, bom, reason)
            case .unsure(let explanation):
                throw ImportError.unsureEncoding(path: path, explanation: explanation)
            }
        }
        guard encoding == .utf8 else { return nil }
        // A slice of the head, not a second copy of its MiB.
        var text = head[bomLength...]
        var line = 1
        var start = bomLength
        let declaration = DelimiterDeclaration(text)
        if let declaration {
            text.removeFirst(declaration.length)
            line = 2
            start += declaration.length
        }
        rowsEndWithLF = CSVFileReader.rowsEndWithLF(text)
        let chosen = forcedDelimiter ?? declaration?.delimiter ?? Unicode.Scalar(DelimiterSniffer.sniff(text))
        guard chosen.isASCII else { return nil }
        declaredDelimiter = declaration?.delimiter
        delimiter = chosen
        parser = CSVParser(delimiter: UInt8(chosen.value))
        // As `read` counts it: the line after the last one wholly inside the first MiB.
        headEndLine = line + text.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        stopAfterRecord = isHeaderRead
        defer { stopAfterRecord = nil }
        let offset = try readLines(file, from: start, to: file.count, line: &line, isLast: true, handle)
        return (offset, line)
    }

    /// Takes the encoding and delimiter the head's reader chose, to read a later part.
    func adopt(_ head: CSVFileReader) {
        encoding = head.encoding
        encodingReason = head.encodingReason
        delimiter = head.delimiter
        declaredDelimiter = head.declaredDelimiter
        headEndLine = head.headEndLine
        rowsEndWithLF = head.rowsEndWithLF
        parser = CSVParser(delimiter: UInt8(delimiter.value))
    }

    /// Reads the lines of `file[start..<end]`, the first numbered `line`: a part that starts
    /// where a record starts. `isLast`: the part ends the file, so the read is finished there.
    /// Returns whether the part ended where a record ends (nothing half read), which is what
    /// makes the next part's read, started afresh, the same as reading on.
    func readPart(_ file: UnsafeRawBufferPointer, from start: Int, to end: Int, line: Int, isLast: Bool, _ handle: @escaping (Event) throws -> Void) throws -> Bool {
        var line = line
        _ = try readLines(file, from: start, to: end, line: &line, isLast: isLast, handle)
        return !parser.inRecord && recordLines.isEmpty
    }

    /// Adds what another part's reader found in its bytes (`notes`), the parts in file order.
    func merge(defectsOf part: CSVFileReader) {
        defects.merge(part.defects)
    }

    /// Feeds the lines of `file[start..<end]` in 1 MiB steps, as `read` feeds what it reads;
    /// returns where it stopped (`end`, or the line end after which `stopAfterRecord` said stop).
    private func readLines(_ file: UnsafeRawBufferPointer, from start: Int, to end: Int, line: inout Int, isLast: Bool,
                           _ handle: @escaping (Event) throws -> Void) throws -> Int {
        handler = handle
        defer { handler = nil }
        stopped = false
        var text: [UInt8] = []
        text.reserveCapacity(CSVFileReader.chunkSize * 2)
        var position = start
        var textStart = start
        while position < end {
            let next = min(position + CSVFileReader.chunkSize, end)
            text.append(contentsOf: UnsafeRawBufferPointer(rebasing: file[position..<next]))
            // The mapping's pages are copied: out of this process's memory with them.
            if position >= CSVFileReader.chunkSize { MappedFile.release(file, position..<next) }
            position = next
            let consumed = try feedLines(in: text, line: &line)
            text.removeSubrange(0..<consumed)
            textStart += consumed
            if stopped { return textStart }
        }
        // The fault that read this part's last bytes may have mapped a large folio reaching
        // into the next part, which another thread may have read and released already.
        MappedFile.release(file, end..<min(end + MappedFile.folioReach, file.count))
        guard isLast else { return end }
        if !text.isEmpty {
            try feedLine(text[...], number: line, isChecked: false)
        }
        try finish(lastLine: line)
        return end
    }

    private func readChunk(_ file: FileHandle) throws -> [UInt8] {
        do {
            return [UInt8](try file.read(upToCount: CSVFileReader.chunkSize) ?? Data())
        } catch {
            // Foundation's own words are "The operation could not be completed"; the system's
            // are the ones to show.
            let cause = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let reason = cause?.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(cause!.code))) : error.localizedDescription
            throw ImportError.unreadable(path: path, reason: reason)
        }
    }

    /// Feeds every complete line in `text`; returns how many bytes were used. The lines are
    /// checked for defects all at once; only when that fails, line by line.
    private func feedLines(in text: [UInt8], line: inout Int) throws -> Int {
        var lineStart = 0
        try text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let last = buffer.lastIndex(of: 0x0A) else { return }
            let end = last + 1
            let isClean = TextDefects.isClean(UnsafeBufferPointer(rebasing: buffer[0..<end]))
            while lineStart < end {
                let found = memchr(base + lineStart, 0x0A, end - lineStart)!
                let lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                try feedLine(text[lineStart..<lineEnd], number: line, isChecked: isClean)
                line += 1
                lineStart = lineEnd
                if let stopAfterRecord, !parser.inRecord, stopAfterRecord() {
                    stopped = true
                    return
                }
            }
        }
        return lineStart
    }

    /// Feeds one physical line. `isChecked`: the line is known to be free of defects; otherwise
    /// it is checked, and counted for the notes unless it is being read again (`isReread`).
    private func feedLine(_ bytes: ArraySlice<UInt8>, number: Int, isChecked: Bool, isReread: Bool = false) throws {
        var hasDefects = false
        if !isChecked {
            let found = bytes.withUnsafeBufferPointer { TextDefects.count(in: $0) }
            hasDefects = found.invalid + found.nul > 0
            if hasDefects, !isReread { defects.add(line: number, invalid: found.invalid, nul: found.nul, bytes: bytes, encoding: encoding) }
        }
        if !parser.inRecord {
            recordStart = number
            recordLines.removeAll(keepingCapacity: true)
            recordBytes = 0
            recordHasDefects = false
        }
        if hasDefects { recordHasDefects = true }
        let startsOutsideRecord = !parser.inRecord
        let fed = wideDelimiter.map { standIn(for: $0, in: bytes) } ?? bytes
        let records: ArraySlice<CSVRecord>
        do {
            records = try fed.withUnsafeBytes { (raw) throws(CSVParser.Failure) -> ArraySlice<CSVRecord> in try parser.feed(raw) }
        } catch {
            if case CSVParser.Failure.malformedQuoting(let offset)? = error as? CSVParser.Failure {
                let column = String(decoding: fed.prefix(offset), as: UTF8.self).count + 1
                try recover(current: bytes, number: number, reason: "malformed quoting at character \(column) of line \(number): a quote inside an unquoted field, or text right after a closing quote; quote the whole field and double the quotes inside it (\"\")")
            } else {
                try recover(current: bytes, number: number, reason: "a field is too large to parse")
            }
            return
        }
        // An LF-ended line that began and ended outside any record yet held several: a lone CR
        // (which libcsv takes for a line end) split one row of the file into rows that each have
        // the wrong fields. One row, rejected once, with the whole line.
        if records.count > 1, rowsEndWithLF, startsOutsideRecord, !parser.inRecord, bytes.last == 0x0A, wideDelimiter == nil {
            recordLines.removeAll(keepingCapacity: true)
            recordBytes = 0
            try handler(.malformed(line: number, raw: CSVFileReader.text(Array(bytes)), reason: "a carriage return (CR) alone in the middle of line \(number) splits it into \(records.count) rows; quote the field that holds it, or remove it"))
            return
        }
        currentLine = bytes
        currentRecordHasDefects = recordHasDefects
        for record in records {
            try handler(.record(record, line: recordStart))
        }
        currentLine = []
        currentRecordHasDefects = false
        if parser.inRecord {
            recordLines.append(Array(bytes))
            recordBytes += bytes.count
            if recordLines.count > CSVFileReader.maxRecordLines || recordBytes > CSVFileReader.maxRecordBytes {
                parser.reset()
                try recover(current: nil, number: number, reason: "a quoted field runs over \(recordLines.count) lines; the quote opened on line \(recordStart) is probably never closed")
            }
        } else {
            recordLines.removeAll(keepingCapacity: true)
            recordBytes = 0
        }
    }

    /// Bytes that never occur in UTF-8 (nor as `Transcoder.undecodable`), to stand in for a
    /// multi-byte delimiter, which libcsv cannot take.
    static let standIns: [UInt8] = [0xFE, 0xFD, 0xFC, 0xFB, 0xFA, 0xF9, 0xF8, 0xF7, 0xF6, 0xF5, 0xC1, 0xC0]

    /// `line` with each multi-byte delimiter outside quotes replaced by one stand-in byte that
    /// the line does not hold, which libcsv is then told to split on. Inside quotes the
    /// delimiter stays as written, so fields come back unchanged. Costs one copy of each line.
    private func standIn(for delimiter: [UInt8], in line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let standIn = CSVFileReader.standIns.first { !line.contains($0) } ?? CSVFileReader.standIns[0]
        parser.setDelimiter(standIn)
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        var quoted = parser.inQuotedField
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted, byte == delimiter[0], line[index...].starts(with: delimiter) {
                out.append(standIn)
                index += delimiter.count
                continue
            }
            out.append(byte)
            index += 1
        }
        return out[...]
    }

    /// Reports the line where the broken record began and parses the lines after it again.
    private func recover(current: ArraySlice<UInt8>?, number: Int, reason: String) throws {
        var lines = recordLines
        if let current { lines.append(Array(current)) }
        let start = recordStart
        recordLines.removeAll()
        recordBytes = 0
        recordHasDefects = false
        guard !lines.isEmpty else { return }
        let first = lines.removeFirst()
        let why = lines.isEmpty ? reason : "the quote opened on line \(start) is not closed properly (\(reason))"
        try handler(.malformed(line: start, raw: CSVFileReader.text(first), reason: why))
        for (offset, line) in lines.enumerated() {
            try feedLine(line[...], number: start + 1 + offset, isChecked: false, isReread: true)
        }
    }

    private func finish(lastLine: Int) throws {
        do {
            let records = try parser.finish()
            currentRecordHasDefects = recordHasDefects
            defer { currentRecordHasDefects = false }
            for record in records {
                try handler(.record(record, line: recordStart))
            }
        } catch is CSVParser.Failure {
            try recover(current: nil, number: lastLine, reason: "the file ends inside a quoted field")
            try finish(lastLine: lastLine)
        }
    }

    /// A line as text for messages and the rejects file: line end dropped, bytes that are not
    /// UTF-8 and NUL shown as U+FFFD (the notes say where they were).
    private static func text(_ line: [UInt8]) -> String {
        var text = TextDefects.text(line)
        while text.last == "\n" || text.last == "\r" || text.last == "\r\n" { text.removeLast() }
        return text
    }
}
