import Foundation
import Testing

/// Declared missing codes, "not asked" rows and `--where` wording through the built binary, on
/// `missing-codes.yaml` + `missing-responses.csv` (figures: `Tests/Fixtures/missing-codes-oracle.py`).
@Suite struct MissingCodesAndBaseTests {
    static func workdir() throws -> Workdir {
        let work = try Workdir()
        try work.copy(fixture: "missing-codes.yaml", as: "q.yaml")
        try work.copy(fixture: "missing-responses.csv", as: "r.csv")
        return work
    }

    /// Lines of `text` that start (after spaces) with `prefix`, spaces squeezed.
    static func lines(_ text: String, starting prefix: String) -> [String] {
        text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }.filter { $0.hasPrefix(prefix) }
    }

    @Test func aMissingCodeThatIsAlsoAChoiceIsADefinitionError() throws {
        let work = try Workdir()
        defer { work.remove() }
        try work.write("bad.yaml", "title: T\nmissing: {99: Don't know}\nquestions:\n  - id: org\n    type: single_choice\n    text: Org\n    choices: {1: Gov, 099: NGO}\n")
        let result = try work.run("check", "bad.yaml")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("bad.yaml:2:11: error: question `org`: missing code `99` is also choice `099` (NGO), so a cell `99` would mean both; give this question its own `missing:` codes (`missing: {}` for none)"), "\(result)")
    }

    @Test func importWritesTheCodeAndStatsReadsItBack() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let imported = try work.run("import", "q.yaml", "r.csv", "--into", "out.csv")
        #expect(imported.status == 0, "\(imported)")
        let rows = work.text("out.csv")?.split(separator: "\n").map(String.init) ?? []
        // `Don't know` → 99, `099` → 99, `-1.0` → -1, `Refused` → -1; a text answer 99 stays text.
        #expect(rows[4] == "4,,female,99,-1,no,cost,99,")
        #expect(rows[5] == "5,,male,99,999,no,99,,a")
        #expect(rows[6] == "6,,female,3,45,no,,,-1")
        #expect(rows[7] == "7,,male,-1,,yes,,nice,a")
        #expect(rows[10] == "10,,female,,33,no,-1,,a")
        let stats = try work.run("stats", "q.yaml", "out.csv")
        #expect(stats.status == 0, "\(stats)")
        #expect(Self.lines(stats.stdout, starting: "99 Don't know") == ["99 Don't know 3 25.0", "99 Don't know 1 14.3", "99 Don't know 2 16.7"])
    }

    /// The text output: answers, then missing codes, No answer, Invalid, Not asked; `% asked`.
    @Test func statsTextShowsEveryRowOnTheAskedBase() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("stats", "q.yaml", "r.csv")
        #expect(result.status == 0, "\(result)")
        let out = result.stdout
        #expect(out.contains("  Base: 12 responses, 7 asked, 5 not asked (skip logic), 3 answered, 2 missing-coded, 2 left blank\n"), "\(out)")
        #expect(out.contains("  Base: 12 responses, 7 answered, 4 missing-coded, 1 invalid\n"), "\(out)")
        let whyNot = out.components(separatedBy: "5. Why not?")[1].components(separatedBy: "6. Comment")[0]
        #expect(Self.lines(whyNot, starting: "") == [
            "[why_not, single_choice]",
            "Base: 12 responses, 7 asked, 5 not asked (skip logic), 3 answered, 2 missing-coded, 2 left blank",
            "code label n % asked valid % 95% CI",
            "time No time 1 14.3 33.3 6.1–79.2",
            "topic Topic 1 14.3 33.3 6.1–79.2",
            "cost Cost 1 14.3 33.3 6.1–79.2",
            "99 Don't know 1 14.3",
            "-1 Refused 1 14.3",
            "No answer 2 28.6",
            "Not asked (skip logic) 5",
        ], "\(whyNot)")
        #expect(out.contains("  Missing codes (left out of the figures above): 99 Don't know 1 (8.3% of asked), -1 Refused 1 (8.3% of asked), 999 Not given 1 (8.3% of asked)\n"), "\(out)")
        #expect(out.contains("n 8, mean 39.25,"), "\(out)")
        // Multiple choice: % asked beside % of respondents (of the 7 who answered).
        let topics = out.components(separatedBy: "7. Topics of interest")[1]
        #expect(Self.lines(topics, starting: "") == [
            "[topics, multiple_choice]",
            "Base: 12 responses, 7 answered, 3 missing-coded, 2 left blank",
            "code label n % asked % of respondents % of mentions",
            "a Migration law 5 41.7 71.4 55.6",
            "b Reintegration 4 33.3 57.1 44.4",
            "99 Don't know 2 16.7",
            "-1 Refused 1 8.3",
            "No answer 2 16.7",
            "9 mentions by 7 respondents (mean 1.29 choices); percentages of respondents can sum past 100.",
        ], "\(topics)")
    }

    @Test func statsCSVAndJSONCarryTheMissingCodesAndTheAskedBase() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let csv = try work.run("stats", "q.yaml", "r.csv", "--format", "csv").stdout
        for line in ["all,base,why_not,,,asked,7", "all,base,why_not,,,skipped,5", "all,base,why_not,,,missing_coded,2",
                     "all,base,why_not,,,blank_percent,28.5714285714", "all,missing_code,why_not,99,,count,1",
                     "all,missing_code,usefulness,99,,percent,25", "all,frequency,why_not,time,,percent,14.2857142857",
                     "all,frequency,why_not,time,,valid_percent,33.3333333333"] {
            #expect(csv.contains(line + "\n"), "missing \(line)")
        }
        let json = try work.run("stats", "q.yaml", "r.csv", "--format", "json", "--where", "sex == female")
        #expect(json.status == 0, "\(json)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["responses"] as? Int == 7)
        #expect(document["all_responses"] as? Int == 12)
        let questions = try #require(document["questions"] as? [[String: Any]])
        let usefulness = try #require(questions.first { $0["id"] as? String == "usefulness" })
        // Females: 5, Don't know, 99, 3, 2, 9 (invalid), 1 → 4 answered, 2 missing-coded, 1 invalid.
        let base = try #require(usefulness["base"] as? [String: Any])
        #expect(base["missing_coded"] as? Int == 2)
        #expect(base["answered"] as? Int == 4)
        let codes = try #require(usefulness["missing_codes"] as? [[String: Any]])
        #expect(codes.map { $0["count"] as? Int } == [2, 0])
    }

    @Test func whereNamesTheSubsetAndKeepsTheResponseRateOfAll() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let stats = try work.run("stats", "q.yaml", "r.csv", "--where", "sex == female")
        #expect(stats.stdout.hasPrefix("Missing codes: 7 of 12 responses match `sex == female`\n"), "\(stats)")
        let report = try work.run("report", "q.yaml", "r.csv", "--where", "sex == female", "--out", "rep")
        #expect(report.status == 0, "\(report)")
        let md = work.text("rep/report.md") ?? ""
        #expect(md.contains("12 participants returned the questionnaire. 7 of 12 responses match `sex == female`; the figures below are about them."), "\(md)")
        let html = work.text("rep/report.html") ?? ""
        #expect(html.contains("7 of 12 responses match <code>sex == female</code>; the figures below are about them."))
        let russian = try work.run("report", "q.yaml", "r.csv", "--where", "sex == female", "--out", "rep-ru", "--lang", "ru")
        #expect(russian.status == 0, "\(russian)")
        #expect(work.text("rep-ru/report.md")?.contains("Анкету заполнили 12 участников. Условию `sex == female` соответствуют 7 из 12 ответов; ниже — данные по ним.") == true)
    }

    /// report.md and frequencies.csv: rows below the answers, "% of asked" where there are more than blanks.
    @Test func reportTablesShowNotAskedAndMissingCodeRows() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let report = try work.run("report", "q.yaml", "r.csv", "--out", "rep")
        #expect(report.status == 0, "\(report)")
        let md = work.text("rep/report.md") ?? ""
        #expect(md.contains("""
            _3 of the 7 asked answered, 5 not asked (skip logic), 2 gave a missing code, 2 left blank_

            ![Chart: Why not?](charts/why_not.svg)

            [The chart as PNG](charts/why_not.png)

            | Answer | Count | % of asked | Valid % |
            |---------------------------------------------|----------:|----------:|----------:|
            | No time | 1 | 14.3 | 33.3 |
            | Topic | 1 | 14.3 | 33.3 |
            | Cost | 1 | 14.3 | 33.3 |
            | Don't know | 1 | 14.3 | |
            | Refused | 1 | 14.3 | |
            | No answer | 2 | 28.6 | |
            | Not asked (skip logic) | 5 | | |
            """), "\(md)")
        #expect(md.contains("Missing codes, left out of the figures above (share of those asked): Don't know (99): 1, 8.3%; Refused (-1): 1, 8.3%; Not given (999): 1, 8.3%."), "\(md)")
        let html = work.text("rep/report.html") ?? ""
        #expect(html.contains("<tr class=\"missing\"><td>Not asked (skip logic)</td><td class=\"num\">5</td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td></tr>"))
        let frequencies = work.text("rep/frequencies.csv") ?? ""
        #expect(frequencies.hasPrefix("event_id,question_id,question,code,label,count,percent,valid_percent,kind\n"))
        // Figures to 12 significant digits, each row after the event id (the file's name, q).
        for line in ["q,why_not,Why not?,time,No time,1,14.2857142857,33.3333333333,answer",
                     "q,why_not,Why not?,99,Don't know,1,14.2857142857,,missing_code",
                     "q,why_not,Why not?,,No answer,2,28.5714285714,,blank",
                     "q,why_not,Why not?,,Not asked (skip logic),5,,,not_asked",
                     "q,usefulness,How useful was it?,,Invalid,1,8.33333333333,,invalid"] {
            #expect(frequencies.contains(line + "\n"), "missing \(line)\n\(frequencies)")
        }
        #expect(work.text("rep/multiple_response.csv") == """
            event_id,question_id,question,code,label,count,percent_of_respondents,percent_of_mentions,respondents,mentions,kind
            q,topics,Topics of interest,a,Migration law,5,71.4285714286,55.5555555556,7,9,answer
            q,topics,Topics of interest,b,Reintegration,4,57.1428571429,44.4444444444,7,9,answer
            q,topics,Topics of interest,99,Don't know,2,,,7,9,missing_code
            q,topics,Topics of interest,'-1,Refused,1,,,7,9,missing_code
            q,topics,Topics of interest,,No answer,2,,,7,9,blank

            """)
    }

    /// `survey enter`: a typed 99, `099`, `Don't know` or `refused` is the missing code.
    @Test func entryReadsMissingCodesByCodeAndLabel() throws {
        let work = try EnterWorkdir()
        defer { work.remove() }
        let form = ["1", "female", "Don't know", "099", "n", "refused", "99", "99", ""]
        let result = try work.run(["enter", Fixture.path("missing-codes.yaml"), "--into", "e.csv"], input: form.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result)")
        #expect(work.text("e.csv")?.split(separator: "\n").last == "1,,female,99,99,no,-1,99,99", "\(work.text("e.csv") ?? "")")
    }
}
