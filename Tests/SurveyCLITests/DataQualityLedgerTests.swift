import Foundation
import Testing

/// Issue 9, "invalid is not blank, anywhere" and "the report's data-quality section is the
/// ledger": a canonical responses file is read with `NAME.problems.csv`, `NAME.rejects.csv` and
/// `NAME.verification.csv` beside it, by `survey stats` and `survey report`.
@Suite struct DataQualityLedgerTests {
    /// The housing question: 20 "blank" in the imported file that were 5 blank and 15 invalid.
    static let housing = """
        title: Housing
        language: en
        questions:
          - id: housing
            type: single_choice
            text: Where do you live?
            choices: {rent: Rent, own: Own}
          - id: rooms
            type: number
            text: How many rooms?
            integer: true
        """

    /// 10 answered, 5 blank, 15 invalid (`castle`), and `rooms` answered by everyone.
    static let export: String = {
        var lines = ["id,housing,rooms"]
        for id in 1...30 {
            let value = id <= 10 ? (id % 2 == 0 ? "own" : "rent") : id <= 15 ? "" : "castle"
            lines.append("\(id),\(value),\(id % 4 + 1)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static func base(_ stdout: String, _ question: String) throws -> [String: Int] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let questions = try #require(json["questions"] as? [[String: Any]])
        let result = try #require(questions.first { $0["id"] as? String == question })
        var base = try #require(result["base"] as? [String: Int])
        #expect(base.removeValue(forKey: "missing_coded") == 0, "these questionnaires declare no missing codes")
        return base
    }

    static func quality(_ stdout: String) throws -> [String: Any] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return try #require(json["data_quality"] as? [String: Any])
    }

    @Test func invalidAnswersStayInvalidInTheImportedFile() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.housing)
        try dir.write("export.csv", Self.export)
        #expect(try dir.run("import", "q.yaml", "export.csv", "--into", "r.csv").status == 0)
        for file in ["export.csv", "r.csv"] {
            let stats = try dir.run("stats", "q.yaml", file, "--format", "json")
            #expect(stats.status == 0, "\(stats)")
            let base = try Self.base(stats.stdout, "housing")
            #expect(base["answered"] == 10 && base["blank"] == 5 && base["invalid"] == 15, "\(file): \(base)")
        }
        let text = try dir.run("stats", "q.yaml", "r.csv")
        #expect(text.stdout.contains("Base: 30 responses, 10 answered, 5 left blank, 15 invalid"), "\(text)")
        #expect(text.stdout.contains("Data: 30 rows read, 30 accepted, 0 rejected; 15 problems: unknown_choice 15 (from r.problems.csv)"), "\(text)")
    }

    /// Tests/Fixtures/responses-ledger-housing.csv: every way an answer fails, with the bases
    /// checked by hand row by row (Tests/Fixtures/README.md, "The ledger fixture").
    @Test func theLedgerFixtureHasItsHandCheckedBases() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let definition = Fixture.path("ledger-housing.yaml")
        let export = try dir.copy(fixture: "responses-ledger-housing.csv")
        #expect(try dir.run("import", definition, export, "--into", "r.csv").status == 0)
        let expected: [String: [String: Int]] = [
            "housing": ["responses": 9, "asked": 9, "answered": 7, "skipped": 0, "blank": 1, "invalid": 1],
            "rooms": ["responses": 9, "asked": 9, "answered": 5, "skipped": 0, "blank": 0, "invalid": 4],
            "amenities": ["responses": 9, "asked": 9, "answered": 5, "skipped": 0, "blank": 3, "invalid": 1],
            "rent_amount": ["responses": 9, "asked": 4, "answered": 1, "skipped": 5, "blank": 1, "invalid": 2],
            "moved_in": ["responses": 9, "asked": 9, "answered": 5, "skipped": 0, "blank": 3, "invalid": 1],
        ]
        for file in [export, "r.csv"] {
            let stats = try dir.run("stats", definition, file, "--format", "json")
            #expect(stats.status == 0, "\(stats)")
            for (question, base) in expected { #expect(try Self.base(stats.stdout, question) == base, "\(file): \(question)") }
            let quality = try Self.quality(stats.stdout)
            #expect(quality["rows_read"] as? Int == 10 && quality["accepted"] as? Int == 9 && quality["rejected"] as? Int == 1, "\(file)")
            #expect((quality["problems_by_kind"] as? [String: Int]) == [
                "not_a_number": 3, "unknown_choice": 2, "ambiguous_number": 1, "answered_when_skipped": 1, "invalid_encoding": 1,
                "not_a_date": 1, "not_a_whole_number": 1, "out_of_range": 1, "required_missing": 1, "too_many_choices": 1,
            ], "\(file)")
        }
    }

    /// The report made from the imported file no longer says "All answers passed validation"
    /// right after the import listed problems; md, html and data_quality.csv say the same as the
    /// report made from the export.
    @Test func reportFromTheImportedFileKeepsTheLedger() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.housing)
        try dir.write("export.csv", Self.export + "3,own,2\n31,own,two\n")
        #expect(try dir.run("import", "q.yaml", "export.csv", "--into", "r.csv").status == 0)
        let fromFile = try dir.run("report", "q.yaml", "r.csv", "--out", "from-file")
        let fromExport = try dir.run("report", "q.yaml", "export.csv", "--out", "from-export")
        #expect(fromFile.status == 0 && fromExport.status == 0, "\(fromFile)\n\(fromExport)")
        let markdown = try #require(dir.text("from-file/report.md"))
        #expect(!markdown.contains("All answers passed validation"))
        #expect(markdown.contains("32 rows read, 31 accepted, 1 rejected; the rejected rows are kept whole in r.rejects.csv. 16 problems were found in the answers (listed in r.problems.csv). An answer whose value could not be used is counted as invalid in its question's base, not as left blank."), "\(markdown)")
        #expect(markdown.contains("| not one of the choices | `unknown_choice` | 15 |"))
        #expect(markdown.contains("| not a number | `not_a_number` | 1 |"))
        let html = try #require(dir.text("from-file/report.html"))
        #expect(html.contains("<tr><td>not one of the choices</td><td><code>unknown_choice</code></td><td class=\"num\">15</td></tr>"))
        #expect(!html.contains("All answers passed validation"))
        let expectedCSV = """
            event_id,measure,kind,value
            q,rows_read,,32
            q,accepted,,31
            q,rejected,,1
            q,problems,,16
            q,problems,unknown_choice,15
            q,problems,not_a_number,1
            q,illegible,,0
            q,all_answers_passed_validation,,no

            """
        #expect(dir.text("from-file/data_quality.csv") == expectedCSV)
        #expect(dir.text("from-export/data_quality.csv") == expectedCSV)
        #expect(dir.text("from-export/frequencies.csv") == dir.text("from-file/frequencies.csv"))
    }

    /// A row rejected as a duplicate respondent id (the same id as an accepted row) lists no
    /// problem, so its bad value never marks the accepted row's blank as invalid.
    @Test func aRejectedDuplicateDoesNotMarkTheAcceptedRow() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.housing)
        try dir.write("export.csv", "id,housing,rooms\n1,,2\n1,castle,x\n")
        #expect(try dir.run("import", "q.yaml", "export.csv", "--into", "r.csv").status == 0)
        for file in ["export.csv", "r.csv"] {
            let stats = try dir.run("stats", "q.yaml", file, "--format", "json")
            #expect(try Self.base(stats.stdout, "housing") == ["responses": 1, "asked": 1, "answered": 0, "skipped": 0, "blank": 1, "invalid": 0], "\(file)")
            #expect(try Self.quality(stats.stdout)["rejected"] as? Int == 1, "\(file)")
        }
        // A problems file listing a problem twice (two rows for one answer) marks it once.
        try dir.write("r.problems.csv", "file,line,column,respondent,question,value,problem,message\n"
                      + "x.csv,2,2,1,housing,castle,unknown_choice,m\nx.csv,2,2,1,housing,castle,unknown_choice,m\n")
        let twice = try dir.run("stats", "q.yaml", "r.csv", "--format", "json")
        #expect(try Self.base(twice.stdout, "housing")["invalid"] == 1)
        #expect((try Self.quality(twice.stdout)["problems_by_kind"] as? [String: Int]) == ["unknown_choice": 2])
    }

    /// Problems that kept the answer or were about a blank never make it invalid:
    /// `required_missing` stays blank, `answered_when_skipped` stays skipped.
    @Test func warningsThatKeptTheValueDoNotMakeItInvalid() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let export = try dir.copy(fixture: "responses-messy.csv")
        #expect(try dir.run("import", Fixture.feedback, export, "--into", "r.csv").status == 0)
        let stats = try dir.run("stats", Fixture.feedback, "r.csv", "--format", "json")
        #expect(try Self.base(stats.stdout, "org_type") == ["responses": 11, "asked": 11, "answered": 10, "skipped": 0, "blank": 1, "invalid": 0])
        let whyNot = try Self.base(stats.stdout, "why_not_useful")
        #expect(whyNot["invalid"] == 0 && whyNot["answered"] == 1, "\(whyNot)")
        #expect(try Self.base(stats.stdout, "age")["invalid"] == 2)
        #expect(try Self.base(stats.stdout, "sessions")["invalid"] == 1, "too_many_choices dropped; groups;lunch kept groups")
        // The re-read finds org_type's required_missing again: counted once.
        #expect((try Self.quality(stats.stdout)["problems_by_kind"] as? [String: Int])?["required_missing"] == 1)
    }

    @Test func aMissingProblemsFileMeansNothingInvalid() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.housing)
        try dir.write("r.csv", "respondent,housing,rooms\n1,,2\n2,own,3\n")
        let stats = try dir.run("stats", "q.yaml", "r.csv", "--format", "json")
        #expect(stats.status == 0, "\(stats)")
        #expect(try Self.base(stats.stdout, "housing")["blank"] == 1)
        #expect(try Self.quality(stats.stdout)["all_answers_passed_validation"] as? Bool == true)
    }

    /// A file beside the responses that survey did not write is a clear error (exit 1), never
    /// a crash and never silently taken for "no problems"; a torn row is left out with a note.
    @Test func aMalformedProblemsFileIsAClearError() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.housing)
        try dir.write("r.csv", "respondent,housing,rooms\n1,,2\n")
        try dir.write("r.problems.csv", "who,what\n1,housing\n")
        let refused = try dir.run("stats", "q.yaml", "r.csv")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("r.problems.csv: error: cannot read the file: line 1: the header is `who,what`, expected `file,line,column,respondent,question,value,problem,message`"), "\(refused)")
        let report = try dir.run("report", "q.yaml", "r.csv", "--out", "rep")
        #expect(report.status == 1, "\(report)")

        try dir.write("r.problems.csv", "file,line,column,respondent,question,value,problem,message\nx.csv,2,2,1,housing,castle,unknown_choice,m\nx.csv,3,2,2,hou")
        let torn = try dir.run("stats", "q.yaml", "r.csv", "--format", "json")
        #expect(torn.status == 0, "\(torn)")
        #expect(torn.stderr.contains("note: r.problems.csv: line 3 is not a row of 8 fields and was left out of the data-quality figures"), "\(torn)")
        #expect(try Self.base(torn.stdout, "housing")["invalid"] == 1)

        try FileManager.default.removeItem(atPath: dir.path("r.problems.csv"))
        try FileManager.default.createDirectory(atPath: dir.path("r.problems.csv"), withIntermediateDirectories: false)
        let folder = try dir.run("stats", "q.yaml", "r.csv")
        #expect(folder.status == 1, "\(folder)")
        #expect(folder.stderr.contains("r.problems.csv: error: cannot read the file: it is not a regular file"), "\(folder)")
    }

    /// Stats on a raw export never look beside it, whatever is there.
    @Test func rawExportsDoNotReadCompanionFiles() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.housing)
        try dir.write("export.csv", "id,housing,rooms\n1,,2\n")
        try dir.write("export.problems.csv", "not,a,problems,file\n")
        try dir.write("export.rejects.csv", "file,line,reason,raw\nx.csv,2,why,raw\n")
        let stats = try dir.run("stats", "q.yaml", "export.csv", "--format", "json")
        #expect(stats.status == 0, "\(stats)")
        #expect(try Self.quality(stats.stdout)["rejected"] as? Int == 0)
        #expect(try Self.base(stats.stdout, "housing")["blank"] == 1)
        try dir.write("bad.csv", "id,housing,rooms\n1,castle,2\n")
        try dir.write("bad.problems.csv", "file,line,column,respondent,question,value,problem,message\n")
        let report = try dir.run("report", "q.yaml", "bad.csv", "--out", "rep")
        #expect(report.status == 0, "\(report)")
        let markdown = try #require(dir.text("rep/report.md"))
        #expect(markdown.contains("1 problem was found in the answers. An answer"), "the report names no file it did not read: \(markdown)")
    }

    /// `survey enter`: an answer marked illegible (`!`) is invalid, not blank, and listed in the
    /// ledger; a form left halfway (`incomplete`) leaves its untyped answers blank.
    @Test func illegibleAnswersFromTheFormAreInvalid() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let entered = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--operator", "aigul"],
                                  input: ["5", "!", "spec", "1", "4", ":q", "k"].joined(separator: "\n") + "\n")
        #expect(entered.status == 0, "\(entered)")
        let stats = try dir.run(["stats", EnterWorkdir.feedback, "f.csv", "--format", "json"], input: "")
        #expect(try Self.base(stats.stdout, "org_type") == ["responses": 1, "asked": 1, "answered": 0, "skipped": 0, "blank": 0, "invalid": 1])
        #expect(try Self.base(stats.stdout, "attend_again")["blank"] == 1)
        let quality = try Self.quality(stats.stdout)
        #expect(quality["illegible"] as? Int == 1)
        #expect((quality["problems_by_kind"] as? [String: Int]) == ["illegible": 1, "incomplete": 1], "required_missing of org_type is the illegible answer, counted once")
        let report = try dir.run(["report", EnterWorkdir.feedback, "f.csv", "--out", "rep"], input: "")
        #expect(report.status == 0, "\(report)")
        let markdown = try #require(dir.text("rep/report.md"))
        #expect(markdown.contains("1 answer was marked illegible on the paper forms (counted as invalid)."), "\(markdown)")
        #expect(markdown.contains("| illegible on the paper form | `illegible` | 1 |"))
    }

    /// Double-entry coverage: forms verified of all forms, and how often the entries differed.
    @Test func doubleEntryCoverageIsInTheLedger() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let form = EnterCommandTests.form, short = EnterCommandTests.shortForm
        let lines = { (items: [String]) in items.joined(separator: "\n") + "\n" }
        _ = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv"], input: lines(["101"] + form + ["102"] + short + ["103"] + short))
        var second = form
        second[5] = "43"
        second[7] = "More tea"
        let verified = try dir.run(["enter", EnterWorkdir.feedback, "--into", "f.csv", "--verify", "--operator", "bakyt"],
                                   input: lines(["101"] + second + ["1", "More time, tea", "102"] + short))
        #expect(verified.status == 0, "\(verified)")
        let stats = try dir.run(["stats", EnterWorkdir.feedback, "f.csv", "--format", "json"], input: "")
        let entry = try #require(try Self.quality(stats.stdout)["verification"] as? [String: Any])
        #expect(entry["forms_verified"] as? Int == 2 && entry["forms_total"] as? Int == 3, "\(entry)")
        #expect(entry["answers_compared"] as? Int == 19 && entry["disagreements"] as? Int == 2, "\(entry)")
        let text = try dir.run(["stats", EnterWorkdir.feedback, "f.csv"], input: "")
        #expect(text.stdout.contains("  Double entry: 2 of 3 forms verified; 2 of 19 answers compared differed (10.5%)."), "\(text)")
        _ = try dir.run(["report", EnterWorkdir.feedback, "f.csv", "--out", "rep"], input: "")
        let markdown = try #require(dir.text("rep/report.md"))
        #expect(markdown.contains("Double entry: 2 of 3 forms were typed twice and compared (66.7%); the two entries differed on 2 of 19 answers compared (10.5%). All answers passed validation."), "\(markdown)")
        let csv = try #require(dir.text("rep/data_quality.csv"))
        #expect(csv.contains("feedback,forms_verified,,2\nfeedback,forms_total,,3\nfeedback,answers_compared,,19\nfeedback,disagreements,,2\n"), "\(csv)")
    }

    /// An import killed halfway is undone, in the responses file and the files beside it,
    /// before stats reads them: its problems never mark rows that a later import adds.
    @Test func problemsOfAnUndoneImportMarkNothing() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("q.yaml", Self.housing)
        try dir.write("first.csv", "id,housing,rooms\n1,own,2\n")
        #expect(try dir.run("import", "q.yaml", "first.csv", "--into", "r.csv").status == 0)
        try dir.write("killed.csv", "id,housing,rooms\n" + (2...3000).map { "\($0),castle,2\n" }.joined())
        let killed = try BackgroundRun(in: dir.url, ["import", "q.yaml", "killed.csv", "--into", "r.csv"], environment: ["SURVEY_TEST_PAUSE_APPEND": "60"])
        #expect(killed.waitForStderr("SURVEY_TEST_PAUSE_APPEND: paused"), "\(killed.stderrSoFar)")
        killed.kill9()
        _ = killed.wait()
        // Stats takes the lock first, which undoes the half-written batch in all three files.
        let undone = try dir.run("stats", "q.yaml", "r.csv", "--format", "json")
        #expect(undone.stderr.contains("an interrupted import (pid \(killed.pid)) had partly appended"), "\(undone)")
        #expect(try Self.quality(undone.stdout)["problems"] as? Int == 0)
        try dir.write("later.csv", "id,housing,rooms\n" + (2...11).map { "\($0),,2\n" }.joined())
        #expect(try dir.run("import", "q.yaml", "later.csv", "--into", "r.csv").status == 0)
        let stats = try dir.run("stats", "q.yaml", "r.csv", "--format", "json")
        #expect(try Self.base(stats.stdout, "housing") == ["responses": 11, "asked": 11, "answered": 1, "skipped": 0, "blank": 10, "invalid": 0])
        #expect(try Self.quality(stats.stdout)["problems"] as? Int == 0)
    }
}
