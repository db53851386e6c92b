import Foundation
import Testing

/// `survey enter --edit ID`, `:e ID` and resuming a form kept incomplete, on the built binary
/// through a pseudo-terminal (tmux): the one row is rewritten in place, every changed answer
/// is logged in `NAME.edits.csv`, and a kill -9 inside the rewrite leaves the old row.
@Suite struct EnterEditAndResumeTests {
    static let header = EnterCommandTests.header
    static let editsHeader = "time,operator,respondent,question,old,new"
    /// Form 1 is `EnterCommandTests.form`; form 2 the short one.
    static let twoForms = EnterCommandTests.header + "\n1,," + EnterCommandTests.row + "\n2,,gov,,,4,yes,,,,,\n"

    func lines(_ items: [String]) -> String { items.joined(separator: "\n") + "\n" }

    /// The edits file's rows without their time stamp (checked to be ISO 8601 UTC).
    func edits(_ dir: EnterWorkdir) -> [String] {
        guard let text = dir.text("f.edits.csv") else { return ["(no f.edits.csv)"] }
        var rows = text.split(separator: "\n").map(String.init)
        #expect(rows.first == Self.editsHeader)
        rows.removeFirst()
        return rows.map { row in
            let time = row.prefix { $0 != "," }
            #expect(time.count == 20 && time.hasSuffix("Z"), "time stamp \(time)")
            return String(row.dropFirst(time.count + 1))
        }
    }

    func enterTwoForms(_ dir: EnterWorkdir) throws {
        let typed = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv"],
                                input: lines(["1"] + EnterCommandTests.form + ["2"] + EnterCommandTests.shortForm))
        #expect(typed.status == 0, "\(typed)")
        #expect(dir.text("f.csv") == Self.twoForms)
    }

    @Test(.enabled(if: EnterTmux.isAvailable, "tmux is not installed: the pseudo-terminal tests need it"))
    func editRewritesThatOneRowAndLogsEveryChangedAnswer() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        try enterTwoForms(dir)
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--edit", "1", "--operator", "ann"])
        let review = try tmux.wait(for: "review> ")
        #expect(review.contains("More time"), "the saved answers are shown: \(review)")
        try tmux.type("8")
        try tmux.wait(for: "improve [Enter keeps, - clears]> ")
        try tmux.type("Less talk, more work")
        try tmux.wait(for: "review> ")
        try tmux.type("5")
        try tmux.wait(for: "attend_again [Enter keeps, - clears]> ")
        try tmux.type("")  // Enter keeps `no`: not an edit
        try tmux.wait(for: "review> ")
        try tmux.type("")
        try tmux.wait(for: "Rewrote respondent 1 (line 2 of f.csv): 1 answer changed, logged in")
        try tmux.wait(for: "respondent [3]> ")
        // `:e 2` inside the form opens the next one.
        try tmux.type(":e 2")
        try tmux.wait(for: "Editing respondent 2's form")
        try tmux.type("6")
        try tmux.wait(for: "age [Enter keeps, - clears]> ")
        try tmux.type("41")
        try tmux.wait(for: "review> ")
        try tmux.type("")
        try tmux.wait(for: "Rewrote respondent 2 (line 3 of f.csv): 1 answer changed")
        try tmux.type(":q")
        try tmux.wait(for: "2 forms rewritten")
        #expect(dir.text("f.csv") == Self.header + "\n1,,ngo,specialist,brainstorm;letter,2,no,34,2.5,\"Less talk, more work\",Too long,2013-01-25\n2,,gov,,,4,yes,41,,,,\n")
        #expect(edits(dir) == ["ann,1,improve,More time,\"Less talk, more work\"", "ann,2,age,,41"])
    }

    @Test(.enabled(if: EnterTmux.isAvailable, "tmux is not installed: the pseudo-terminal tests need it"))
    func anIncompleteFormIsListedAtStartAndResumedByItsNumber() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        // Form 7 kept at question 3 with `:q` → `k`.
        let kept = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv"], input: lines(["7", "2", "spec", ":q", "k"]))
        #expect(kept.status == 0, "\(kept)")
        #expect(dir.text("f.problems.csv")?.contains("f.csv,2,5,7,sessions,,incomplete,") == true)
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--operator", "bo"])
        let start = try tmux.wait(for: "respondent [8]> ")
        #expect(start.contains("Incomplete: 7; type its number to resume it."), "\(start)")
        try tmux.type("7")
        try tmux.wait(for: "Resuming respondent 7's incomplete form (line 2 of f.csv).")
        try tmux.wait(for: "sessions> ")
        for answer in Array(EnterCommandTests.form.dropFirst(2)) { try tmux.type(answer) }
        try tmux.wait(for: "Rewrote respondent 7 (line 2 of f.csv): 8 answers changed")
        #expect(dir.text("f.csv") == Self.header + "\n7,," + EnterCommandTests.row + "\n")
        #expect(dir.text("f.problems.csv")?.contains("incomplete") == false, "the incomplete row is settled")
        #expect(edits(dir) == [
            "bo,7,sessions,,brainstorm;letter", "bo,7,usefulness,,2", "bo,7,attend_again,,no", "bo,7,age,,34",
            "bo,7,travel_hours,,2.5", "bo,7,improve,,More time", "bo,7,why_not_useful,,Too long", "bo,7,visit_date,,2013-01-25",
        ])
    }

    @Test(.enabled(if: EnterTmux.isAvailable, "tmux is not installed: the pseudo-terminal tests need it"))
    func killNineDuringAnEditLeavesTheOldRowNeverATornOne() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        try enterTwoForms(dir)
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--edit", "1"],
                       environment: ["NO_COLOR": "1", "SURVEY_TEST_PAUSE_REWRITE": "60"])
        try tmux.wait(for: "review> ")
        try tmux.type("8")
        try tmux.wait(for: "improve [Enter keeps, - clears]> ")
        try tmux.type("Less")
        try tmux.wait(for: "review> ")
        try tmux.type("")
        try tmux.wait(for: "SURVEY_TEST_PAUSE_REWRITE: paused after")
        #expect(kill(try tmux.pid(), SIGKILL) == 0)
        #expect(dir.text("f.csv") != Self.twoForms, "the kill lands inside the rewrite")

        let restarted = EnterTmux(workdir: dir)
        try restarted.start(["enter", EnterWorkdir.feedback, "--into", "f.csv"])
        let screen = try restarted.wait(for: "respondent [3]> ")
        #expect(screen.contains("f.csv: put back the"), "the interrupted rewrite is undone and said: \(screen)")
        #expect(dir.text("f.csv") == Self.twoForms, "the old row, whole")
        #expect(dir.text("f.edits.csv") == nil, "nothing logged for an edit that did not happen")
        try restarted.type(":e 1")
        try restarted.wait(for: "review> ")
        try restarted.type("8")
        try restarted.type("Less")
        try restarted.wait(for: "review> ")
        try restarted.type("")
        try restarted.wait(for: "Rewrote respondent 1")
        #expect(dir.text("f.csv") == Self.twoForms.replacingOccurrences(of: "More time", with: "Less"), "the new row, whole")
        #expect(edits(dir).count == 1)
    }
}
