import Foundation
import Testing

/// The report's CSV files as a donor receives them (issue 11): a codebook, labels beside codes,
/// the event id in every file, the response rate in `about.csv`, no binary noise in figures
/// (`4.250000000000001`), plain UTF-8 by default and `--excel` that a Russian-locale Excel
/// opens in columns; PNG twins of the charts whenever charts are written.
@Suite struct DonorCSVPackTests {
    /// A form with everything a codebook has to say: `other: true`, a label starting with `=`,
    /// a `;` inside texts (the Russian Excel separator), missing codes inherited, replaced and
    /// opted out of, skip logic, a number's bounds, a rating with unlabelled points.
    static let definition = """
        title: {en: Codebook case, ru: Кодовая книга}
        language: en
        event:
          id: kashkasuu-2013
          name: {en: Seminar on migration, ru: Семинар о миграции}
          date: 2013-01-25
          place: {en: "Kashkasuu, Kyrgyzstan", ru: "Кашкасуу, Кыргызстан"}
          participants: 8
        missing: {99: {en: Don't know, ru: Затрудняюсь ответить}}
        questions:
          - id: org
            type: single_choice
            text: {en: "Organization; type", ru: "Организация; тип"}
            required: true
            other: true
            choices:
              gov: {en: "=Government", ru: "Госорган"}
              ngo: {en: NGO, ru: НКО}
          - id: score
            type: rating
            text: {en: How useful?, ru: Насколько полезно?}
            scale: [1, 4]
            labels: {1: {en: Poor, ru: Плохо}, 4: {en: Good, ru: Хорошо}}
          - id: again
            type: yes_no
            text: {en: Again?, ru: Снова?}
            missing: {}
          - id: why_not
            type: text
            text: {en: Why not?, ru: Почему нет?}
            when: again == no
          - id: age
            type: number
            text: {en: Age, ru: Возраст}
            min: 16
            max: 90
            missing: {999: Not given}
        report:
          crosstabs: [[org, again]]

        """

    static let responses = """
        respondent,org,score,again,why_not,age
        1,gov,4,yes,,30
        2,ngo,3,no,Слишком долго,41
        3,Ministry of Health,4,yes,,999
        4,gov,1,no,"Too long; boring",25
        5,ngo,99,yes,,

        """

    /// The form and its responses in a fresh working directory.
    static func workdir() throws -> Workdir {
        let work = try Workdir()
        try work.write("q.yaml", definition)
        try work.write("r.csv", responses)
        return work
    }

    static func seminar(_ arguments: String...) throws -> (Workdir, SurveyResult) {
        let work = try Workdir()
        let result = try work.run(arguments: ["report", Fixture.repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml").path,
                                              Fixture.repoRoot.appendingPathComponent("responses/seminar-feedback.csv").path, "--out", "rep"] + arguments)
        return (work, result)
    }

    /// The report folder's CSV files, by name.
    static func csvFiles(_ work: Workdir, _ folder: String) -> [String] {
        work.listing().filter { $0.hasPrefix(folder + "/") && $0.hasSuffix(".csv") }
    }

    @Test func codebookNamesEveryCodeMissingCodeSkipConditionAndBound() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep")
        #expect(result.status == 0, "\(result)")
        #expect(work.text("rep/codebook.csv") == """
            event_id,question_id,question,type,code,label,kind,missing_codes,skip_condition,required,min,max
            kashkasuu-2013,org,Organization; type,single_choice,gov,'=Government,answer,99,,yes,,
            kashkasuu-2013,org,Organization; type,single_choice,ngo,NGO,answer,99,,yes,,
            kashkasuu-2013,org,Organization; type,single_choice,other,Other,answer,99,,yes,,
            kashkasuu-2013,org,Organization; type,single_choice,99,Don't know,missing_code,99,,yes,,
            kashkasuu-2013,org_other,Organization; type,text,,,other_text,,,no,,
            kashkasuu-2013,score,How useful?,rating,1,Poor,answer,99,,no,1,4
            kashkasuu-2013,score,How useful?,rating,2,2,answer,99,,no,1,4
            kashkasuu-2013,score,How useful?,rating,3,3,answer,99,,no,1,4
            kashkasuu-2013,score,How useful?,rating,4,Good,answer,99,,no,1,4
            kashkasuu-2013,score,How useful?,rating,99,Don't know,missing_code,99,,no,,
            kashkasuu-2013,again,Again?,yes_no,yes,Yes,answer,,,no,,
            kashkasuu-2013,again,Again?,yes_no,no,No,answer,,,no,,
            kashkasuu-2013,why_not,Why not?,text,,,open,,again == no,no,,
            kashkasuu-2013,age,Age,number,,,open,99;999,,no,16,90
            kashkasuu-2013,age,Age,number,99,Don't know,missing_code,99;999,,no,,
            kashkasuu-2013,age,Age,number,999,Not given,missing_code,99;999,,no,,

            """, "\(work.text("rep/codebook.csv") ?? "none")")
    }

    /// `--lang ru`: texts and labels of the codebook in the report's language.
    @Test func codebookIsInTheReportLanguage() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep", "--lang", "ru", "--format", "csv")
        #expect(result.status == 0, "\(result)")
        let rows = parseCSV(try #require(work.text("rep/codebook.csv")))
        #expect(rows[1] == ["kashkasuu-2013", "org", "Организация; тип", "single_choice", "gov", "Госорган", "answer", "99", "", "yes", "", ""], "\(rows)")
        #expect(rows.contains(["kashkasuu-2013", "org", "Организация; тип", "single_choice", "99", "Затрудняюсь ответить", "missing_code", "99", "", "yes", "", ""]), "\(rows)")
        #expect(rows.contains { $0[1] == "again" && $0[4] == "yes" && $0[5] == "Да" }, "\(rows)")
    }

    @Test func crossTabFilesCarryLabelsBesideCodes() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep", "--format", "csv")
        #expect(result.status == 0, "\(result)")
        let long = parseCSV(try #require(work.text("rep/crosstabs.csv")))
        #expect(Array(long[0].prefix(8)) == ["event_id", "row_question", "row_code", "row_label", "col_question", "col_code", "col_label", "count"], "\(long[0])")
        #expect(long.contains { Array($0.prefix(8)) == ["kashkasuu-2013", "org", "gov", "'=Government", "again", "no", "No", "1"] }, "\(long)")
        #expect(work.text("rep/crosstab-org-by-again.csv") == """
            event_id,org,Organization; type,Yes (yes),No (no),Total
            kashkasuu-2013,gov,'=Government,1,1,2
            kashkasuu-2013,ngo,NGO,1,1,2
            kashkasuu-2013,other,Other,1,0,1
            kashkasuu-2013,,Total,3,2,5

            """, "\(work.text("rep/crosstab-org-by-again.csv") ?? "none")")
    }

    /// Every CSV of the pack, its header and each of its rows, starts with the event's id: the
    /// definition's `event.id`, else the questionnaire file's name.
    @Test(arguments: [true, false])
    func everyCSVStartsWithTheEventID(_ declared: Bool) throws {
        let work = try Self.workdir()
        defer { work.remove() }
        if !declared { try work.write("q.yaml", Self.definition.replacingOccurrences(of: "  id: kashkasuu-2013\n", with: "")) }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep", "--format", "csv")
        #expect(result.status == 0, "\(result)")
        let files = Self.csvFiles(work, "rep")
        #expect(files.count == 13, "\(files)")
        for file in files {
            let rows = parseCSV(try #require(work.text(file)))
            #expect(rows.count >= 1 && rows[0].first == "event_id", "\(file): \(rows.first ?? [])")
            for row in rows.dropFirst() {
                #expect(row.first == (declared ? "kashkasuu-2013" : "q") && row.count == rows[0].count, "\(file): \(row)")
            }
        }
    }

    /// `about.csv`: event, participants, responses and the response rate of all responses;
    /// under `--where` the subset is named and counted beside it.
    @Test func aboutCSVHoldsTheEventAndTheResponseRate() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep", "--format", "csv", "--where", "again == yes")
        #expect(result.status == 0, "\(result)")
        #expect(work.text("rep/about.csv") == """
            event_id,field,value
            kashkasuu-2013,title,Codebook case
            kashkasuu-2013,event_name,Seminar on migration
            kashkasuu-2013,event_date,2013-01-25
            kashkasuu-2013,event_place,"Kashkasuu, Kyrgyzstan"
            kashkasuu-2013,participants,8
            kashkasuu-2013,responses,5
            kashkasuu-2013,response_rate_percent,62.5
            kashkasuu-2013,filter,again == yes
            kashkasuu-2013,responses_in_subset,3
            kashkasuu-2013,language,en

            """, "\(work.text("rep/about.csv") ?? "none")")
    }

    /// The example's organization mean is 136/32 = 4.25, summed in binary as 4.250000000000001;
    /// no CSV of the report or of `survey stats --format csv` shows a figure past 12
    /// significant digits.
    @Test func noFigureCarriesBinaryNoise() throws {
        let (work, result) = try Self.seminar("--format", "csv")
        defer { work.remove() }
        #expect(result.status == 0, "\(result)")
        let stats = try work.run("stats", Fixture.repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml").path,
                                 Fixture.repoRoot.appendingPathComponent("responses/seminar-feedback.csv").path, "--format", "csv",
                                 "--crosstab", "org_type:usefulness")
        #expect(stats.status == 0, "\(stats)")
        let texts = try Self.csvFiles(work, "rep").map { ($0, try #require(work.text($0))) } + [("stats", stats.stdout)]
        for (name, text) in texts {
            #expect(!text.contains("4.250000000000001"), "\(name)")
            for row in parseCSV(text) {
                for cell in row where cell.wholeMatch(of: /-?[0-9]+\.[0-9]+(e[-+][0-9]+)?/) != nil {
                    let digits = cell.prefix { $0 != "e" }.filter(\.isNumber).drop { $0 == "0" }
                    #expect(digits.count <= 12, "\(name): \(cell)")
                }
            }
        }
        let organization = parseCSV(try #require(work.text("rep/descriptives.csv"))).first { $0[1] == "organization" }
        #expect(organization?[4] == "4.25", "\(organization ?? [])")
    }

    /// The decided default: plain UTF-8 (no BOM), `,` and a decimal point, whatever the
    /// language: R's read.csv and pandas read it as is; Excel users have report.xlsx or --excel.
    @Test(arguments: ["en", "ru"])
    func plainCSVByDefault(_ language: String) throws {
        let (work, result) = try Self.seminar("--format", "csv", "--lang", language)
        defer { work.remove() }
        #expect(result.status == 0, "\(result)")
        for file in Self.csvFiles(work, "rep") {
            let bytes = try #require(work.bytes(file))
            #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(file) has a BOM")
        }
        let header = try #require(work.text("rep/descriptives.csv")?.split(separator: "\n").first)
        #expect(header == "event_id,question_id,question,n,mean,sd,min,q1,median,q3,max,top2_box_percent,bottom2_box_percent")
    }

    /// `--excel` in a Russian report: BOM, `;` between fields and a decimal comma, so a
    /// Russian-locale Excel opens every file in columns with numbers as numbers; the same cells
    /// as the plain files otherwise. Text keeps its points and commas, and a `;` inside a text
    /// is quoted.
    @Test func excelInRussianMeansSemicolonDecimalCommaAndBOM() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        #expect(try work.run("report", "q.yaml", "r.csv", "--out", "plain", "--format", "csv", "--lang", "ru").status == 0)
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "excel", "--format", "csv", "--lang", "ru", "--excel")
        #expect(result.status == 0, "\(result)")
        let files = Self.csvFiles(work, "excel")
        #expect(files.count == 13, "\(files)")
        for file in files {
            let bytes = try #require(work.bytes(file))
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(file) has no BOM")
            let excel = parseCSV(String(decoding: bytes.dropFirst(3), as: UTF8.self), separator: ";")
            let plain = parseCSV(try #require(work.text("plain" + file.dropFirst("excel".count))))
            #expect(excel.count == plain.count, "\(file)")
            for (excelRow, plainRow) in zip(excel, plain) {
                #expect(excelRow.count == plainRow.count, "\(file): \(excelRow)")
                for (excelCell, plainCell) in zip(excelRow, plainRow) {
                    if plainCell.wholeMatch(of: /-?[0-9]+\.[0-9]+(e[-+][0-9]+)?/) != nil {
                        #expect(excelCell == plainCell.replacingOccurrences(of: ".", with: ","), "\(file): \(excelCell) vs \(plainCell)")
                    } else {
                        #expect(excelCell == plainCell, "\(file): text cells are the same")
                    }
                }
            }
        }
        let descriptives = String(decoding: try #require(work.bytes("excel/descriptives.csv")).dropFirst(3), as: UTF8.self)
        #expect(descriptives.contains("kashkasuu-2013;score;Насколько полезно?;4;3;1,41421356237;1;"), "\(descriptives)")
        let codebook = try #require(work.text("excel/codebook.csv"))
        #expect(codebook.contains(";org;\"Организация; тип\";single_choice;"), "\(codebook)")
    }

    /// LibreOffice Calc (Debian `libreoffice-calc-nogui`), when installed: the spreadsheet whose
    /// CSV import takes a locale the way Excel takes the machine's.
    static let calc: String? = {
        guard FileManager.default.fileExists(atPath: "/usr/lib/libreoffice/program/libsclo.so") else { return nil }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/libreoffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// An independent reader: LibreOffice Calc opens the Russian `--excel` files as a
    /// Russian-locale spreadsheet does (`;`, UTF-8, ru-RU: a decimal comma), and saved again as
    /// plain CSV (`,`, en-US) gives the plain pack byte for byte, so every figure was read as a
    /// number, every text cell whole, every row in its columns. The plain files opened the same
    /// way come out as one column (today's "every file as one column").
    @Test(.enabled(if: calc != nil, "LibreOffice Calc is not installed: apt-get install libreoffice-calc-nogui"))
    func russianExcelFilesOpenInColumnsWithNumbersInARussianSpreadsheet() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let example = [Fixture.repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml").path,
                       Fixture.repoRoot.appendingPathComponent("responses/seminar-feedback.csv").path]
        for (name, inputs) in [("form", ["q.yaml", "r.csv"]), ("example", example)] {
            for (folder, excel) in [("\(name)-plain", [String]()), ("\(name)-excel", ["--excel"])] {
                let result = try work.run(arguments: ["report"] + inputs + ["--out", folder, "--format", "csv", "--lang", "ru"] + excel)
                #expect(result.status == 0, "\(result)")
            }
        }
        let calc = URL(fileURLWithPath: try #require(Self.calc))
        let profile = "-env:UserInstallation=file://" + work.path("lo-profile")
        let russianImport = "--infilter=CSV:59,34,76,1,,1049"
        let plainExport = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false"
        for name in ["form", "example"] {
            let files = Self.csvFiles(work, "\(name)-excel")
            #expect(files.count >= 12, "\(files)")
            let converted = try work.launch(calc, ["--headless", profile, russianImport, "--convert-to", plainExport, "--outdir", "\(name)-calc"] + files, environment: [:])
            #expect(converted.status == 0, "\(converted)")
            for file in files {
                let base = URL(fileURLWithPath: file).lastPathComponent
                #expect(work.text("\(name)-calc/\(base)") == work.text("\(name)-plain/\(base)"), "\(name): \(base) read by a Russian Calc differs from the plain file")
            }
        }
        let plain = try work.launch(calc, ["--headless", profile, russianImport, "--convert-to", plainExport, "--outdir", "plain-calc", "example-plain/descriptives.csv"], environment: [:])
        #expect(plain.status == 0, "\(plain)")
        let oneColumn = parseCSV(try #require(work.text("plain-calc/descriptives.csv")))
        #expect(oneColumn.allSatisfy { $0.count == 1 || $0.dropFirst().allSatisfy(\.isEmpty) }, "without --excel a Russian spreadsheet sees one column: \(oneColumn.prefix(2))")
    }

    /// `--excel` in English: BOM and `,`, figures with a point (an English-locale Excel).
    @Test func excelInEnglishMeansCommaAndBOM() throws {
        let (work, result) = try Self.seminar("--format", "csv", "--excel")
        defer { work.remove() }
        #expect(result.status == 0, "\(result)")
        let bytes = try #require(work.bytes("rep/descriptives.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.contains(",4.25,0.672021505032,3,4,4,5,5,87.5,0\n"), "\(text)")
    }

    /// `--format html` writes charts (inline and as SVG files): each gets its PNG twin at twice
    /// its size, as with report.md.
    @Test func htmlAloneWritesPNGTwinsOfItsCharts() throws {
        let (work, result) = try Self.seminar("--format", "html")
        defer { work.remove() }
        #expect(result.status == 0, "\(result)")
        let svgs = work.listing().filter { $0.hasPrefix("rep/charts/") && $0.hasSuffix(".svg") }
        #expect(svgs.count == 11, "\(svgs)")
        for svg in svgs {
            let png = try #require(work.bytes(String(svg.dropLast(4)) + ".png"), "\(svg) has no PNG twin")
            let size = try #require(Self.size(ofPNG: png), "\(svg): not a PNG")
            let drawing = try #require(work.text(svg))
            let drawn = try #require(drawing.firstMatch(of: /<svg [^>]*width="([0-9.]+)" height="([0-9.]+)"/))
            #expect(size.width == Int((Double(drawn.1)! * 2).rounded(.up)) && size.height == Int((Double(drawn.2)! * 2).rounded(.up)), "\(svg): \(size)")
        }
        let marker = try #require(work.text("rep/.survey-report"))
        #expect(marker.contains("charts/ratings.png\n"), "the marker lists the pictures")
    }

    /// Width and height from a PNG's IHDR chunk.
    static func size(ofPNG bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count > 24, bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }
}
