import Foundation
import Testing

/// stdout and stderr that cannot be written (`Terminal`): results that cannot be written are an
/// error (exit 1 with a message), a reader that stops early is not (quiet), and messages that
/// cannot be written never stop an import from writing its files.
@Suite struct TerminalTests {
    /// A working directory with the feedback questionnaire and its clean responses.
    static func workdir() throws -> Workdir {
        let work = try Workdir()
        try work.copy(fixture: "feedback.yaml")
        try work.copy(fixture: "responses-expected.csv", as: "responses.csv")
        return work
    }

    @Test(arguments: [
        ["stats", "feedback.yaml", "responses.csv"],
        ["stats", "feedback.yaml", "responses.csv", "--format", "json"],
        ["check", "feedback.yaml"],
        ["--help"],
    ])
    func fullDiskOnStdoutExitsOneWithMessage(_ arguments: [String]) throws {
        let work = try TerminalTests.workdir()
        defer { work.remove() }
        let result = try work.shell("\"$SURVEY\" \(arguments.joined(separator: " ")) > /dev/full")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("error: cannot write the output: No space left on device"), "\(result)")
    }

    @Test func closedStdoutExitsOneWithMessage() throws {
        let work = try TerminalTests.workdir()
        defer { work.remove() }
        let result = try work.shell("\"$SURVEY\" stats feedback.yaml responses.csv >&-")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("error: cannot write the output: standard output is closed"), "\(result)")
    }

    /// With stdout closed, a file the import opens must not become descriptor 1.
    @Test func importWithClosedStdoutWritesOnlyItsFile() throws {
        let work = try TerminalTests.workdir()
        defer { work.remove() }
        let result = try work.shell("\"$SURVEY\" import feedback.yaml responses.csv --into out.csv >&-")
        #expect(result.status == 0, "\(result)")
        #expect(work.bytes("out.csv") == work.bytes("responses.csv"))
    }

    /// `survey stats … | head -1`: the reader is gone before the output is written.
    @Test func brokenPipeOnStdoutIsQuiet() throws {
        let work = try TerminalTests.workdir()
        defer { work.remove() }
        let run = try work.run(["stats", "feedback.yaml", "responses.csv"], brokenPipeOn: 1)
        #expect((run.signaled && run.status == SIGPIPE) || (!run.signaled && run.status == 0), "\(run)")
        #expect(!run.otherStream.contains("error"), "\(run)")
        #expect(!run.otherStream.contains("cannot write"), "\(run)")
    }

    @Test func headOneIsQuiet() throws {
        let work = try TerminalTests.workdir()
        defer { work.remove() }
        let result = try work.shell("{ \"$SURVEY\" stats feedback.yaml responses.csv; echo $? > status; } | head -1")
        let status = work.text("status")?.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status == "0" || status == "141", "\(result)")
        #expect(result.stdout.split(separator: "\n").count == 1, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
    }

    /// stderr into a pipe nobody reads: the import still commits its file and exits 0.
    @Test func importWithBrokenStderrStillWritesItsFile() throws {
        let work = try TerminalTests.workdir()
        defer { work.remove() }
        let run = try work.run(["import", "feedback.yaml", "responses.csv", "--into", "out.csv"], brokenPipeOn: 2)
        #expect(!run.signaled && run.status == 0, "\(run)")
        #expect(work.bytes("out.csv") == work.bytes("responses.csv"))
    }

    @Test(arguments: [
        "{ \"$SURVEY\" import feedback.yaml responses.csv --into out.csv 2>&1; echo $? > status; } | true",
        "\"$SURVEY\" import feedback.yaml responses.csv --into out.csv 2>&-; echo $? > status",
        "\"$SURVEY\" import feedback.yaml responses.csv --into out.csv 2>/dev/full; echo $? > status",
    ])
    func importWithUnwritableStderrStillWritesItsFile(_ script: String) throws {
        let work = try TerminalTests.workdir()
        defer { work.remove() }
        let result = try work.shell(script)
        #expect(work.text("status") == "0\n", "\(result)")
        #expect(work.bytes("out.csv") == work.bytes("responses.csv"))
    }
}
