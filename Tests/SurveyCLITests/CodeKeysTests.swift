import Foundation
import Testing

/// `survey code` typed at a pseudo-terminal (tmux): single keys without Enter, a theme added
/// on the spot, quit, resume, back and skip, and the session lock (issue 15).
@Suite(.enabled(if: EnterTmux.isAvailable, "tmux is not installed: the pseudo-terminal tests need it"))
struct CodeKeysTests {
    @Test func keysAcceptToggleAddQuitAndResume() throws {
        let dir = try CodeCommandTests.workdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["code", "coding.yaml", "r.csv", "--question", "improve", "--coder", "anna"])
        try tmux.wait(for: "code 1/6> ")
        try tmux.press("Enter")
        try tmux.wait(for: "✓ respondent 11: more_time (line 2 of r.codes.csv)")
        try tmux.wait(for: "code 2/6> ")
        // A theme's key toggles at once, without Enter.
        try tmux.press("3")
        try tmux.wait(for: "[x] 3 venue")
        try tmux.press("Enter")
        try tmux.wait(for: "✓ respondent 12: speakers, venue")
        try tmux.wait(for: "code 3/6> ")
        try tmux.press("+")
        try tmux.wait(for: "new theme id> ")
        try tmux.type("coffee")
        try tmux.wait(for: "label of coffee> ")
        try tmux.type("Better coffee")
        try tmux.wait(for: "[x] 6 coffee     Better coffee (added by anna)")
        try tmux.press("Enter")
        try tmux.wait(for: "✓ respondent 13: food, coffee")
        try tmux.wait(for: "code 4/6> ")
        try tmux.press("q")
        try tmux.wait(for: "Saved 3 answers in this sitting; 3 of 6 coded by anna in r.codes.csv.")
        #expect(CodeCommandTests.rows(dir.text("r.codes.csv")) == [
            "11,improve,more_time,anna,", "12,improve,speakers;venue,anna,", "#theme,improve,coffee,anna,Better coffee", "13,improve,food;coffee,anna,",
        ])

        // Resume: the next sitting starts at answer 4 and knows the added theme; back, skip, accept.
        let again = EnterTmux(workdir: dir)
        try again.start(["code", "coding.yaml", "r.csv", "--question", "improve", "--coder", "anna"])
        try again.wait(for: "Going on from answer 4, the first not coded by anna.")
        try again.wait(for: "code 4/6> ")
        try again.press("p")
        let back = try again.wait(for: "code 3/6> ")
        #expect(back.contains("  hand codes: food, coffee (anna, "), "\(back)")
        #expect(back.contains("  [x] 6 coffee     Better coffee (added by anna)"), "\(back)")
        try again.press("s")
        try again.wait(for: "skipped respondent 13: not saved")
        try again.wait(for: "code 4/6> ")
        // A letter that is no key starts a line: a theme's id typed whole toggles it.
        try again.type("food")
        try again.wait(for: "code 4/6> food\n  [x] 1 more_time  More time for discussion\n  [ ] 2 speakers   Speakers\n  [x] 3 venue      Venue\n  [x] 4 food       Food\n")
        try again.press("-")
        try again.wait(for: "Enter accepts (no theme)")
        try again.press("Enter")
        try again.wait(for: "✓ respondent 15: no theme")
        try again.press("q")
        try again.wait(for: "Saved 1 answer in this sitting; 4 of 6 coded by anna in r.codes.csv.")
        #expect(CodeCommandTests.rows(dir.text("r.codes.csv")).last == "15,improve,,anna,")
    }

    @Test func aSecondSessionOnTheSameCodesFileIsRefused() throws {
        let dir = try CodeCommandTests.workdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["code", "coding.yaml", "r.csv", "--question", "improve", "--coder", "anna"])
        try tmux.wait(for: "code 1/6> ")
        let pid = try tmux.pid()
        let second = try dir.run(["code", "coding.yaml", "r.csv", "--question", "improve", "--coder", "boris"], input: "\n")
        #expect(second.status == 2, "\(second)")
        #expect(second.stderr.hasPrefix("r.codes.csv: error: another `survey code` session is coding into this file now (survey code, pid \(pid)); two sessions at once would code the same answers twice."), "\(second)")
        #expect(CodeCommandTests.rows(dir.text("r.codes.csv")) == [])
        // Once the first session ends, the file is free again.
        try tmux.press("q")
        try tmux.wait(for: "Saved 0 answers in this sitting")
        let third = try dir.run(["code", "coding.yaml", "r.csv", "--question", "improve", "--coder", "boris"], input: "\nq\n")
        #expect(third.status == 0, "\(third)")
        #expect(CodeCommandTests.rows(dir.text("r.codes.csv")) == ["11,improve,more_time,boris,"])
    }
}
