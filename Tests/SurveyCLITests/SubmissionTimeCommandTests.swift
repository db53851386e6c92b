import Foundation
import Testing

/// Submission times end to end: kept by `import`, read by `stats` and `report`, and the
/// duplicate-submission warning, on export-shaped fixtures (`responses-time-*.csv`,
/// written by Tests/Fixtures/make-time-fixtures.py with Python's datetime as the oracle).
@Suite struct SubmissionTimeCommandTests {
    @Test(arguments: ["google-forms-us", "google-forms-ru", "kobo", "excel-serial", "bad"])
    func importKeepsTheTimeAsISO8601(_ name: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-time-\(name).csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "responses.csv")
        #expect(result.status == 0, "\(result)")
        #expect(dir.text("responses.csv") == String(decoding: try Fixture.bytes("responses-time-\(name)-expected.csv"), as: UTF8.self), "\(result)")
    }

    @Test func badTimestampsAreProblemsWithTheirRawValue() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-time-bad.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "responses.csv")
        #expect(result.stderr.contains("4 problems: unreadable_timestamp 4."), "\(result)")
        let problems = dir.text("responses.problems.csv") ?? ""
        for raw in ["yesterday", "2021-02-30 10:00", "13/13/2021 10:00", "2021-04-27"] {
            #expect(problems.contains(",submitted_at,\(raw),unreadable_timestamp,"), "\(raw): \(problems)")
        }
    }

    @Test func googleFormsDuplicateIsNamedWithBothTimes() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-time-google-forms-us.csv")
        let result = try dir.run("import", Fixture.feedback, input)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("note: 1 possible duplicate submission: the same answers to every question within a minute: respondents 1 and 2 (2021-04-05T10:00:00 and 2021-04-05T10:00:25, 25 s apart)"), "\(result)")
        #expect(!result.stderr.contains("respondents 2 and 3"), "61 s apart is not a duplicate: \(result)")
    }

    @Test func anAmbiguousDayAndMonthIsAProblemUnlessDeclared() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("export.csv", "Timestamp,org_type\n04/05/2021 10:00:00,gov\n06/07/2021 11:00:00,ngo\n")
        let guessed = try dir.run("import", Fixture.feedback, "export.csv", "--into", "a.csv")
        #expect(guessed.status == 0, "\(guessed)")
        #expect(guessed.stderr.contains("2 problems: ambiguous_timestamp 2."), "\(guessed)")
        let problems = dir.text("a.problems.csv") ?? ""
        #expect(problems.contains(",submitted_at,04/05/2021 10:00:00,ambiguous_timestamp,\"`04/05/2021 10:00:00` could be 5 April 2021 (month first) or 4 May 2021 (day first)"), "\(problems)")
        #expect(problems.contains("--timestamp-format mdy"), "\(problems)")
        #expect(dir.text("a.csv")?.contains("\n1,,gov,") == true, "never guessed: \(dir.text("a.csv") ?? "")")
        let declared = try dir.run("import", Fixture.feedback, "export.csv", "--timestamp-format", "dmy", "--into", "b.csv")
        #expect(declared.status == 0, "\(declared)")
        #expect(dir.text("b.csv")?.contains("\n1,2021-05-04T10:00:00,gov,") == true, "\(dir.text("b.csv") ?? "")")
        #expect(dir.text("b.csv")?.contains("\n2,2021-07-06T11:00:00,ngo,") == true)
        let bad = try dir.run("import", Fixture.feedback, "export.csv", "--timestamp-format", "ymd")
        #expect(bad.status == 2, "\(bad)")
        #expect(bad.stderr.contains("--timestamp-format must be mdy (month first: 4/27/2021) or dmy (day first: 27/04/2021), not \"ymd\""), "\(bad)")
    }

    @Test func appendingToAFileWithoutSubmittedAtIsRefusedWithAWayOn() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let old = "respondent,org_type,role,sessions,usefulness,attend_again,age,travel_hours,improve,why_not_useful,visit_date\n1,gov,,,4,,,,,,\n"
        try dir.write("responses.csv", old)
        let input = try dir.copy(fixture: "responses-time-kobo.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "responses.csv")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("responses.csv:1: error: the file was written before survey kept submission times (its header has no `submitted_at` column)"), "\(result)")
        #expect(result.stderr.contains("survey import DEFINITION.yaml responses.csv --into responses/NEW.csv"), "\(result)")
        #expect(dir.text("responses.csv") == old)
        // The way on works: the old file imported into a new one, then the export appended there.
        #expect(try dir.run("import", Fixture.feedback, "responses.csv", "--into", "new.csv").status == 0)
        let appended = try dir.run("import", Fixture.feedback, input, "--into", "new.csv")
        #expect(appended.status == 0, "\(appended)")
        #expect(dir.text("new.csv")?.hasSuffix("\n1,,gov,,,4,,,,,,\n48213017,2013-01-25T10:32:44,ngo,,,5,,,,,,\n48213022,2013-01-26T10:35:44,gov,,,4,,,,,,\n48213023,2013-01-27T10:38:44,ngo,,,2,,,,,,\n") == true,
                "\(dir.text("new.csv") ?? "")")
        // `survey enter` refuses it the same way.
        let entry = try dir.run("enter", Fixture.feedback, "--into", "responses.csv")
        #expect(entry.stderr.contains("the file was written before survey kept submission times"), "\(entry)")
    }

    @Test func statsReadsAnOldCanonicalFileWithoutTimes() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("old.csv", "respondent,org_type,role,sessions,usefulness,attend_again,age,travel_hours,improve,why_not_useful,visit_date\n1,gov,,,4,,,,,,\n2,ngo,,,5,,,,,,\n")
        let result = try dir.run("stats", Fixture.feedback, "old.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(": 2 responses"), "\(result)")
        #expect(!result.stdout.contains("Submitted from"), "\(result)")
        #expect(!result.stderr.contains("matched no question"), "an old canonical file is canonical: \(result)")
    }

    @Test func statsShowsTheCollectionPeriodInEveryFormat() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-time-kobo.csv")
        #expect(try dir.run("import", Fixture.feedback, input, "--into", "responses.csv").status == 0)
        let text = try dir.run("stats", Fixture.feedback, "responses.csv")
        #expect(text.stdout.contains("Submitted from 2013-01-25T10:32:44 to 2013-01-27T10:38:44 (3 calendar days)\nResponses per day: 2013-01-25 1, 2013-01-26 1, 2013-01-27 1\n"), "\(text)")
        let json = try dir.run("stats", Fixture.feedback, "responses.csv", "--format", "json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let collection = try #require(document["collection"] as? [String: Any], "\(json)")
        #expect(collection["first"] as? String == "2013-01-25T10:32:44")
        #expect(collection["last"] as? String == "2013-01-27T10:38:44")
        #expect(collection["days"] as? Int == 3)
        #expect((collection["per_day"] as? [[String: Any]])?.map { $0["responses"] as? Int } == [1, 1, 1])
        let csv = try dir.run("stats", Fixture.feedback, "responses.csv", "--format", "csv")
        #expect(csv.stdout.contains("all,collection,,2013-01-26,,responses,1\n"), "\(csv)")
        #expect(csv.stdout.contains("all,collection,,,,days,3\n"), "\(csv)")
        // 2013-01-25T10:32:44 read as UTC is 1359109964 s after 1970.
        #expect(csv.stdout.contains("all,collection,,2013-01-25T10:32:44,,first_submission,1359109964\n"), "\(csv)")
    }

    @Test func statsListsDuplicateSubmissions() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-time-google-forms-us.csv")
        let json = try dir.run("stats", Fixture.feedback, input, "--format", "json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(document["import_summary"] as? [String: Any])
        let pairs = try #require(summary["duplicate_submissions"] as? [[String: Any]], "\(json)")
        #expect(pairs.count == 1)
        #expect(pairs.first?["first"] as? String == "1")
        #expect(pairs.first?["second"] as? String == "2")
        #expect(pairs.first?["seconds_apart"] as? Int == 25)
        let csv = try dir.run("stats", Fixture.feedback, input, "--format", "csv")
        #expect(csv.stdout.contains("all,duplicate_submission,,1,2,seconds_apart,25\n"), "\(csv)")
    }

    @Test(arguments: [("en", "Responses were submitted between 25 and 27 January 2013 (3 days)."),
                      ("ru", "Анкеты заполнены с 25 по 27 января 2013 г. (3 дня).")])
    func reportStatesTheCollectionPeriod(_ lang: String, _ sentence: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-time-kobo.csv")
        #expect(try dir.run("import", Fixture.feedback, input, "--into", "responses.csv").status == 0)
        let result = try dir.run("report", Fixture.feedback, "responses.csv", "--lang", lang, "--out", "out")
        #expect(result.status == 0, "\(result)")
        let markdown = dir.text("out/report.md") ?? ""
        #expect(markdown.contains(sentence), "\(markdown.prefix(600))")
        let html = dir.text("out/report.html") ?? ""
        #expect(html.contains(sentence), "\(html.prefix(600))")
        #expect(html.contains("<tr><td>\(lang == "en" ? "26 January 2013" : "26 января 2013 г.")</td><td class=\"n\">1</td></tr>"))
    }

    @Test func reportNamesDuplicatesInTheDataQualitySection() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-time-google-forms-us.csv")
        let result = try dir.run("report", Fixture.feedback, input, "--out", "out")
        #expect(result.status == 0, "\(result)")
        let markdown = dir.text("out/report.md") ?? ""
        #expect(markdown.contains("Possible duplicate submissions (the same answers to every question within a minute; both are counted): respondents 1 and 2 (5 April 2021, 10:00:00 and 5 April 2021, 10:00:25)."), "\(markdown)")
    }

    @Test func reportWithoutTimesSaysNothingAboutThem() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-utf8.csv")
        let result = try dir.run("report", Fixture.feedback, input, "--out", "out")
        #expect(result.status == 0, "\(result)")
        let markdown = dir.text("out/report.md") ?? ""
        #expect(!markdown.contains("submitted between"), "\(markdown)")
    }
}
