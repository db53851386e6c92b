import Foundation
import Testing

/// A clean fixture and the canonical file importing it must produce.
struct CleanImport: Sendable, CustomTestStringConvertible {
    var input: String
    var expected: String
    /// Extra arguments, e.g. `--number-format ru` for an export whose numbers are written
    /// differently from the definition's `language: en`.
    var arguments: [String] = []
    var testDescription: String { input }
}

/// The `responses-messy-expected.json` oracle.
struct MessyExpectation: Decodable {
    struct Reject: Decodable { var line: Int; var reason: String }
    struct Problem: Decodable, Equatable { var line: Int; var respondent: String; var question: String; var value: String; var problem: String }
    var rowsRead: Int
    var accepted: Int
    var rejected: Int
    var problems: [String: Int]
    var rejectedLines: [Int]
    var unknownColumns: [String]
    var rejects: [Reject]
    var problemList: [Problem]

    enum CodingKeys: String, CodingKey {
        case rowsRead = "rows_read", accepted, rejected, problems, rejectedLines = "rejected_lines"
        case unknownColumns = "unknown_columns", rejects, problemList = "problem_list"
    }

    static func load() throws -> MessyExpectation {
        try JSONDecoder().decode(MessyExpectation.self, from: Data(Fixture.bytes("responses-messy-expected.json")))
    }

    /// The messy file's header, to turn a question id into its 1-based column.
    static func column(of question: String) throws -> Int {
        let header = String(decoding: try Fixture.bytes("responses-messy.csv"), as: UTF8.self).split(separator: "\n")[0]
        return header.split(separator: ",").firstIndex { $0 == question }! + 1
    }
}

/// `survey import` on the built binary, in a fresh directory per test.
@Suite struct ImportCommandTests {
    static let clean: [CleanImport] = [
        CleanImport(input: "responses-utf8.csv", expected: "responses-expected.csv"),
        CleanImport(input: "responses-utf8-bom.csv", expected: "responses-expected.csv"),
        // Issue 9: Russian Excel writes `2,5`; feedback.yaml is `en`, so the file's convention is named.
        CleanImport(input: "responses-cp1251-semicolon.csv", expected: "responses-expected.csv", arguments: ["--number-format", "ru"]),
        CleanImport(input: "responses-utf16le.csv", expected: "responses-expected.csv"),
        CleanImport(input: "responses-google-forms.csv", expected: "responses-google-forms-expected.csv"),
        CleanImport(input: "responses-kobo.csv", expected: "responses-kobo-expected.csv"),
    ]

    @Test(arguments: clean)
    func cleanFixtureImportsByteForByte(_ fixture: CleanImport) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: fixture.input)
        let result = try dir.run(arguments: ["import", Fixture.feedback, input, "--into", "out/responses.csv"] + fixture.arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(dir.bytes("out/responses.csv") == (try Fixture.bytes(fixture.expected)))
        #expect(result.stderr.contains("Read 8 rows: 8 accepted, 0 rejected. No problems."), "\(result)")
        #expect(result.stderr.contains("Wrote 8 responses to out/responses.csv."), "\(result)")
        #expect(dir.listing() == ["out/responses.csv", input].sorted(), "no problems or rejects file, no temporary file")
        #expect(dir.bytes(input) == (try Fixture.bytes(fixture.input)), "the input file is never modified")
    }

    @Test func messyFile() throws {
        let expected = try MessyExpectation.load()
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-messy.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "responses.csv")
        #expect(result.status == 0, "problems are recorded, not fatal without --strict\n\(result)")
        #expect(dir.bytes(input) == (try Fixture.bytes("responses-messy.csv")))
        #expect(dir.bytes("responses.csv") == (try Fixture.bytes("responses-messy-expected.csv")))
        #expect(dir.listing() == ["responses-messy.csv", "responses.csv", "responses.problems.csv", "responses.rejects.csv"])

        // The summary: rows read = accepted + rejected, problems by kind.
        #expect(result.stderr.contains("Read \(expected.rowsRead) rows: \(expected.accepted) accepted, \(expected.rejected) rejected. \(expected.problems.values.reduce(0, +)) problems: "), "\(result)")
        for (kind, count) in expected.problems {
            #expect(result.stderr.contains("\(kind) \(count)"), "\(kind)")
        }
        for column in expected.unknownColumns {
            #expect(result.stderr.contains("matched no question and was ignored: \(column)"), "\(result)")
        }
        #expect(result.stderr.contains("Wrote 11 responses to responses.csv; problems in responses.problems.csv; rejected rows in responses.rejects.csv."), "\(result)")

        // NAME.problems.csv: one row per problem, with the raw cell value.
        let problems = parseCSV(dir.text("responses.problems.csv") ?? "")
        #expect(problems.first == ["file", "line", "column", "respondent", "question", "value", "problem", "message"])
        let rows = problems.dropFirst()
        #expect(rows.map { MessyExpectation.Problem(line: Int($0[1]) ?? -1, respondent: $0[3], question: $0[4], value: $0[5], problem: $0[6]) } == expected.problemList)
        #expect(rows.allSatisfy { $0.count == 8 && $0[0] == input && !$0[7].isEmpty })
        for row in rows {
            #expect(Int(row[2]) == (try MessyExpectation.column(of: row[4])), "\(row)")
        }

        // NAME.rejects.csv: one row per rejected line.
        let rejects = parseCSV(dir.text("responses.rejects.csv") ?? "")
        #expect(rejects.first == ["file", "line", "reason", "raw"])
        #expect(rejects.dropFirst().map { Int($0[1]) ?? -1 } == expected.rejectedLines)
        #expect(rejects.dropFirst().map { Int($0[1]) ?? -1 } == expected.rejects.map(\.line))
        #expect(rejects.dropFirst().allSatisfy { $0.count == 4 && $0[0] == input && !$0[2].isEmpty && !$0[3].isEmpty })
    }

    @Test func withoutIntoProblemsGoToStderrAndNothingIsWritten() throws {
        let expected = try MessyExpectation.load()
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.copy(fixture: "responses-messy.csv", as: "messy.csv")
        let result = try dir.run("import", Fixture.feedback, "messy.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(dir.listing() == ["messy.csv"])
        for problem in expected.problemList {
            let prefix = "messy.csv:\(problem.line):\(try MessyExpectation.column(of: problem.question)): \(problem.question) (respondent \(problem.respondent)): "
            #expect(result.stderr.contains("\n" + prefix) || result.stderr.hasPrefix(prefix), "\(prefix)\n\(result)")
        }
        for line in expected.rejectedLines {
            #expect(result.stderr.contains("messy.csv:\(line): rejected: "), "line \(line)")
        }
        #expect(result.stderr.contains("Read 14 rows: 11 accepted, 3 rejected."))
    }

    @Test func withoutIntoOnlyTheFirstTwentyProblemsAreListed() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let rows = (1...25).map { "\($0),gov,\($0 + 1000)" }.joined(separator: "\n")
        try dir.write("ages.csv", "respondent,org_type,age\n" + rows + "\n")
        let result = try dir.run("import", Fixture.feedback, "ages.csv")
        #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("ages.csv:") }.count == 20, "\(result)")
        #expect(result.stderr.contains("… and 5 more; use --into to write them all to files"), "\(result)")
        #expect(result.stderr.contains("25 problems: out_of_range 25."), "\(result)")
    }

    /// Problems and rejects files are opened in spreadsheets: a value that would run as a formula
    /// is written with a leading `'`. The canonical responses file keeps text exactly.
    @Test func problemsFileNeutralizesFormulas() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("formula.csv", "respondent,org_type,age,improve\n1,gov,=1+2,\"=HYPERLINK(\"\"x\"\")\"\n")
        let result = try dir.run("import", Fixture.feedback, "formula.csv", "--into", "responses.csv")
        #expect(result.status == 0, "\(result)")
        let problems = parseCSV(dir.text("responses.problems.csv") ?? "")
        #expect(problems.dropFirst().map { $0[5] } == ["'=1+2"])
        #expect(parseCSV(dir.text("responses.csv") ?? "").last?[9] == "=HYPERLINK(\"x\")")
    }

    @Test func unclosedQuoteRejectsOneLine() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-unclosed-quote.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "responses.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("Read 5 rows: 4 accepted, 1 rejected. No problems."), "\(result)")
        #expect(dir.bytes("responses.csv") == (try Fixture.bytes("responses-unclosed-quote-expected.csv")))
        #expect(parseCSV(dir.text("responses.rejects.csv") ?? "").dropFirst().map { $0[1] } == ["3"])
    }

    @Test func strictWritesNothingAndExits1() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-messy.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "out/responses.csv", "--strict")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("--strict: nothing written"), "\(result)")
        #expect(dir.listing() == [input], "no responses, problems, rejects or temporary file")
    }

    @Test func strictWithoutProblemsWrites() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-kobo.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "responses.csv", "--strict")
        #expect(result.status == 0, "\(result)")
        #expect(dir.bytes("responses.csv") == (try Fixture.bytes("responses-kobo-expected.csv")))
    }

    @Test func strictKeepsAnExistingFileAsItWas() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let clean = try dir.copy(fixture: "responses-utf8.csv")
        let messy = try dir.copy(fixture: "responses-messy.csv")
        #expect(try dir.run("import", Fixture.feedback, clean, "--into", "responses.csv").status == 0)
        let before = dir.bytes("responses.csv")
        let result = try dir.run("import", Fixture.feedback, messy, "--into", "responses.csv", "--strict")
        #expect(result.status == 1, "\(result)")
        #expect(dir.bytes("responses.csv") == before)
        #expect(dir.listing() == [messy, clean, "responses.csv"].sorted())
    }

    /// Issue 9: an import that accepts no row of a non-empty input (here the same export
    /// again, every row a duplicate) exits 1 and writes nothing, not even the rejects, so the
    /// ledger holds no rows of a mistaken import.
    @Test func importingTheSameFileTwiceExits1AndWritesNothing() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-utf8-bom.csv")
        let first = try dir.run("import", Fixture.feedback, input, "--into", "responses.csv")
        #expect(first.status == 0, "\(first)")
        let second = try dir.run("import", Fixture.feedback, input, "--into", "responses.csv")
        #expect(second.status == 1, "\(second)")
        #expect(second.stderr.contains("Read 8 rows: 0 accepted, 8 rejected."), "\(second)")
        #expect(second.stderr.contains("error: \(input): none of its 8 rows was accepted; nothing was written. The first rejected rows:\n  \(input):2: rejected: duplicate respondent id `101` (first seen at responses.csv:2)"), "\(second)")
        #expect(dir.bytes("responses.csv") == (try Fixture.bytes("responses-expected.csv")), "nothing appended")
        #expect(dir.listing() == [input, "responses.csv"].sorted(), "no rejects file")
    }

    /// Issue 9: all rows rejected exits 1 without --into too, with the reasons listed.
    @Test func checkingAFileWhoseRowsAreAllRejectedExits1() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("shifted.csv", "respondent,org_type,usefulness\n1,gov,4,extra\n2,ngo\n")
        let result = try dir.run("import", Fixture.feedback, "shifted.csv")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("shifted.csv:2: rejected: found 4 fields, but the header has 3"), "\(result)")
        #expect(result.stderr.contains("error: shifted.csv: none of its 2 rows was accepted (see the rejected rows above)"), "\(result)")
        #expect(dir.listing() == ["shifted.csv"])
    }

    /// One good input and one whose rows are all rejected: exit 1, and the good one is not
    /// appended alone either (the command can be run again as it is once the other is fixed).
    @Test func oneInputWithNoAcceptedRowStopsTheWholeImport() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let good = try dir.copy(fixture: "responses-utf8.csv")
        try dir.write("shifted.csv", "respondent,org_type\n100,gov,extra\n")
        let result = try dir.run("import", Fixture.feedback, good, "shifted.csv", "--into", "responses.csv")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("error: shifted.csv: its one row was not accepted; nothing was written. The first rejected row:\n  shifted.csv:2: rejected: found 3 fields"), "\(result)")
        #expect(dir.listing() == [good, "shifted.csv"].sorted())
    }

    /// Issue 9: a file none of whose headers is a question exits 1 and writes nothing.
    @Test func noColumnMatchingAQuestionExits1() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("contacts.csv", "name,email\nAida,a@example.org\n")
        let result = try dir.run("import", Fixture.feedback, "contacts.csv", "--into", "responses.csv")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("contacts.csv:1: error: no column matches a question of the questionnaire (headers: name, email)"), "\(result)")
        #expect(dir.listing() == ["contacts.csv"])
    }

    /// The help lists every exit code.
    @Test func helpListsTheExitCodes() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let result = try dir.run("import", "--help")
        #expect(result.status == 0, "\(result)")
        let help = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("Exit codes: 0 every row was read"), "\(result)")
        #expect(help.contains("1 data:"), "\(result)")
        #expect(help.contains("2 usage:"), "\(result)")
    }

    /// Issue 9: a second export without an id column continues the numbering of the first
    /// (1–8, then 9–16) instead of being rejected row by row as "duplicate respondent id 1".
    @Test func idLessExportsAppendedOneAfterTheOtherContinueTheIds() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let export = "org_type,usefulness\n" + (1...8).map { "\($0 % 2 == 0 ? "gov" : "ngo"),\($0 % 5 + 1)\n" }.joined()
        try dir.write("monday.csv", export)
        try dir.write("tuesday.csv", export)
        let first = try dir.run("import", Fixture.feedback, "monday.csv", "--into", "responses.csv")
        #expect(first.status == 0, "\(first)")
        let second = try dir.run("import", Fixture.feedback, "tuesday.csv", "--into", "responses.csv")
        #expect(second.status == 0, "\(second)")
        #expect(second.stderr.contains("Read 8 rows: 8 accepted, 0 rejected."), "\(second)")
        #expect(second.stderr.contains("note: tuesday.csv: no id column; its rows are numbered from 9, after the highest respondent id taken before it (8)"), "\(second)")
        let rows = parseCSV(dir.text("responses.csv") ?? "").dropFirst()
        #expect(rows.map { $0[0] } == (1...16).map(String.init))
        #expect(dir.listing() == ["monday.csv", "responses.csv", "tuesday.csv"], "no rejects")
    }

    /// Two id-less exports in one run: the second is numbered after the first.
    @Test func idLessExportsInOneRunAreNumberedOneAfterTheOther() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("a.csv", "org_type\ngov\nngo\n")
        try dir.write("b.csv", "respondent,org_type\n10,gov\n")
        try dir.write("c.csv", "org_type\ngov\nngo\n")
        let result = try dir.run("import", Fixture.feedback, "a.csv", "b.csv", "c.csv", "--into", "responses.csv")
        #expect(result.status == 0, "\(result)")
        #expect(parseCSV(dir.text("responses.csv") ?? "").dropFirst().map { $0[0] } == ["1", "2", "10", "11", "12"])
    }

    @Test func appendingOtherRespondentsKeepsTheOldRows() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let utf8 = try dir.copy(fixture: "responses-utf8.csv")
        let kobo = try dir.copy(fixture: "responses-kobo.csv")
        #expect(try dir.run("import", Fixture.feedback, utf8, "--into", "responses.csv").status == 0)
        let result = try dir.run("import", Fixture.feedback, kobo, "--into", "responses.csv")
        #expect(result.status == 0, "\(result)")
        let expected = try Fixture.bytes("responses-expected.csv") + (try Fixture.bytes("responses-kobo-expected.csv")).drop { $0 != 0x0A }.dropFirst()
        #expect(dir.bytes("responses.csv") == expected)
    }

    @Test func appendingToAFileWithAnotherHeaderIsRefused() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-utf8.csv")
        let existing = "respondent,org_type,role\n1,gov,head\n"
        try dir.write("responses.csv", existing)
        let result = try dir.run("import", Fixture.feedback, input, "--into", "responses.csv")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("responses.csv:1: error: the file already holds responses with a different header"), "\(result)")
        #expect(result.stderr.contains("expected: respondent,submitted_at,org_type,role,sessions,usefulness,attend_again,age,travel_hours,improve,why_not_useful,visit_date"), "\(result)")
        #expect(result.stderr.contains("found:    respondent,org_type,role\n"), "\(result)")
        #expect(dir.text("responses.csv") == existing)
        #expect(dir.listing() == [input, "responses.csv"].sorted())
    }

    @Test func missingInputFile() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let result = try dir.run("import", Fixture.feedback, "nope.csv", "--into", "responses.csv")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("nope.csv: error: cannot read the file: no such file"), "\(result)")
        #expect(dir.listing() == [])
    }

    @Test(arguments: [
        (["--encoding", "latin9"], "--encoding must be one of utf-8, utf-16le, utf-16be, utf-32le, utf-32be, windows-1251 (cp1251), windows-1252 (cp1252), latin-1 (iso-8859-1), not \"latin9\""),
        (["--delimiter", "ab"], "--delimiter must be one character"),
        (["--delimiter", "\""], "--delimiter must be one character"),
        (["--map", "improve=nosuch"], "--map 'improve=nosuch': `nosuch` is not a question id"),
        (["--map", "improve"], "--map 'improve' must look like 'Header text=question_id'"),
        (["--id-column", "Form no."], "--id-column `Form no.` is not a column of this file"),
    ] as [([String], String)])
    func usageErrorsExit2(_ options: [String], _ message: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-utf8.csv")
        let result = try dir.run(arguments: ["import", Fixture.feedback, input, "--into", "responses.csv"] + options)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect(dir.listing() == [input], "nothing written")
    }

    /// `--map` naming no question is a usage error even when this file lacks the header.
    @Test
    func mapWithAnUnknownIdForAnAbsentHeaderExits2() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-utf8.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--map", "Organisation=nosuch")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("`nosuch` is not a question id"), "\(result)")
    }

    @Test func mapMatchesAColumn() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("mapped.csv", "Form,Organisation\nA-1,NGO\n")
        let result = try dir.run("import", Fixture.feedback, "mapped.csv", "--map", "Organisation=org_type", "--id-column", "Form", "--into", "responses.csv")
        #expect(result.status == 0, "\(result)")
        #expect(dir.text("responses.csv") == "respondent,submitted_at,org_type,role,sessions,usefulness,attend_again,age,travel_hours,improve,why_not_useful,visit_date\nA-1,,ngo,,,,,,,,,\n")
    }

    @Test func forcedEncodingAndDelimiter() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-cp1251-semicolon.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--encoding", "cp1251", "--delimiter", ";", "--number-format", "ru", "--into", "responses.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("read as windows-1251, delimiter ;"), "\(result)")
        #expect(dir.bytes("responses.csv") == (try Fixture.bytes("responses-expected.csv")))
    }

    /// Importing into one of the inputs is a usage mistake: exit 2, and the input stays as it was.
    @Test
    func intoAnInputIsAUsageError() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-utf8.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", input)
        #expect(result.status == 2, "\(result)")
    }

    @Test func intoAnInputIsRefusedAndTheInputIsUntouched() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-utf8.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", input)
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("is also an input"), "\(result)")
        #expect(dir.bytes(input) == (try Fixture.bytes("responses-utf8.csv")))
        #expect(dir.listing() == [input])
    }

    @Test func badDefinitionStopsTheImport() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-utf8.csv")
        try dir.write("bad.yaml", "title: T\nquestions:\n  - id: org_type\n    type: singel_choice\n    text: Org?\n")
        let result = try dir.run("import", "bad.yaml", input, "--into", "responses.csv")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("bad.yaml:4:11: error:"), "\(result)")
        #expect(dir.listing() == ["bad.yaml", input])
    }
}

extension ImportCommandTests {
    /// A one-character responses path once stopped `stats` and `report` with SIGILL (Foundation's
    /// `deletingLastPathComponent`, looking for `a.codes.csv` beside it); `-` is standard input.
    @Test func oneCharacterPathsAndStandardInput() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.copy(fixture: "responses-messy.csv", as: "a")
        let file = try dir.run("stats", Fixture.feedback, "a")
        #expect(file.status == 0 || file.status == 1, "\(file)")
        #expect(file.stdout.contains(": 11 responses"), "\(file)")
        let report = try dir.run("report", Fixture.feedback, "a", "--out", "r", "--format", "md")
        #expect(report.status == 0 || report.status == 1, "\(report)")
        let messy = try String(contentsOfFile: Fixture.path("responses-messy.csv"), encoding: .utf8)
        for command in [["stats", Fixture.feedback, "-"], ["import", Fixture.feedback, "-", "--into", "in.csv"]] {
            let piped = try BackgroundRun(in: dir.url, command, input: messy).wait()
            #expect(piped.status == file.status, "\(command): \(piped)")
            #expect(piped.stdout == (command[0] == "stats" ? file.stdout : ""), "\(command): \(piped)")
        }
        #expect(parseCSV(dir.text("in.csv") ?? "").count == 12, "the header and 11 accepted rows")
    }
}

extension ImportCommandTests {
    /// A folder named as the responses says so, not "NSCocoaErrorDomain error 256".
    @Test func aFolderNamedAsResponsesSaysSo() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.path("responses"), withIntermediateDirectories: true)
        for command in ["import", "stats"] {
            let result = try dir.run(command, Fixture.feedback, "responses")
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("responses: error: cannot read the file: it is a folder; name the CSV or XLSX file of responses in it"), "\(result)")
        }
    }
}

extension ImportCommandTests {
    /// Someone's own `NAME.problems.csv` is kept (exit 2), and the message says what the file
    /// should be, not to import it as responses.
    @Test func aForeignProblemsFileIsKeptAndNamedAsSuch() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("o.problems.csv", "my,own,notes\n")
        try dir.write("bad.csv", "respondent,org_type,usefulness\n1,ngo,9\n")
        let result = try dir.run("import", Fixture.feedback, "bad.csv", "--into", "o.csv")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("o.problems.csv:1: error: this is not the file of the problems that survey writes beside the responses file, so nothing is appended to it."), "\(result)")
        #expect(!result.stderr.contains("survey import DEFINITION.yaml o.problems.csv"), "\(result)")
        #expect(dir.text("o.problems.csv") == "my,own,notes\n")
    }
}
