import Foundation
import Testing

/// `survey export`: the .sav, .dta and .csv (+ .sps) files read back by independent readers —
/// GNU PSPP for SPSS files and syntax, pyreadstat for Stata — equal `survey stats`.
@Suite("survey export")
struct ExportCommandTests {
    static let definition = Fixture.repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml").path
    static let responses = Fixture.repoRoot.appendingPathComponent("responses/seminar-feedback.csv").path

    /// `survey stats --format csv` as (section, question, row, column, statistic) → value.
    static func stats(_ work: Workdir, _ arguments: [String]) throws -> [String: String] {
        let run = try work.run(arguments: ["stats"] + arguments + ["--format", "csv"])
        #expect(run.status == 0, "\(run)")
        var figures: [String: String] = [:]
        for row in parseCSV(run.stdout).dropFirst() where row.count == 7 && row[0] == "all" {
            figures[[row[1], row[2], row[3], row[4], row[5]].joined(separator: "|")] = row[6]
        }
        return figures
    }

    /// How the export codes the seminar's closed questions: (variable, stats section, question,
    /// code → stored value).
    static let seminarCoding: [(variable: String, section: String, question: String, values: [String: String])] = [
        ("org_type", "frequency", "org_type", ["gov": "1", "ngo": "2", "intl": "3", "academia": "4", "media": "5", "other": "6"]),
        ("role", "frequency", "role", ["head": "1", "specialist": "2", "expert": "3", "other": "4"]),
        ("attend_again", "frequency", "attend_again", ["yes": "1", "no": "0"]),
    ] + ["usefulness", "organization", "moderation", "materials", "discussion_time"].map {
        ($0, "frequency", $0, Dictionary(uniqueKeysWithValues: (1...5).map { (String($0), String($0)) }))
    }

    @Test("PSPP's FREQUENCIES and CROSSTABS of the export equal survey stats", .enabled(if: PSPP.path != nil, "pspp is not installed: apt-get install pspp"),
          arguments: ["sav", "csv"])
    func psppFiguresEqualSurveyStats(format: String) throws {
        let work = try Workdir()
        defer { work.remove() }
        let run = try work.run("export", Self.definition, Self.responses, "--to", format, "--out", "seminar.\(format)")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Wrote seminar.\(format): 32 rows"), "\(run)")
        #expect(run.stdout.contains("Wrote seminar.sps"), "\(run)")
        let figures = try Self.stats(work, [Self.definition, Self.responses])
        let sessions = ["situation", "legal", "experience", "brainstorm", "groups", "letter"]
        let closed = Self.seminarCoding.map(\.variable) + sessions.map { "sessions_" + $0 }
        let (pspp, output) = try PSPP.run("""
            INCLUDE FILE='seminar.sps'.
            SET TVARS=NAMES TNUMBERS=VALUES.
            FREQUENCIES /VARIABLES=\(closed.joined(separator: " ")).
            CROSSTABS /TABLES=org_type BY attend_again /TABLES=org_type BY usefulness.
            """, in: work)
        #expect(pspp.status == 0 && !pspp.stderr.contains("error"), "\(pspp)\n\(output)")
        let tables = PSPP.frequencies(output)
        for coding in Self.seminarCoding {
            for (code, value) in coding.values {
                let expected = Int(figures["\(coding.section)|\(coding.question)|\(code)||count"] ?? "") ?? -1
                #expect((tables[coding.variable]?[value] ?? 0) == expected, "\(coding.variable) = \(value) (\(code))")
            }
            let answered = Int(figures["base|\(coding.question)|||answered"] ?? "") ?? -1
            #expect(tables[coding.variable]?.values.reduce(0, +) == answered, "\(coding.variable): valid N")
        }
        let answeredSessions = Int(figures["base|sessions|||answered"] ?? "") ?? -1
        for code in sessions {
            let chosen = Int(figures["multiple_response|sessions|\(code)||count"] ?? "") ?? -1
            #expect(tables["sessions_\(code)"]?["1"] == chosen, "sessions_\(code) chosen")
            #expect(tables["sessions_\(code)"]?["0"] == answeredSessions - chosen, "sessions_\(code) not chosen")
        }
        let orgValues = Self.seminarCoding[0].values
        for (column, columnValues) in [("attend_again", Self.seminarCoding[2].values), ("usefulness", Self.seminarCoding[3].values)] {
            let table = PSPP.crossTab(output, row: "org_type", column: column)
            #expect(!table.isEmpty, "no CROSSTABS table org_type × \(column) in\n\(output)")
            for (rowCode, rowValue) in orgValues {
                for (columnCode, columnValue) in columnValues {
                    let expected = Int(figures["crosstab|org_type:\(column)|\(rowCode)|\(columnCode)|count"] ?? "") ?? 0
                    #expect((table["\(rowValue)|\(columnValue)"] ?? 0) == expected, "org_type \(rowCode) × \(column) \(columnCode)")
                }
            }
        }
    }

    @Test("The .sav carries Russian variable and value labels by itself; the .sps adds the multiple-response set",
          .enabled(if: PSPP.path != nil, "pspp is not installed: apt-get install pspp"))
    func savCarriesItsLabels() throws {
        let work = try Workdir()
        defer { work.remove() }
        let run = try work.run("export", Self.definition, Self.responses, "--to", "sav", "--out", "seminar.sav", "--lang", "ru")
        #expect(run.status == 0, "\(run)")
        let (pspp, output) = try PSPP.run("""
            GET FILE='seminar.sav'.
            DISPLAY DICTIONARY /VARIABLES=org_type sessions_legal usefulness.
            INCLUDE FILE='seminar.sps'.
            MRSETS /DISPLAY NAME=[$sessions].
            """, in: work)
        #expect(pspp.status == 0, "\(pspp)\n\(output)")
        for text in ["org_type,3,Какую организацию вы представляете?,Nominal", ",1,Государственный орган", ",6,Другое",
                     "Какие сессии были наиболее полезными? (не более трёх): Правовая база, закон о НКО", ",0,Не выбрано",
                     "usefulness,5,Насколько семинар был полезен для вашей работы?,Ordinal", ",5,Очень полезен",
                     "$sessions,Какие сессии были наиболее полезными? (не более трёх),Dichotomies,1"] {
            #expect(output.contains(text), "PSPP's dictionary lacks \(text):\n\(output)")
        }
    }

    @Test("Declared missing codes are user-missing in the .sav: PSPP counts them as missing, as survey stats does",
          .enabled(if: PSPP.path != nil, "pspp is not installed: apt-get install pspp"))
    func missingCodesAreUserMissing() throws {
        let work = try Workdir()
        defer { work.remove() }
        let definition = Fixture.path("missing-codes.yaml"), responses = Fixture.path("missing-responses.csv")
        let run = try work.run("export", definition, responses, "--to", "sav", "--out", "missing.sav")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("Invalid answers are exported as missing"), "\(run)")
        let figures = try Self.stats(work, [definition, responses])
        let (pspp, output) = try PSPP.run("""
            GET FILE='missing.sav'.
            SET TVARS=NAMES TNUMBERS=VALUES.
            FREQUENCIES /VARIABLES=usefulness age.
            DISPLAY DICTIONARY /VARIABLES=usefulness age.
            """, in: work)
        #expect(pspp.status == 0, "\(pspp)\n\(output)")
        let usefulness = PSPP.frequencies(output)["usefulness"] ?? [:]
        #expect(usefulness["99"] == Int(figures["missing_code|usefulness|99||count"] ?? ""), "\(output)")
        #expect(usefulness["-1"] == Int(figures["missing_code|usefulness|'-1||count"] ?? ""), "\(output)")
        for point in 1...5 {
            #expect((usefulness[String(point)] ?? 0) == Int(figures["frequency|usefulness|\(point)||count"] ?? "") ?? -1, "usefulness \(point)")
        }
        #expect(output.contains("usefulness,4,How useful was it?,Ordinal,Input,8,Right,F8.0,F8.0,-1; 99"), "\(output)")
        #expect(output.contains("age,5,Age,Scale,Input,8,Right,F8.0,F8.0,-1; 99; 999"), "\(output)")
        #expect(output.contains(",999[a],Not given"), "\(output)")
        #expect(output.contains(",99[a],Don't know"), "\(output)")
    }

    @Test("Names SPSS and Stata refuse are changed with a note, and every format holds the same rows",
          .enabled(if: PSPP.path != nil, "pspp is not installed: apt-get install pspp"))
    func hostileNamesDatesAndTexts() throws {
        let work = try Workdir()
        defer { work.remove() }
        let definition = Fixture.path("export/hostile-names.yaml"), responses = Fixture.path("export/responses-hostile-names.csv")
        var listings: [String] = []
        for format in ["sav", "csv"] {
            // The .sav and the .csv share hostile.sps: the second export replaces it.
            let run = try work.run("export", definition, responses, "--to", format, "--out", "hostile.\(format)", "--force")
            #expect(run.status == 0, "\(run)")
            for note in ["`to` is written as `to_`", "`in` is written as `in_`", "`topics_ТВ` is written as `topics_2`",
                         "`topics_other` is written as `topics_other_2`"] {
                #expect(run.stderr.contains(note), "\(run)")
            }
            let (pspp, output) = try PSPP.run("""
                INCLUDE FILE='hostile.sps'.
                SET TVARS=NAMES TNUMBERS=VALUES.
                LIST.
                DISPLAY DICTIONARY /VARIABLES=to_ comment.
                """, in: work)
            #expect(pspp.status == 0 && !pspp.stderr.contains("error"), "\(pspp)\n\(output)")
            let list = output.components(separatedBy: "\n\n").first { $0.hasPrefix("Table: Data List") } ?? ""
            listings.append(list)
            #expect(list.contains("1,01-MAR-2024 09:15:30.00,360,1,5,1,1,1,0,,29-FEB-2024,\"Строка с \"\"кавычками\"\", запятой\""), "\(format):\n\(output)")
            #expect(list.contains("2,01-MAR-2024 10:00:00.25,0,2,4,0,0,0,1,радио,01-MAR-2024,Plain"), "\(format):\n\(output)")
            #expect(list.contains("3,02-MAR-2024 11:30:00.00,360,3,-1,1,-1,-1,-1,,.,"), "\(format):\n\(output)")
            #expect(output.contains("comment,12,\"Комментарий: всё, что вы хотели бы добавить о семинаре, его организации, модераторе и материалах\",Nominal"), "\(format):\n\(output)")
            #expect(!run.stderr.contains("are cut"), "\(run)")
            #expect(output.contains(",-1[a],Затрудняюсь ответить"), "\(format):\n\(output)")
        }
        #expect(listings.count == 2 && listings[0] == listings[1], "the .sav and the .csv read through the .sps differ:\n\(listings.joined(separator: "\n---\n"))")
    }

    @Test("The .dta reads back in pyreadstat: labels, Stata missing values .a, dates",
          .enabled(if: ExportCommandTests.pyreadstat, "python3 with pyreadstat is not installed: pip install pyreadstat"))
    func stataFileReadsBack() throws {
        let work = try Workdir()
        defer { work.remove() }
        let definition = Fixture.path("export/hostile-names.yaml"), responses = Fixture.path("export/responses-hostile-names.csv")
        let run = try work.run("export", definition, responses, "--to", "dta", "--out", "hostile.dta")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("`a_very_long_question_identifier_beyond_stata_limits` is written as `a_very_long_question_identifier_`"), "\(run)")
        #expect(run.stderr.contains("note: labels of comment are cut to what Stata keeps (80 characters of a variable label)"), "\(run)")
        #expect(work.bytes("hostile.sps") == nil, "a Stata export has no SPSS syntax file")
        let read = try work.launch(URL(fileURLWithPath: "/usr/bin/env"), ["python3", Fixture.path("export/read-dta.py"), "hostile.dta"], environment: [:])
        #expect(read.status == 0, "\(read)")
        let expected = try String(contentsOfFile: Fixture.path("export/hostile-names-dta-expected.json"), encoding: .utf8)
        #expect(read.stdout == expected, "\(read.stdout)")
    }

    @Test("A Stata text longer than 2,045 bytes goes into a strL, whole",
          .enabled(if: ExportCommandTests.pyreadstat, "python3 with pyreadstat is not installed: pip install pyreadstat"))
    func stataLongText() throws {
        let work = try Workdir()
        defer { work.remove() }
        let long = String(repeating: "Длинный ответ, ", count: 150)
        try work.write("long.csv", "respondent,org_type,liked\n1,ngo,\"\(long)\"\n2,gov,short\n")
        let run = try work.run("export", Self.definition, "long.csv", "--to", "dta", "--out", "long.dta")
        #expect(run.status == 0, "\(run)")
        let read = try work.launch(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", """
            import pyreadstat, sys
            frame, meta = pyreadstat.read_dta('long.dta')
            sys.stdout.write(frame['liked'][0] + '|' + frame['liked'][1])
            """], environment: [:])
        #expect(read.status == 0, "\(read)")
        #expect(read.stdout == long.trimmingCharacters(in: .whitespaces) + "|short", "\(read)")
    }

    @Test("A text with a line break stays whole in the CSV, with a note that SPSS's GET DATA cannot read it")
    func lineBreaksInCSV() throws {
        let work = try Workdir()
        defer { work.remove() }
        try work.write("breaks.csv", "respondent,org_type,liked\n1,ngo,\"first line\nsecond line\"\n2,gov,one line\n")
        let csv = try work.run("export", Self.definition, "breaks.csv", "--to", "csv", "--out", "breaks-out.csv")
        #expect(csv.status == 0, "\(csv)")
        #expect(csv.stderr.contains("note: 1 text answer holds line breaks"), "\(csv)")
        #expect(work.text("breaks-out.csv")?.contains("\"first line\nsecond line\"") == true)
        let sav = try work.run("export", Self.definition, "breaks.csv", "--to", "sav", "--out", "breaks.sav")
        #expect(sav.status == 0 && !sav.stderr.contains("line breaks"), "\(sav)")
    }

    static let pyreadstat: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import pyreadstat"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test("Usage errors exit 2 and write nothing; an unwritable --out exits 1")
    func errors() throws {
        let work = try Workdir()
        defer { work.remove() }
        try work.copy(fixture: "responses-utf8.csv", as: "in.csv")
        let language = try work.run("export", Self.definition, Self.responses, "--to", "sav", "--out", "x.sav", "--lang", "de")
        #expect(language.status == 2, "\(language)")
        #expect(language.stderr.contains("--lang de: the definition has no texts in `de`; its languages: en, ru"), "\(language)")
        let same = try work.run("export", Fixture.feedback, "in.csv", "--to", "csv", "--out", "in.csv")
        #expect(same.status == 2, "\(same)")
        #expect(same.stderr.contains("in.csv: error: this would overwrite in.csv, one of the response files being read; choose another --out"), "\(same)")
        // The definition too, even with --force (a tab-completed --out), and in any format.
        try work.copy(fixture: "feedback.yaml", as: "def.yaml")
        let definition = try String(contentsOfFile: work.path("def.yaml"), encoding: .utf8)
        for format in ["csv", "sav"] {
            let clobber = try work.run("export", "def.yaml", "in.csv", "--to", format, "--out", "./def.yaml", "--force")
            #expect(clobber.status == 2, "\(clobber)")
            #expect(clobber.stderr.contains("./def.yaml: error: this would overwrite def.yaml, the questionnaire definition being read"), "\(clobber)")
            #expect(try String(contentsOfFile: work.path("def.yaml"), encoding: .utf8) == definition)
        }
        try FileManager.default.removeItem(atPath: work.path("def.yaml"))
        let format = try work.run("export", Self.definition, Self.responses, "--to", "xlsx", "--out", "x.xlsx")
        #expect(format.status == 2, "\(format)")
        let folder = try work.run("export", Self.definition, Self.responses, "--to", "sav", "--out", "no/such/folder/x.sav")
        #expect(folder.status == 1, "\(folder)")
        #expect(folder.stderr.contains("no/such/folder/x.sav: error: cannot write: No such file or directory"), "\(folder)")
        #expect(work.listing() == ["in.csv"], "\(work.listing())")
    }
}

extension ExportCommandTests {
    /// A data or syntax file that is already there may be someone's own: export leaves it as it
    /// is (exit 2) unless --force says to replace it.
    @Test("An existing --out or .sps is replaced only with --force")
    func existingFilesAreKept() throws {
        let work = try Workdir()
        defer { work.remove() }
        _ = try work.write("mine.sav", "my own data")
        let kept = try work.run("export", Self.definition, Self.responses, "--to", "sav", "--out", "mine.sav")
        #expect(kept.status == 2, "\(kept)")
        #expect(kept.stderr.contains("mine.sav exists; pick another --out or add --force to replace it"), "\(kept)")
        #expect(work.text("mine.sav") == "my own data")
        #expect(work.listing() == ["mine.sav"], "\(work.listing())")
        _ = try work.write("other.sps", "* my syntax.")
        let syntax = try work.run("export", Self.definition, Self.responses, "--to", "csv", "--out", "other.csv")
        #expect(syntax.status == 2, "\(syntax)")
        #expect(work.text("other.sps") == "* my syntax.")
        #expect(!work.listing().contains("other.csv"))
        let replaced = try work.run("export", Self.definition, Self.responses, "--to", "sav", "--out", "mine.sav", "--force")
        #expect(replaced.status == 0, "\(replaced)")
        #expect(work.text("mine.sav") != "my own data")
    }

    /// A comment that starts like a formula is neutralized in the CSV a spreadsheet may open
    /// (`'=HYPERLINK…`), as in the report's CSV files; the .sav and .dta keep it as written.
    @Test("Texts starting like a formula get a leading ' in the exported CSV")
    func formulaLikeTextsAreNeutralizedInTheCSV() throws {
        let work = try Workdir()
        defer { work.remove() }
        let header = "respondent,submitted_at,org_type,role,usefulness,organization,moderation,materials,discussion_time,sessions,attend_again,why_not_useful,liked,improve,next_topics"
        _ = try work.write("r.csv", header + "\n1,,ngo,head,5,5,5,4,3,groups,yes,,\"=HYPERLINK(\"\"http://x\"\")\",@SUM(A1),-minus\n")
        let run = try work.run("export", Self.definition, "r.csv", "--to", "csv", "--out", "out.csv")
        #expect(run.status == 0, "\(run)")
        let row = try #require(work.text("out.csv")?.split(separator: "\n").dropFirst().first.map(String.init))
        #expect(row.contains(#""'=HYPERLINK(""http://x"")""#), "\(row)")
        #expect(row.contains(",'@SUM(A1),'-minus"), "\(row)")
    }
}

extension ExportCommandTests {
    /// The export of an imported file equals the export of its raw file: an invalid usefulness
    /// is an empty cell in the import, and `why_not_useful`, asked when usefulness <= 2, stays
    /// (the problems file says the cell was invalid, not blank); it was dropped as not asked.
    @Test("Exporting the imported file gives the rows of exporting the raw file")
    func importedFileExportsAsItsRawFile() throws {
        let work = try Workdir()
        defer { work.remove() }
        try work.copy(fixture: "responses-skip-after-invalid.csv", as: "raw.csv")
        _ = try work.run("import", Fixture.feedback, "raw.csv", "--into", "imported.csv")
        let raw = try work.run("export", Fixture.feedback, "raw.csv", "--to", "csv", "--out", "raw-export.csv")
        let imported = try work.run("export", Fixture.feedback, "imported.csv", "--to", "csv", "--out", "imported-export.csv")
        #expect(raw.status == imported.status, "\(raw)\n\(imported)")
        let rows = try #require(work.text("imported-export.csv"))
        #expect(rows == work.text("raw-export.csv"))
        #expect(rows.contains(",Too long,") && rows.contains(",Nothing new,"), "\(rows)")
    }
}
