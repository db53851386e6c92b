import Foundation

/// Decides which way round a file's slashed submission dates are written (`4/27/2021` or
/// `27/04/2021`) from the whole column, without holding rows: the first time a value such as
/// `04/05/2021` needs it, the file is read once more for that column alone. A value with a
/// number above 12 in one place shows the order; a column that shows both, or neither, or a
/// file that cannot be read twice (a pipe) decides nothing, and every value that needs the
/// order is then a problem (`ambiguous_timestamp`) unless `--timestamp-format` gives it.
enum TimestampOrderScan {
    private struct Settled: Error {}

    static func order(path: String, column: Int, encoding: TextEncoding, delimiter: Unicode.Scalar) -> DayMonthOrder? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let reader = CSVFileReader(path: path, encoding: encoding, fieldDelimiter: delimiter)
        var header = true
        var seen: Set<DayMonthOrder> = []
        do {
            try reader.read { event in
                guard case .record(let record, _) = event else { return }
                if header {
                    header = false
                    return
                }
                guard column < record.count else { return }
                let start = column == 0 ? 0 : record.ends[column - 1]
                let found = record.bytes.withUnsafeBufferPointer { TimestampParser.evidence(UnsafeBufferPointer(rebasing: $0[start..<record.ends[column]])) }
                if let found { seen.insert(found) }
                if seen.count == DayMonthOrder.allCases.count { throw Settled() }
            }
        } catch {
            return nil
        }
        return seen.count == 1 ? seen.first : nil
    }
}
