import Foundation
import Testing
import XLSXReadBack

/// `survey report` writes report.xlsx (issue 11): by default and with `--format xlsx`, figures
/// equal to `survey stats`, read back with an independent zip + XML reader and, where it is
/// installed, by LibreOffice (`make test` installs libreoffice-calc-nogui; without it those
/// tests are skipped).
@Suite struct ExcelReportCommandTests {
    /// LibreOffice with its spreadsheet part (Writer alone cannot open a workbook).
    static let libreoffice: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let program = directories.flatMap({ ["\($0)/libreoffice", "\($0)/soffice"] }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
              FileManager.default.fileExists(atPath: "/usr/lib/libreoffice/program/libsclo.so") else { return nil }
        return program
    }()

    static let questionnaire = Fixture.repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml").path
    static let responses = Fixture.repoRoot.appendingPathComponent("responses/seminar-feedback.csv").path

    /// `survey stats --format csv`, overall figures: (section, question, row, statistic) → value.
    static func stats(_ work: Workdir) throws -> [String: Double] {
        let result = try work.run("stats", questionnaire, responses, "--format", "csv")
        #expect(result.status == 0, "\(result)")
        var figures: [String: Double] = [:]
        for row in parseCSV(result.stdout).dropFirst() where row.count == 7 && row[0] == "all" {
            figures["\(row[1])|\(row[2])|\(row[3])|\(row[5])"] = Double(row[6])
        }
        return figures
    }

    /// `survey stats --format csv` writes 12 significant digits: equal within half its last digit.
    static func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-11 * max(1, abs(b))
    }

    /// Today report.xlsx is not written at all; now it is one of the default formats, listed in
    /// the marker like every other file, and `--format xlsx` writes it alone.
    @Test func reportWritesTheWorkbookByDefaultAndAlone() throws {
        let work = try Workdir()
        defer { work.remove() }
        let all = try work.run("report", Self.questionnaire, Self.responses, "--out", "all")
        #expect(all.status == 0, "\(all)")
        let bytes = try #require(work.bytes("all/report.xlsx"), "report.xlsx is not written")
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(try #require(work.text("all/.survey-report")).split(separator: "\n").contains("report.xlsx"))
        let alone = try work.run("report", Self.questionnaire, Self.responses, "--format", "xlsx", "--out", "alone")
        #expect(alone.status == 0, "\(alone)")
        #expect(work.listing().filter { $0.hasPrefix("alone/") } == ["alone/.survey-report", "alone/report.xlsx"])
        #expect(alone.stderr.contains("Wrote 1 files to alone/") || alone.stderr.contains("Wrote 1 file to alone/"), "\(alone)")
        let wrong = try work.run("report", Self.questionnaire, Self.responses, "--format", "xls", "--out", "wrong")
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--format takes md, csv, html, xlsx and docx (comma-separated), not \"xls\""), "\(wrong)")
    }

    /// Every frequency, multiple-response and descriptive figure of the workbook equals the
    /// one `survey stats` prints, percentages stored as shares.
    @Test func workbookFiguresEqualSurveyStats() throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try work.run("report", Self.questionnaire, Self.responses, "--format", "xlsx", "--out", "rep")
        #expect(result.status == 0, "\(result)")
        let stats = try Self.stats(work)
        let file = try XLSXReadBack(path: work.path("rep/report.xlsx"))
        var compared = 0
        for row in try file.cells("Frequencies").byRow().dropFirst() where row["E"]?.text == "answer" {
            let key = "frequency|\(row["A"]?.text ?? "")|\(row["C"]?.text ?? "")|"
            #expect(row["F"]?.number == stats[key + "count"], "\(key)")
            #expect(Self.close(row["G"]?.number.map { $0 * 100 }, stats[key + "percent"]), "\(key)")
            #expect(Self.close(row["H"]?.number.map { $0 * 100 }, stats[key + "valid_percent"]), "\(key)")
            #expect(Self.close(row["I"]?.number.map { $0 * 100 }, stats[key + "cumulative_valid_percent"]), "\(key)")
            compared += 1
        }
        for row in try file.cells("Multiple response").byRow().dropFirst() where row["E"]?.text == "answer" {
            let key = "multiple_response|\(row["A"]?.text ?? "")|\(row["C"]?.text ?? "")|"
            #expect(row["F"]?.number == stats[key + "count"], "\(key)")
            #expect(Self.close(row["G"]?.number.map { $0 * 100 }, stats[key + "percent_of_respondents"]), "\(key)")
            #expect(Self.close(row["H"]?.number.map { $0 * 100 }, stats[key + "percent_of_mentions"]), "\(key)")
            compared += 1
        }
        for row in try file.cells("Descriptives").byRow().dropFirst() {
            let key = "descriptives|\(row["A"]?.text ?? "")||"
            #expect(Self.close(row["D"]?.number, stats[key + "mean"]), "\(key)")
            #expect(Self.close(row["E"]?.number, stats[key + "sd"]), "\(key)")
            #expect(Self.close(row["H"]?.number, stats[key + "median"]), "\(key)")
            compared += 1
        }
        #expect(compared == 37 + 6 + 5)
    }

    /// LibreOffice opens the workbook (English and Russian) and exports every sheet; its
    /// Frequencies sheet holds the figures of `survey stats`.
    @Test(.enabled(if: libreoffice != nil, "LibreOffice is not installed: apt-get install libreoffice-calc-nogui"), arguments: ["en", "ru"])
    func libreOfficeReadsEverySheet(_ language: String) throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try work.run("report", Self.questionnaire, Self.responses, "--format", "xlsx", "--lang", language, "--out", "rep")
        #expect(result.status == 0, "\(result)")
        let office = URL(fileURLWithPath: try #require(Self.libreoffice))
        let profile = work.root.appendingPathComponent("lo-profile").path
        let converted = try work.launch(office, ["-env:UserInstallation=file://" + profile, "--headless", "--convert-to",
                                                 "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                                                 "--outdir", "csv", "rep/report.xlsx"], environment: [:])
        #expect(converted.status == 0, "\(converted)")
        let sheets = work.listing().filter { $0.hasPrefix("csv/report-") }
        #expect(sheets.count == 12, "\(sheets)")
        let frequencies = language == "en" ? "csv/report-Frequencies.csv" : "csv/report-Частоты.csv"
        let rows = parseCSV(try #require(work.text(frequencies)))
        let stats = try Self.stats(work)
        var compared = 0
        for row in rows.dropFirst() where row.count >= 8 && row[4] == "answer" {
            let key = "frequency|\(row[0])|\(row[2])|"
            #expect(Double(row[5]) == stats[key + "count"], "\(key)")
            // Percent cells come out as LibreOffice shows the stored share: "31.25%".
            #expect(Self.close(Double(row[7].replacingOccurrences(of: "%", with: "")), stats[key + "valid_percent"]) , "\(key): \(row[7])")
            compared += 1
        }
        #expect(compared == 37)
    }

    /// Under `--where` the About sheet names the filter and both counts: all responses (the
    /// response rate is about them) and those the figures are about.
    @Test func aboutSheetNamesTheFilter() throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try work.run("report", Self.questionnaire, Self.responses, "--format", "xlsx", "--where", "org_type == ngo", "--out", "rep")
        #expect(result.status == 0, "\(result)")
        let file = try XLSXReadBack(path: work.path("rep/report.xlsx"))
        let facts = Dictionary(try file.rows("About").filter { $0.count >= 2 && !$0[0].isEmpty }.map { ($0[0], $0[1]) }) { first, _ in first }
        #expect(facts["Filter (--where)"] == "org_type == ngo")
        #expect(facts["Responses"] == "32")
        #expect(facts["Responses in this report"] == "13")
        let counts = try file.cells("Frequencies").byRow().filter { $0["A"]?.text == "org_type" && $0["E"]?.text == "answer" }.map { $0["F"]?.number }
        #expect(counts == [0, 13, 0, 0, 0, 0])
    }

    /// A workbook that cannot be made (here: no temporary folder for libxlsxwriter's file)
    /// is a typed error, exit 1, and no report is written at all.
    @Test func workbookThatCannotBeMadeWritesNothing() throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try work.launch(Workdir.binary, ["report", Self.questionnaire, Self.responses, "--out", "rep"],
                                     environment: ["TMPDIR": work.path("missing-folder")])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("report.xlsx: error: "), "\(result)")
        #expect(result.stderr.contains("cannot make a temporary file"), "\(result)")
        #expect(result.stderr.contains("leave xlsx out of --format"), "\(result)")
        #expect(!work.listing().contains { $0.hasPrefix("rep/") })
    }
}

extension Dictionary where Key == String, Value == XLSXReadBack.ReadCell {
    /// Cells grouped by row number, each row's cells by column letters, rows in order.
    func byRow() -> [[String: XLSXReadBack.ReadCell]] {
        var rows: [Int: [String: XLSXReadBack.ReadCell]] = [:]
        for (reference, cell) in self {
            let column = String(reference.prefix { $0.isLetter })
            let row = Int(reference.dropFirst(column.count)) ?? 0
            rows[row, default: [:]][column] = cell
        }
        return rows.keys.sorted().map { rows[$0]! }
    }
}
