import Foundation
import Testing

/// Issue 15, end to end: `survey stats` counts the themes of text answers, reads the hand codes
/// beside the responses (or `--codes FILE`, or none), cross-tabulates themes either way round,
/// and refuses damaged codes and bad theme definitions with their place.
@Suite struct ThemesCommandTests {
    static let definition = Fixture.path("themes/seminar-comments.yaml")

    /// A work directory holding the fixture export, and its codes beside it unless `codes` is false.
    static func workdir(codes: Bool = true) throws -> Workdir {
        let dir = try Workdir()
        try dir.copy(fixture: "themes/seminar-comments.csv", as: "comments.csv")
        if codes { try dir.copy(fixture: "themes/seminar-comments.codes.csv", as: "comments.codes.csv") }
        return dir
    }

    /// The `themes` object of question `id` in `stats --format json` output.
    static func themes(_ json: String, _ id: String) throws -> [String: Any] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let questions = try #require(document["questions"] as? [[String: Any]])
        return try #require(questions.first { $0["id"] as? String == id }?["themes"] as? [String: Any])
    }

    static func counts(_ themes: [String: Any]) -> [String: Int] {
        ((themes["rows"] as? [[String: Any]]) ?? []).reduce(into: [:]) { $0[$1["id"] as! String] = $1["count"] as? Int }
    }

    @Test func handCodesBesideTheResponsesOverrideTheRulesAndAreAnnounced() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        let result = try dir.run("stats", Self.definition, "comments.csv", "--format", "json")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("note: themes: 5 answers coded by hand in comments.codes.csv"), "\(result)")
        let improve = try Self.themes(result.stdout, "improve")
        #expect(Self.counts(improve) == ["more_time": 24, "materials": 7, "translation": 7, "venue": 6, "examples": 1])
        #expect(improve["answered"] as? Int == 47 && improve["uncoded"] as? Int == 8 && improve["hand_coded"] as? Int == 5 && improve["mentions"] as? Int == 45)
        let rows = try #require(improve["rows"] as? [[String: Any]])
        #expect(rows[0]["label"] as? [String: String] == ["en": "More time for discussion", "ru": "Больше времени на обсуждение"])
        #expect(rows[4]["label"] as? String == "Practical examples, cases")
        #expect(abs((rows[0]["ci_low"] as? Double ?? 0) - 37.2424537482) < 1e-9)
    }

    @Test func codesNoneCountsByTheRulesAlone() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        let result = try dir.run("stats", Self.definition, "comments.csv", "--format", "json", "--codes", "none")
        #expect(result.status == 0, "\(result)")
        #expect(!result.stderr.contains("coded by hand"), "\(result)")
        let improve = try Self.themes(result.stdout, "improve")
        #expect(Self.counts(improve) == ["more_time": 22, "materials": 7, "translation": 7, "venue": 6])
        #expect(improve["hand_coded"] as? Int == 0 && improve["uncoded"] as? Int == 11)
        #expect(Self.counts(try Self.themes(result.stdout, "comments")) == ["thanks": 10])
    }

    @Test func codesFileNamesAnotherFile() throws {
        let dir = try Self.workdir(codes: false)
        defer { dir.remove() }
        try dir.write("second-coder.csv", "respondent,question,themes,coder,coded_at\n6,improve,more_time,bakyt,2026-11-30T09:00:00+06:00\n")
        let result = try dir.run("stats", Self.definition, "comments.csv", "--format", "json", "--codes", "second-coder.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("note: themes: 1 answer coded by hand in second-coder.csv"), "\(result)")
        #expect(Self.counts(try Self.themes(result.stdout, "improve"))["more_time"] == 23)
    }

    @Test func textAndCSVOutputShowTheThemeTable() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        let text = try dir.run("stats", Self.definition, "comments.csv")
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("  Themes (47 answers; an answer can have several, so percentages can sum past 100):"), "\(text)")
        #expect(text.stdout.contains("  more_time    More time for discussion        24           51.1  37.2–64.7"), "\(text)")
        #expect(text.stdout.contains("  (none)       No theme                         8           17.0"), "\(text)")
        #expect(text.stdout.contains("  45 mentions in all; 5 answers coded by hand, the rest by the definition's rules."), "\(text)")
        let csv = try dir.run("stats", Self.definition, "comments.csv", "--format", "csv")
        #expect(csv.stdout.contains("all,theme,improve,more_time,,count,24\n"), "\(csv)")
        #expect(csv.stdout.contains("all,theme,improve,more_time,,ci95_low,37.2424537482\n"), "\(csv)")
        #expect(csv.stdout.contains("all,theme,improve,,,uncoded,8\n"), "\(csv)")
        #expect(csv.stdout.contains("all,crosstab,improve#themes:org_type,more_time,ngo,count,14\n"), "\(csv)")
    }

    @Test(arguments: ["org_type:improve#themes", "improve#themes:org_type"])
    func themeCrossTabsEitherWayRound(_ pair: String) throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        // A definition without the report block's cross-tab, so the option alone asks for it.
        let yaml = try #require(String(data: try Data(contentsOf: URL(fileURLWithPath: Self.definition)), encoding: .utf8))
        try dir.write("plain.yaml", yaml.components(separatedBy: "report:")[0])
        let result = try dir.run("stats", "plain.yaml", "comments.csv", "--crosstab", pair, "--format", "csv")
        #expect(result.status == 0, "\(result)")
        let id = pair
        let (row, column) = pair.hasPrefix("org") ? ("ngo", "more_time") : ("more_time", "ngo")
        #expect(result.stdout.contains("all,crosstab,\(id),\(row),\(column),count,14\n"), "\(result)")
        let text = try dir.run("stats", "plain.yaml", "comments.csv", "--crosstab", pair)
        #expect(text.stdout.contains("Cross-tab: \(pair.replacingOccurrences(of: ":", with: " × ")) (47 respondents answered both"), "\(text)")
        #expect(text.stdout.contains("More time for discussion"), "\(text)")
    }

    @Test func aCrossTabOfAQuestionWithoutThemesIsAUsageError() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        try dir.write("plain.yaml", "title: T\nquestions:\n  - id: org_type\n    type: single_choice\n    text: Org?\n    choices: {gov: Gov, ngo: NGO}\n  - id: improve\n    type: text\n    text: Improve?\n")
        let result = try dir.run("stats", "plain.yaml", "comments.csv", "--crosstab", "improve#themes:org_type", "--codes", "none")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("`improve#themes` names the themes of `improve`, but it has none"), "\(result)")
    }

    @Test(arguments: [
        ("respondent,question,themes,coder,coded_at\n7,improve,venue,aigul,2026-11-30T03:15:00+06:00\n99,improve,venue,aigul,2026-11-30T03:16:00+06:00\n",
         "comments.codes.csv:3:1: error: respondent `99` is not in comments.csv; its codes would count nowhere"),
        ("respondent,question,themes,coder,coded_at\n7,improve,venue,aigul,2026-11-30T03:15:00+06:00\n8,improve,ven",
         "comments.codes.csv:3: error: the last line is cut short (3 of 5 fields, and no line end)"),
        ("respondent,org_type,improve\n7,ngo,x\n",
         "comments.codes.csv:1: error: this is not a codes file: its header is `respondent,org_type,improve`"),
        ("respondent,question,themes,coder,coded_at\n7,improve,\"venue,more_time\",aigul,2026-11-30T03:15:00+06:00\n",
         "comments.codes.csv:2:3: error: theme `venue,more_time` in `venue,more_time`: theme ids are joined by `;`, not `,`"),
    ])
    func damagedCodesStopTheRunWithTheirPlace(_ codes: String, _ message: String) throws {
        let dir = try Self.workdir(codes: false)
        defer { dir.remove() }
        try dir.write("comments.codes.csv", codes)
        let result = try dir.run("stats", Self.definition, "comments.csv")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect(result.stdout.isEmpty, "no figures from codes that were partly read")
    }

    /// Codes of respondents `--where` leaves out are not "unknown": they are in the data.
    @Test func codesOfRowsLeftOutByWhereAreNotUnknown() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        let result = try dir.run("stats", Self.definition, "comments.csv", "--where", "org_type == gov", "--format", "json")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("note: themes: 1 answer coded by hand in comments.codes.csv"), "\(result)")
        let improve = try Self.themes(result.stdout, "improve")
        #expect(improve["answered"] as? Int == 13 && improve["hand_coded"] as? Int == 1)
        #expect(Self.counts(improve)["more_time"] == 4)
    }

    @Test func aHandCodeForABlankAnswerIsNamed() throws {
        let dir = try Self.workdir(codes: false)
        defer { dir.remove() }
        try dir.write("comments.codes.csv", "respondent,question,themes,coder,coded_at\n14,improve,venue,aigul,2026-11-30T03:15:00+06:00\n")
        let result = try dir.run("stats", Self.definition, "comments.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("themes: 1 hand code is for answers that are blank or not asked in the responses, so it counts nowhere: comments.codes.csv:2 (respondent 14, improve)"), "\(result)")
    }

    @Test func badThemeDefinitionsExitTwoWithTheirPlace() throws {
        let dir = try Self.workdir()
        defer { dir.remove() }
        try dir.write("bad.yaml", """
        title: T
        questions:
          - id: improve
            type: text
            text: Improve?
        themes:
          - id: time
            label: Time
            words: [time]
          - id: time
            label: Again
            words: [время]
          - id: venue
            label: Venue
            questions: [comments]
            words: [room]

        """)
        for command in [["check", "bad.yaml"], ["stats", "bad.yaml", "comments.csv"]] {
            let result = try dir.run(arguments: command)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("bad.yaml:10:5: error: theme `time` is declared twice (first at line 7)"), "\(result)")
            #expect(result.stderr.contains("bad.yaml:15:16: error: theme `venue` names unknown question `comments`"), "\(result)")
        }
        let good = try dir.run("check", Self.definition)
        #expect(good.stdout.contains("3 questions (1 closed, 0 with skip logic, 5 themes for text answers)"), "\(good)")
    }

    /// A canonical file read in parts (`SURVEY_TEST_PART_BYTES`) gives the themes of one reader,
    /// hand codes included, with --jobs 1 and --jobs 2.
    @Test func partsCountTheThemesOfOneReader() throws {
        let dir = try Self.workdir(codes: false)
        defer { dir.remove() }
        let imported = try dir.run("import", Self.definition, "comments.csv", "--into", "responses.csv")
        #expect(imported.status == 0, "\(imported)")
        try dir.copy(fixture: "themes/seminar-comments.codes.csv", as: "responses.codes.csv")
        var outputs: [String] = []
        for (jobs, environment) in [(nil, [String: String]()), ("1", ["SURVEY_TEST_PART_BYTES": "64"]), ("2", ["SURVEY_TEST_PART_BYTES": "64"])] {
            var arguments = ["stats", Self.definition, "responses.csv", "--format", "csv"]
            if let jobs { arguments += ["--jobs", jobs] }
            let result = try dir.run(arguments, environment: environment)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("5 answers coded by hand"), "\(result)")
            outputs.append(result.stdout)
        }
        #expect(outputs[0].contains("all,theme,improve,more_time,,count,24\n"))
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
    }
}
