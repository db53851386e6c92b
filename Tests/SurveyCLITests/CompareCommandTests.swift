import Foundation
import Testing

/// `survey compare` on the built binary with the fixture events of Tests/Fixtures/compare/:
/// comparison.md and trends.csv with the figures scipy computed (expected.json), the sentences
/// in English and Russian, and clear refusals of bad input.
@Suite struct CompareCommandTests {
    /// A working directory with the questionnaire (q.yaml), the three events' responses and the events file.
    static func workdir() throws -> Workdir {
        let work = try Workdir()
        try work.copy(fixture: "compare/feedback-series.yaml", as: "q.yaml")
        for key in ["kashkasuu", "bishkek", "osh"] { try work.copy(fixture: "compare/responses-\(key).csv", as: "\(key).csv") }
        try work.write("events.yaml", """
            events:
              - {name: Osh 2013-06, date: 2013-06-05, participants: 30, responses: osh.csv}
              - {name: Kashkasuu 2013-01, date: 2013-01-25, participants: 40, responses: kashkasuu.csv}
              - {name: Bishkek 2013-03, date: 2013-03-14, participants: 35, responses: [bishkek.csv]}

            """)
        return work
    }

    static func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("compare/expected.json")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// trends.csv as (event, question, code, statistic) → value.
    static func trends(_ work: Workdir, _ folder: String) throws -> [String: String] {
        let rows = parseCSV(try #require(work.text(folder + "/trends.csv")))
        #expect(rows.first == ["event", "event_date", "question_id", "code", "statistic", "value"])
        var values: [String: String] = [:]
        for row in rows.dropFirst() { values[[row[0], row[2], row[3], row[4]].joined(separator: "|")] = row[5] }
        return values
    }

    /// A figure as trends.csv writes it: 12 significant digits.
    static func figure(_ value: Double) -> String {
        let rounded = Double(String(format: "%.12g", value))!
        return rounded == rounded.rounded() ? String(Int64(rounded)) : "\(rounded)"
    }

    @Test func twoEventsGiveTablesSentencesAndTrends() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("compare", "q.yaml", "--event", "Kashkasuu 2013-01=kashkasuu.csv", "--event", "Bishkek 2013-03=bishkek.csv",
                                  "--out", "reports/series", "--format", "md,csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("Wrote 2 files to reports/series/"))
        let md = try #require(work.text("reports/series/comparison.md"))
        #expect(md.contains("Usefulness: 77% → 89% gave one of the two highest ratings, n = 30 and 28; the change is not significant, p = 0.090. (Mann–Whitney U)"))
        #expect(md.contains("Would you come again? 90% → 93% answered “Yes”, n = 31 and 28; the change is not significant, p \\> 0.99. (Fisher's exact)"))
        #expect(md.contains("| Two highest ratings, % (95% CI) | 77 (59–88) | 89 (73–96) |"))
        #expect(md.contains("| Mean (95% CI) | 4.00 (3.61–4.39) | 4.43 (4.12–4.73) |"))
        #expect(md.contains("multiple choice: a respondent can pick several answers, so the shares are shown but not tested"))
        let trends = try Self.trends(work, "reports/series")
        let expected = try Self.expected()
        let pairs = try #require(expected["pairs"] as? [String: [String: [String: Any]]])
        let mw = try #require(pairs["kashkasuu-bishkek"]?["mann_whitney"]?["p"] as? Double)
        #expect(trends["Bishkek 2013-03|usefulness||p_vs_previous"] == Self.figure(mw))
        let chi = try #require(pairs["kashkasuu-bishkek"]?["org_type"]?["p"] as? Double)
        #expect(trends["Bishkek 2013-03|org_type||p_vs_previous"] == Self.figure(chi))
        let events = try #require(expected["events"] as? [[String: Any]])
        let usefulness = try #require(events[0]["usefulness"] as? [String: Any])
        let ci = try #require(usefulness["top2_ci"] as? [Double])
        #expect(trends["Kashkasuu 2013-01|usefulness||top_2_box_ci_low"] == Self.figure(ci[0]))
        #expect(trends["Kashkasuu 2013-01|usefulness||mean"] == "4")
        #expect(trends["Kashkasuu 2013-01|usefulness||n"] == "30")
        #expect(trends["Kashkasuu 2013-01|improve|more_time|theme_count"] == "12")
        #expect(trends["Bishkek 2013-03|improve|time|keyword_count"] == "5")
        // No participants given with --event: no response rate, and no p against the first for two events.
        #expect(trends["Kashkasuu 2013-01|||response_rate"] == nil)
        #expect(!trends.keys.contains { $0.hasSuffix("p_vs_first") })
    }

    /// The events file: compared in date order whatever the file's order, with response rates,
    /// the third event tested against the previous and the first; the sentences in Russian.
    @Test func threeEventsFromAnEventsFileInRussian() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("compare", "q.yaml", "--events", "events.yaml", "--out", "reports/series", "--lang", "ru", "--format", "md,csv")
        #expect(result.status == 0, "\(result)")
        // Osh's rating of 7 is a problem: said on stderr and counted in the events table.
        #expect(result.stderr.contains("note: event \"Osh 2013-06\": Read 26 rows: 26 accepted, 0 rejected. 1 problem: out_of_range 1."))
        let md = try #require(work.text("reports/series/comparison.md"))
        #expect(md.contains("| Osh 2013-06 | 5 июня 2013 г. | 30 | 26 | 87% | 0 | 1 |"))
        #expect(md.contains("**Bishkek 2013-03 → Osh 2013-06.** Полезность: 89% → 60% поставили одну из двух высших оценок, n = 28 и 25; изменение значимо, p = 0,009."))
        #expect(md.contains("**Kashkasuu 2013-01 → Osh 2013-06.** Полезность: 77% → 60% поставили одну из двух высших оценок, n = 30 и 25; изменение не значимо, p = 0,24."))
        let kashkasuu = try #require(md.range(of: "| Kashkasuu 2013-01 |"))
        let osh = try #require(md.range(of: "| Osh 2013-06 |"))
        #expect(kashkasuu.lowerBound < osh.lowerBound)
        let trends = try Self.trends(work, "reports/series")
        #expect(trends["Kashkasuu 2013-01|||response_rate"] == "77.5")
        #expect(trends["Osh 2013-06|||response_rate"] == "86.6666666667")
        #expect(trends["Osh 2013-06|||problems"] == "1")
        let pairs = try #require(try Self.expected()["pairs"] as? [String: [String: [String: Any]]])
        let first = try #require(pairs["kashkasuu-osh"]?["mann_whitney"]?["p"] as? Double)
        let previous = try #require(pairs["bishkek-osh"]?["attend_again"]?["p"] as? Double)
        #expect(trends["Osh 2013-06|usefulness||p_vs_first"] == Self.figure(first))
        #expect(trends["Osh 2013-06|attend_again||p_vs_previous"] == Self.figure(previous))
    }

    /// Texts that start like a formula are neutralized in trends.csv, as in the report's CSV files.
    @Test func eventNamesCannotRunAsFormulas() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("compare", "q.yaml", "--event", "=HYPERLINK(\"http://x\")=kashkasuu.csv", "--event", "B=bishkek.csv",
                                  "--out", "out", "--format", "csv")
        #expect(result.status == 0, "\(result)")
        let rows = parseCSV(try #require(work.text("out/trends.csv")))
        #expect(rows[1][0] == "'=HYPERLINK(\"http://x\")")
    }

    /// The closing "Wrote …" line is one line even when an event's name holds a line break.
    @Test func eventNameWithALineBreakStaysOnTheWroteLine() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("compare", "q.yaml", "--event", "Kashkasuu\nwinter=kashkasuu.csv", "--event", "B=bishkek.csv",
                                  "--out", "out", "--format", "csv")
        #expect(result.status == 0, "\(result)")
        let wrote = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("Wrote ") }, "\(result)")
        #expect(wrote.hasSuffix("(2 events; responses Kashkasuu\\u{A}winter: 31, B: 28)."), "\(result)")
    }

    @Test(arguments: [
        (["--event", "A=kashkasuu.csv", "--event", "B=missing.csv"], Int32(1), "missing.csv: error: event \"B\": the responses file does not exist"),
        (["--event", "A=kashkasuu.csv", "--event", "A=bishkek.csv"], 2, "error: two events are named \"A\""),
        (["--event", "A=kashkasuu.csv"], 2, "error: a comparison needs at least 2 events, got 1"),
        (["--event", "A=kashkasuu.csv", "--event", "bishkek.csv"], 2, "error: --event 'bishkek.csv' must look like \"NAME\"=FILE"),
        (["--event", "A=kashkasuu.csv", "--event", "B=salary.csv"], 1, "salary.csv:1: error: no column matches a question of the questionnaire"),
        (["--events", "bad-date.yaml"], 2, "bad-date.yaml:2:21: error: `date` of event \"A\" must be written yyyy-mm-dd or yyyy-mm (2013-01-25), not `25.01.2013`"),
        (["--events", "bad-events.yaml"], 2, "bad-events.yaml:4:19: error: `participants` of event \"B\" must be a whole number above 0"),
    ])
    func badInputIsRefusedClearly(arguments: [String], status: Int32, message: String) throws {
        let work = try Self.workdir()
        defer { work.remove() }
        try work.copy(fixture: "responses-google-forms-salary.csv", as: "salary.csv")
        try work.write("bad-date.yaml", "events:\n  - {name: A, date: 25.01.2013, responses: kashkasuu.csv}\n  - {name: B, responses: bishkek.csv}\n")
        try work.write("bad-events.yaml", "events:\n  - {name: A, responses: kashkasuu.csv}\n  - name: B\n    participants: many\n    responses: bishkek.csv\n")
        let result = try work.run(arguments: ["compare", "q.yaml"] + arguments + ["--out", "out"])
        #expect(result.status == status, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: work.path("out")))
    }

    /// The report-folder rules: a folder holding a file survey did not write is refused, untouched.
    @Test func neverReplacesAFolderItDidNotWrite() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        try FileManager.default.createDirectory(atPath: work.path("mine"), withIntermediateDirectories: true)
        try work.write("mine/notes.txt", "my notes\n")
        let result = try work.run("compare", "q.yaml", "--event", "A=kashkasuu.csv", "--event", "B=bishkek.csv", "--out", "mine")
        #expect(result.status == 2, "\(result)")
        #expect(work.text("mine/notes.txt") == "my notes\n")
        #expect(!FileManager.default.fileExists(atPath: work.path("mine/comparison.md")))
        // A comparison it wrote is replaced whole.
        #expect(try work.run("compare", "q.yaml", "--event", "A=kashkasuu.csv", "--event", "B=bishkek.csv", "--out", "ours").status == 0)
        let again = try work.run("compare", "q.yaml", "--event", "A=kashkasuu.csv", "--event", "C=osh.csv", "--out", "ours", "--format", "md")
        #expect(again.status == 0, "\(again)")
        #expect(work.text("ours/comparison.md")?.contains("| Answer | A | C |") == true)
        #expect(!FileManager.default.fileExists(atPath: work.path("ours/trends.csv")))
    }
}
