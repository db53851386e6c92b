import Foundation
import Testing

/// `survey report --out DIR` on the built binary: it writes only into a new or empty folder or
/// a report it wrote itself, refuses anything else without touching it, replaces a report all
/// at once, and recovers from a run killed at any step.
@Suite struct ReportCommandTests {
    /// A working directory with the feedback questionnaire (q.yaml), its responses (r.csv) and
    /// a file of the user's own (notes.txt).
    static func workdir() throws -> Workdir {
        let work = try Workdir()
        try work.copy(fixture: "feedback.yaml", as: "q.yaml")
        try work.copy(fixture: "responses-expected.csv", as: "r.csv")
        try work.write("notes.txt", "my own notes\n")
        return work
    }

    /// Every file below the working directory with its bytes (a FIFO or a link as its kind,
    /// never opened).
    static func snapshot(_ work: Workdir) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in work.listing() {
            var info = stat()
            guard lstat(work.path(name), &info) == 0 else { continue }
            files[name] = info.st_mode & S_IFMT == S_IFREG ? work.bytes(name) ?? [] : Array("kind \(info.st_mode & S_IFMT)".utf8)
        }
        return files
    }

    /// The files in a report folder, relative to it, the marker included.
    static func files(in work: Workdir, _ folder: String) -> Set<String> {
        Set(work.listing().filter { $0.hasPrefix(folder + "/") }.map { String($0.dropFirst(folder.count + 1)) })
    }

    /// Names in the working directory that are report leftovers.
    static func leftovers(_ work: Workdir, of name: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: work.path("reports"))) ?? [])
            .filter { $0.hasPrefix(".\(name).tmp-") || $0.hasPrefix(".\(name).old-") }
    }

    static let fullReport: Set<String> = [
        ".survey-report", "report.md", "report.html", "comments.csv", "crosstabs.csv", "descriptives.csv",
        "frequencies.csv", "keywords.csv", "multiple_response.csv", "tests.csv",
    ]

    /// What `--format md` writes: report.md and the charts it links, each as SVG and PNG.
    static let markdownReport: Set<String> = Set([".survey-report", "report.md"] + ["attend_again", "org_type", "ratings", "role", "sessions", "usefulness"].flatMap { ["charts/\($0).svg", "charts/\($0).png"] })

    @Test(arguments: [".", "./", "..", "/", "work/.."])
    func refusesTheCurrentFolderAndItsParents(_ out: String) throws {
        let work = try ReportCommandTests.workdir()
        defer { work.remove() }
        let before = ReportCommandTests.snapshot(work)
        let result = try work.run("report", "q.yaml", "r.csv", "--out", out)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("will not write the report here"), "\(result)")
        #expect(result.stderr.contains("Choose another folder, e.g. --out reports/q"), "\(result)")
        #expect(ReportCommandTests.snapshot(work) == before, "a file changed or went missing")
        if out.hasPrefix(".") && !out.hasPrefix("..") {
            #expect(result.stderr.contains("it is the current folder (it holds notes.txt, q.yaml, r.csv)"), "\(result)")
        }
    }

    @Test func refusesTheHomeFolder() throws {
        let work = try ReportCommandTests.workdir()
        defer { work.remove() }
        try FileManager.default.createDirectory(atPath: work.path("home"), withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: work.path("home/diary.txt")))
        let result = try work.run(["report", "q.yaml", "r.csv", "--out", work.path("home")], environment: ["HOME": work.path("home")])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("it is your home folder"), "\(result)")
        #expect(work.text("home/diary.txt") == "mine\n")
    }

    @Test func refusesAFolderHoldingTheResponses() throws {
        let work = try ReportCommandTests.workdir()
        defer { work.remove() }
        try FileManager.default.createDirectory(atPath: work.path("data"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: work.path("r.csv"), toPath: work.path("data/r.csv"))
        let before = ReportCommandTests.snapshot(work)
        let result = try work.run("report", "q.yaml", "data/r.csv", "--out", "data")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("it holds data/r.csv, which the report is made from"), "\(result)")
        #expect(ReportCommandTests.snapshot(work) == before)
    }

    @Test func writesAMarkedReportAndReplacesItWithoutStaleFiles() throws {
        let work = try ReportCommandTests.workdir()
        defer { work.remove() }
        let first = try work.run("report", "q.yaml", "r.csv")
        #expect(first.status == 0, "\(first)")
        let written = ReportCommandTests.files(in: work, "reports/q")
        #expect(written.isSuperset(of: ReportCommandTests.fullReport))
        let marker = try #require(work.text("reports/q/.survey-report")).split(separator: "\n").dropFirst().map(String.init)
        #expect(Set(marker) == written.subtracting([".survey-report"]), "the marker lists every file written, and only those")

        let second = try work.run("report", "q.yaml", "r.csv", "--format", "md")
        #expect(second.status == 0, "\(second)")
        // report.md brings the charts it links (svg and png).
        #expect(ReportCommandTests.files(in: work, "reports/q") == ReportCommandTests.markdownReport)
        #expect(work.text("reports/q/.survey-report")?.contains("\nreport.md\n") == true)
        #expect(work.text("reports/q/.survey-report")?.contains("\nreport.html\n") == false)
        #expect(ReportCommandTests.leftovers(work, of: "q").isEmpty)
        #expect(work.text("notes.txt") == "my own notes\n")
    }

    /// librsvg is opened when the first chart is drawn, not linked: without it a report with
    /// pictures stops, says what to install and writes nothing; one without pictures is written.
    @Test func withoutLibrsvgSaysWhatToInstallAndWritesNothing() throws {
        let work = try ReportCommandTests.workdir()
        defer { work.remove() }
        let before = ReportCommandTests.snapshot(work)
        let missing = ["SURVEY_TEST_RSVG_LIBRARY": "librsvg-missing.so.2"]
        let refused = try work.run(["report", "q.yaml", "r.csv"], environment: missing)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("cannot load librsvg (librsvg-missing.so.2: cannot open shared object file"), "\(refused.stderr)")
        #expect(refused.stderr.contains("apt-get install librsvg2-2") && refused.stderr.contains("Nothing was written"), "\(refused.stderr)")
        #expect(ReportCommandTests.snapshot(work) == before)
        #expect(ReportCommandTests.leftovers(work, of: "q").isEmpty)

        let plain = try work.run(["report", "q.yaml", "r.csv", "--format", "csv,xlsx"], environment: missing)
        #expect(plain.status == 0, "\(plain)")
        #expect(ReportCommandTests.files(in: work, "reports/q").isSuperset(of: ["report.xlsx", "frequencies.csv"]))
    }

    @Test func writesIntoAnEmptyFolder() throws {
        let work = try ReportCommandTests.workdir()
        defer { work.remove() }
        try FileManager.default.createDirectory(atPath: work.path("empty"), withIntermediateDirectories: true)
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "empty")
        #expect(result.status == 0, "\(result)")
        #expect(ReportCommandTests.files(in: work, "empty").isSuperset(of: ReportCommandTests.fullReport))
    }

    @Test(arguments: ["notes.txt", "charts/notes.txt"])
    func refusesAReportWithAForeignFileAndKeepsIt(_ foreign: String) throws {
        let work = try ReportCommandTests.workdir()
        defer { work.remove() }
        #expect(try work.run("report", "q.yaml", "r.csv").status == 0)
        try FileManager.default.createDirectory(atPath: work.path("reports/q/charts"), withIntermediateDirectories: true)
        try work.write("reports/q/\(foreign)", "keep me\n")
        let before = ReportCommandTests.snapshot(work)
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "reports/q")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("the folder holds files that survey did not write: \(foreign)."), "\(result)")
        #expect(result.stderr.contains("--out reports/q-2"), "\(result)")
        #expect(ReportCommandTests.snapshot(work) == before)
    }

    @Test func refusesAFolderOfOtherFilesNamingTheFirstFew() throws {
        let work = try ReportCommandTests.workdir()
        defer { work.remove() }
        try FileManager.default.createDirectory(atPath: work.path("photos"), withIntermediateDirectories: true)
        for index in 1...8 { try work.write("photos/img\(index).jpg", "\(index)") }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "photos")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("img1.jpg, img2.jpg, img3.jpg, img4.jpg, img5.jpg and 3 more"), "\(result)")
        #expect(result.stderr.contains("no .survey-report"), "\(result)")
        #expect(work.listing().filter { $0.hasPrefix("photos/") }.count == 8)
    }

    /// A regular file, a FIFO, a device, a symbolic link: a plain message, exit 2, nothing touched.
    @Test(arguments: [
        ("notes.txt", "it is a file, not a folder"),
        ("fifo", "it is a named pipe (FIFO), not a folder"),
        ("/dev/null", "it is a device, not a folder"),
        ("link", "it is a symbolic link (to reports/q)"),
        ("dangling", "it is a symbolic link (to nowhere)"),
        ("notes.txt/inside", "it cannot be looked at: Not a directory"),
    ])
    func refusesWhatIsNotAFolder(_ out: String, _ message: String) throws {
        let work = try ReportCommandTests.workdir()
        defer { work.remove() }
        #expect(try work.run("report", "q.yaml", "r.csv").status == 0)
        #expect(mkfifo(work.path("fifo"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: work.path("link"), withDestinationPath: "reports/q")
        try FileManager.default.createSymbolicLink(atPath: work.path("dangling"), withDestinationPath: "nowhere")
        let before = ReportCommandTests.snapshot(work)
        let result = try work.run("report", "q.yaml", "r.csv", "--out", out)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("could not be completed"), "\(result)")
        #expect(ReportCommandTests.snapshot(work) == before)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: work.path("link"))
        #expect(link == "reports/q", "the link is still a link")
    }

    /// Kills the run at each step (SIGKILL from the kill hook): the target then holds the old
    /// report or the new one, complete, and the next run leaves the new one and no leftovers.
    @Test(arguments: ["marker", "files", "exchange", "removal"])
    func recoversFromAKillAtEachStep(_ step: String) throws {
        let work = try ReportCommandTests.workdir()
        defer { work.remove() }
        #expect(try work.run("report", "q.yaml", "r.csv").status == 0)
        let old = ReportCommandTests.files(in: work, "reports/q")
        let killed = try work.run(["report", "q.yaml", "r.csv", "--format", "md"], environment: ["SURVEY_REPORT_CRASH_AT": step])
        #expect(killed.status == 128 + SIGKILL, "\(killed)")
        let between = ReportCommandTests.files(in: work, "reports/q")
        #expect(between == old || between == ReportCommandTests.markdownReport, "a mix of old and new: \(between.sorted())")
        #expect(!ReportCommandTests.leftovers(work, of: "q").isEmpty, "the kill left its temporary folder")

        let next = try work.run("report", "q.yaml", "r.csv", "--format", "md")
        #expect(next.status == 0, "\(next)")
        #expect(ReportCommandTests.files(in: work, "reports/q") == ReportCommandTests.markdownReport)
        #expect(ReportCommandTests.leftovers(work, of: "q").isEmpty, "leftovers: \(ReportCommandTests.leftovers(work, of: "q"))")
    }

    /// Where renameat2 cannot exchange (forced here), the swap takes two renames; a kill between
    /// them leaves both reports beside an empty path, and the next run recovers.
    @Test func recoversFromAKillBetweenTheTwoRenamesOfTheFallback() throws {
        let work = try ReportCommandTests.workdir()
        defer { work.remove() }
        #expect(try work.run("report", "q.yaml", "r.csv").status == 0)
        let fallback = ["SURVEY_REPORT_NO_EXCHANGE": "1"]
        let killed = try work.run(["report", "q.yaml", "r.csv", "--format", "md"], environment: fallback.merging(["SURVEY_REPORT_CRASH_AT": "renamed"]) { $1 })
        #expect(killed.status == 128 + SIGKILL, "\(killed)")
        #expect(ReportCommandTests.leftovers(work, of: "q").count == 2)
        let next = try work.run(["report", "q.yaml", "r.csv", "--format", "md"], environment: fallback)
        #expect(next.status == 0, "\(next)")
        #expect(ReportCommandTests.files(in: work, "reports/q") == ReportCommandTests.markdownReport)
        #expect(ReportCommandTests.leftovers(work, of: "q").isEmpty)
        let again = try work.run(["report", "q.yaml", "r.csv"], environment: fallback)
        #expect(again.status == 0, "\(again)")
        #expect(ReportCommandTests.files(in: work, "reports/q").isSuperset(of: ReportCommandTests.fullReport))
        #expect(ReportCommandTests.leftovers(work, of: "q").isEmpty)
    }

    /// A leftover with the marker and a dead process id is cleaned; one without the marker is
    /// kept (and named in a note), whatever its name says.
    @Test func cleansItsOwnLeftoversOnly() throws {
        let work = try ReportCommandTests.workdir()
        defer { work.remove() }
        let manager = FileManager.default
        let dead = "99999999"
        for name in [".q.tmp-\(dead)", ".q.old-\(dead)-1a2b", ".q.tmp-\(dead)-foreign", ".q.backup"] {
            try manager.createDirectory(atPath: work.path("reports/\(name)/charts"), withIntermediateDirectories: true)
            try work.write("reports/\(name)/report.md", "old\n")
            try work.write("reports/\(name)/charts/a.svg", "<svg/>")
        }
        for name in [".q.tmp-\(dead)", ".q.old-\(dead)-1a2b", ".q.backup"] {
            try work.write("reports/\(name)/.survey-report", "survey report folder, format 1 (the files survey wrote here; the next `survey report` replaces them)\nreport.md\ncharts/a.svg\n")
        }
        let result = try work.run("report", "q.yaml", "r.csv")
        #expect(result.status == 0, "\(result)")
        let remaining = Set(try manager.contentsOfDirectory(atPath: work.path("reports")))
        #expect(remaining == ["q", ".q.tmp-\(dead)-foreign", ".q.backup"], "\(remaining.sorted())")
        #expect(work.text("reports/.q.tmp-\(dead)-foreign/report.md") == "old\n")
        #expect(result.stderr.contains("note: left reports/.q.tmp-\(dead)-foreign alone: it holds files survey did not write"), "\(result)")
    }
}
