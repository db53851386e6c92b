import Foundation
import Testing

/// Issue 10, "significance wording can mislead": `survey report` and `survey stats` on the
/// salary-survey fixture (one Los Angeles respondent) and on 73,421 lecture ratings with a
/// negligible difference, end to end through the built binary. Figures come from
/// `Tests/Fixtures/honest-tests/expected.json` (scipy).
@Suite struct HonestTestsReportTests {
    /// A working directory with the salary questionnaire (q.yaml) and its 94 responses (r.csv).
    static func salary() throws -> Workdir {
        let work = try Workdir()
        try work.copy(fixture: "honest-tests/honest-tests-salary.yaml", as: "q.yaml")
        try work.copy(fixture: "honest-tests/responses-honest-tests-salary.csv", as: "r.csv")
        return work
    }

    /// tests.csv as one dictionary per row, keyed by the header.
    static func tests(_ work: Workdir, _ folder: String) throws -> [[String: String]] {
        let rows = parseCSV(try #require(work.text("\(folder)/tests.csv")))
        let header = try #require(rows.first)
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func oneRespondentGroupIsLeftOutAndTheSentenceSaysSo() throws {
        let work = try Self.salary()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "out")
        #expect(result.status == 0, "\(result)")
        let tests = try Self.tests(work, "out")
        let manager = try #require(tests.first { $0["col_question"] == "manager_rating" })
        #expect(manager["left_out"] == "los_angeles (1)")
        #expect(manager["n"] == "93")
        // Without Los Angeles the table is still sparse: p from simulated tables, near scipy's 0.102.
        #expect(manager["p_method"] == "monte_carlo")
        let p = try #require(manager["p"].flatMap(Double.init))
        #expect(abs(p - 0.10199949000254999) < 0.015, "scipy's simulated p without Los Angeles")
        let sentence = try #require(manager["sentence"])
        #expect(sentence.hasPrefix("No significant difference in “How do you rate your manager?” by “Which office do you work in?”"), "\(sentence)")
        #expect(sentence.contains("p = 0.098"), "\(sentence)")
        #expect(sentence.contains("Los Angeles (1 respondent) was left out of the test: fewer than 5 respondents."), "\(sentence)")
        let markdown = try #require(work.text("out/report.md"))
        #expect(markdown.contains(sentence), "report.md carries the same sentence")
        #expect(!markdown.contains("differ significantly by “Which office do you work in?” (χ² = 63"), "the 1-respondent χ² is not reported")
        // The table still shows the Los Angeles respondent.
        #expect(markdown.contains("| Los Angeles | 1 (100%) | 0 | 0 | 0 | 0 | 1 |"), "\(markdown)")
    }

    @Test func drivingCellsAreNamedWithTheirShares() throws {
        let work = try Self.salary()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "out")
        #expect(result.status == 0, "\(result)")
        let office = try #require(try Self.tests(work, "out").first { $0["col_question"] == "office_rating" })
        #expect(office["p_method"] == "monte_carlo")
        #expect(office["effect_size"] == "large")
        let sentence = try #require(office["sentence"])
        #expect(sentence.contains("Answers to “How do you rate your office?” differ significantly by “Which office do you work in?”, a large difference"), "\(sentence)")
        #expect(sentence.contains("Austin chose “5 (Top)” more often than the other groups (53% against 10%)"), "\(sentence)")
        #expect(sentence.contains("from 10,000 simulated tables with the same totals (Monte Carlo)"), "\(sentence)")
        #expect(office["driving_cells"]?.hasPrefix("austin×5 (z = 4.60)") == true, "\(office)")
        let html = try #require(work.text("out/report.html"))
        #expect(html.contains("Austin chose “5 (Top)” more often than the other groups (53% against 10%)"))
    }

    /// `survey stats` JSON and CSV carry which p was used, the left-out group and the cells.
    @Test func statsSaysWhichPWasUsed() throws {
        let work = try Self.salary()
        defer { work.remove() }
        let json = try work.run("stats", "q.yaml", "r.csv", "--format", "json")
        #expect(json.status == 0, "\(json)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let tabs = try #require(document["cross_tabs"] as? [[String: Any]])
        let office = try #require(tabs.first { $0["column_question"] as? String == "office_rating" })
        let test = try #require(office["test"] as? [String: Any])
        #expect(test["p_method"] as? String == "monte_carlo")
        #expect(test["effect_size"] as? String == "large")
        #expect(test["simulated_tables"] as? Int == 10_000)
        #expect((test["p"] as? Double).map { abs($0 - 0.008564957175214124) < 0.005 } == true, "\(test)")
        let cells = try #require(test["driving_cells"] as? [[String: Any]])
        #expect(cells.first?["row"] as? String == "austin" && cells.first?["column"] as? String == "5")
        let leftOut = try #require(office["left_out_of_test"] as? [[String: Any]])
        #expect(leftOut.first?["code"] as? String == "los_angeles" && leftOut.first?["respondents"] as? Int == 1)

        let csv = try work.run("stats", "q.yaml", "r.csv", "--format", "csv")
        #expect(csv.status == 0, "\(csv)")
        #expect(csv.stdout.contains("all,test,location:office_rating,monte_carlo,,p_used,"), "\(csv.stdout)")
        #expect(csv.stdout.contains("all,test,location:office_rating,los_angeles,,left_out_respondents,1"))
        #expect(csv.stdout.contains("all,test,location:office_rating,austin,5,adjusted_residual,4.59669"))

        let text = try work.run("stats", "q.yaml", "r.csv")
        #expect(text.stdout.contains("Los Angeles (1 respondent) was left out of the test"), "\(text.stdout)")
    }

    @Test func keepSmallCategoriesPutsThemBackWithAnExactP() throws {
        let work = try Self.salary()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "out", "--keep-small-categories")
        #expect(result.status == 0, "\(result)")
        let manager = try #require(try Self.tests(work, "out").first { $0["col_question"] == "manager_rating" })
        #expect(manager["left_out"] == "")
        #expect(manager["p_method"] == "monte_carlo")
        let simulated = try #require(manager["monte_carlo_p"].flatMap(Double.init))
        #expect(abs(simulated - 0.0018699906500467497) < 0.002, "scipy's simulated p over 200,000 tables")
        #expect(manager["chi_square_p"].flatMap(Double.init).map { $0 < 1e-6 } == true, "the distribution's p stays in the data")
    }

    @Test func russianReportWritesTheSentenceInRussian() throws {
        let work = try Self.salary()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "out", "--lang", "ru")
        #expect(result.status == 0, "\(result)")
        let tests = try Self.tests(work, "out")
        let manager = try #require(tests.first { $0["col_question"] == "manager_rating" })
        let sentence = try #require(manager["sentence"])
        #expect(sentence.hasPrefix("Значимых различий в ответах на вопрос «How do you rate your manager?»"), "\(sentence)")
        #expect(sentence.contains("В проверку не включены группы меньше 5 респондентов: Los Angeles (1 респондент)."), "\(sentence)")
        let office = try #require(tests.first { $0["col_question"] == "office_rating" })
        #expect(office["sentence"]?.contains("В группе «Austin» ответ «5 (Top)» встречается чаще, чем в остальных (53% против 10%)") == true, "\(office)")
        #expect(office["effect_size"] == "сильное")
        #expect(office["warnings"]?.contains("ожидаемых частот меньше 5") == true, "\(office)")
    }

    @Test(arguments: [["report", "q.yaml", "r.csv", "--out", "out", "--crosstab", "location:location"],
                      ["stats", "q.yaml", "r.csv", "--crosstab", "office_rating:office_rating"]])
    func questionCrossedWithItselfIsAUsageError(_ arguments: [String]) throws {
        let work = try Self.salary()
        defer { work.remove() }
        let result = try work.run(arguments: arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("a cross-tab needs two different questions"), "\(result)")
        #expect(result.stderr.contains("against itself"), "\(result)")
        #expect(work.text("out/tests.csv") == nil)
    }

    @Test(arguments: ["check", "stats", "report"])
    func definitionCrossingAQuestionWithItselfIsRefused(_ command: String) throws {
        let work = try Self.salary()
        defer { work.remove() }
        let definition = try #require(work.text("q.yaml")).replacingOccurrences(of: "- [location, office_rating]", with: "- [office_rating, office_rating]")
        try work.write("q.yaml", definition)
        let result = try work.run(arguments: command == "check" ? ["check", "q.yaml"] : [command, "q.yaml", "r.csv"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("q.yaml:"), "names the file and line: \(result)")
        #expect(result.stderr.contains("not `office_rating` against itself"), "\(result)")
    }

    /// 73,421 ratings, morning against afternoon: p ≈ 0.008 but V ≈ 0.014, so the sentence
    /// must not read as a finding. The rows are written from the committed counts.
    @Test func hugeSampleWithANegligibleDifferenceSaysSo() throws {
        let expected = try HonestTestsLectures.load()
        let work = try Workdir()
        defer { work.remove() }
        try work.copy(fixture: "honest-tests/honest-tests-lectures.yaml", as: "q.yaml")
        var csv = "respondent,time_slot,lecture_rating\n"
        var respondent = 0
        for (slot, counts) in zip(expected.slots, expected.counts) {
            for (rating, count) in counts.enumerated() {
                for _ in 0..<count {
                    respondent += 1
                    csv += "\(respondent),\(slot),\(rating + 1)\n"
                }
            }
        }
        #expect(respondent == 73_421)
        try work.write("r.csv", csv)
        let started = Date()
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "out", "--format", "csv,md")
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result)")
        let test = try #require(try Self.tests(work, "out").first)
        #expect(test["p_method"] == "chi_square")
        #expect(test["effect_size"] == "negligible")
        let p = try #require(test["p"].flatMap(Double.init))
        #expect(abs(p - expected.test.chiSquarePValue) <= 1e-6 * expected.test.chiSquarePValue)
        let v = try #require(test["cramers_v"].flatMap(Double.init))
        #expect(abs(v - expected.test.cramersV) < 1e-9)
        let sentence = try #require(test["sentence"])
        #expect(sentence.contains("differ by “When was the lecture?” statistically significantly but negligibly, too little to matter"), "\(sentence)")
        #expect(sentence.contains("p = 0.008"), "\(sentence)")
        #expect(!sentence.contains("chose"), "no cells are named for a negligible difference: \(sentence)")
        #expect(seconds < 60, "a report of 73,421 rows took \(seconds) s")
    }
}

/// The lecture counts from `Tests/Fixtures/honest-tests/expected.json`.
struct HonestTestsLectures: Decodable {
    struct Test: Decodable {
        let chiSquarePValue: Double
        let cramersV: Double
    }

    let slots: [String]
    let counts: [[Int]]
    let test: Test

    static func load() throws -> HonestTestsLectures {
        struct File: Decodable { let lectures: HonestTestsLectures }
        let url = URL(fileURLWithPath: Fixture.path("honest-tests/expected.json"))
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).lectures
    }
}
