import Foundation
@testable import SurveyReport
import Testing

/// `ReportFolder` on real folders: what it accepts, what it refuses without touching, and the
/// on-disk states a kill can leave (built by hand here; the CLI tests kill real runs).
@Suite struct ReportFolderTests {
    /// A fresh temporary folder; `report` inside it is the target.
    struct Place {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("report-folder-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }
        var target: String { path("report") }
        func path(_ name: String) -> String { root.appendingPathComponent(name).path }
        func remove() { try? FileManager.default.removeItem(at: root) }

        func write(_ name: String, _ text: String) throws {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func text(_ name: String) -> String? {
            FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
        }

        /// Every regular file below `folder`, relative to it, hidden ones included.
        func files(in folder: String) -> Set<String> {
            var result: Set<String> = []
            let enumerator = FileManager.default.enumerator(atPath: path(folder))
            while let name = enumerator?.nextObject() as? String {
                var info = stat()
                if lstat(path(folder) + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG { result.insert(name) }
            }
            return result
        }

        /// The names in the place's root.
        func entries() -> Set<String> {
            Set((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
        }
    }

    static let full: [(path: String, content: String)] = [("report.md", "# new\n"), ("frequencies.csv", "a,b\n"), ("charts/q1.svg", "<svg/>")]
    static let small: [(path: String, content: String)] = [("report.md", "# newer\n")]
    /// A process id no process has (beyond Linux's pid_max).
    static let deadPID = "99999999"

    static func refusal(_ body: () throws(ReportError) -> Void) -> ReportError.Refusal? {
        do {
            try body()
            return nil
        } catch {
            if case .refused(_, let reason, _) = error { return reason }
            return nil
        }
    }

    @Test func writesANewFolderWithItsMarker() throws {
        let place = try Place()
        defer { place.remove() }
        try ReportFolder.write(ReportFolderTests.full, to: place.target)
        #expect(place.files(in: "report") == [".survey-report", "report.md", "frequencies.csv", "charts/q1.svg"])
        #expect(place.text("report/.survey-report") == ReportMarker.signature + "\nreport.md\nfrequencies.csv\ncharts/q1.svg\n")
        #expect(place.text("report/charts/q1.svg") == "<svg/>")
        #expect(place.entries() == ["report"], "no temporary folder is left")
    }

    @Test func replacesItsOwnReportAndDropsFilesNoLongerWritten() throws {
        let place = try Place()
        defer { place.remove() }
        try ReportFolder.write(ReportFolderTests.full, to: place.target)
        try ReportFolder.write(ReportFolderTests.small, to: place.target)
        #expect(place.files(in: "report") == [".survey-report", "report.md"])
        #expect(!FileManager.default.fileExists(atPath: place.path("report/charts")))
        #expect(place.text("report/report.md") == "# newer\n")
        #expect(place.entries() == ["report"])
    }

    @Test func keepsTheFolderPermissions() throws {
        let place = try Place()
        defer { place.remove() }
        try ReportFolder.write(ReportFolderTests.full, to: place.target)
        chmod(place.target, 0o750)
        try ReportFolder.write(ReportFolderTests.small, to: place.target)
        var info = stat()
        stat(place.target, &info)
        #expect(info.st_mode & 0o7777 == 0o750)
    }

    @Test func writesIntoAnEmptyFolder() throws {
        let place = try Place()
        defer { place.remove() }
        try FileManager.default.createDirectory(atPath: place.target, withIntermediateDirectories: true)
        try ReportFolder.write(ReportFolderTests.small, to: place.target)
        #expect(place.files(in: "report") == [".survey-report", "report.md"])
    }

    @Test(arguments: ["notes.txt", "charts/notes.txt", "charts/q1.svg/"])
    func refusesAReportWithAForeignEntry(_ foreign: String) throws {
        let place = try Place()
        defer { place.remove() }
        try ReportFolder.write(ReportFolderTests.full, to: place.target)
        if foreign.hasSuffix("/") {
            // A listed name that is now a folder of someone else's.
            try FileManager.default.removeItem(atPath: place.path("report/charts/q1.svg"))
            try place.write("report/charts/q1.svg/mine.txt", "mine")
        } else {
            try place.write("report/\(foreign)", "mine")
        }
        let before = place.files(in: "report")
        let reason = ReportFolderTests.refusal { () throws(ReportError) in try ReportFolder.write(ReportFolderTests.small, to: place.target) }
        #expect(reason == .foreignFiles([foreign], count: 1, marked: true))
        #expect(place.files(in: "report") == before)
    }

    @Test func refusesAFolderWithoutMarker() throws {
        let place = try Place()
        defer { place.remove() }
        try place.write("report/report.md", "an old report, or anything")
        let reason = ReportFolderTests.refusal { () throws(ReportError) in try ReportFolder.write(ReportFolderTests.small, to: place.target) }
        #expect(reason == .foreignFiles(["report.md"], count: 1, marked: false))
        #expect(place.text("report/report.md") == "an old report, or anything")
    }

    @Test func refusesAMarkerSurveyDidNotWrite() throws {
        let place = try Place()
        defer { place.remove() }
        try place.write("report/.survey-report", "report.md\n")
        try place.write("report/report.md", "mine")
        let reason = ReportFolderTests.refusal { () throws(ReportError) in try ReportFolder.write(ReportFolderTests.small, to: place.target) }
        #expect(reason == .foreignFiles([".survey-report", "report.md"], count: 2, marked: false))
    }

    @Test func refusesALinkInsideTheReportEvenWithAListedName() throws {
        let place = try Place()
        defer { place.remove() }
        try ReportFolder.write(ReportFolderTests.full, to: place.target)
        try place.write("precious.txt", "precious")
        try FileManager.default.removeItem(atPath: place.path("report/report.md"))
        try FileManager.default.createSymbolicLink(atPath: place.path("report/report.md"), withDestinationPath: place.path("precious.txt"))
        let reason = ReportFolderTests.refusal { () throws(ReportError) in try ReportFolder.write(ReportFolderTests.small, to: place.target) }
        #expect(reason == .foreignFiles(["report.md"], count: 1, marked: true))
        #expect(place.text("precious.txt") == "precious")
    }

    @Test func refusesAFolderHoldingAnInput() throws {
        let place = try Place()
        defer { place.remove() }
        try ReportFolder.write(ReportFolderTests.full, to: place.target)
        let input = place.path("report/frequencies.csv")
        let reason = ReportFolderTests.refusal { () throws(ReportError) in try ReportFolder.write(ReportFolderTests.small, to: place.target, inputs: [input]) }
        #expect(reason == .holdsInput(input))
        #expect(place.files(in: "report").contains("frequencies.csv"))
    }

    @Test func refusesRootAndHome() throws {
        #expect(ReportFolderTests.refusal { () throws(ReportError) in try ReportFolder.check("/") } == .holdsCurrentFolder)
        let home = NSHomeDirectory()
        let reason = ReportFolderTests.refusal { () throws(ReportError) in try ReportFolder.check(home) }
        #expect(reason == .homeFolder || reason == .holdsCurrentFolder, "\(String(describing: reason))")
        let current = FileManager.default.currentDirectoryPath
        #expect(ReportFolderTests.refusal { () throws(ReportError) in try ReportFolder.check(current) }.map {
            if case .currentFolder = $0 { true } else { false }
        } == true)
    }

    @Test func refusesWhatIsNotAFolder() throws {
        let place = try Place()
        defer { place.remove() }
        try place.write("file.txt", "text")
        #expect(mkfifo(place.path("fifo"), 0o644) == 0)
        try FileManager.default.createDirectory(atPath: place.path("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: place.path("link"), withDestinationPath: place.path("real"))
        let cases: [(String, ReportError.Refusal)] = [
            (place.path("file.txt"), .notAFolder("a file, not a folder")),
            (place.path("fifo"), .notAFolder("a named pipe (FIFO), not a folder")),
            ("/dev/null", .notAFolder("a device, not a folder")),
            (place.path("link"), .symbolicLink(place.path("real"))),
        ]
        for (path, expected) in cases {
            #expect(ReportFolderTests.refusal { () throws(ReportError) in try ReportFolder.write(ReportFolderTests.small, to: path) } == expected, "\(path)")
        }
        #expect(place.text("file.txt") == "text")
        #expect(place.files(in: "real").isEmpty)
    }

    @Test func refusalSuggestsAFolderThatIsFree() throws {
        let place = try Place()
        defer { place.remove() }
        try place.write("report/mine.txt", "mine")
        try place.write("report-2/mine.txt", "mine")
        do {
            try ReportFolder.write(ReportFolderTests.small, to: place.target)
            Issue.record("not refused")
        } catch {
            guard case .refused(_, _, let suggestion) = error else { Issue.record("\(error)"); return }
            #expect(suggestion == place.target + "-3")
            #expect(error.errorDescription?.contains("mine.txt") == true)
            #expect(error.errorDescription?.contains("Choose another folder, e.g. --out \(place.target)-3") == true)
        }
    }

    @Test func cleansDeadLeftoversWithItsMarkerOnly() throws {
        let place = try Place()
        defer { place.remove() }
        let marker = ReportMarker(paths: ["report.md", "charts/q1.svg"]).text
        let dead = ReportFolderTests.deadPID
        // 12345678 is beyond pid_max; our own id can only be left by a dead namesake.
        let ours = [".report.tmp-12345678", ".report.tmp-\(dead)-abc", ".report.old-\(dead)", ".report.tmp-\(getpid())-stale"]
        for name in ours {
            try place.write("\(name)/.survey-report", marker)
            try place.write("\(name)/report.md", "old")
            try place.write("\(name)/charts/q1.svg", "<svg/>")
        }
        try FileManager.default.createDirectory(atPath: place.path(".report.tmp-\(dead)-empty"), withIntermediateDirectories: true)
        // Not ours to remove: no marker, a foreign file, a live process, another name.
        try place.write(".report.tmp-\(dead)-nomarker/report.md", "whose?")
        try place.write(".report.old-\(dead)-foreign/.survey-report", marker)
        try place.write(".report.old-\(dead)-foreign/notes.txt", "mine")
        try place.write(".report.tmp-\(getppid())-running/.survey-report", marker)
        try place.write(".report.backup/.survey-report", marker)
        try place.write(".other.tmp-\(dead)/.survey-report", marker)
        try ReportFolder.write(ReportFolderTests.small, to: place.target)
        #expect(place.entries() == ["report", ".report.tmp-\(dead)-nomarker", ".report.old-\(dead)-foreign",
                                    ".report.tmp-\(getppid())-running", ".report.backup", ".other.tmp-\(dead)"])
        #expect(place.text(".report.old-\(dead)-foreign/notes.txt") == "mine")
    }

    @Test func leftoverNamesGiveTheProcessID() {
        #expect(ReportLeftovers.processID(in: ".report.tmp-123", target: "report") == 123)
        #expect(ReportLeftovers.processID(in: ".report.old-123-9f", target: "report") == 123)
        #expect(ReportLeftovers.processID(in: ".report.tmp-", target: "report") == nil)
        #expect(ReportLeftovers.processID(in: ".report.tmp-12x", target: "report") == nil)
        #expect(ReportLeftovers.processID(in: ".report.tmp.tmp-12", target: "report") == nil)
        #expect(ReportLeftovers.processID(in: ".reports.tmp-12", target: "report") == nil)
        #expect(ReportLeftovers.processID(in: "report.tmp-12", target: "report") == nil)
    }

    /// The states a kill leaves, one per step, and the next run recovering from each.
    enum KilledAt: String, CaseIterable {
        /// The temporary folder holds the marker and some of the new files.
        case building
        /// After the exchange: the new report at the target, the old one at the temporary name.
        case exchanged
        /// Part-way through removing the old report (marker still there).
        case removing
        /// Fallback without exchange, between the two renames: nothing at the target.
        case betweenRenames
    }

    @Test(arguments: KilledAt.allCases)
    func theNextRunRecoversFromAKill(_ killed: KilledAt) throws {
        let place = try Place()
        defer { place.remove() }
        let dead = ReportFolderTests.deadPID
        let oldMarker = ReportFolder.marker(for: ReportFolderTests.full).text
        let newMarker = ReportMarker(paths: ["report.md", "extra.csv"]).text
        func old(at name: String) throws {
            try place.write("\(name)/.survey-report", oldMarker)
            for file in ReportFolderTests.full { try place.write("\(name)/\(file.path)", "old " + file.content) }
        }
        switch killed {
        case .building:
            try old(at: "report")
            try place.write(".report.tmp-\(dead)-1/.survey-report", newMarker)
            try place.write(".report.tmp-\(dead)-1/report.md", "# half writt")
        case .exchanged:
            try place.write("report/.survey-report", newMarker)
            try place.write("report/report.md", "# new\n")
            try place.write("report/extra.csv", "x\n")
            try old(at: ".report.tmp-\(dead)-1")
        case .removing:
            try place.write("report/.survey-report", newMarker)
            try place.write("report/report.md", "# new\n")
            try place.write("report/extra.csv", "x\n")
            try place.write(".report.tmp-\(dead)-1/.survey-report", oldMarker)
            try place.write(".report.tmp-\(dead)-1/charts/q1.svg", "old")
        case .betweenRenames:
            try old(at: ".report.old-\(dead)-1")
            try place.write(".report.tmp-\(dead)-2/.survey-report", newMarker)
            try place.write(".report.tmp-\(dead)-2/report.md", "# new\n")
            try place.write(".report.tmp-\(dead)-2/extra.csv", "x\n")
        }
        try ReportFolder.write(ReportFolderTests.small, to: place.target)
        #expect(place.entries() == ["report"])
        #expect(place.files(in: "report") == [".survey-report", "report.md"])
        #expect(place.text("report/report.md") == "# newer\n")
    }

    /// Writers in one process never clean up each other's temporary folders; every write
    /// succeeds or is refused (when it looks while another swaps), and one complete report stays.
    @Test func concurrentWritesInOneProcessLeaveOneCompleteReport() throws {
        let place = try Place()
        defer { place.remove() }
        let target = place.target
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            do {
                try ReportFolder.write(index.isMultiple(of: 2) ? ReportFolderTests.full : ReportFolderTests.small, to: target)
            } catch {
                if case ReportError.refused = error { return }
                Issue.record("\(error)")
            }
        }
        let files = place.files(in: "report")
        #expect(files == [".survey-report", "report.md", "frequencies.csv", "charts/q1.svg"] || files == [".survey-report", "report.md"], "\(files)")
        #expect(place.entries() == ["report"])
    }

    @Test func markerRoundTripsAndRejectsOtherFiles() {
        let marker = ReportMarker(paths: ["report.md", "charts/a.svg"])
        #expect(ReportMarker(bytes: Array(marker.text.utf8)) == marker)
        #expect(ReportMarker(bytes: Array("report.md\n".utf8)) == nil)
        #expect(ReportMarker.isWritable("charts/a.svg"))
        for bad in ["", "/etc/passwd", "../x", "a/../b", "a//b", "./a", ".survey-report", "a\nb"] {
            #expect(!ReportMarker.isWritable(bad), "\(bad)")
        }
    }

    @Test func refusesNamesAReportCannotHold() throws {
        let place = try Place()
        defer { place.remove() }
        #expect(throws: ReportError.self) { try ReportFolder.write([("../escape.md", "x")], to: place.target) }
        #expect(throws: ReportError.self) { try ReportFolder.write([("a.md", "x"), ("a.md", "y")], to: place.target) }
        #expect(place.entries().isEmpty)
    }
}
