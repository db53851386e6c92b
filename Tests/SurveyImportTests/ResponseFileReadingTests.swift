import Foundation
import Testing
@testable import SurveyImport

/// Readers (`survey stats`, `survey report`) hold a shared lock on a responses file.
@Suite struct ResponseFileReadingTests {
    /// A reader waits while a writer holds the lock, says so once, and reads after it.
    @Test func aReaderWaitsForTheWriter() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let writer = ResponseFileLock(path: dir.path("r.csv"), header: ["respondent"])
        let notes = NotesBox()
        let order = NotesBox()
        let done = DispatchSemaphore(value: 0)
        try writer.hold({ $0 }) { () throws(ImportError) in
            Thread.detachNewThread {
                _ = try? ResponseFileReading.whileReading(dir.path("r.csv"), notify: { notes.lines.append($0) }) { order.lines.append("read") }
                done.signal()
            }
            usleep(800_000)
            order.lines.append("written")
        }
        done.wait()
        #expect(order.lines == ["written", "read"])
        #expect(notes.lines.count == 1)
        #expect(notes.lines.first?.hasPrefix("waiting for") == true, "\(notes.lines)")
    }

    /// Readers do not wait for each other.
    @Test func readersShareTheLock() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let lock = ResponseFileLock(path: dir.path("r.csv"), header: ["respondent"])
        try lock.hold({ $0 }) { () throws(ImportError) in }
        let notes = NotesBox()
        try ResponseFileReading.whileReading(dir.path("r.csv"), notify: { notes.lines.append($0) }) {
            try ResponseFileReading.whileReading(dir.path("r.csv"), notify: { notes.lines.append($0) }) {}
        }
        #expect(notes.lines.isEmpty)
    }

    /// What is not a regular file is read without a lock (and without blocking on a FIFO).
    @Test func aMissingFileIsLeftToTheReader() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var ran = false
        try ResponseFileReading.whileReading(dir.path("missing.csv"), notify: { _ in }) { ran = true }
        #expect(ran)
        #expect(!FileManager.default.fileExists(atPath: dir.path("missing.csv")), "a reader never creates the file")
    }
}
