import Foundation
import Testing

/// A questionnaire and a response file it reads.
struct FixturePair: Sendable, CustomTestStringConvertible {
    var questionnaire: String
    var responses: String
    var testDescription: String { responses }
}

/// Large files read in parts on `--jobs` threads (issue 13): the results are those of one
/// reader going through the file, whatever the number of threads and wherever the cuts fall.
/// `SURVEY_TEST_PART_BYTES` cuts the small fixtures into parts of a few dozen bytes, so that
/// cuts land next to every kind of row: multi-line answers, broken quoting, bad bytes, NUL,
/// duplicate ids, a `sep=` line, a BOM.
@Suite struct ParallelPartsTests {
    /// Every response fixture with the questionnaire it answers (a file without an id column,
    /// Google Forms, is read by one reader: its rows are numbered in file order).
    static let fixtures: [FixturePair] = [
        ("feedback.yaml", "responses-bidi-override.csv"), ("feedback.yaml", "responses-cp1251-semicolon.csv"),
        ("feedback.yaml", "responses-escape-sequences.csv"), ("other-google-forms.yaml", "responses-google-forms-other.csv"),
        ("salary-en.yaml", "responses-google-forms-salary.csv"), ("feedback.yaml", "responses-google-forms.csv"),
        ("other-kobo.yaml", "responses-kobo-other.csv"), ("feedback.yaml", "responses-kobo.csv"),
        ("ledger-housing.yaml", "responses-ledger-housing.csv"), ("feedback.yaml", "responses-messy.csv"),
        ("feedback.yaml", "responses-nul-byte.csv"), ("salary-ru.yaml", "responses-ru-excel-decimal-comma.csv"),
        ("feedback.yaml", "responses-sep-line.csv"), ("feedback.yaml", "responses-time-bad.csv"),
        ("feedback.yaml", "responses-time-excel-serial.csv"), ("feedback.yaml", "responses-time-google-forms-ru.csv"),
        ("feedback.yaml", "responses-time-google-forms-us.csv"), ("feedback.yaml", "responses-time-kobo.csv"),
        ("feedback.yaml", "responses-unclosed-quote.csv"), ("feedback.yaml", "responses-utf8-bom.csv"),
        ("feedback.yaml", "responses-utf8-one-bad-byte.csv"), ("feedback.yaml", "responses-utf8.csv"),
        ("feedback.yaml", "responses-utf16le.csv"), ("missing-codes.yaml", "missing-responses.csv"),
    ].map { FixturePair(questionnaire: $0.0, responses: $0.1) }

    static let tinyParts = ["SURVEY_TEST_PART_BYTES": "40"]

    /// What an import wrote, with the working directory's path taken out of the messages.
    static func imported(_ dir: Workdir, _ pair: FixturePair, into: String, jobs: String?, environment: [String: String]) throws -> [String] {
        var arguments = ["import", Fixture.path(pair.questionnaire), Fixture.path(pair.responses), "--into", into]
        if let jobs { arguments += ["--jobs", jobs] }
        let result = try dir.run(arguments, environment: environment)
        let base = into.replacingOccurrences(of: ".csv", with: "")
        return ["exit \(result.status)", result.stderr.replacingOccurrences(of: dir.url.path, with: "DIR").replacingOccurrences(of: base, with: "OUT")]
            + ["", ".problems", ".rejects"].map { dir.text(base + $0 + ".csv") ?? "(none)" }
    }

    @Test("import in parts writes what one reader writes, with --jobs 1 and --jobs 2", arguments: fixtures)
    func importInParts(_ pair: FixturePair) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let one = try Self.imported(dir, pair, into: "xq0.csv", jobs: nil, environment: [:])
        let parts1 = try Self.imported(dir, pair, into: "xq1.csv", jobs: "1", environment: Self.tinyParts)
        let parts2 = try Self.imported(dir, pair, into: "xq2.csv", jobs: "2", environment: Self.tinyParts)
        #expect(parts1 == one)
        #expect(parts2 == one)
        #expect(one[0] == "exit 0" || one[0] == "exit 1")
    }

    @Test("stats in parts are byte-identical with --jobs 1 and --jobs 2, and count what one reader counts", arguments: fixtures)
    func statsInParts(_ pair: FixturePair) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        func stats(_ format: String, jobs: String?, _ environment: [String: String]) throws -> SurveyResult {
            var arguments = ["stats", Fixture.path(pair.questionnaire), Fixture.path(pair.responses), "--format", format]
            if let jobs { arguments += ["--jobs", jobs] }
            return try dir.run(arguments, environment: environment)
        }
        let json1 = try stats("json", jobs: "1", Self.tinyParts), json2 = try stats("json", jobs: "2", Self.tinyParts)
        #expect(json1.status == 0, "\(json1)")
        #expect(json1.stdout == json2.stdout)
        #expect(json1.stderr == json2.stderr)
        // Counts, percentages and rounded means are those of one reader; a merged standard
        // deviation may differ from a one-pass one in the 16th digit, so JSON is not compared.
        let text = try stats("text", jobs: "2", Self.tinyParts), oneText = try stats("text", jobs: nil, [:])
        #expect(text.stdout == oneText.stdout)
        #expect(text.stderr == oneText.stderr)
    }

    /// A rating's mean and standard deviation come from its points' counts at the end, so
    /// unlike a number's they are the same bits however the rows were cut (`--format json`
    /// prints them in full).
    @Test("a rating's descriptives are the same bits read in parts of 40 bytes and by one reader",
          arguments: fixtures.filter { ["feedback.yaml", "missing-codes.yaml"].contains($0.questionnaire) })
    func ratingDescriptivesDoNotDependOnTheCuts(_ pair: FixturePair) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        func ratings(_ environment: [String: String]) throws -> [String] {
            let result = try dir.run(["stats", Fixture.path(pair.questionnaire), Fixture.path(pair.responses), "--format", "json"], environment: environment)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let questions = try #require(document["questions"] as? [[String: Any]])
            return try questions.filter { $0["type"] as? String == "rating" }.map { question in
                let figures = try #require(question["descriptives"] as? [String: Any])
                return "\(question["id"]!): " + figures.keys.sorted().map { "\($0)=\(figures[$0]!)" }.joined(separator: " ")
            }
        }
        let whole = try ratings([:])
        #expect(try ratings(Self.tinyParts) == whole)
        #expect(!whole.isEmpty)
    }

    @Test("report in parts: the same files with --jobs 1 and --jobs 2")
    func reportInParts() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        var folders: [[String: String]] = []
        for jobs in ["1", "2"] {
            let result = try dir.run(["report", Fixture.feedback, Fixture.path("responses-messy.csv"), Fixture.path("responses-utf8.csv"),
                                      "--out", "report-jobs-\(jobs)", "--jobs", jobs], environment: Self.tinyParts)
            #expect(result.status == 0, "\(result)")
            var files: [String: String] = [:]
            let folder = "report-jobs-\(jobs)/"
            for name in dir.listing() where name.hasPrefix(folder) {
                files[String(name.dropFirst(folder.count))] = dir.text(name)?.replacingOccurrences(of: folder, with: "R/")
            }
            folders.append(files)
        }
        #expect(folders[0].count > 3)
        #expect(folders[0] == folders[1])
    }

    /// Rows with two-line answers, a doubled quote, a stray quote in an unquoted field
    /// (rejected, and it turns the quote count odd for the rest of the file) and ids repeated
    /// far apart, so that cuts fall inside quoted fields and between duplicate ids.
    static func hostile(strayQuoteAt stray: Int?) -> String {
        var lines = ["respondent,org_type,role,usefulness,improve"]
        for row in 1...120 {
            let id = row > 100 ? "r\(row - 100)" : "r\(row)"
            var improve = row % 3 == 0 ? "\"first line\nsecond \"\"line\"\", row \(row)\"" : "plain \(row)"
            if row == stray { improve = "a stray \" quote" }
            lines.append("\(id),ngo,specialist,\(row % 5 + 1),\(improve)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("cuts inside quoted fields, broken quoting and duplicate ids across cuts give one reader's result",
          arguments: [nil, 7, 95], ["23", "64", "150", "1000"])
    func hostileCuts(stray: Int?, partBytes: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("hostile.csv", Self.hostile(strayQuoteAt: stray))
        let input = dir.path("hostile.csv")
        func run(_ into: String, jobs: String?, _ environment: [String: String]) throws -> [String] {
            var arguments = ["import", Fixture.feedback, input, "--into", into]
            if let jobs { arguments += ["--jobs", jobs] }
            let result = try dir.run(arguments, environment: environment)
            let base = into.replacingOccurrences(of: ".csv", with: "")
            return ["exit \(result.status)", result.stderr.replacingOccurrences(of: base, with: "OUT")]
                + ["", ".problems", ".rejects"].map { dir.text(base + $0 + ".csv") ?? "(none)" }
        }
        let one = try run("xq0.csv", jobs: nil, [:])
        #expect(try run("xq1.csv", jobs: "1", ["SURVEY_TEST_PART_BYTES": partBytes]) == one)
        #expect(try run("xq2.csv", jobs: "2", ["SURVEY_TEST_PART_BYTES": partBytes]) == one)
        // Ids 101–120 repeat 1–20: the later row is the one rejected, naming the first's line.
        #expect(one[1].contains("hostile.csv:"))
        #expect(one[4].contains("duplicate respondent id `r1` (first seen at \(input):2)"), "\(one[4])")
    }

    @Test("ids already in --into are duplicates in every part")
    func reservedIdsInEveryPart() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        #expect(try dir.run("import", Fixture.feedback, Fixture.path("responses-utf8.csv"), "--into", "r.csv").status == 0)
        let again = try dir.run(["import", Fixture.feedback, Fixture.path("responses-utf8.csv"), "--into", "r.csv", "--jobs", "2"], environment: Self.tinyParts)
        #expect(again.status == 1, "\(again)")
        #expect(again.stderr.contains("none of its 8 rows was accepted"), "\(again)")
        #expect(again.stderr.contains("duplicate respondent id `101` (first seen at r.csv:2)"), "\(again)")
    }

    @Test("a pipe is read by one reader, with the figures of the file read in parts")
    func pipeStreams() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let file = Fixture.path("responses-utf8.csv")
        let piped = try dir.shell("cat '\(file)' | \"$SURVEY\" stats '\(Fixture.feedback)' /dev/stdin --jobs 2", environment: Self.tinyParts)
        let parts = try dir.run(["stats", Fixture.feedback, file, "--jobs", "2"], environment: Self.tinyParts)
        #expect(piped.status == 0, "\(piped)")
        #expect(piped.stdout == parts.stdout)
    }

    @Test("--jobs must be 1 or more")
    func jobsAtLeastOne() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let result = try dir.run("stats", Fixture.feedback, Fixture.path("responses-utf8.csv"), "--jobs", "0")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--jobs must be 1 or more, not 0"), "\(result)")
    }

    @Test("the progress line shows on a terminal, and never when stderr is not one")
    func progressLine() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let environment = ["SURVEY_TEST_PART_BYTES": "40", "SURVEY_TEST_PROGRESS_BYTES": "1"]
        let piped = try dir.run(["stats", Fixture.feedback, Fixture.path("responses-utf8.csv")], environment: environment)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("MB/s"), "\(piped)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("note: /usr/bin/script (util-linux) is missing: the terminal half of the progress test is skipped")
            return
        }
        // `script` runs the command on a pseudo-terminal: stderr is a terminal there.
        let command = "\"$SURVEY\" stats '\(Fixture.feedback)' '\(Fixture.path("responses-utf8.csv"))' --jobs 2 > /dev/null"
        let onTerminal = try dir.shell("script -qec '\(command.replacingOccurrences(of: "'", with: "'\\''"))' /dev/null", environment: environment)
        #expect(onTerminal.status == 0, "\(onTerminal)")
        #expect(onTerminal.stdout.contains("read: "), "\(onTerminal)")
        #expect(onTerminal.stdout.contains("MB/s"), "\(onTerminal)")
        #expect(onTerminal.stdout.contains("\u{1B}[K"), "the line is cleared at the end: \(onTerminal)")
    }
}
