import Foundation
import Testing

/// Fair double entry (issue 12, point 5), typed through a pseudo-terminal: each difference is
/// charged to the entry that is not what the paper says, blanks of the first entry filled by
/// the second are "completed", an illegible first entry shows as illegible, the differing
/// characters of two texts are marked, and the settled problem leaves the problems file.
@Suite(.enabled(if: EnterTmux.isAvailable, "tmux is not installed: the pseudo-terminal tests need it"))
struct FairDoubleEntryTests {
    static let header = EnterCommandTests.header

    func lines(_ items: [String]) -> String { items.joined(separator: "\n") + "\n" }

    /// The paper says: ngo, specialist, sessions 1 3, usefulness 2, no, 34, 2.5,
    /// "More time for discussion.", "Too long", 25.01.2013.
    /// alice (first entry) is wrong twice (age 43, the period missing), marks role illegible and
    /// leaves travel_hours blank; bob (second entry) is wrong once (yes for no).
    @Test func errorsAreChargedToTheEntryThatDiffersFromThePaper() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let alice = ["1", "2", "!", "1 3", "2", "n", "43", "", "More time for discussion", "Too long", "25.01.2013", ""]
        let first = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--operator", "alice"], input: lines(alice))
        #expect(first.status == 0, "\(first)")
        #expect(dir.text("f.problems.csv")?.contains(",1,role,,illegible,") == true, "\(dir.text("f.problems.csv") ?? "")")

        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--verify", "--operator", "bob"], width: 100, height: 50)
        try tmux.wait(for: "respondent [1]> ")
        try tmux.type("1")
        for (prompt, answer) in [("org_type> ", "2"), ("role> ", "spec"), ("sessions> ", "1 3"), ("usefulness> ", "2"), ("attend_again> ", "y"),
                                 ("age> ", "34"), ("travel_hours> ", "2.5"), ("improve> ", "More time for discussion."),
                                 ("why_not_useful> ", "Too long"), ("visit_date> ", "25.01.2013"), ("review> ", "")] {
            try tmux.wait(for: prompt)
            try tmux.type(answer)
        }
        // The first entry's `!` is shown as illegible, not as no answer.
        let role = try tmux.wait(for: "  2 second entry   2 Specialist")
        #expect(role.contains("  1 first entry    — illegible"), "\(role)")
        try tmux.type("2")
        try tmux.wait(for: "  2 second entry   yes")
        try tmux.type("1")
        try tmux.wait(for: "  2 second entry   34")
        try tmux.type("2")
        let travel = try tmux.wait(for: "  2 second entry   2.5")
        #expect(travel.contains("  1 first entry    — no answer"), "\(travel)")
        try tmux.type("2")
        // A missing trailing period is marked.
        let improve = try tmux.wait(for: "  2 second entry   More time for discussion⟦.⟧")
        #expect(improve.contains("  1 first entry    More time for discussion⟦⟧"), "\(improve)")
        try tmux.type("2")
        try tmux.wait(for: "Verified respondent 1: 10 answers compared, 3 differed, 2 completed, form corrected.")
        try tmux.wait(for: "respondent> ")
        try tmux.type(":q")
        let end = try tmux.wait(for: "bob                     10       1   10.0%  1.8–40.4%")
        // alice: 2 errors of 10 answers; bob: 1 of 10. Wilson 95% intervals as statsmodels'
        // proportion_confint(2, 10, method='wilson') = (0.0567, 0.5098) and (1, 10) = (0.0179, 0.4042).
        #expect(end.contains("operator           answers  errors    rate  95% interval"), "\(end)")
        #expect(end.contains("(first entry)           10       2   20.0%  5.7–51.0%"), "\(end)")
        #expect(end.contains("question          compared  disagreed  completed    rate"), "\(end)")
        #expect(end.contains("role                     1          0          1    0.0%"), "\(end)")
        #expect(end.contains("travel_hours             1          0          1    0.0%"), "\(end)")
        #expect(end.contains("improve                  1          1          0  100.0%"), "\(end)")
        #expect(end.contains("all questions           10          3          2   30.0%"), "\(end)")

        #expect(dir.text("f.csv") == lines([Self.header, "1,,ngo,specialist,brainstorm;letter,2,no,34,2.5,More time for discussion.,Too long,2013-01-25"]))
        // The illegible role was read by bob: the problem is settled and leaves the problems
        // file, so the report no longer counts the answer as invalid.
        #expect(dir.text("f.problems.csv")?.contains("role") == false, "\(dir.text("f.problems.csv") ?? "")")
        let log = try #require(dir.text("f.verification.csv"))
        #expect(log.contains("\n1,role,,specialist,specialist,bob\n"))
        #expect(log.contains("\n1,improve,More time for discussion,More time for discussion.,More time for discussion.,bob\n"))
        let stats = try dir.run(["stats", EnterWorkdir.feedback, "f.csv"], input: "")
        #expect(stats.status == 0, "\(stats)")
        #expect(stats.stdout.contains("Double entry: 1 of 1 form verified; 3 of 10"), "\(stats.stdout)")
        // role was read in the end: answered, not invalid (the settled illegible problem is gone).
        #expect(!stats.stdout.contains("illegible"), "\(stats.stdout)")
    }
}
