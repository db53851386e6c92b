import Foundation
import Testing

/// An export with "Other, please specify" answers, its definition, and the oracle of its figures
/// (`Tests/Fixtures/make-other-expected.py`, computed from the raw CSV alone).
struct OtherExport: Sendable, CustomTestStringConvertible {
    var definition: String
    var input: String
    var oracle: String
    /// The canonical header: each `ID_other` column right after its question.
    var header: String
    var summary: String
    var testDescription: String { input }
}

/// Issue 9, "Other, please specify" and aliases, end to end: Google Forms "Other:" answers and
/// KoboToolbox `q_other` / `q/other` columns become the `other` choice with their text kept in
/// `ID_other`; stats counts them, lists their texts, and says the same of the raw export and of
/// the imported file; the report lists them under their question.
@Suite struct OtherAnswersTests {
    static let exports: [OtherExport] = [
        OtherExport(definition: "other-kobo.yaml", input: "responses-kobo-other.csv", oracle: "responses-kobo-other-expected.json",
                    header: "respondent,submitted_at,org_type,org_type_other,sessions,sessions_other,topics,topics_other,usefulness,improve",
                    summary: "Read 12 rows: 12 accepted, 0 rejected. 1 problem: other_text_not_chosen 1."),
        OtherExport(definition: "other-google-forms.yaml", input: "responses-google-forms-other.csv", oracle: "responses-google-forms-other-expected.json",
                    header: "respondent,submitted_at,country,country_other,sessions,sessions_other,usefulness",
                    summary: "Read 12 rows: 12 accepted, 0 rejected. No problems."),
    ]

    @Test(arguments: exports)
    func importKeepsOtherTextsInTheirColumns(_ export: OtherExport) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: export.input)
        let result = try dir.run("import", Fixture.path(export.definition), input, "--into", "responses.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains(export.summary), "\(result)")
        let rows = parseCSV(try #require(dir.text("responses.csv")))
        #expect(rows.first?.joined(separator: ",") == export.header)
        let oracle = try Self.object(String(decoding: try Fixture.bytes(export.oracle), as: UTF8.self))
        let header = try #require(rows.first)
        // Every other text of the oracle is in its row and column, verbatim.
        for (id, figures) in try #require(oracle["questions"] as? [String: [String: Any]]) {
            guard let others = figures["other"] as? [[String]], let column = header.firstIndex(of: id + "_other") else { continue }
            for pair in others {
                let row = try #require(rows.first { $0.first == pair[0] }, "respondent \(pair[0])")
                #expect(row[column] == pair[1], "\(id) of \(pair[0])")
                #expect(row[column - 1].split(separator: ";").contains("other"), "\(id) of \(pair[0]): \(row[column - 1])")
            }
        }
    }

    /// The figures of `survey stats` on the raw export are the oracle's, figure by figure.
    @Test(arguments: exports)
    func statsGivesTheOracleFigures(_ export: OtherExport) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: export.input)
        let result = try dir.run("stats", Fixture.path(export.definition), input, "--format", "json")
        #expect(result.status == 0, "\(result)")
        let json = try Self.object(result.stdout)
        let oracle = try Self.object(String(decoding: try Fixture.bytes(export.oracle), as: UTF8.self))
        let expected = try #require(oracle["questions"] as? [String: [String: Any]])
        let questions = try #require(json["questions"] as? [[String: Any]])
        #expect(questions.count >= expected.count)
        for question in questions {
            let id = try #require(question["id"] as? String)
            guard let figures = expected[id] else { continue }
            var base = try #require(question["base"] as? [String: Int])
            #expect(base.removeValue(forKey: "missing_coded") == 0, "\(id): no missing codes declared")
            #expect(base == figures["base"] as? [String: Int], "\(id)")
            let counts = try #require(figures["counts"] as? [String: Int])
            let rows = ((question["frequencies"] ?? question["multiple_response"]) as? [String: Any])?["rows"] as? [[String: Any]] ?? []
            #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0["code"] as! String, $0["count"] as! Int) }) == counts, "\(id)")
            if let mentions = figures["mentions"] as? Int {
                #expect((question["multiple_response"] as? [String: Any])?["mentions"] as? Int == mentions, "\(id)")
            }
            if let mean = figures["mean"] as? Double {
                let descriptives = try #require(question["descriptives"] as? [String: Any])
                #expect(abs((descriptives["mean"] as? Double ?? .nan) - mean) < 1e-12, "\(id)")
                #expect(descriptives["n"] as? Int == figures["n"] as? Int, "\(id)")
            }
            if let others = figures["other"] as? [[String]] {
                let summary = question["other_answers"] as? [String: Any]
                let quotes = (summary?["quotes"] as? [[String: String]] ?? []).map { [$0["respondent"]!, $0["text"]!] }
                #expect(quotes.sorted { ($0[0].count, $0[0]) < ($1[0].count, $1[0]) } == others, "\(id)")
                #expect(summary?["answered"] as? Int == others.count, "\(id)")
            }
        }
        let problems = (json["import_summary"] as? [String: Any])?["problems_by_kind"] as? [String: Int]
        #expect(problems == oracle["problems"] as? [String: Int])
    }

    /// `other` is a category like the others in cross-tabs, and the text output lists the texts.
    @Test func otherIsCrossTabulatedAndListedInText() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-google-forms-other.csv")
        let result = try dir.run("stats", Fixture.path("other-google-forms.yaml"), input, "--crosstab", "country:sessions")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("  Other answers (2): \"Germany, Berlin\"; \"Kazakhstan\"\n"), "\(result)")
        // Respondents 4 (Kazakhstan: A study tour) and 10 (Germany, Berlin: Letter to the President).
        #expect(result.stdout.contains("  other    Other              0 (0%)   0 (0%)   1 (50%)  1 (50%)      2\n"), "\(result)")
    }

    @Test func reportListsOtherAnswersUnderTheirQuestion() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-google-forms-other.csv")
        let result = try dir.run("report", Fixture.path("other-google-forms.yaml"), input, "--format", "md,html,csv", "--out", "report")
        #expect(result.status == 0, "\(result)")
        let markdown = try #require(dir.text("report/report.md"))
        #expect(markdown.contains("**Other answers (2)**\n\n> Kazakhstan\n\n> Germany, Berlin") || markdown.contains("**Other answers (2)**\n\n> Germany, Berlin\n\n> Kazakhstan"), "\(markdown)")
        #expect(markdown.contains("**Other answers (5)**"))
        #expect(markdown.contains("> Visits, meetings, and a dinner"))
        let html = try #require(dir.text("report/report.html"))
        #expect(html.contains("<h3>Other answers (2)</h3>"))
        #expect(html.contains("<blockquote class=\"other\">Group work, but in smaller groups</blockquote>"))
        // After the event id (the questionnaire file's name), which every CSV starts with.
        let comments = parseCSV(try #require(dir.text("report/comments.csv"))).map { Array($0.dropFirst()) }
        #expect(comments.first == ["question_id", "question", "respondent", "text"])
        #expect(comments.contains(["country_other", "Which country do you live in?", "10", "Germany, Berlin"]))
        #expect(comments.filter { $0.first == "sessions_other" }.count == 5)
    }

    /// `--quotes` applies to other answers as to text answers: `none` lists none, `1` the longest.
    @Test func reportQuotesOptionAppliesToOtherAnswers() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-google-forms-other.csv")
        let none = try dir.run("report", Fixture.path("other-google-forms.yaml"), input, "--format", "md", "--out", "none", "--quotes", "none")
        #expect(none.status == 0, "\(none)")
        #expect(dir.text("none/report.md")?.contains("Other answers") == false)
        let one = try dir.run("report", Fixture.path("other-google-forms.yaml"), input, "--format", "md", "--out", "one", "--quotes", "1")
        #expect(one.status == 0, "\(one)")
        let markdown = try #require(dir.text("one/report.md"))
        #expect(markdown.contains("**Other answers (5)**"))
        #expect(markdown.contains("> Group work, but in smaller groups"))
        #expect(!markdown.contains("> Lunch"))
    }

    /// `survey check`: an alias that another choice already means is a definition error, exit 2,
    /// at the alias's line and column.
    @Test func checkRefusesAnAliasOfAnotherChoice() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("def.yaml", """
            title: T
            questions:
              - id: country
                type: single_choice
                text: Country?
                choices:
                  us: {label: United States, aliases: [USA, U.S.]}
                  uk: {label: United Kingdom, aliases: [UK, u.s]}

            """)
        let result = try dir.run("check", "def.yaml")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("def.yaml:8:49: error: question `country`: alias `u.s` of choice `uk` clashes with `us`"), "\(result)")
    }

    /// Without `other: true` an answer outside the list stays a problem with its raw value.
    @Test func withoutOtherTheValueIsAProblemAsBefore() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("def.yaml", "title: T\nquestions:\n  - id: country\n    type: single_choice\n    text: Country?\n    choices: {us: United States}\n")
        try dir.write("in.csv", "country\nKazakhstan\n")
        let result = try dir.run("import", "def.yaml", "in.csv", "--into", "responses.csv")
        #expect(result.stderr.contains("unknown_choice 1"), "\(result)")
        #expect(dir.text("responses.csv") == "respondent,submitted_at,country\n1,,\n")
        #expect(dir.text("responses.problems.csv")?.contains("Kazakhstan") == true)
    }

    /// A KoboToolbox `q_other` column for a question without `other: true` is not read, and
    /// the note says how to keep it.
    @Test func anOtherColumnWithoutOtherTrueGetsAHint() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("def.yaml", "title: T\nquestions:\n  - id: country\n    type: single_choice\n    text: Country?\n    choices: {us: United States}\n")
        try dir.write("in.csv", "group/country;group/country_other;_id\nus;;1\nother;Kazakhstan;2\n")
        let result = try dir.run("import", "def.yaml", "in.csv", "--into", "responses.csv")
        #expect(result.stderr.contains("group/country_other (the text of other answers to `country`: add `other: true` to that question to keep it)"), "\(result)")
    }

    /// A responses file from before `other: true` was added has no `ID_other` column: appending
    /// to it is refused with how to move on, and stats still reads it.
    @Test func aFileWithTheOlderHeaderIsNotAppendedTo() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("old.csv", "respondent,country,sessions,usefulness\n1,us,letter,4\n")
        let input = try dir.copy(fixture: "responses-google-forms-other.csv")
        let definition = Fixture.path("other-google-forms.yaml")
        let refused = try dir.run("import", definition, input, "--into", "old.csv")
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.stderr.contains("different header") && refused.stderr.contains("Import into a new file"), "\(refused)")
        #expect(dir.text("old.csv") == "respondent,country,sessions,usefulness\n1,us,letter,4\n")
        let stats = try dir.run("stats", definition, "old.csv", "--format", "json")
        #expect(stats.status == 0, "\(stats)")
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func text(_ json: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self)
    }
}
