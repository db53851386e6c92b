import Foundation
import Testing
@testable import SurveyImport

/// The lock `survey import` and `survey enter` share on a responses file.
@Suite struct ResponseFileLockTests {
    @Test func createsTheFileWithItsHeader() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let lock = ResponseFileLock(path: dir.path("a/r.csv"), header: ["respondent", "q"])
        try lock.hold({ $0 }) { () throws(ImportError) in #expect(lock.isHeld) }
        #expect(!lock.isHeld)
        #expect(dir.read("a/r.csv") == Array("respondent,q\n".utf8))
    }

    @Test func isReentrant() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let lock = ResponseFileLock(path: dir.path("r.csv"), header: ["respondent"])
        try lock.hold({ $0 }) { () throws(ImportError) in
            try lock.hold({ $0 }) { () throws(ImportError) in #expect(lock.isHeld) }
            #expect(lock.isHeld)
        }
    }

    @Test func aShortWaitIsQuiet() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let first = ResponseFileLock(path: dir.path("r.csv"), header: ["respondent"])
        let notes = NotesBox()
        let second = UncheckedBox(ResponseFileLock(path: dir.path("r.csv"), header: ["respondent"]) { notes.lines.append($0) })
        let done = DispatchSemaphore(value: 0)
        try first.hold({ $0 }) { () throws(ImportError) in
            Thread.detachNewThread {
                try? second.value.hold({ $0 }) { () throws(ImportError) in }
                done.signal()
            }
            usleep(100_000)
        }
        done.wait()
        #expect(notes.lines.isEmpty)
    }

    @Test func aSecondHolderWaitsAndSaysSo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let first = ResponseFileLock(path: dir.path("r.csv"), header: ["respondent"])
        let notes = NotesBox()
        let second = ResponseFileLock(path: dir.path("r.csv"), header: ["respondent"]) { notes.lines.append($0) }
        let done = DispatchSemaphore(value: 0)
        let order = NotesBox()
        try first.hold({ $0 }) { () throws(ImportError) in
            let waiting = UncheckedBox(second)
            Thread.detachNewThread {
                try? waiting.value.hold({ $0 }) { () throws(ImportError) in order.lines.append("second") }
                done.signal()
            }
            usleep(1_000_000)  // past the half second a waiter keeps quiet
            order.lines.append("first")
        }
        done.wait()
        #expect(order.lines == ["first", "second"])
        #expect(notes.lines.count == 1)
        #expect(notes.lines.first?.hasPrefix("waiting for another process writing \(dir.path("r.csv"))") == true, "\(notes.lines)")
    }

    /// A holder killed in the middle of a change leaves its rollback record; the next holder
    /// undoes the change and says so.
    @Test func theNextHolderUndoesAnInterruptedChange() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("r.csv", "respondent\n1\n")
        let killed = ResponseFileLock(path: path, header: ["respondent"])
        try killed.hold({ $0 }) { () throws(ImportError) in
            try killed.beginChange(RollbackRecord(purpose: "import", changes: [
                .init(path: RegularFile.resolved(path), identity: RegularFile.identity(of: path)!, offset: 13, end: 100),
            ]))
            let handle = try? FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try? handle?.seekToEnd()
            try? handle?.write(contentsOf: Data("2\n3\n4,half".utf8))
            // no endChange(): the process "dies" here
        }
        #expect(dir.listing() == [".r.csv.rollback", "r.csv"])
        let notes = NotesBox()
        let next = ResponseFileLock(path: path, header: ["respondent"]) { notes.lines.append($0) }
        try next.hold({ $0 }) { () throws(ImportError) in }
        #expect(dir.read("r.csv") == Array("respondent\n1\n".utf8))
        #expect(dir.listing() == ["r.csv"])
        #expect(notes.lines == ["\(RegularFile.resolved(path)): removed the 10 bytes an interrupted import (pid \(getpid())) had partly appended; the file is as it was before"])
    }

    @Test(arguments: ["folder", "fifo", "dangling"])
    func refusesWhatIsNotARegularFile(_ kind: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("r.csv")
        switch kind {
        case "folder": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case "fifo": #expect(mkfifo(path, 0o644) == 0)
        default: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "nowhere.csv")
        }
        let lock = ResponseFileLock(path: path, header: ["respondent"])
        #expect(throws: ImportError.self) { try lock.hold({ $0 }) { () throws(ImportError) in } }
        do {
            try lock.hold({ $0 }) { () throws(ImportError) in }
        } catch {
            guard case .notAFile = error else { Issue.record("\(error)"); return }
        }
        #expect(dir.listing() == ["r.csv"])
    }
}

/// Hands a value to another thread in a test that orders the accesses itself.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
