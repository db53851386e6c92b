import Foundation
import Testing

/// `survey enter` on the built binary: through a pipe (scripted entry) and through a
/// pseudo-terminal (tmux), including `kill -9` in the middle of a form.
@Suite struct EnterCommandTests {
    static let header = "respondent,submitted_at,org_type,role,sessions,usefulness,attend_again,age,travel_hours,improve,why_not_useful,visit_date"
    /// One whole feedback.yaml form after its respondent id; usefulness 2 asks why_not_useful.
    static let form = ["2", "spec", "1 3", "2", "n", "34", "2.5", "More time", "Too long", "25.01.2013", ""]
    static let row = "ngo,specialist,brainstorm;letter,2,no,34,2.5,More time,Too long,2013-01-25"
    /// A short form: gov, usefulness 4 (why_not_useful skipped), the rest blank.
    static let shortForm = ["1", "", "", "4", "y", "", "", "", "", ""]

    func lines(_ items: [String]) -> String { items.joined(separator: "\n") + "\n" }

    // MARK: Through a pipe

    @Test func pipeEntersFormsWithoutPrompts() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let result = try dir.run(["enter", EnterWorkdir.feedback, "--into", "out/feedback.csv"],
                                 input: lines(["101"] + Self.form + [""] + Self.shortForm))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderrLines == [
            "out/feedback.csv: no forms yet.",
            "Saved respondent 101 (line 2 of out/feedback.csv).",
            "Saved respondent 102 (line 3 of out/feedback.csv).",
            "This sitting: 2 forms saved.",
            "out/feedback.csv holds 2 forms.",
        ], "\(result)")
        #expect(dir.text("out/feedback.csv") == lines([Self.header, "101,," + Self.row, "102,,gov,,,4,yes,,,,,"]))
    }

    @Test func pipeRefusalsNameTheirInputLineAndExitOne() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        _ = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv"], input: lines(["101"] + Self.form))
        let result = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv"],
                                 input: lines(["101", "7", "", "9", "1", "", "", "6", "4", "maybe", "y", "twelve", "", "", "", "", ""]))
        #expect(result.status == 1, "\(result)")
        #expect(result.stderrLines == [
            "f.csv: 1 form already entered.",
            "stdin:1: respondent 101 is already entered (line 2); type the number written on this form",
            "stdin:3: question 1 is required: type the answer, or ! if it is illegible on the paper",
            "stdin:4: `9` is not one of the choices: type 1–3, a code or the start of a label",
            "stdin:8: 6 is outside the allowed range 1–5",
            "stdin:10: `maybe` is not yes or no: type y or n (1/0, да/нет)",
            "stdin:12: `twelve` is not a number; write digits, e.g. 42 or 3.5",
            "Saved respondent 7 (line 3 of f.csv).",
            "This sitting: 1 form saved.",
            "f.csv holds 2 forms.",
        ], "\(result)")
        #expect(dir.text("f.csv") == lines([Self.header, "101,," + Self.row, "7,,gov,,,4,yes,,,,,"]))
    }

    @Test func pipeEndingInsideAFormKeepsTheFormsBefore() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let result = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv"], input: lines(["1"] + Self.form + ["2", "2", "spec"]))
        #expect(result.status == 1, "\(result)")
        #expect(result.stderrLines.suffix(3) == [
            "Input ended in respondent 2's form; it was not saved.",
            "This sitting: 1 form saved, 1 not saved.",
            "f.csv holds 1 form.",
        ], "\(result)")
        #expect(dir.text("f.csv") == lines([Self.header, "1,," + Self.row]))
    }

    @Test func illegibleAndIncompleteFormsAreListedAsProblems() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let result = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--operator", "aigul"],
                                 input: lines(["5", "!", "spec", "1", "4", ":q", "k"]))
        #expect(result.status == 0, "\(result)")
        #expect(result.stderrLines.contains("Saved respondent 5 as incomplete (line 2 of f.csv)."), "\(result)")
        #expect(result.stderrLines.contains("  1 illegible answer listed in f.problems.csv"), "\(result)")
        #expect(result.stderrLines.last == "Problems are listed in f.problems.csv.", "\(result)")
        #expect(dir.text("f.csv") == lines([Self.header, "5,,,specialist,brainstorm,4,,,,,,"]))
        #expect(dir.text("f.problems.csv") == lines([
            "file,line,column,respondent,question,value,problem,message",
            "f.csv,2,3,5,org_type,,illegible,the answer on the paper form could not be read; stored as no answer (operator aigul)",
            "f.csv,2,7,5,attend_again,,incomplete,form left at question 5 of 10 and kept with the 3 answers typed before it (operator aigul)",
        ]))
    }

    @Test func aTornLastLineIsMovedAsideAndReported() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        try dir.write("f.csv", lines([Self.header, "1,," + Self.row]) + "2,,gov,head,,4,ye")
        let result = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv"], input: "")
        #expect(result.status == 0, "\(result)")
        #expect(Array(result.stderrLines.prefix(3)) == [
            "f.csv: line 3 (respondent 2) was cut off by an interrupted save.",
            "  Moved it to f.recovered.csv; type that form again.",
            "f.csv: 1 form already entered.",
        ], "\(result)")
        #expect(dir.text("f.csv") == lines([Self.header, "1,," + Self.row]))
        #expect(dir.text("f.recovered.csv") == lines([
            "file,line,reason,raw",
            "f.csv,3,\"the line has no line end: a save was interrupted (crash, kill or power cut)\",\"2,,gov,head,,4,ye\"",
        ]))
    }

    @Test func defaultFileIsNamedAfterTheQuestionnaire() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let result = try dir.run(["enter", EnterWorkdir.seminar], input: lines(["", "ngo", "2", "5", "4", "4", "3", "2", "1 4 6", "да", "Group work", "", "", ""]))
        #expect(result.status == 0, "\(result)")
        #expect(dir.text("responses/seminar-feedback.csv")?.hasSuffix("\n1,,ngo,specialist,5,4,4,3,2,situation;brainstorm;letter,yes,,Group work,,\n") == true, "\(result)")
    }

    @Test func anotherHeaderIsAUsageError() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        try dir.write("f.csv", "respondent,a\n1,x\n")
        let result = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv"], input: "")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("f.csv:1: error: the file has a different header"), "\(result)")
        #expect(dir.text("f.csv") == "respondent,a\n1,x\n")
    }

    @Test func verifyingNothingIsAUsageError() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let result = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--verify"], input: "")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr == "f.csv: error: there are no forms to verify yet; type the stack once with `survey enter` (without --verify), then again with --verify\n")
        #expect(dir.text("f.csv") == nil)
    }

    @Test func verificationThroughAPipe() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        _ = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv"], input: lines(["101"] + Self.form + ["102"] + Self.shortForm))
        var second = Self.form
        second[5] = "43"        // age typed wrong the first time? the paper says 34: pick 1
        second[7] = "More tea"  // the paper says "More time, tea": type it
        let result = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--verify", "--operator", "bakyt"],
                                 input: lines(["101"] + second + ["1", "More time, tea", "102"] + Self.shortForm))
        #expect(result.status == 0, "\(result)")
        #expect(result.stderrLines == [
            "f.csv: 2 forms in the first entry, 0 verified.",
            "Verified respondent 101: 10 answers compared, 2 differed, form corrected.",
            "Verified respondent 102: 9 answers compared, all agree.",
            "This pass: 2 forms verified, 1 corrected.",
            "19 answers compared, 2 differed (10.5%).",
        ], "\(result)")
        #expect(dir.text("f.csv") == lines([Self.header, "101,,ngo,specialist,brainstorm;letter,2,no,34,2.5,\"More time, tea\",Too long,2013-01-25", "102,,gov,,,4,yes,,,,,"]))
        let log = try #require(dir.text("f.verification.csv"))
        #expect(log.hasPrefix("respondent,question,first,second,resolved,operator\n101,org_type,ngo,ngo,ngo,bakyt\n"))
        #expect(log.contains("\n101,age,34,43,34,bakyt\n"))
        #expect(log.contains("\n101,improve,More time,More tea,\"More time, tea\",bakyt\n"))
        #expect(log.split(separator: "\n").count == 20)
        let table = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(table.first == "Disagreements in all verification passes so far (2 forms):")
        #expect(table.contains("age                      2          1          0   50.0%"))
        #expect(table.contains("all questions           19          2          0   10.5%"))
        #expect(table.contains("bakyt                   19       2   10.5%  2.9–31.4%"))
        let again = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--verify"], input: lines(["101", ""]))
        #expect(again.stderrLines.contains("stdin:1: respondent 101 is already verified (by bakyt); type the number of another form"), "\(again)")
        #expect(again.stderrLines.contains("Every form of the first entry is verified."), "\(again)")
    }

    // MARK: Through a pseudo-terminal

    @Test(.enabled(if: EnterTmux.isAvailable, "tmux is not installed: the pseudo-terminal tests need it"))
    func terminalShowsNumberedQuestionsAndTheReview() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.seminar, "--operator", "aigul"])
        try tmux.wait(for: "respondent [1]> ")
        try tmux.type("")
        let first = try tmux.wait(for: "org_type> ")
        #expect(first.contains("── respondent 1 · question 1/13 · org_type · required ──"))
        #expect(first.contains("What type of organization do you represent?"))
        #expect(first.contains("  1 Government agency                  2 Non-governmental organization"))
        try tmux.type("non")
        try tmux.wait(for: "role> ")
        try tmux.type("spec")
        try tmux.wait(for: "usefulness> ")
        // Line editing: 9, backspace, 5.
        try tmux.press("9", "BSpace", "5", "Enter")
        try tmux.wait(for: "organization> ")
        try tmux.type("7")
        try tmux.wait(for: "7 is outside the allowed range 1–5")
        for answer in ["4", "4", "3", "2", "1 4 6", "да", "Group work", "", ""] { try tmux.type(answer) }
        let review = try tmux.wait(for: "review> ")
        #expect(review.contains("   3 usefulness       5 Very useful"))
        #expect(review.contains("  10 why_not_useful   · not asked"))
        let visible = try tmux.visible()
        #expect(visible.contains("── respondent 1 · review ──────────────────────────────────────────────────────"), "\(visible)")
        #expect(visible.allSatisfy { $0.count <= 80 })
        try tmux.type("")
        try tmux.wait(for: "Saved respondent 1 (line 2 of responses/seminar-feedback.csv).")
        try tmux.wait(for: "respondent [2]> ")
        try tmux.type(":q")
        try tmux.wait(for: "This sitting: 1 form saved.")
        #expect(dir.text("responses/seminar-feedback.csv")?.hasSuffix("\n1,,ngo,specialist,5,4,4,3,2,situation;brainstorm;letter,yes,,Group work,,\n") == true)
        #expect(!(try tmux.screen(colors: true)).contains("\u{1B}[1;36m"), "NO_COLOR is set: no colour")
    }

    @Test(.enabled(if: EnterTmux.isAvailable, "tmux is not installed: the pseudo-terminal tests need it"))
    func colourOnATerminalWithoutNoColor() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.feedback, "--into", "f.csv"], environment: [:])
        try tmux.wait(for: "respondent [1]> ")
        try tmux.type("")
        try tmux.wait(for: "org_type> ")
        #expect(try tmux.screen(colors: true).contains("\u{1B}[1m\u{1B}[36m── respondent 1"))
    }

    @Test(.enabled(if: EnterTmux.isAvailable, "tmux is not installed: the pseudo-terminal tests need it"))
    func killNineInTheMiddleOfAFormLosesOnlyThatForm() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.feedback, "--into", "f.csv"])
        try tmux.wait(for: "respondent [1]> ")
        try tmux.type("1")
        for answer in Self.form { try tmux.type(answer) }
        try tmux.wait(for: "Saved respondent 1")
        try tmux.type("2")
        for answer in ["1", "head", "2"] { try tmux.type(answer) }
        try tmux.wait(for: "usefulness> ")
        #expect(kill(try tmux.pid(), SIGKILL) == 0)
        let expected = lines([Self.header, "1,," + Self.row])
        #expect(dir.text("f.csv") == expected)

        let restarted = EnterTmux(workdir: dir)
        try restarted.start(["enter", EnterWorkdir.feedback, "--into", "f.csv"])
        let screen = try restarted.wait(for: "respondent [2]> ")
        #expect(screen.contains("f.csv: 1 form already entered."))
        #expect(!screen.contains("cut off"))
        try restarted.type("2")
        for answer in Self.shortForm { try restarted.type(answer) }
        try restarted.wait(for: "Saved respondent 2 (line 3 of f.csv).")
        #expect(dir.text("f.csv") == expected + "2,,gov,,,4,yes,,,,,\n")
        #expect(dir.text("f.recovered.csv") == nil)
    }

    @Test(.enabled(if: EnterTmux.isAvailable, "tmux is not installed: the pseudo-terminal tests need it"))
    func ctrlDLeavesTheFormAndTwiceEndsTheSitting() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.feedback, "--into", "f.csv"])
        try tmux.wait(for: "respondent [1]> ")
        try tmux.type("3")
        try tmux.type("2")
        try tmux.wait(for: "role> ")
        try tmux.press("C-d")
        try tmux.wait(for: "k/d/c> ")
        #expect(try tmux.screen().contains("Leave respondent 3's form?\n  k keep its 1 answer, saved as incomplete · d drop it · c continue typing"))
        try tmux.type("c")
        try tmux.wait(for: "── respondent 3 · question 2/10 · role")
        try tmux.press("C-d")
        try tmux.wait(for: "k/d/c> ")
        try tmux.press("C-d")
        try tmux.wait(for: "This sitting: 0 forms saved, 1 not saved.")
        #expect(dir.text("f.csv") == lines([Self.header]))
    }
}

extension EnterCommandTests {
    /// A respondent's `?` or `!` is typed `\?` or `\!`; a bare `?` in a pipe (help, which a pipe
    /// does not show) is refused with how to write it, and the next line answers the question.
    @Test func aQuestionMarkAnswerIsTypedWithABackslash() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let form = ["2", "spec", "1 3", "2", "n", "34", "2.5", "?", "\\?", "\\!", "25.01.2013", ""]
        let result = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv"], input: lines(["1"] + form))
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("stdin:9: `?` asks for help, which a pipe does not show; to save ? as the answer, write \\?"), "\(result)")
        #expect(dir.text("f.csv") == lines([Self.header, "1,,ngo,specialist,brainstorm;letter,2,no,34,2.5,?,!,2013-01-25"]))
    }
}
