import Foundation

/// A CSV file written atomically that new rows can be appended to: an existing file with the
/// same header is copied into the new version first; one with another header is refused.
public final class CSVTableFile {
    /// The columns.
    public let header: [String]
    private let output: OutputFile
    private let neutralize: Bool

    /// Opens `path` for writing rows under `header`. `neutralizeFormulas` guards cells that
    /// people open in a spreadsheet (problems and rejects files) against formula injection.
    public init(path: String, header: [String], append: Bool = true, neutralizeFormulas: Bool = false) throws(ImportError) {
        self.header = header
        neutralize = neutralizeFormulas
        output = try OutputFile(path: path)
        let headerLine = CSVFormat.line(header)
        if append, let existing = FileManager.default.contents(atPath: path), !existing.isEmpty {
            let firstLine = existing.prefix { $0 != 0x0A }
            let found = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r\u{FEFF}"))
            guard found == String(headerLine.dropLast()) else {
                output.discard()
                throw .headerMismatch(path: path, expected: String(headerLine.dropLast()), found: found)
            }
            try output.write(bytes: existing)
            if existing.last != 0x0A { try output.write("\n") }
        } else {
            try output.write(headerLine)
        }
    }

    /// Appends one row.
    public func write(_ fields: [String]) throws(ImportError) {
        try output.write(CSVFormat.line(neutralize ? fields.map(CSVFormat.neutralized) : fields))
    }

    /// Appends a line already encoded as CSV (with its LF).
    func write(line bytes: [UInt8]) throws(ImportError) {
        try output.write(bytes: bytes)
    }

    /// Puts the file in place.
    public func commit() throws(ImportError) { try output.commit() }

    /// Leaves the target as it was.
    public func discard() { output.discard() }

    /// The values in the first column of an existing file (respondent ids), for duplicate checks.
    public static func firstColumn(of path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        var values: [String] = []
        var isHeader = true
        try CSVFileReader(path: path, encoding: .utf8, delimiter: UInt8(ascii: ",")).read { event in
            guard case .record(let record, _) = event, record.count > 0 else { return }
            if isHeader { isHeader = false } else { values.append(record.string(0)) }
        }
        return values
    }
}
