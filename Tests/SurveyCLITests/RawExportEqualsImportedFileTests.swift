import Foundation
import Testing

/// A raw export in Tests/Fixtures, the definition it answers, and what its import needs.
struct RawExport: Sendable, CustomTestStringConvertible {
    /// The definition, relative to Tests/Fixtures.
    var definition: String
    /// The export, relative to Tests/Fixtures.
    var input: String
    /// Options the export needs (`--encoding`, `--delimiter`, `--number-format`), given to
    /// `survey import` and to `survey stats` on the export, never to stats on the imported
    /// file: a canonical file needs none.
    var arguments: [String] = []
    var testDescription: String { input }
}

/// The property of issue 9: `survey stats` on a raw export and on the responses file that
/// `survey import --into` made of it report the same figures, figure by figure, because the
/// imported file is read together with the files beside it (`NAME.problems.csv`,
/// `NAME.rejects.csv`): an answer that failed validation is invalid in both, never blank in one.
@Suite struct RawExportEqualsImportedFileTests {
    /// Every raw export among the fixtures. To add one, add a line; `everyExportFixtureIsListed`
    /// fails for a `Tests/Fixtures/responses-*.csv` that is neither here nor an expected output.
    static let exports: [RawExport] = [
        RawExport(definition: "feedback.yaml", input: "responses-utf8.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-utf8-bom.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-cp1251-semicolon.csv", arguments: ["--number-format", "ru"]),
        RawExport(definition: "feedback.yaml", input: "responses-utf16le.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-utf16le-no-bom.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-utf32le-no-bom.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-google-forms.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-kobo.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-messy.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-latin1.csv", arguments: ["--encoding", "latin-1"]),
        RawExport(definition: "feedback.yaml", input: "responses-nul-byte.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-sep-line.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-section-sign.csv", arguments: ["--delimiter", "§"]),
        RawExport(definition: "feedback.yaml", input: "responses-unclosed-quote.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-utf8-one-bad-byte.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-bidi-override.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-escape-sequences.csv"),
        // `why_not_useful` is asked when usefulness <= 2: after an invalid usefulness (7, abc)
        // the condition cannot be decided, on the import's empty cell as on the raw value.
        RawExport(definition: "feedback.yaml", input: "responses-skip-after-invalid.csv"),
        RawExport(definition: "ledger-housing.yaml", input: "responses-ledger-housing.csv"),
        RawExport(definition: "salary-en.yaml", input: "responses-google-forms-salary.csv"),
        RawExport(definition: "salary-ru.yaml", input: "responses-ru-excel-decimal-comma.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-time-google-forms-us.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-time-google-forms-ru.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-time-kobo.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-time-excel-serial.csv"),
        RawExport(definition: "feedback.yaml", input: "responses-time-bad.csv"),
        RawExport(definition: "other-kobo.yaml", input: "responses-kobo-other.csv"),
        RawExport(definition: "other-google-forms.yaml", input: "responses-google-forms-other.csv"),
        RawExport(definition: "other-google-forms.yaml", input: "responses-google-forms-other-code-words.csv"),
        RawExport(definition: "report/seminar-feedback.yaml", input: "report/seminar-feedback-19.csv"),
        RawExport(definition: "report/hostile-text.yaml", input: "report/responses-hostile-text.csv"),
        RawExport(definition: "report/control-characters.yaml", input: "report/responses-control-characters.csv"),
    ]

    /// `Tests/Fixtures/responses-*.csv` files that are not exports to check, with the reason
    /// (e.g. an input that no import accepts); empty today.
    static let notExports: [String: String] = [:]

    @Test(arguments: exports)
    func statsOnTheExportEqualStatsOnTheImportedFile(_ export: RawExport) throws {
        let differences = try Self.differences(export)
        #expect(differences.isEmpty, "stats on \(export.input) and on its import differ:\n\(differences.joined(separator: "\n"))")
    }

    /// A new export fixture is checked by the property too, or says why not.
    @Test func everyExportFixtureIsListed() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixture.path(""))
        let exports = names.filter { $0.hasPrefix("responses-") && $0.hasSuffix(".csv") && !$0.contains("-expected") }
        let listed = Set(Self.exports.map(\.input)).union(Self.notExports.keys)
        let missing = exports.filter { !listed.contains($0) }.sorted()
        #expect(missing.isEmpty, "add these to RawExportEqualsImportedFileTests.exports (or to notExports, saying why): \(missing)")
    }

    /// Imports `export` into a fresh directory, runs `survey stats --format json` on both, and
    /// lists every figure that differs (as `path: raw ≠ imported`).
    static func differences(_ export: RawExport) throws -> [String] {
        let dir = try Workdir()
        defer { dir.remove() }
        let definition = Fixture.path(export.definition)
        let input = try dir.copy(fixture: export.input, as: "export.csv")
        let imported = try dir.run(arguments: ["import", definition, input, "--into", "responses/imported.csv"] + export.arguments)
        guard imported.status == 0 else { return ["import failed: \(imported)"] }
        let raw = try dir.run(arguments: ["stats", definition, input, "--format", "json"] + export.arguments)
        let canonical = try dir.run(arguments: ["stats", definition, "responses/imported.csv", "--format", "json"])
        guard raw.status == 0, canonical.status == 0 else { return ["stats failed:\n\(raw)\n\(canonical)"] }
        var differences: [String] = []
        compare(try comparable(raw.stdout), try comparable(canonical.stdout), at: "", into: &differences)
        return differences
    }

    /// The stats JSON without what necessarily differs between the two readings:
    /// - `import_summary`: what this one read found. The export's rows read, rejects and
    ///   problems against the imported file's own rows (only accepted ones, with at most the
    ///   problems a re-read finds again, e.g. `required_missing`) and its file name.
    /// - `data_quality.ledger_files`: the files beside the imported file that the ledger was
    ///   read from (none for the export, whose ledger is this run's import).
    /// Everything else, `data_quality` figures included, must be equal.
    static func comparable(_ text: String) throws -> [String: Any] {
        var json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        json["import_summary"] = nil
        if var quality = json["data_quality"] as? [String: Any] {
            quality["ledger_files"] = nil
            json["data_quality"] = quality
        }
        return json
    }

    /// Walks two JSON values side by side and records each leaf that differs.
    static func compare(_ a: Any?, _ b: Any?, at path: String, into differences: inout [String]) {
        switch (a, b) {
        case let (a as [String: Any], b as [String: Any]):
            for key in Set(a.keys).union(b.keys).sorted() { compare(a[key], b[key], at: path + "." + key, into: &differences) }
        case let (a as [Any], b as [Any]):
            guard a.count == b.count else { return differences.append("\(path): \(a.count) items ≠ \(b.count) items") }
            for (index, (x, y)) in zip(a, b).enumerated() { compare(x, y, at: "\(path)[\(index)]", into: &differences) }
        default:
            let left = a.map { "\($0)" } ?? "absent", right = b.map { "\($0)" } ?? "absent"
            if left != right { differences.append("\(path): \(left) ≠ \(right)") }
        }
    }
}
