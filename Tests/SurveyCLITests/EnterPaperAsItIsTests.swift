import Foundation
import Testing

/// Paper as it is (issue 12, point 6): an answer on paper that breaks a rule is kept on purpose
/// with `!!` and saved exactly as `survey import` saves the same answer from a CSV: the row
/// kept, the same problem kind, value and message in `NAME.problems.csv`, and the same figures
/// from `survey stats`.
@Suite(.enabled(if: EnterTmux.isAvailable, "tmux is not installed: the pseudo-terminal tests need it"))
struct EnterPaperAsItIsTests {
    static let questionIDs = "org_type,role,usefulness,organization,moderation,materials,discussion_time,sessions,attend_again,why_not_useful,liked,improve,next_topics"
    /// The saved row: the kept answers are blank, as the import writes them.
    static let savedRow = "1,,ngo,specialist,4,,4,4,2,,yes,,Group work,,Labour migration"
    /// What the importer lists for the same paper answers (file, line and column aside).
    static let problems = [
        "organization,7,out_of_range,7 is outside the allowed range 1–5",
        "sessions,situation;legal;brainstorm;groups,too_many_choices,4 choices picked but at most 3 are allowed",
        "why_not_useful,Nothing new,answered_when_skipped,answered although skip logic says it was not asked (when: usefulness <= 2); the answer is ignored",
    ]

    func type(_ tmux: EnterTmux, _ steps: [(wait: String, type: String)]) throws {
        for step in steps {
            try tmux.wait(for: step.wait)
            try tmux.type(step.type)
        }
    }

    @Test func ruleBreakingAnswersKeptWithBangBangAreSavedAsTheImportSavesThem() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let tmux = EnterTmux(workdir: dir)
        try tmux.start(["enter", EnterWorkdir.seminar, "--into", "f.csv"], height: 60)
        let opening = try tmux.wait(for: "respondent [1]> ")
        #expect(opening.contains("!! after a refused answer keeps it as on the paper (listed as a problem)."), "the opening shows !!: \(opening)")
        try type(tmux, [("respondent [1]> ", "1"), ("org_type> ", "ngo"), ("role> ", "2"), ("usefulness> ", "4"), ("organization> ", "7")])
        // A value out of range on paper: refused, and the refusal says how to keep it.
        let refused = try tmux.wait(for: "!! keeps it as on the paper")
        #expect(refused.contains("7 is outside the allowed range 1–5"), "\(refused)")
        try tmux.type("!!")
        try tmux.wait(for: "  → kept as on the paper: !! 7 · out_of_range")
        // Four sessions ticked where three are allowed.
        try type(tmux, [("moderation> ", "4"), ("materials> ", "4"), ("discussion_time> ", "2"), ("sessions> ", "1 2 4 5")])
        try tmux.wait(for: "4 choices picked but at most 3 are allowed")
        try tmux.type("!!")
        try tmux.wait(for: "  → kept as on the paper: !! 1 2 4 5 · too_many_choices")
        try type(tmux, [("attend_again> ", "y"), ("liked> ", "Group work"), ("improve> ", ""), ("next_topics> ", "Labour migration")])
        // A comment written in a question skip logic hides (usefulness 4: why_not_useful is not asked).
        try type(tmux, [("review> ", "10")])
        try tmux.wait(for: "!! types the paper's answer there anyway")
        try tmux.type("!!")
        let hidden = try tmux.wait(for: "why_not_useful> ")
        #expect(hidden.contains("not asked on this form (when: usefulness <= 2)"), "\(hidden)")
        try tmux.type("Nothing new")
        let review = try tmux.wait(for: "10 why_not_useful   · not asked · on paper: Nothing new")
        #expect(review.contains("4 organization     !! 7 · out_of_range"), "\(review)")
        #expect(review.contains("8 sessions         !! 1 2 4 5 · too_many_choices"), "\(review)")
        try type(tmux, [("review> ", "")])
        try tmux.wait(for: "3 answers kept as on the paper listed in f.problems.csv")

        #expect(dir.text("f.csv") == "respondent,submitted_at,\(Self.questionIDs)\n\(Self.savedRow)\n")
        let columns = ["6", "10", "12"]
        let expected = zip(columns, Self.problems).map { "f.csv,2,\($0),1,\($1)" }
        #expect(dir.text("f.problems.csv") == (["file,line,column,respondent,question,value,problem,message"] + expected).joined(separator: "\n") + "\n")

        // The same answers from a CSV: the import keeps the row and lists the same problems.
        try dir.write("paper.csv", "respondent,\(Self.questionIDs)\n1,ngo,specialist,4,7,4,4,2,situation;legal;brainstorm;groups,yes,Nothing new,Group work,,Labour migration\n")
        let imported = try dir.run(["import", EnterWorkdir.seminar, "paper.csv", "--into", "imp.csv"], input: "")
        #expect(imported.status == 0, "\(imported)")
        #expect(dir.text("imp.csv") == dir.text("f.csv"))
        let importedProblems = (dir.text("imp.problems.csv") ?? "").split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", maxSplits: 4).last.map(String.init) ?? "" }
        #expect(importedProblems == Self.problems)

        // `survey stats` on the entered file equals stats on the imported one, base rows included.
        let entered = try dir.run(["stats", EnterWorkdir.seminar, "f.csv", "--format", "json"], input: "")
        let fromCSV = try dir.run(["stats", EnterWorkdir.seminar, "imp.csv", "--format", "json"], input: "")
        #expect(entered.status == 0 && fromCSV.status == 0, "\(entered)\n\(fromCSV)")
        var differences: [String] = []
        RawExportEqualsImportedFileTests.compare(try RawExportEqualsImportedFileTests.comparable(entered.stdout),
                                                 try RawExportEqualsImportedFileTests.comparable(fromCSV.stdout), at: "", into: &differences)
        #expect(differences.isEmpty, "stats on the entered file and on the imported one differ:\n\(differences.joined(separator: "\n"))")
        // The kept answers are invalid (organization, sessions) and skipped (why_not_useful), not blank.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(entered.stdout.utf8)) as? [String: Any])
        let questions = try #require(json["questions"] as? [[String: Any]])
        func base(_ id: String) -> [String: Int] { (questions.first { $0["id"] as? String == id }?["base"] as? [String: Int]) ?? [:] }
        #expect(base("organization")["invalid"] == 1 && base("organization")["blank"] == 0)
        #expect(base("sessions")["invalid"] == 1)
        #expect(base("why_not_useful")["skipped"] == 1 && base("why_not_useful")["asked"] == 0)
    }

    /// In a pipe, `ANSWER !!` keeps at once and `N!!` at the review opens a question not asked,
    /// so a script needs no refused line (exit 0).
    @Test func inAPipeTheAnswerWithBangBangIsKeptAtOnce() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let input = ["1", "ngo", "2", "4", "7 !!", "4", "4", "2", "1 2 4 5!!", "y", "Group work", "", "Labour migration", "10!!", "Nothing new", "", ":q"]
        let result = try dir.run(["enter", EnterWorkdir.seminar, "--into", "f.csv"], input: input.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result)")
        #expect(dir.text("f.csv") == "respondent,submitted_at,\(Self.questionIDs)\n\(Self.savedRow)\n")
        let kinds = (dir.text("f.problems.csv") ?? "").split(separator: "\n").dropFirst().map { $0.split(separator: ",")[6] }
        #expect(kinds == ["out_of_range", "too_many_choices", "answered_when_skipped"], "\(result)")
    }

    /// `!!` keeps only a broken rule: after an ambiguous label start, or with nothing refused,
    /// it is refused itself and nothing is listed.
    @Test func bangBangWithNothingToKeepIsRefused() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let input = ["1", "!!", "ngo", "2", "4", "4", "4", "4", "2", "1", "y", "", "", "", ""]
        let result = try dir.run(["enter", EnterWorkdir.seminar, "--into", "f.csv"], input: input.joined(separator: "\n") + "\n")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("stdin:2: `!!` keeps an answer just refused as it is on the paper"), "\(result)")
        #expect(dir.text("f.problems.csv") == nil)
    }
}

/// Every kind of broken rule, kept through a pipe, against the same answers imported.
@Suite struct EnterPaperAsItIsPipeTests {
    @Test func everyKeptKindIsSavedAsTheImportSavesIt() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        // unknown_choice (a required single choice; one of a list; yes/no), out_of_range (rating,
        // number), not_a_number, not_a_date; usefulness invalid leaves why_not_useful asked.
        let input = ["1", "xyz !!", "2", "1 9 !!", "7 !!", "maybe !!", "12 !!", "abc !!", "x", "Too long", "32.13.2020 !!", "", ":q"]
        let entered = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv"], input: input.joined(separator: "\n") + "\n")
        #expect(entered.status == 0, "\(entered)")
        try dir.write("paper.csv", "respondent,org_type,role,sessions,usefulness,attend_again,age,travel_hours,improve,why_not_useful,visit_date\n"
                      + "1,xyz,specialist,brainstorm;9,7,maybe,12,abc,x,Too long,32.13.2020\n")
        let imported = try dir.run(["import", EnterWorkdir.feedback, "paper.csv", "--into", "imp.csv"], input: "")
        #expect(imported.status == 0, "\(imported)")
        #expect(dir.text("f.csv") == dir.text("imp.csv"))
        // file, line and column name where each was read; the rest is the same.
        func rest(_ name: String) -> [String] {
            (dir.text(name) ?? "").split(separator: "\n").dropFirst().map { $0.split(separator: ",", maxSplits: 3).last.map(String.init) ?? "" }
        }
        #expect(rest("f.problems.csv").count == 7)
        #expect(rest("f.problems.csv") == rest("imp.problems.csv"))
        let a = try dir.run(["stats", EnterWorkdir.feedback, "f.csv", "--format", "json"], input: "")
        let b = try dir.run(["stats", EnterWorkdir.feedback, "imp.csv", "--format", "json"], input: "")
        var differences: [String] = []
        RawExportEqualsImportedFileTests.compare(try RawExportEqualsImportedFileTests.comparable(a.stdout),
                                                 try RawExportEqualsImportedFileTests.comparable(b.stdout), at: "", into: &differences)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }
}
