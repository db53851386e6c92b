import Foundation

/// Reads a delimited text file record by record: detects the encoding, converts it to UTF-8,
/// sniffs the delimiter, and recovers from broken quoting without losing any line.
///
/// The file is read in 1 MiB chunks and fed to libcsv one physical line at a time, which is
/// how every record gets the line number it starts on. A record that cannot be parsed is
/// reported with its raw text; when an unclosed quote swallowed the lines after it, only the
/// line where the record began is reported and the lines after it are parsed again.
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
    private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    private let forcedEncoding: TextEncoding?
    private let forcedDelimiter: UInt8?

    private var parser: CSVParser!
    private var recordStart = 1
    private var recordLines: [[UInt8]] = []
    private var recordBytes = 0
    private var handler: ((Event) throws -> Void)!
    private var currentLine: ArraySlice<UInt8> = []

    /// The raw text of the record being handled (during a `.record` event), as it is in the file.
    var currentRecordText: String {
        var bytes = recordLines.flatMap { $0 }
        bytes.append(contentsOf: currentLine)
        return CSVFileReader.text(bytes)
    }

    /// A multi-line record longer than this is taken as an unclosed quote.
    static let maxRecordLines = 10_000
    static let maxRecordBytes = 8 << 20
    static let chunkSize = 1 << 20

    init(path: String, encoding: TextEncoding?, delimiter: UInt8?) {
        self.path = path
        forcedEncoding = encoding
        forcedDelimiter = delimiter
    }

    /// Reads the whole file, calling `handle` for every record and every malformed line.
    func read(_ handle: @escaping (Event) throws -> Void) throws {
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
            (encoding, bomLength) = TextEncoding.detect(head, isWholeFile: isWholeFile)
        }
        var transcoder = Transcoder(encoding: encoding)
        var text: [UInt8] = []
        text.reserveCapacity(CSVFileReader.chunkSize * 2)
        transcoder.decode(head[bomLength...], into: &text)
        head = []
        delimiter = forcedDelimiter ?? DelimiterSniffer.sniff(text[...])
        parser = CSVParser(delimiter: delimiter)

        var line = 1
        var consumed = 0
        while true {
            consumed = try feedLines(in: text, from: 0, line: &line)
            text.removeSubrange(0..<consumed)
            let chunk = try readChunk(file)
            if chunk.isEmpty { break }
            transcoder.decode(chunk[...], into: &text)
        }
        transcoder.finish(into: &text)
        if !text.isEmpty {
            try feedLine(text[...], number: line)
        }
        try finish(lastLine: line)
    }

    private func readChunk(_ file: FileHandle) throws -> [UInt8] {
        do {
            return [UInt8](try file.read(upToCount: CSVFileReader.chunkSize) ?? Data())
        } catch {
            throw ImportError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// Feeds every complete line in `text`; returns how many bytes were used.
    private func feedLines(in text: [UInt8], from start: Int, line: inout Int) throws -> Int {
        var lineStart = start
        try text.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            while lineStart < buffer.count {
                guard let found = memchr(base + lineStart, 0x0A, buffer.count - lineStart) else { break }
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                try feedLine(text[lineStart..<end], number: line)
                line += 1
                lineStart = end
            }
        }
        return lineStart
    }

    private func feedLine(_ bytes: ArraySlice<UInt8>, number: Int) throws {
        if !parser.inRecord {
            recordStart = number
            recordLines.removeAll(keepingCapacity: true)
            recordBytes = 0
        }
        let records: ArraySlice<CSVRecord>
        do {
            records = try bytes.withUnsafeBytes { (raw) throws(CSVParser.Failure) -> ArraySlice<CSVRecord> in try parser.feed(raw) }
        } catch {
            if case CSVParser.Failure.malformedQuoting(let offset)? = error as? CSVParser.Failure {
                let column = String(decoding: bytes.prefix(offset), as: UTF8.self).count + 1
                try recover(current: bytes, number: number, reason: "malformed quoting at character \(column) of line \(number): a quote inside an unquoted field, or text right after a closing quote; quote the whole field and double the quotes inside it (\"\")")
            } else {
                try recover(current: bytes, number: number, reason: "a field is too large to parse")
            }
            return
        }
        currentLine = bytes
        for record in records {
            try handler(.record(record, line: recordStart))
        }
        currentLine = []
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

    /// Reports the line where the broken record began and parses the lines after it again.
    private func recover(current: ArraySlice<UInt8>?, number: Int, reason: String) throws {
        var lines = recordLines
        if let current { lines.append(Array(current)) }
        let start = recordStart
        recordLines.removeAll()
        recordBytes = 0
        guard !lines.isEmpty else { return }
        let first = lines.removeFirst()
        let why = lines.isEmpty ? reason : "the quote opened on line \(start) is not closed properly (\(reason))"
        try handler(.malformed(line: start, raw: CSVFileReader.text(first), reason: why))
        for (offset, line) in lines.enumerated() {
            try feedLine(line[...], number: start + 1 + offset)
        }
    }

    private func finish(lastLine: Int) throws {
        do {
            for record in try parser.finish() {
                try handler(.record(record, line: recordStart))
            }
        } catch {
            try recover(current: nil, number: lastLine, reason: "the file ends inside a quoted field")
            try finish(lastLine: lastLine)
        }
    }

    private static func text(_ line: [UInt8]) -> String {
        var text = String(decoding: line, as: UTF8.self)
        while text.last == "\n" || text.last == "\r" || text.last == "\r\n" { text.removeLast() }
        return text
    }
}
