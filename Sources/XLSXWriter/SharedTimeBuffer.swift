import Foundation

/// glibc's `gmtime` and `localtime` hand every caller the same static `struct tm`. libxlsxwriter
/// turns the workbook's creation time into text with them while it closes a workbook, and
/// ZIPFoundation turns each entry's date of report.docx into DOS time with `gmtime`: rendered at
/// the same moment on two threads, a workbook created on 3 May 2024 came out created on
/// 1 January 2024, the month and day of the Word entries' 2000-01-01. Code that calls either
/// library where another thread may do the same holds this lock for the whole call.
public enum SharedTimeBuffer {
    private static let lock = NSLock()

    public static func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
