import Foundation
import Testing

/// `survey enter` keys, echo, layout guard, language and fit (issue 12, points 1–3 and 7),
/// typed through a pseudo-terminal (tmux) and checked in the saved row.
@Suite(.enabled(if: EnterTmux.isAvailable, "tmux is not installed: the pseudo-terminal tests need it"))
struct EnterKeysTests {
    static let header = EnterCommandTests.header

    func lines(_ items: [String]) -> String { items.joined(separator: "\n") + "\n" }

    /// Types `answers`, each followed by Enter, waiting for `prompt` before each when given.
    func type(_ tmux: EnterTmux, _ steps: [(wait: String, type: String)]) throws {
        for step in steps {
            try tmux.wait(for: step.wait)
            try tmux.type(step.type)
        }
    }

    @Test func backThenEnterKeepsTheAnswerAndMinusClearsIt() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.feedback, "--into", "f.csv"])
        try type(tmux, [("respondent [1]> ", "1"), ("org_type> ", "2"), ("role> ", "spec")])
        // A label prefix is echoed as understood before the next question.
        try tmux.wait(for: "role> spec\n  → 2 Specialist\n── respondent 1 · question 3/10 · sessions")
        try type(tmux, [("sessions> ", "<")])
        let back = try tmux.wait(for: "role [Enter keeps, - clears]> ")
        #expect(back.contains("  now: 2 Specialist · Enter keeps it · - clears it"), "\(back)")
        try tmux.type("")
        try tmux.wait(for: "  → kept: 2 Specialist")
        try type(tmux, [("sessions> ", "1 3"), ("usefulness> ", "<")])
        try type(tmux, [("sessions [Enter keeps, - clears]> ", "-")])
        try tmux.wait(for: "  → no answer")
        try type(tmux, [("usefulness> ", "2"), ("attend_again> ", "n")])
        try tmux.wait(for: "  → no")
        for (prompt, answer) in [("age> ", "34"), ("travel_hours> ", "2.5"), ("improve> ", "More time"), ("why_not_useful> ", "Too long"), ("visit_date> ", "25.01.2013")] {
            try type(tmux, [(prompt, answer)])
        }
        try type(tmux, [("review> ", "")])
        try tmux.wait(for: "Saved respondent 1 (line 2 of f.csv).")
        #expect(dir.text("f.csv") == lines([Self.header, "1,,ngo,specialist,,2,no,34,2.5,More time,Too long,2013-01-25"]))
    }

    @Test func backFromTheReviewAndEnterKeepsTheAnswer() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.feedback, "--into", "f.csv"])
        try type(tmux, [("respondent [1]> ", "1")])
        for answer in ["1", "", "", "4", "y", "", "", "More time", ""] { try tmux.type(answer) }
        try type(tmux, [("review> ", "<")])
        // The last question, a date: Enter keeps the (empty) answer; then improve from the review.
        try type(tmux, [("visit_date [Enter keeps, - clears]> ", "")])
        try type(tmux, [("review> ", "8")])
        try type(tmux, [("improve [Enter keeps, - clears]> ", "")])
        try tmux.wait(for: "  → kept: More time")
        try type(tmux, [("review> ", "")])
        try tmux.wait(for: "Saved respondent 1 (line 2 of f.csv).")
        #expect(dir.text("f.csv") == lines([Self.header, "1,,gov,,,4,yes,,,More time,,"]))
    }

    @Test func aCyrillicLetterFromTheOtherLayoutIsAskedAbout() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.feedback, "--into", "f.csv"])
        // `т` is the N key: on the English layout, n, the start of `ngo`.
        try type(tmux, [("respondent [1]> ", "1"), ("org_type> ", "т")])
        try tmux.wait(for: "`т` — did you mean n (2 Non-governmental organization) on the English layout?")
        try type(tmux, [("org_type 1> ", "1")])
        try tmux.wait(for: "  → 2 Non-governmental organization")
        for answer in ["", "", "4"] { try tmux.type(answer) }
        // `н` is the Y key, and also the start of нет.
        try type(tmux, [("attend_again> ", "н")])
        let asked = try tmux.wait(for: "attend_again 1/2> ")
        #expect(asked.contains("`н` — did you mean y (yes) on the English layout, or н (no)?\n  1 yes · 2 no · or type the answer again"), "\(asked)")
        try tmux.type("1")
        try tmux.wait(for: "  → yes")
        for answer in ["", "", "", "", ""] { try tmux.type(answer) }
        try tmux.wait(for: "Saved respondent 1 (line 2 of f.csv).")
        try type(tmux, [("respondent [2]> ", "2"), ("org_type> ", "1")])
        for answer in ["", "", "4"] { try tmux.type(answer) }
        try type(tmux, [("attend_again> ", "н"), ("attend_again 1/2> ", "2")])
        try tmux.wait(for: "  → no")
        for answer in ["", "", "", "", ""] { try tmux.type(answer) }
        try tmux.wait(for: "Saved respondent 2 (line 3 of f.csv).")
        #expect(dir.text("f.csv") == lines([Self.header, "1,,ngo,,,4,yes,,,,,", "2,,gov,,,4,no,,,,,"]))
    }

    @Test func langRuShowsRussianTextsAndStillTakesEnglishPrefixes() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--lang", "ru"])
        try type(tmux, [("respondent [1]> ", "1")])
        let first = try tmux.wait(for: "org_type> ")
        #expect(first.contains("Какую организацию вы представляете?"), "\(first)")
        #expect(first.contains("1 Государственный орган"), "\(first)")
        try tmux.type("non")
        try tmux.wait(for: "  → 2 Неправительственная организация")
        try type(tmux, [("role> ", "спец")])
        try tmux.wait(for: "  → 2 Специалист")
        try type(tmux, [("sessions> ", ""), ("usefulness> ", "4")])
        let yesNo = try tmux.wait(for: "attend_again> ")
        #expect(yesNo.contains("  y да    n нет"), "\(yesNo)")
        try tmux.type("yes")
        try tmux.wait(for: "  → да")
        for answer in ["", "", "", "", ""] { try tmux.type(answer) }
        try tmux.wait(for: "Saved respondent 1 (line 2 of f.csv).")
        #expect(dir.text("f.csv") == lines([Self.header, "1,,ngo,specialist,,4,yes,,,,,"]))
    }

    @Test func langTheDefinitionDoesNotHaveIsAUsageError() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let result = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--lang", "de"], input: "")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--lang de: \(EnterWorkdir.feedback) has texts in en, ru only; use one of them."), "\(result)")
    }

    /// The words of `text` in order, for checking that wrapping kept every word whole.
    func words(_ text: String) -> [String] { text.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0 != "·" } }

    @Test(arguments: [40, 60, 80, 160])
    func layoutFitsTheWidthWithoutBreakingWords(width: Int) throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.seminar, "--into", "f.csv"], width: width, height: 60)
        let opening = try tmux.wait(for: "respondent [1]> ")
        let banner = opening.components(separatedBy: "\n").prefix { !$0.hasPrefix("At a question") }.dropFirst().joined(separator: " ")
        #expect(words(banner) == words("Keys: Enter no answer · - clear · ! illegible · < back · ? help · :q leave"), "\(opening)")
        try tmux.type("")
        try tmux.wait(for: "org_type> ")
        let comment = "The group work on the Action Plan was the most useful part, but the room was too small for six groups and the discussion of the letter to the President ran out of time before every group could speak."
        for answer in ["ngo", "spec", "2", "4", "4", "4", "2", "1 4", "y", "Nothing new", "Group work", comment, "Labour migration"] { try tmux.type(answer) }
        let review = try tmux.wait(for: "review> ")
        // What the form printed (the opening and the review), not the lines typed at a prompt.
        let printed = opening.components(separatedBy: "\n") + (review.components(separatedBy: "review ─").last ?? "").components(separatedBy: "\n")
        for line in printed {
            #expect(line.count < width, "wider than \(width): \(line)")
            #expect(!line.contains("…"), "cut at \(width): \(line)")
        }
        // The long comment is in the review whole, wrapped between words.
        let afterImprove = review.components(separatedBy: "review ─").last ?? ""
        #expect(words(afterImprove).joined(separator: " ").contains(comment), "\(afterImprove)")
        try tmux.type("")
        try tmux.wait(for: "Saved respondent 1")
    }

    @Test func autoAdvanceTakesOneKeyOnAScale() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--auto-advance"])
        try type(tmux, [("respondent [1]> ", "1")])
        try tmux.wait(for: "org_type> ")
        try tmux.press("2")
        try tmux.wait(for: "role> ")
        // A letter opens an ordinary line with it typed: the label prefix still works.
        try tmux.press("s")
        try tmux.type("pec")
        try tmux.wait(for: "  → 2 Specialist")
        try type(tmux, [("sessions> ", "")])
        try tmux.wait(for: "usefulness> ")
        try tmux.press("4")
        try type(tmux, [("attend_again> ", "y")])
        for answer in ["", "", "", ""] { try tmux.type(answer) }
        try type(tmux, [("review> ", "")])
        try tmux.wait(for: "Saved respondent 1 (line 2 of f.csv).")
        #expect(dir.text("f.csv") == lines([Self.header, "1,,ngo,specialist,,4,yes,,,,,"]))
    }
}

/// The same keys through a pipe: scripts see the layout question as a refused line.
@Suite struct EnterKeysPipeTests {
    @Test func aLayoutQuestionInAPipeNamesItsLineAndTheReplySettlesIt() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let input = ["1", "1", "", "", "4", "н", "2", "", "", "", "", "", ""].joined(separator: "\n") + "\n"
        let result = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv"], input: input)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderrLines.contains("stdin:6: `н` — did you mean y (yes) on the English layout, or н (no)?"), "\(result)")
        #expect(dir.text("f.csv") == EnterCommandTests.header + "\n1,,gov,,,4,no,,,,,\n")
    }
}
