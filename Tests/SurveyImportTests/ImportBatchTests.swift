import Foundation
import SurveyModel
import Testing
@testable import SurveyImport

/// Staged rows appended to `--into` and the files beside it, in place, under the lock.
@Suite struct ImportBatchTests {
    static let header = "respondent,submitted_at,org_type,role,sessions,usefulness,attend_again,age,travel_hours,improve,why_not_useful,visit_date"
    static func row(_ id: String) -> String { "\(id),,gov,,,,,,,,," }

    func batch(_ path: String, notes: NotesBox = NotesBox()) throws -> ImportBatch {
        let questionnaire = try Fixture.feedback()
        let lock = ResponseFileLock(path: path, header: ResponseFile.header(for: questionnaire)) { notes.lines.append($0) }
        return try ImportBatch(into: path, questionnaire: questionnaire, lock: lock)
    }

    func stage(_ batch: ImportBatch, _ ids: [String]) throws {
        for id in ids { try batch.responses.write(Self.row(id).split(separator: ",", omittingEmptySubsequences: false).map(String.init)) }
    }

    @Test func aNewFileGetsItsHeaderAndRowsAndNothingElse() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("out/responses.csv")
        let batch = try batch(path)
        try stage(batch, ["1", "2"])
        #expect(try batch.append { _ in false } == .appended)
        #expect(dir.read("out/responses.csv") == Array("\(Self.header)\n\(Self.row("1"))\n\(Self.row("2"))\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("out")) == ["responses.csv"], "no staging, lock or rollback file left")
    }

    /// Appending one row to a large file writes one row: the file keeps its inode, mode and
    /// hard links, and the bytes already there are not rewritten.
    @Test func appendingKeepsInodeModeAndHardLinks() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let existing = Self.header + "\n" + (1...20_000).map { Self.row(String($0)) }.joined(separator: "\n") + "\n"
        let path = try dir.write("responses.csv", existing)
        #expect(chmod(path, 0o600) == 0)
        #expect(link(path, dir.path("other-name.csv")) == 0)
        let before = try FileManager.default.attributesOfItem(atPath: path)
        let batch = try batch(path)
        var reserved = 0
        try batch.readExisting { _, _ in reserved += 1 }
        #expect(reserved == 20_000)
        try stage(batch, ["20001"])
        #expect(try batch.append { _ in false } == .appended)
        let after = try FileManager.default.attributesOfItem(atPath: path)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect((after[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(after[.referenceCount] as? Int == 2)
        let expected = Array((existing + Self.row("20001") + "\n").utf8)
        #expect(dir.read("responses.csv") == expected)
        #expect(dir.read("other-name.csv") == expected)
    }

    @Test func aHeaderWithByteOrderMarkAndCRLFIsAccepted() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("responses.csv", "\u{FEFF}\(Self.header)\r\n\(Self.row("1"))\r\n")
        let batch = try batch(path)
        try batch.readExisting { _, _ in }
        try stage(batch, ["2"])
        _ = try batch.append { _ in false }
        #expect(dir.read("responses.csv") == Array("\u{FEFF}\(Self.header)\r\n\(Self.row("1"))\r\n\(Self.row("2"))\n".utf8))
    }

    @Test func aHeaderWithoutLineEndGetsOne() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("responses.csv", Self.header)
        let batch = try batch(path)
        try stage(batch, ["1"])
        _ = try batch.append { _ in false }
        #expect(dir.read("responses.csv") == Array("\(Self.header)\n\(Self.row("1"))\n".utf8))
    }

    @Test func anotherHeaderIsRefusedAndTheFileLeftAlone() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let original = "respondent,org_type\n1,gov\n"
        let path = try dir.write("responses.csv", original)
        let batch = try batch(path)
        #expect(throws: ImportError.headerMismatch(path: path, expected: Self.header, found: "respondent,org_type")) {
            try batch.readExisting { _, _ in }
        }
        try stage(batch, ["2"])
        #expect(throws: ImportError.headerMismatch(path: path, expected: Self.header, found: "respondent,org_type")) {
            _ = try batch.append { _ in false }
        }
        #expect(dir.read("responses.csv") == Array(original.utf8))
        #expect(dir.listing() == ["responses.csv"])
    }

    /// A torn last line (an interrupted `survey enter`) is moved aside as entry does, not
    /// glued to the first appended row.
    @Test func aTornLastLineIsMovedToTheRecoveredFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("responses.csv", "\(Self.header)\n\(Self.row("1"))\n2,gov,he")
        let notes = NotesBox()
        let batch = try batch(path, notes: notes)
        try stage(batch, ["3"])
        _ = try batch.append { _ in false }
        #expect(dir.read("responses.csv") == Array("\(Self.header)\n\(Self.row("1"))\n\(Self.row("3"))\n".utf8))
        #expect(dir.read("responses.recovered.csv") == Array("file,line,reason,raw\n\(path),3,\"the line has no line end: a save was interrupted (crash, kill or power cut)\",\"2,gov,he\"\n".utf8))
        #expect(notes.lines == ["\(path): line 3 was cut off by an interrupted save (no line end); moved it to \(dir.path("responses.recovered.csv"))"])
    }

    /// Ids are read without the lock; one added by another process before the append stops it.
    @Test func anIdAddedMeanwhileStopsTheAppend() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("responses.csv", "\(Self.header)\n\(Self.row("1"))\n")
        let batch = try batch(path)
        try batch.readExisting { _, _ in }
        try stage(batch, ["7", "8"])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((Self.row("8") + "\n").utf8))
        try handle.close()
        let before = dir.read("responses.csv")
        #expect(try batch.append { ["7", "8"].contains($0) } == .taken(respondent: "8", line: 3))
        #expect(dir.read("responses.csv") == before)
    }

    @Test func problemsAndRejectsFilesAreCreatedOnlyWithRows() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("responses.csv")
        let batch = try batch(path)
        try batch.rejects.write(["in.csv", "3", "bad", "=raw"])
        _ = try batch.append { _ in false }
        #expect(dir.listing() == ["responses.csv", "responses.rejects.csv"])
        #expect(dir.read("responses.rejects.csv") == Array("file,line,reason,raw\nin.csv,3,bad,'=raw\n".utf8))
    }
}

/// Collects messages from a lock.
final class NotesBox: @unchecked Sendable {
    var lines: [String] = []
}
