import Foundation
import Testing

/// `survey code` with a pipe as input, its refusals and `--agreement` (issue 15).
struct CodeCommandTests {
    static let fixtures = EnterWorkdir.repoRoot.appendingPathComponent("Tests/Fixtures/coding")
    static let header = "respondent,question,themes,coder,coded_at,label"

    /// A work folder holding the coding fixture as `coding.yaml` and `r.csv`.
    static func workdir() throws -> EnterWorkdir {
        let dir = try EnterWorkdir()
        for (name, copy) in [("coding.yaml", "coding.yaml"), ("responses-improve.csv", "r.csv")] {
            try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent(name).path, toPath: dir.path(copy))
        }
        return dir
    }

    /// The rows of a codes file without their times: `respondent,question,themes,coder,label`.
    static func rows(_ text: String?) -> [String] {
        (text ?? "").split(separator: "\n").dropFirst().map { line in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if fields.count > 4 { fields.remove(at: 4) }
            return fields.joined(separator: ",")
        }
    }

    @Test func aPipeCodesAnswersWithKeysAndSavesEachOne() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        // Accept the rule's theme; untick speakers and tick venue; add a theme; skip; no theme.
        let result = try dir.run(["code", "coding.yaml", "r.csv", "--question", "improve", "--coder", "anna"],
                                 input: "\n2 3\n\n+\ncoffee\nBetter coffee\n1\n\ns\n-\n\nq\n")
        #expect(result.status == 0, "\(result)")
        let text = dir.text("r.codes.csv")
        #expect(text?.hasPrefix(Self.header + "\n") == true)
        #expect(Self.rows(text) == [
            "11,improve,more_time,anna,", "12,improve,venue,anna,", "#theme,improve,coffee,anna,Better coffee",
            "13,improve,more_time;food;coffee,anna,", "16,improve,,anna,",
        ], "\(text ?? "")")
        #expect(text?.split(separator: "\n").dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[4].wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d/) != nil } == true)
        #expect(result.stdout.contains("skipped respondent 15: not saved"))
        #expect(result.stdout.contains("Saved 4 answers in this sitting; 4 of 6 coded by anna in r.codes.csv."), "\(result)")
        // survey stats finds the codes beside the responses and counts them.
        let stats = try dir.run(["stats", "coding.yaml", "r.csv"], input: "")
        #expect(stats.stderr.contains("themes: 4 answers coded by hand in r.codes.csv"), "\(stats)")
    }

    @Test func aRefusedKeyInAPipeIsReportedWithItsLineAndExit1() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        // A key with no theme; then a new theme with the id of another question's theme (cancelled).
        let result = try dir.run(["code", "coding.yaml", "r.csv", "--question", "improve", "--coder", "anna"], input: "7\n+\nthanks\n\n\nq\n")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("stdin:1: `7` is not a key here: 1–5 toggles a theme"), "\(result)")
        #expect(result.stderr.contains("stdin:3: thanks is the id of a theme of another question in the definition"), "\(result)")
        #expect(Self.rows(dir.text("r.codes.csv")) == ["11,improve,more_time,anna,"])
    }

    @Test func aResumedSittingStartsAtTheFirstAnswerThisCoderHasNotCoded() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        try dir.write("r.codes.csv", Self.header + "\n11,improve,more_time,anna,2026-11-30T09:00:00+06:00,\n12,improve,speakers,boris,2026-11-30T09:01:00+06:00,\n")
        let result = try dir.run(["code", "coding.yaml", "r.csv", "--question", "improve", "--coder", "anna"], input: "\nq\n")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Going on from answer 2, the first not coded by anna."), "\(result)")
        // Boris's code is shown as the hand code of the answer.
        #expect(result.stdout.contains("  hand codes: speakers (boris, 2026-11-30T09:01:00+06:00)"), "\(result)")
        #expect(Self.rows(dir.text("r.codes.csv")) == ["11,improve,more_time,anna,", "12,improve,speakers,boris,", "12,improve,speakers,anna,"])
    }

    @Test func aTornLastLineIsMovedAwayBeforeCoding() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        try dir.write("r.codes.csv", Self.header + "\n11,improve,more_time,anna,2026-11-30T09:00:00+06:00,\n12,improve,spea")
        let result = try dir.run(["code", "coding.yaml", "r.csv", "--question", "improve", "--coder", "anna"], input: "\nq\n")
        #expect(result.status == 0, "\(result)")
        // The note wraps at the terminal width (80 columns in a pipe).
        #expect(result.stdout.hasPrefix("r.codes.csv:3: a line torn by an interrupted save was moved to\n    r.codes.recovered.csv: 12,improve,spea\n"), "\(result)")
        #expect(Self.rows(dir.text("r.codes.csv")) == ["11,improve,more_time,anna,", "12,improve,speakers,anna,"])
        #expect(dir.text("r.codes.recovered.csv")?.contains("\"12,improve,spea\"") == true)
    }

    @Test(arguments: [
        ("usefulness", "error: --question usefulness is a rating question; only the answers to text questions are coded with themes (text questions: improve, comments, thanks_note)"),
        ("nope", "error: --question nope: the definition has no question with this id (text questions: improve, comments, thanks_note)"),
        ("comments", "error: --question comments has no themes in the definition, so there is nothing to suggest or to count."),
    ])
    func refusesAQuestionThatCannotBeCoded(question: String, message: String) throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        let result = try dir.run(["code", "coding.yaml", "r.csv", "--question", question], input: "\n")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix(message), "\(result)")
        #expect(dir.text("r.codes.csv") == nil)
    }

    @Test func aMissingResponsesFileLeavesNoCodesFileBehind() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        let result = try dir.run(["code", "coding.yaml", "missing.csv", "--question", "improve"], input: "\n")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("missing.csv"), "\(result)")
        #expect(dir.text("missing.codes.csv") == nil)
    }

    /// The responses file named as the codes file by mistake: refused, left byte for byte.
    @Test func refusesAFileThatIsNotACodesFileWithoutTouchingIt() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        let before = dir.text("r.csv")
        let result = try dir.run(["code", "coding.yaml", "r.csv", "--question", "improve", "--codes", "r.csv"], input: "\n\n")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("r.csv:1: error: this is not a codes file, so survey code leaves it as it is.\n  expected: respondent,question,themes,coder,coded_at (or with a last column `label`)\n  found:    respondent,usefulness,improve,comments"), "\(result)")
        #expect(dir.text("r.csv") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { !$0.hasPrefix(".") }.sorted() == ["coding.yaml", "r.csv"])
    }

    @Test func agreementPrintsKappaPerThemeAsScikitLearnComputesIt() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        for name in ["agreement-anna.codes.csv", "agreement-boris.codes.csv"] {
            try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent(name).path, toPath: dir.path(name))
        }
        let result = try dir.run(["code", "coding.yaml", "r.csv", "--question", "improve", "--agreement", "agreement-anna.codes.csv", "agreement-boris.codes.csv"], input: "")
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Agreement on improve: anna (agreement-anna.codes.csv) and boris (agreement-boris.codes.csv)")
        #expect(lines.contains("22 answers coded by both; left out: 1 coded only by the first, 1 only by the second"), "\(result)")
        let expected = (try String(contentsOf: Self.fixtures.appendingPathComponent("agreement-expected.csv"), encoding: .utf8))
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        for row in expected {
            let kappa = row[3] == "undefined" ? "undefined: both coders gave every answer the same value (never this theme)" : String(format: "%.3f", Double(row[3])!)
            let percent = String(format: "%.1f%%", Double(row[2])!)
            let line = try #require(lines.first { $0.hasPrefix(row[0] + " ") }, "\(row[0]) in \(result.stdout)")
            #expect(line.split(separator: " ", maxSplits: 3).map { $0.trimmingCharacters(in: .whitespaces) } == [row[0], row[1], percent, kappa], "\(line)")
        }
        #expect(!result.stdout.lowercased().contains("nan"))
    }

    @Test func agreementFromOneFileHoldingTwoCoders() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        try dir.write("r.codes.csv", Self.header + "\n11,improve,more_time,anna,2026-11-30T09:00:00+06:00,\n11,improve,more_time,boris,2026-11-30T09:01:00+06:00,\n12,improve,speakers,anna,2026-11-30T09:02:00+06:00,\n12,improve,,boris,2026-11-30T09:03:00+06:00,\n")
        let result = try dir.run(["code", "coding.yaml", "r.csv", "--question", "improve", "--agreement", "r.codes.csv"], input: "")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Agreement on improve: anna (r.codes.csv) and boris (r.codes.csv)"), "\(result)")
        #expect(result.stdout.contains("\nmore_time      2     100.0%  1.000\n"), "\(result)")
        #expect(result.stdout.contains("\nvenue          2     100.0%  undefined: both coders gave every answer the same value (never this theme)\n"), "\(result)")
        #expect(result.stdout.contains("\nspeakers       2      50.0%  0.000\n"), "\(result)")
    }
}
