import Foundation
import Testing

/// XLSX response files read wherever a CSV is (issue 14): KoboToolbox's XLSX export laid out
/// as Kobo lays it out (`Tests/Fixtures/xlsx/make-xlsx-fixtures.py`, openpyxl), with numbers
/// and dates native (1900 and 1904 date systems) or stored as text, gives the same canonical
/// rows, statistics and report as the same data as CSV (`responses-kobo.csv`).
@Suite struct XLSXInputTests {
    static let koboExports = ["xlsx/responses-kobo.xlsx", "xlsx/responses-kobo-text.xlsx", "xlsx/responses-kobo-1904.xlsx"]

    @Test(arguments: koboExports)
    func importOfKoboXLSXEqualsImportOfKoboCSV(_ fixture: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: fixture, as: "export.xlsx")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "responses.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("Read 8 rows: 8 accepted, 0 rejected. No problems."), "\(result)")
        #expect(dir.bytes("responses.csv") == (try Fixture.bytes("responses-kobo-expected.csv")), "\(dir.text("responses.csv") ?? "")")
    }

    /// Both inputs are named `export` (no extension: the workbook is known by its zip bytes),
    /// so the file names the JSON lists are the same too.
    @Test(arguments: koboExports)
    func statsOnKoboXLSXEqualStatsOnKoboCSV(_ fixture: String) throws {
        let csvDir = try Workdir(), xlsxDir = try Workdir()
        defer { csvDir.remove(); xlsxDir.remove() }
        try csvDir.copy(fixture: "responses-kobo.csv", as: "export")
        try xlsxDir.copy(fixture: fixture, as: "export")
        for format in ["text", "json", "csv"] {
            let csv = try csvDir.run("stats", Fixture.feedback, "export", "--format", format)
            let xlsx = try xlsxDir.run("stats", Fixture.feedback, "export", "--format", format)
            #expect(csv.status == 0 && xlsx.status == 0, "\(xlsx)")
            #expect(xlsx.stdout == csv.stdout, "\(format)")
            #expect(xlsx.stdout.contains("8 responses") || format != "text")
        }
    }

    @Test func reportOnKoboXLSXEqualsReportOnKoboCSV() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let csv = try dir.run("report", Fixture.feedback, Fixture.path("responses-kobo.csv"), "--out", "from-csv", "--format", "md,csv")
        let xlsx = try dir.run("report", Fixture.feedback, Fixture.path("xlsx/responses-kobo.xlsx"), "--out", "from-xlsx", "--format", "md,csv")
        #expect(csv.status == 0 && xlsx.status == 0, "\(xlsx)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path("from-csv")).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files.contains("report.md"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("from-xlsx")).filter { !$0.hasPrefix(".") }.sorted() == files)
        for file in files where !file.hasSuffix("/") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir.path("from-csv/\(file)"), isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            #expect(dir.bytes("from-xlsx/\(file)") == dir.bytes("from-csv/\(file)"), "\(file)")
        }
    }

    @Test func problemsNameTheSheetAndCell() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "xlsx/responses-xlsx-problems.xlsx", as: "answers.xlsx")
        let result = try dir.run("import", Fixture.feedback, input, "--sheet", "Form responses 1", "--into", "responses.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("Read 9 rows: 7 accepted, 2 rejected. 2 problems: not_a_number 1, out_of_range 1."), "\(result)")
        #expect(result.stderr.contains("note: answers.xlsx: read sheet `Form responses 1`; other sheets left unread: `Notes` (--sheet NAME)"), "\(result)")
        let problems = dir.text("responses.problems.csv") ?? ""
        // line = the sheet's row, column = its column: C7 is line 7, column 3.
        #expect(problems.contains("answers.xlsx,7,3,6,usefulness,9,out_of_range,"), "\(problems)")
        #expect(problems.contains("answers.xlsx,8,4,7,age,#DIV/0!,not_a_number,"), "\(problems)")
        let rejects = dir.text("responses.rejects.csv") ?? ""
        #expect(rejects.contains("answers.xlsx,10,1 value past the header's last column F (H10 `stray`); give the column a header or clear the cells,\"8,ngo,4,44,2013-03-01,a note,,stray\""), "\(rejects)")
        #expect(rejects.contains("answers.xlsx,11,empty row: no values at all,"), "\(rejects)")
        // Dates stored as serials and as text read alike; #N/A is no answer, as in a CSV.
        let rows = dir.text("responses.csv") ?? ""
        #expect(rows.contains("\n1,,ngo,,,5,,34,,More time,,2013-01-25\n"), "\(rows)")
        #expect(rows.contains("\n3,,ngo,,,2,,29,,dates typed as text,,2013-01-25\n"), "\(rows)")
        #expect(rows.contains("\n7,,gov,,,,,,,,,2013-03-01\n"), "\(rows)")
        let checked = try dir.run("import", Fixture.feedback, input, "--sheet", "Form responses 1")
        #expect(checked.stderr.contains("answers.xlsx: 'Form responses 1'!C7: usefulness (respondent 6): 9 is outside the allowed range 1–5"), "\(checked)")
        #expect(checked.stderr.contains("answers.xlsx: 'Form responses 1'!D8: age (respondent 7): `#DIV/0!` is not a number"), "\(checked)")
        #expect(checked.stderr.contains("answers.xlsx: 'Form responses 1'!10:10: rejected: 1 value past the header's last column F"), "\(checked)")
    }

    @Test func slashedTimesAsTextHaveTheirOrderFoundFromTheColumn() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "xlsx/responses-xlsx-slashed-times.xlsx", as: "sheets.xlsx")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "responses.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("No problems."), "\(result)")
        #expect(dir.text("responses.csv")?.contains("\n1,2021-05-04T10:00:00,gov,") == true, "\(dir.text("responses.csv") ?? "")")
        #expect(dir.text("responses.csv")?.contains("\n2,2021-04-27T11:00:00,ngo,") == true)
    }

    @Test func dataOnAnotherSheetIsPointedTo() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let result = try dir.run("stats", Fixture.feedback, Fixture.path("xlsx/responses-xlsx-problems.xlsx"))
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("responses-xlsx-problems.xlsx: error: no column of sheet `Notes` matches a question of the questionnaire (headers: Exported for the seminar report); the workbook's other sheets are `Form responses 1`: read one with --sheet NAME"), "\(result)")
    }

    @Test func anUnknownSheetIsAUsageErrorListingTheSheets() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let result = try dir.run("stats", Fixture.feedback, Fixture.path("xlsx/responses-xlsx-problems.xlsx"), "--sheet", "Form responses")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("responses-xlsx-problems.xlsx: error: no sheet named `Form responses`; the sheets are `Notes`, `Form responses 1` (--sheet NAME)"), "\(result)")
    }

    @Test(arguments: [
        ("broken-empty.xlsx", "error: not an Excel workbook (.xlsx): the file is empty"),
        ("broken-text.xlsx", "error: not an Excel workbook (.xlsx): it is not a zip archive"),
        ("broken-word.xlsx", "error: not an Excel workbook (.xlsx): the zip holds no xl/workbook.xml"),
        ("broken-truncated.xlsx", "error: not an Excel workbook (.xlsx): it is not a zip archive, or one cut short"),
        ("broken-bad-xml.xlsx", "error: xl/worksheets/sheet1.xml:1:"),
        // Entities are never expanded (billion laughs) nor fetched (XXE): the sheet is refused.
        ("hostile-entities.xlsx", "error: xl/worksheets/sheet1.xml:1:2061: broken XML: Entity 'lol9' not defined"),
    ])
    func brokenWorkbooksAreRefusedWithWhy(_ fixture: String, _ message: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "xlsx/" + fixture, as: fixture)
        for command in ["import", "stats", "report"] {
            let result = try dir.run(command, Fixture.feedback, input)
            #expect(result.status == 1, "\(command): \(result)")
            #expect(result.stderr.contains("\(fixture): \(message)"), "\(command): \(result)")
        }
    }

    @Test func helpStatesTheCostOfReadingXLSX() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        for command in ["import", "stats", "report"] {
            let help = try dir.run(command, "--help")
            #expect(help.stdout.contains("--sheet <name>"), "\(command)")
            #expect(help.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ").contains("one row at a time"), "\(command): \(help.stdout)")
        }
    }
}
