import Foundation
import SurveyModel
import SurveyReport
import SurveyStatistics
import Testing

/// `report.html` as a browser sees it: the bundled example (not the golden tests' frozen copy:
/// nothing here depends on its figures, so it follows the example as it grows), written by
/// `ReportFolder` as `survey report` writes it and opened in headless Chromium, which must load it
/// without a single console message (the page has no scripts, so any message is Chromium
/// complaining: an invalid SVG attribute, a parse error, a blocked resource) and build a DOM with
/// every section in it.
///
/// `make test` installs chromium (Debian's package); without it these tests are skipped.
@Suite(.serialized, .enabled(if: Chromium.path != nil, "chromium is not installed: apt-get install chromium"))
struct HTMLInChromiumTests {
    @Test func exampleRendersWithoutConsoleErrors() throws {
        let folder = try Chromium.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = try HTMLInChromiumTests.bundledExample()
        let report = folder.appendingPathComponent("seminar-feedback")
        let files = FeedbackReport(results: results, options: ReportOptions()).files(formats: [.html], excel: false)
        try ReportFolder.write(files, to: report.path)
        let html = try #require(files.first { $0.path == "report.html" }?.content)

        let run = try Chromium.dumpDOM(of: report.appendingPathComponent("report.html"), profileIn: folder, timeout: 60)
        try #require(!run.timedOut, "chromium did not finish within 60 s and was killed; stderr:\n\(run.stderr)")
        #expect(run.status == 0, "chromium exited with \(run.status); stderr:\n\(run.stderr)")
        #expect(run.consoleMessages.isEmpty, "console messages:\n\(run.consoleMessages.joined(separator: "\n"))")

        // Missing pieces, not `dom.contains` per piece: a failed expectation would print the whole DOM.
        let dom = run.stdout
        var expected = ["<h1>\(Chromium.domText("Report on participants' feedback"))</h1>"]
        for (index, result) in results.questions.enumerated() {
            let text = try #require(results.questionnaire.question(result.id)).text.text(in: "en")
            expected.append("<h2>\(index + 1). \(Chromium.domText(text))</h2>")
        }
        // The last section made it into the DOM: the parser read the page to its end.
        expected.append("<section id=\"methods\">")
        let missing = expected.filter { !dom.contains($0) }
        #expect(missing.isEmpty, "missing from the DOM: \(missing)")
        let charts = (written: html.components(separatedBy: "<svg ").count - 1, inDOM: dom.components(separatedBy: "<svg ").count - 1)
        #expect(charts.written > 0 && charts.inDOM == charts.written, "charts written and in the DOM: \(charts)")
    }

    /// `survey report questionnaires/seminar-feedback.yaml responses/seminar-feedback.csv`'s
    /// analysis: the definition's cross-tabs and keyword questions, every answer quoted.
    static func bundledExample() throws -> SurveyResults {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let questionnaire = try QuestionnaireLoader.load(path: root.appendingPathComponent("questionnaires/seminar-feedback.yaml").path)
        var options = StatisticsOptions(crossTabs: questionnaire.report.crosstabs, quotes: .all)
        if !questionnaire.report.keywords.isEmpty { options.keywordQuestions = questionnaire.report.keywords }
        let responses = root.appendingPathComponent("responses/seminar-feedback.csv").path
        return try SurveyAnalysis.run(questionnaire: questionnaire, files: [responses], options: options).results
    }

    /// The check above would pass silently if this Chromium stopped logging the console to stderr.
    @Test func consoleErrorsAreNoticed() throws {
        let folder = try Chromium.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("broken.html")
        try Data("<!DOCTYPE html><title>t</title><svg><rect width=\"-5\" height=\"1\"/></svg>".utf8).write(to: page)
        let run = try Chromium.dumpDOM(of: page, profileIn: folder, timeout: 60)
        #expect(run.status == 0)
        #expect(run.consoleMessages.contains { $0.contains("A negative value is not valid") }, "stderr:\n\(run.stderr)")
    }

    /// A page that never finishes loading is killed at the timeout, with all of Chromium's processes.
    @Test func hangingBrowserIsKilled() throws {
        let folder = try Chromium.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("endless.html")
        try Data("<!DOCTYPE html><title>t</title><script>for (;;) {}</script>".utf8).write(to: page)
        let started = ContinuousClock.now
        let run = try Chromium.dumpDOM(of: page, profileIn: folder, timeout: 3)
        #expect(run.timedOut)
        #expect(ContinuousClock.now - started < .seconds(30))
        // Killed processes take a moment to go.
        var left = Chromium.processes(using: folder)
        for _ in 0..<50 where !left.isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            left = Chromium.processes(using: folder)
        }
        #expect(left.isEmpty, "left running: \(left)")
    }
}

/// Headless Chromium run as a child process that cannot outlive its timeout.
enum Chromium {
    /// `chromium` (Debian) or `chromium-browser` from `PATH`.
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser"] {
            for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }()

    struct Run {
        var status: Int32
        var timedOut: Bool
        var stdout: String
        var stderr: String

        /// Lines the page's console wrote: `[…:INFO:CONSOLE:2] "message", source: file:///… (2)`
        /// (older builds write `CONSOLE(2)`), and uncaught exceptions.
        var consoleMessages: [String] {
            stderr.split(whereSeparator: \.isNewline).map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
        }
    }

    /// A new empty folder for one test's pages, profile and logs.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("survey-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Loads `page` and prints its DOM, with a throwaway profile in `folder`. Past `timeout`
    /// seconds the whole process group is killed (Foundation starts the child as a group leader,
    /// and Chromium's renderer and GPU processes stay in its group).
    static func dumpDOM(of page: URL, profileIn folder: URL, timeout: Double) throws -> Run {
        try run(["--dump-dom", page.absoluteString], profileIn: folder, timeout: timeout)
    }

    /// Prints `page` to `pdf` as "Save as PDF" would, without Chromium's own header and footer
    /// (date, URL), so only the page's `@page` footer shows.
    static func printToPDF(_ page: URL, pdf: URL, profileIn folder: URL, timeout: Double) throws -> Run {
        try run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString], profileIn: folder, timeout: timeout)
    }

    /// Headless Chromium with `arguments` and a throwaway profile in `folder`.
    static func run(_ arguments: [String], profileIn folder: URL, timeout: Double) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr", "--v=0",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
        ] + arguments
        // Files, not pipes: a DOM larger than a pipe's buffer would otherwise block Chromium.
        let stdoutURL = folder.appendingPathComponent("chromium.stdout"), stderrURL = folder.appendingPathComponent("chromium.stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL), stderr = try FileHandle(forWritingTo: stderrURL)
        defer { try? stdout.close(); try? stderr.close() }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
        return Run(
            status: process.terminationStatus, timedOut: timedOut,
            stdout: (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        )
    }

    /// Text as Chromium serializes a text node: `&`, `<`, `>` and no-break spaces escaped, quotes
    /// not (the report writes `'` as `&#39;`, the DOM dump as `'`).
    static func domText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\u{A0}", with: "&nbsp;")
    }

    /// Ids of running processes whose command line mentions `folder` (the profile is inside it).
    static func processes(using folder: URL) -> [String] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.filter { id in
            guard id.allSatisfy(\.isNumber), let line = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(id)/cmdline")) else { return false }
            return String(decoding: line, as: UTF8.self).contains(folder.path)
        }
    }
}
