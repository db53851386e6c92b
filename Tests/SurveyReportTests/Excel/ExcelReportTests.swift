import Foundation
import SurveyModel
@testable import SurveyReport
import SurveyStatistics
import Testing
import XLSXReadBack

/// report.xlsx (`ExcelReport`) read back with an independent zip + XML reader: sheets and
/// headers in the report's language, figures as number cells equal to the results, native
/// charts reading the table cells, hostile text kept as text.
@Suite struct ExcelReportTests {
    static let english = GoldenReportTests.cases[0], russian = GoldenReportTests.cases[1], hostile = GoldenReportTests.cases[2]

    static func workbook(_ report: FeedbackReport) throws -> XLSXReadBack {
        let file = try #require(try report.pictures(formats: [.xlsx]).first { $0.path == "report.xlsx" })
        return try XLSXReadBack(data: Data(file.bytes))
    }

    static func workbook(_ testCase: GoldenReportTests.Case) throws -> XLSXReadBack {
        try workbook(GoldenReportTests.report(testCase))
    }

    @Test func sheetsAndHeadersAreInTheReportLanguage() throws {
        let english = try Self.workbook(Self.english)
        #expect(english.sheetNames == ["About", "Frequencies", "Descriptives", "Multiple response", "Cross-tabs", "Tests", "Keywords",
                                       "Themes", "Comments", "Findings", "Data quality", "Charts"])
        #expect(try english.rows("Frequencies").first == ["Question ID", "Question", "Code", "Label", "Row kind", "Count", "% of asked",
                                                          "Valid %", "Cumulative valid %", "95% CI low", "95% CI high"])
        let russian = try Self.workbook(Self.russian)
        #expect(russian.sheetNames == ["Об отчёте", "Частоты", "Описательные статистики", "Множественный выбор", "Таблицы сопряжённости",
                                       "Проверка различий", "Ключевые слова", "Темы", "Комментарии", "Выводы", "Качество данных", "Диаграммы"])
        #expect(try russian.rows("Частоты").first == ["Код вопроса", "Вопрос", "Код", "Метка", "Вид строки", "Число", "% от опрошенных",
                                                      "% от ответивших", "Накопленный %", "95% ДИ, от", "95% ДИ, до"])
        #expect(try russian.cells("Частоты")["D2"]?.text == "Государственный орган")
    }

    @Test func aboutSheetNamesEventResponsesRateAndTool() throws {
        let rows = try Self.workbook(Self.english).rows("About")
        let facts = Dictionary(rows.filter { $0.count >= 2 && !$0[0].isEmpty }.map { ($0[0], $0[1]) }) { first, _ in first }
        #expect(facts["Event"] == "Establishing National Public Council on Migration")
        #expect(facts["Date"] == "25 January 2013")
        #expect(facts["Place"] == "Kashkasuu, Kyrgyzstan")
        #expect(facts["Participants"] == "38")
        #expect(facts["Responses"] == "32")
        #expect(Double(facts["Response rate"] ?? "") == 32.0 / 38.0)
        #expect(facts["Made with"]?.hasPrefix("survey ") == true)
        #expect(facts["How to read"] != nil)
        let cells = try Self.workbook(Self.english).cells("About")
        let rate = try #require(cells.values.first { $0.number == 32.0 / 38.0 })
        #expect(rate.numberFormat == "0.0%")
    }

    /// Every answer row of every single-choice and rating question: count, % of asked and
    /// valid % as number cells equal to the results, percentages as shares shown as 0.0%.
    @Test func frequencyFiguresAreNumberCellsEqualToTheResults() throws {
        let report = try GoldenReportTests.report(Self.english)
        let file = try Self.workbook(report)
        let cells = try file.cells("Frequencies")
        let results = try Self.results(Self.english)
        var row = 2, checked = 0
        for result in results.questions {
            guard let table = result.frequencies, let question = results.questionnaire.question(result.id) else { continue }
            for answer in table.rows {
                #expect(cells["A\(row)"]?.text == result.id)
                #expect(cells["C\(row)"]?.text == answer.code)
                #expect(cells["F\(row)"]?.number == Double(answer.count))
                #expect(Self.same(cells["G\(row)"]?.number, answer.percent.map { $0 / 100 }))
                #expect(Self.same(cells["H\(row)"]?.number, answer.validPercent.map { $0 / 100 }))
                #expect(cells["H\(row)"]?.numberFormat == "0.0%")
                #expect(cells["H\(row)"]?.isNumber == true)
                row += 1
                checked += 1
            }
            row += NonAnswerRow.rows(result, question: question).count
        }
        #expect(checked == 37)
        let descriptives = try file.cells("Descriptives")
        let organization = try #require(results.questions.first { $0.id == "organization" }?.descriptives)
        #expect(descriptives["A3"]?.text == "organization")
        #expect(Self.same(descriptives["D3"]?.number, organization.mean))
        #expect(descriptives["D3"]?.numberFormat == "0.00")
    }

    @Test func tableSheetsKeepTheirHeaderInViewWithFilterButtons() throws {
        let file = try Self.workbook(Self.english)
        for sheet in ["Frequencies", "Descriptives", "Multiple response", "Tests", "Keywords", "Comments", "Findings", "Data quality"] {
            let xml = file.sheetXML(sheet)
            #expect(xml.contains(#"ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen""#), "\(sheet) has no frozen header")
            #expect(xml.contains("<autoFilter ref=\"A1:"), "\(sheet) has no filter")
            #expect(xml.contains("customWidth=\"1\""), "\(sheet) has default column widths")
            #expect(xml.contains(#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>"#), "\(sheet) does not print across A4")
        }
        // "Cumulative valid %" wraps in its column: the header row is two lines high.
        #expect(file.sheetXML("Frequencies").contains(#"<row r="1" spans="1:11" ht="30" customHeight="1">"#))
        // The cross-tabs keep their code and label columns in view instead.
        #expect(file.sheetXML("Cross-tabs").contains(#"xSplit="2" topLeftCell="C1" activePane="topRight" state="frozen""#))
    }

    /// One native bar chart per closed question, reading the labels and the valid % (or % of
    /// respondents) of exactly that question's answer rows.
    @Test func everyClosedQuestionHasABarChartReadingItsRows() throws {
        let file = try Self.workbook(Self.english)
        let results = try Self.results(Self.english)
        let closed = results.questions.filter { $0.frequencies != nil || $0.multipleResponse != nil }
        let charts = file.parts.keys.filter { $0.hasPrefix("xl/charts/chart") }.sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }
        // Then a chart per question with themes (`ID#themes`), drawing its rows on the Themes sheet.
        let themed = results.questions.filter { ($0.themes?.answered ?? 0) > 0 }
        #expect(charts.count == closed.count + themed.count)
        let frequencies = try file.cells("Frequencies"), multiple = try file.cells("Multiple response")
        for (path, result) in zip(charts, closed) {
            let xml = String(decoding: file.parts[path] ?? Data(), as: UTF8.self)
            #expect(xml.contains(#"<c:barDir val="bar"/>"#))
            let references = xml.matches(of: /<c:f>'?([^'!<]+)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)<\/c:f>/).map { ($0.1, $0.2, Int($0.3)!, $0.5) }
            #expect(references.count == 2, "\(path)")
            guard references.count == 2 else { continue }
            let (sheet, labelColumn, first, last) = (String(references[0].0), String(references[0].1), references[0].2, Int(references[0].3)!)
            let cells = sheet == "Frequencies" ? frequencies : multiple
            let labels = (first...last).map { cells["\(labelColumn)\($0)"]?.text }
            let question = try #require(results.questionnaire.question(result.id))
            #expect(labels == question.categories.map { $0.label.text(in: "en") }, "\(path) draws the wrong rows")
            #expect((first...last).allSatisfy { cells["A\($0)"]?.text == result.id })
            #expect(String(references[1].1) == (sheet == "Frequencies" ? "H" : "G"))
            #expect(xml.contains(question.text.text(in: "en").replacingOccurrences(of: "&", with: "&amp;")))
        }
    }

    /// Each cross-tab wide: row codes and labels side by side, columns headed by label with the
    /// code under it, counts and totals as the results have them, then the row shares.
    @Test func crossTabsAreWideWithCodesAndLabels() throws {
        let rows = try Self.workbook(Self.english).rows("Cross-tabs")
        let results = try Self.results(Self.english)
        #expect(results.crossTabs.count == 3)
        var index = 0
        for tab in results.crossTabs {
            let title = "\(Self.text(results, tab.rowQuestion)) × \(Self.text(results, tab.columnQuestion)) (\(tab.rowQuestion) × \(tab.columnQuestion))"
            index = try #require(rows[index...].firstIndex { $0.first == title }, "no block titled \(title)")
            let header = rows[index + 2], codes = rows[index + 3]
            #expect(header.first == "Code" && header.count == tab.columnCodes.count + 3)
            #expect(Array(header[2..<(2 + tab.columnCodes.count)]) == tab.columnCodes.map { Self.label(results, tab.columnQuestion, $0) })
            #expect(Array(codes[2...]) == tab.columnCodes)
            for (r, code) in tab.rowCodes.enumerated() {
                let row = rows[index + 4 + r]
                #expect(Array(row[0...1]) == [code, Self.label(results, tab.rowQuestion, code)])
                #expect(row[2...].map { Int($0) } == (tab.counts[r] + [tab.rowTotals[r]]).map { $0 })
            }
            let totals = rows[index + 4 + tab.rowCodes.count]
            #expect(totals[1...].map { $0 } == ["Total"] + (tab.columnTotals + [tab.total]).map(String.init))
            let shares = rows[index + 4 + tab.rowCodes.count + 5]
            #expect(shares.first == tab.rowCodes[0])
            #expect(zip(shares[2...], tab.rowPercents[0]).allSatisfy { Self.same(Double($0), $1.map { $0 / 100 }) })
            index += 1
        }
    }

    /// A question's text, or a themes side's (`improve#themes`: "Themes: …").
    static func text(_ results: SurveyResults, _ id: String) -> String { results.crossTabQuestion(id)?.text.text(in: "en") ?? id }

    /// A choice's label, or a theme's on a themes side.
    static func label(_ results: SurveyResults, _ question: String, _ code: String) -> String {
        results.crossTabQuestion(question)?.categories.first { $0.code == code }?.label.text(in: "en") ?? code
    }

    /// Formula-looking answers and labels are text cells, whole, without the CSV's apostrophe.
    @Test func hostileTextStaysText() throws {
        let file = try Self.workbook(Self.hostile)
        for sheet in file.sheetNames { #expect(!file.sheetXML(sheet).contains("<f>"), "\(sheet) holds a formula") }
        let comments = try file.rows("Comments").map { $0.count > 3 ? $0[3] : "" }
        #expect(comments.contains("=HYPERLINK(\"http://evil\",\"x\")"))
        #expect(comments.contains { $0.hasPrefix("+SUM(A1) and -2 and @cmd\n# heading line") })
        let labels = try file.rows("Frequencies").map { $0.count > 3 ? $0[3] : "" }
        #expect(labels.contains("=HYPERLINK(\"http://evil\",\"click\")"))
        #expect(labels.contains("<script>alert('label')</script>"))
    }

    /// An answer longer than an Excel cell holds (32,767 characters) is cut, saying how much is
    /// left out and that comments.csv has it whole; the rest of the workbook is written.
    @Test func answerLongerThanACellIsCutWithANote() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("excel-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "Очень длинный ответ. ", count: 2_000) + "конец"
        let csv = folder.appendingPathComponent("long.csv")
        try Data("respondent,org,rating,comment\n1,a,3,\"\(long)\"\n2,b,2,short\n".utf8).write(to: csv)
        let questionnaire = try QuestionnaireLoader.load(path: GoldenReportTests.root.appendingPathComponent("Tests/Fixtures/report-golden/hostile.yaml").path)
        let (results, _) = try SurveyAnalysis.run(questionnaire: questionnaire, files: [csv.path], options: StatisticsOptions(quotes: .all))
        let report = FeedbackReport(results: results, options: ReportOptions(language: .english))
        let file = try #require(try report.pictures(formats: [.xlsx, .csv]).first { $0.path == "report.xlsx" })
        let rows = try XLSXReadBack(data: Data(file.bytes)).rows("Comments")
        let cell = try #require(rows.first { $0.count > 3 && $0[2] == "1" }?[3])
        #expect(cell.utf16.count <= 32_767)
        #expect(long.hasPrefix(String(cell.prefix(30_000))))
        #expect(cell.hasSuffix("the full answer is in comments.csv)"), "\(cell.suffix(120))")
        #expect(rows.contains { $0.count > 3 && $0[3] == "short" })
    }

    /// The same results give the same bytes, whenever written: the creation time stored is the
    /// last submission day (or the event's date), not the clock.
    @Test func sameResultsGiveTheSameBytesLater() throws {
        let report = try GoldenReportTests.report(Self.english)
        let first = try report.pictures(formats: [.xlsx])
        Thread.sleep(forTimeInterval: 1.1)
        let second = try report.pictures(formats: [.xlsx])
        #expect(first.map(\.bytes) == second.map(\.bytes))
        let core = String(decoding: try XLSXReadBack(data: Data(first[0].bytes)).parts["docProps/core.xml"] ?? Data(), as: UTF8.self)
        #expect(core.contains("2013-01-"), "\(core)")
    }

    /// Equal to the 16 significant digits libxlsxwriter writes (Excel itself shows 15).
    static func same(_ read: Double?, _ computed: Double?) -> Bool {
        guard let read, let computed else { return read == nil && computed == nil }
        return abs(read - computed) <= 1e-15 * max(1, abs(computed))
    }

    static func results(_ testCase: GoldenReportTests.Case) throws -> SurveyResults {
        let questionnaire = try QuestionnaireLoader.load(path: GoldenReportTests.root.appendingPathComponent(testCase.questionnaire).path)
        var options = StatisticsOptions(quotes: .all)
        options.crossTabs = questionnaire.report.crosstabs
        options.keywordQuestions = questionnaire.report.keywords
        return try SurveyAnalysis.run(questionnaire: questionnaire, files: [GoldenReportTests.root.appendingPathComponent(testCase.responses).path], options: options).0
    }
}

/// The Comments sheet stops at Excel's last row (lowered here to 4) with a note counting the
/// answers left out and naming the file that holds them all.
@Suite struct ExcelCommentsRowLimitTests {
    @Test func answersPastTheLastRowAreCountedInANote() throws {
        let results = try ExcelReportTests.results(ExcelReportTests.hostile)
        var options = ReportOptions(language: .english)
        options.fullAnswersFile = "comments.csv"
        let bytes = try ExcelReport(results: results, options: options, rowLimit: 4).bytes()
        let rows = try XLSXReadBack(data: Data(bytes)).rows("Comments")
        #expect(rows.count == 4)
        #expect(rows[3].last == "… and 3 more answers: a sheet holds at most 4 rows. Every answer is in comments.csv.")
        #expect(rows[1][3] == "<script>alert(1)</script>")
    }
}
