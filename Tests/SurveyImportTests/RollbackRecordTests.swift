import Foundation
import Testing
@testable import SurveyImport

/// The record that undoes a half-written append or rewrite.
@Suite struct RollbackRecordTests {
    @Test func roundTrip() {
        let record = RollbackRecord(purpose: "import", pid: 42, changes: [
            .init(path: "/tmp/a b.csv", identity: FileIdentity(device: 2049, inode: UInt64.max - 1), offset: 10, end: 30),
            .init(path: "/tmp/p.csv", identity: FileIdentity(device: 1, inode: 7), offset: 0, end: 99, original: Array("old\ntext".utf8), created: false),
            .init(path: "/tmp/new.csv", identity: FileIdentity(device: 1, inode: 8), offset: 0, end: 50, created: true),
        ])
        #expect(RollbackRecord.decode(record.encoded()) == record)
        #expect(RollbackRecord.decode(Array(record.encoded().dropLast())) == nil, "a cut record is not a record")
    }

    func file(_ dir: TemporaryDirectory, _ text: String) throws -> (String, FileIdentity) {
        let path = try dir.write("f.csv", text)
        return (path, RegularFile.identity(of: path)!)
    }

    @Test func undoCutsAnAppendAndPutsBackARewrite() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (path, identity) = try file(dir, "h\n1\n2\nhalf")
        let notes = try RollbackRecord(purpose: "import", changes: [.init(path: path, identity: identity, offset: 4, end: 20)]).undo()
        #expect(dir.read("f.csv") == Array("h\n1\n".utf8))
        #expect(notes.count == 1 && notes[0].contains("removed the 6 bytes an interrupted import"), "\(notes)")
        try dir.write("f.csv", "h\n1\nNEW")
        _ = try RollbackRecord(purpose: "verification correction", changes: [.init(path: path, identity: identity, offset: 2, end: 8, original: Array("1\n2\n".utf8))]).undo()
        #expect(dir.read("f.csv") == Array("h\n1\n2\n".utf8))
    }

    @Test func aFileThatGrewBeyondTheChangeIsLeftAlone() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (path, identity) = try file(dir, "h\n1\n2\n3\n")
        let notes = try RollbackRecord(purpose: "import", changes: [.init(path: path, identity: identity, offset: 2, end: 4)]).undo()
        #expect(dir.read("f.csv") == Array("h\n1\n2\n3\n".utf8))
        #expect(notes.first?.contains("left as it is") == true, "\(notes)")
    }

    @Test func aFileCreatedByTheChangeIsRemoved() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (path, identity) = try file(dir, "file,line\nx,")
        _ = try RollbackRecord(purpose: "import", changes: [.init(path: path, identity: identity, offset: 0, end: 40, created: true)]).undo()
        #expect(dir.listing() == [])
    }
}
