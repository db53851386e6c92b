import Foundation
import Testing

/// Issue 8, "inputs that must never crash or hang", end to end on the built binary: the exact
/// hostile values, with the exit code and message each must now give. Before the fix these
/// ended in signal 4 (`Int(1e19)`), signal 11 (stack overflow) or never finished.
@Suite struct HostileValuesTests {
    static let definition = """
        title: Hostile values
        questions:
          - id: rating
            type: rating
            text: Rating
            scale: [1, 5]
          - id: amount
            type: number
            text: Amount
          - id: comment
            type: text
            text: Comment

        """

    /// A run of the binary that is killed after `seconds`, so that a hang fails the test instead
    /// of stalling the suite. `timedOut` says whether it had to be killed.
    func run(_ dir: Workdir, seconds: Double, _ arguments: String...) throws -> (result: SurveyResult, elapsed: Duration, timedOut: Bool) {
        let process = Process()
        process.executableURL = Workdir.binary
        process.arguments = arguments
        process.currentDirectoryURL = dir.url
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let out = dir.root.appendingPathComponent("stdout-timed"), err = dir.root.appendingPathComponent("stderr-timed")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        let started = ContinuousClock.now
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let timedOut = process.isRunning
        if timedOut {
            // SIGKILL: the binary handles SIGTERM (to restore the terminal) and may finish first.
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - started
        try outHandle.close()
        try errHandle.close()
        let result = SurveyResult(status: process.terminationStatus,
                                  stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                                  stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
        return (result, elapsed, timedOut)
    }

    // MARK: Numbers

    @Test func hostileNumbersAreProblemsNotCrashes() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.definition)
        try dir.write("in.csv", """
            respondent,rating,amount,comment
            1,1e19,9.3e18,a
            2,9.3e18,1e308,b
            3,1e308,nan,c
            4,nan,inf,d
            5,inf,-inf,e
            6,0x20,0x20,f
            7,0x1p3,0x1p3,g
            8,Infinity,1e400,h

            """)
        let result = try dir.run("import", "q.yaml", "in.csv", "--into", "out.csv")
        #expect(result.status == 0, "\(result)")
        let rows = parseCSV(try #require(dir.text("out.csv")))
        #expect(rows.map { $0[2] } == ["rating", "", "", "", "", "", "", "", ""])
        #expect(rows.map { $0[3] } == ["amount", "9.3e+18", "1e+308", "", "", "", "", "", ""])
        let problems = parseCSV(try #require(dir.text("out.problems.csv"))).dropFirst().map { "\($0[4])=\($0[5]): \($0[6])" }
        #expect(problems == [
            "rating=1e19: out_of_range", "rating=9.3e18: out_of_range", "rating=1e308: out_of_range",
            "amount=nan: not_a_number", "rating=nan: not_a_number", "amount=inf: not_a_number",
            "rating=inf: not_a_number", "amount='-inf: not_a_number", "rating=0x20: not_a_number",
            "amount=0x20: not_a_number", "rating=0x1p3: not_a_number", "amount=0x1p3: not_a_number",
            "rating=Infinity: not_a_number", "amount=1e400: out_of_range",
        ])
    }

    @Test func hugeNumbersGiveFiniteStatistics() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.definition)
        try dir.write("r.csv", "respondent,rating,amount,comment\n1,,1e308,\n2,,1e308,\n3,,9.3e18,\n")
        let text = try dir.run("stats", "q.yaml", "r.csv")
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("  n 3, mean 6.666666666666667e+307, sd 5.773502691896258e+307, median 1e+308 (quartiles 5e+307–1e+308), min 9.3e+18, max 1e+308\n"), "\(text)")

        try dir.write("r.csv", "respondent,rating,amount,comment\n1,,1e308,\n2,,1e308,\n")
        let json = try dir.run("stats", "q.yaml", "r.csv", "--format", "json")
        #expect(json.status == 0, "\(json)")
        #expect(json.stdout.contains("\"mean\" : 1e+308,"), "\(json)")
        #expect(json.stdout.contains("\"standard_deviation\" : 0"), "\(json)")
        #expect(!json.stdout.contains("\"inf\"") && !json.stdout.contains("\"nan\""))
    }

    @Test(arguments: [
        "[-9223372036854775808, 9223372036854775807]",
        "[9223372036854775806, 9223372036854775807]",
        "[1, 3000000000]",
    ])
    func scalesNearInt64LimitsAreDefinitionErrors(_ scale: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", "title: T\nquestions:\n  - id: r\n    type: rating\n    text: R\n    scale: \(scale)\n")
        let result = try dir.run("check", "q.yaml")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("q.yaml:6:12: error: question `r`: `scale` points must lie between -1000000 and 1000000; `\(scale)` is outside"), "\(result)")
    }

    // MARK: Expressions

    @Test func thirtyThousandNestedParenthesesInWhereAreRefused() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.definition)
        try dir.write("r.csv", "respondent,rating,amount,comment\n1,3,5,x\n")
        let expression = String(repeating: "(", count: 30_000) + "rating == 3" + String(repeating: ")", count: 30_000)
        let result = try run(dir, seconds: 60, "stats", "q.yaml", "r.csv", "--where", expression).result
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr == "error: --where '\(String(repeating: "(", count: 80))… (60011 characters)': at character 10001: the expression is too long: 60011 characters, at most 10000 are allowed; write a shorter one\n")
    }

    /// 11,000 terms, 121,000 characters: about the most one command-line argument can hold
    /// (128 KiB on Linux), so 100,000 terms are tested through `when:` below.
    @Test func elevenThousandOrTermsInWhereAreRefused() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.definition)
        try dir.write("r.csv", "respondent,rating,amount,comment\n1,3,5,x\n")
        let expression = Array(repeating: "rating==3", count: 11_000).joined(separator: "||")
        let result = try run(dir, seconds: 60, "stats", "q.yaml", "r.csv", "--where", expression).result
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("the expression is too long: 120998 characters, at most 10000 are allowed"), "\(result)")
    }

    @Test func whenWithAHundredThousandOrTermsIsADefinitionError() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let expression = Array(repeating: "rating == 3", count: 100_000).joined(separator: " or ")
        try dir.write("q.yaml", Self.definition + "  - id: why\n    type: text\n    text: Why?\n    when: \(expression)\n")
        let result = try run(dir, seconds: 60, "check", "q.yaml").result
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("q.yaml:16:10011: error: question `why`: in `when: \(expression.prefix(80))… (1499996 characters)`: the expression is too long"), "\(result)")
        #expect(result.stderr.utf8.count < 400)
    }

    @Test func nestingJustWithinTheLimitWorks() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.definition)
        try dir.write("r.csv", "respondent,rating,amount,comment\n1,3,5,x\n2,4,5,y\n")
        let expression = String(repeating: "(", count: 100) + "rating == 3" + String(repeating: ")", count: 100)
        let result = try dir.run("stats", "q.yaml", "r.csv", "--where", expression)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Hostile values: 1 of 2 responses matches `((("), "\(result)")
    }

    // MARK: YAML

    @Test func aliasBombUsedAsKeysIsRefusedWithinSeconds() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("bomb.yaml", String(contentsOfFile: Fixture.path("hostile/alias-bomb-as-keys.yaml"), encoding: .utf8))
        #expect(dir.bytes("bomb.yaml")?.count == 562)
        let (result, elapsed, timedOut) = try run(dir, seconds: 30, "check", "bomb.yaml")
        #expect(!timedOut, "survey check was still running after 30 s")
        #expect(elapsed < .seconds(5))
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("bomb.yaml:7:8: error: YAML aliases expand to more than 100000 values here (`*e` repeats 66430)"), "\(result)")
    }

    /// 21 s in release before: a quadratic duplicate check. Well under a second in release now;
    /// the bound leaves room for a debug build on a busy machine.
    @Test func aHundredThousandChoicesCheckQuickly() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        var lines = ["title: Many choices", "questions:", "  - id: pick", "    type: single_choice", "    text: Pick one", "    choices:"]
        for i in 0..<100_000 { lines.append("      c\(i): Choice number \(i)") }
        try dir.write("many.yaml", lines.joined(separator: "\n") + "\n")
        let (result, elapsed, timedOut) = try run(dir, seconds: 150, "check", "many.yaml")
        #expect(!timedOut, "survey check was still running after 150 s")
        #expect(elapsed < .seconds(60))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "many.yaml: ok: 1 question (1 closed, 0 with skip logic), \"Many choices\"\n")
    }

    // MARK: Look-alike codes

    @Test func lookAlikeCodesNameTheQuestionTheCodesAndTheCharacters() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", """
            title: T
            questions:
              - id: fruit
                type: single_choice
                text: Fruit?
                choices:
                  a: Apple
                  "\u{0430}": Apricot
                  "a\\u200B": Avocado
                  "b\\u202E": Banana

            """)
        let result = try dir.run("check", "q.yaml")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr == """
            q.yaml:8:7: error: question `fruit`: choice codes `а` (U+0430 CYRILLIC SMALL LETTER A) and `a` look the same but are different text; readers cannot tell them apart, so answers to one would be read as the other; retype them in one alphabet without invisible characters
            q.yaml:9:7: error: question `fruit`: choice code `a\\u{200B}` (U+200B ZERO WIDTH SPACE) contains invisible characters, so it looks the same as choice `a`; codes are written into data files and must look like what they are: retype it without them
            q.yaml:10:7: error: question `fruit`: choice code `b\\u{202E}` (U+202E RIGHT-TO-LEFT OVERRIDE) contains invisible characters; codes are written into data files and must look like what they are: retype it without them
            3 problems in the definition.

            """)
    }

    // MARK: Free text

    /// 79 s in release before (a `\s+$` regular expression over every padded row).
    @Test func aHundredTwentyEightThousandCharacterWordIsQuickAndNoKeyword() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.definition)
        var csv = "respondent,rating,amount,comment\n1,3,5,good " + String(repeating: "a", count: 128_000) + " seminar\n"
        for i in 2...30 { csv += "\(i),3,5,good seminar useful\n" }
        try dir.write("r.csv", csv)
        let (text, elapsed, timedOut) = try run(dir, seconds: 120, "stats", "q.yaml", "r.csv")
        #expect(!timedOut && elapsed < .seconds(10), "took \(elapsed)")
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("  1 word longer than 50 characters not counted as keywords.\n"), "\(text)")
        #expect(!text.stdout.contains("aaaaa"))
        #expect(text.stdout.utf8.count < 5_000)

        let json = try dir.run("stats", "q.yaml", "r.csv", "--format", "json")
        #expect(json.stdout.contains("\"overlong_words\" : 1,"), "\(json)")
        #expect(!json.stdout.contains("aaaaa"))
    }

    /// A 2 MB answer: report.md and report.html quote 2,000 characters and say where the rest
    /// is; comments.csv keeps it whole.
    @Test func longAnswersAreCutInReportsButKeptInComments() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.definition)
        let answer = String(repeating: "x", count: 2_000_000)
        try dir.write("r.csv", "respondent,rating,amount,comment\n1,3,5,\(answer)\n2,4,5,short\n")
        let result = try dir.run("report", "q.yaml", "r.csv", "--out", "report")
        #expect(result.status == 0, "\(result)")
        let markdown = try #require(dir.text("report/report.md"))
        #expect(markdown.contains("> " + String(repeating: "x", count: 2_000) + "\n>\n> _… (1,998,000 more characters; the full answer is in comments.csv)_"))
        #expect(markdown.utf8.count < 20_000)
        #expect(try #require(dir.text("report/report.html")).utf8.count < 40_000)
        #expect(try #require(dir.text("report/comments.csv")).contains(answer))
        #expect(!(try #require(dir.text("report/keywords.csv")).contains("xxxxx")))
    }
}
