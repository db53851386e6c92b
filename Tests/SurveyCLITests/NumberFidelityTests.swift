import Foundation
import Testing

/// An export whose numbers follow its locale, with its definition and what import must give.
struct LocaleExport: Sendable, CustomTestStringConvertible {
    var definition: String
    var input: String
    var expected: String
    var expectedProblems: String
    var summary: String
    var testDescription: String { input }
}

/// Issue 9, end to end: numbers follow the declared format and are never silently rescaled;
/// integer codes match by value; `N/A`, `null` and `-` never beat a declared answer or a text
/// answer; and `survey stats` says the same of a raw export and of what import made of it.
@Suite struct NumberFidelityTests {
    static let exports: [LocaleExport] = [
        // Google Forms, English locale: "55,000" is 55000 (not 55), "1,500" is 1500 (not 1.5),
        // "72,500.50" is 72500.5; `N/A` is the label of the `na` choice and a kept text
        // answer; `1.0`, `01`, ` 2 ` are codes 1, 1, 2; `2,5` and `1.5` are listed.
        LocaleExport(definition: "salary-en.yaml", input: "responses-google-forms-salary.csv",
                     expected: "responses-google-forms-salary-expected.csv",
                     expectedProblems: "responses-google-forms-salary-expected.problems.csv",
                     summary: "Read 6 rows: 6 accepted, 0 rejected. 2 problems: ambiguous_number 1, unknown_choice 1."),
        // Excel, Russian locale: `;`, BOM, CRLF, `1 500,50`, `1.500,25`, `37,5`, code `2,0`
        // and `02`; the choice coded `-` is an answer; `1,500` (1.5 or 1500?) and `2.5` are listed.
        LocaleExport(definition: "salary-ru.yaml", input: "responses-ru-excel-decimal-comma.csv",
                     expected: "responses-ru-excel-decimal-comma-expected.csv",
                     expectedProblems: "responses-ru-excel-decimal-comma-expected.problems.csv",
                     summary: "Read 6 rows: 6 accepted, 0 rejected. 2 problems: ambiguous_number 2."),
    ]

    @Test(arguments: exports)
    func importGivesTheExpectedRowsAndProblems(_ export: LocaleExport) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: export.input)
        let result = try dir.run("import", Fixture.path(export.definition), input, "--into", "out/responses.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains(export.summary), "\(result)")
        #expect(dir.text("out/responses.csv") == String(decoding: try Fixture.bytes(export.expected), as: UTF8.self))
        #expect(dir.text("out/responses.problems.csv") == String(decoding: try Fixture.bytes(export.expectedProblems), as: UTF8.self))
    }

    /// `survey stats` on the raw export and on the imported responses file: the same figures.
    ///
    /// Only the file names and the import summary of each reading differ; invalid answers are
    /// invalid in both (the imported file is read with its problems file), figure by figure.
    /// RawExportEqualsImportedFileTests checks the same on every export fixture.
    @Test(arguments: exports)
    func statsOnTheExportEqualStatsOnTheImportedFile(_ export: LocaleExport) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: export.input)
        let definition = Fixture.path(export.definition)
        #expect(try dir.run("import", definition, input, "--into", "responses.csv").status == 0)
        let raw = try dir.run("stats", definition, input, "--format", "json")
        let imported = try dir.run("stats", definition, "responses.csv", "--format", "json")
        #expect(raw.status == 0, "\(raw)")
        #expect(imported.status == 0, "\(imported)")
        let rawJSON = try Self.object(raw.stdout)
        let problems = parseCSV(dir.text("responses.problems.csv") ?? "").dropFirst().count
        #expect((rawJSON["import_summary"] as? [String: Any])?["problems"] as? Int == problems)
        #expect(try Self.comparable(rawJSON) == (try Self.comparable(try Self.object(imported.stdout))))
    }

    /// What `survey stats` reads back from a responses file: a choice coded `na` or `-`, a
    /// choice labelled `N/A`, and text answers `N/A`, `Null`, `-` are answers, not blanks.
    @Test func declaredAnswersThatLookLikeMissingValuesAreCounted() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let responses = try dir.copy(fixture: "responses-google-forms-salary-expected.csv", as: "responses.csv")
        let stats = try dir.run("stats", Fixture.path("salary-en.yaml"), responses, "--format", "json")
        #expect(stats.status == 0, "\(stats)")
        let questions = try #require(try Self.object(stats.stdout)["questions"] as? [[String: Any]])
        let level = try #require(questions.first { $0["id"] as? String == "level" })
        let rows = try #require((level["frequencies"] as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(rows.first { $0["code"] as? String == "na" }?["count"] as? Int == 1)
        let comments = try #require(questions.first { $0["id"] as? String == "comments" })
        #expect((comments["base"] as? [String: Any])?["answered"] as? Int == 5, "N/A, Null and - are kept text answers; only row 2 is blank")
    }

    /// `--number-format` names how one file writes its numbers, overriding the definition.
    @Test func numberFormatOptionReadsAnExportFromAnotherLocale() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        _ = try dir.write("ru.csv", "respondent;salary\n1;1 500,50\n2;2,5\n")
        let definition = try dir.write("s.yaml", "title: S\nlanguage: en\nquestions:\n  - id: salary\n    type: number\n    text: Salary\n")
        let declared = try dir.run("import", definition, "ru.csv", "--into", "a.csv")
        #expect(declared.stderr.contains("2 problems: ambiguous_number 2."), "\(declared)")
        let named = try dir.run("import", definition, "ru.csv", "--number-format", "ru", "--into", "b.csv")
        #expect(named.status == 0, "\(named)")
        #expect(dir.text("b.csv") == "respondent,submitted_at,salary\n1,,1500.5\n2,,2.5\n")
        let refused = try dir.run("import", definition, "ru.csv", "--number-format", "1.5")
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("--number-format must be decimal_point (1,500.25), decimal_comma (1 500,25)"), "\(refused)")
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The JSON without the file names and the import summary of each reading
    /// (`RawExportEqualsImportedFileTests.comparable`).
    static func comparable(_ json: [String: Any]) throws -> String {
        var json = json
        json["import_summary"] = nil
        if var quality = json["data_quality"] as? [String: Any] {
            quality["ledger_files"] = nil
            json["data_quality"] = quality
        }
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }
}
