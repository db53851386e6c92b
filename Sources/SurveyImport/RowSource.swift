/// Where the importer's records come from: a CSV file (`CSVFileReader`) or a sheet of an XLSX
/// workbook (`XLSXSheetRecords`). Both hand over the header and every row as `CSVRecord`s with
/// the line (CSV) or row number (XLSX) they start on, so every row enters the importer the
/// same way.
protocol RowSource: AnyObject {
    /// Calls `handle` with every record and every unreadable row, header first.
    func read(_ handle: @escaping (CSVFileReader.Event) throws -> Void) throws
    /// The text encoding the cells were decoded from.
    var encoding: TextEncoding { get }
    /// Whether the header may be that of a canonical responses file (a CSV with `,`).
    var mayBeCanonical: Bool { get }
    /// Whether the record being handled holds bytes that are not UTF-8, or NUL.
    var currentRecordHasDefects: Bool { get }
    /// The record being handled as the file has it, for the rejects file.
    var currentRecordText: String { get }
    /// The sheet read, for an XLSX workbook: problems then name their cell (`Sheet!C7`).
    var sheet: String? { get }
    /// What the summary says about how the file was read.
    var readingNotes: [String] { get }
    /// The day/month order of the column's slashed timestamps, from reading the column again
    /// (`TimestampOrderScan`); nil when the values show none, or both.
    func timestampOrder(column: Int) -> DayMonthOrder?
}

extension CSVFileReader: RowSource {
    var mayBeCanonical: Bool { delimiter == "," }

    var sheet: String? { nil }

    var readingNotes: [String] { [ResponseImporter.readAs(self)] + notes }

    func timestampOrder(column: Int) -> DayMonthOrder? {
        TimestampOrderScan.order(path: path, column: column, encoding: encoding, delimiter: delimiter)
    }
}
