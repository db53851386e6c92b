import Foundation
import Testing
import XLSXReadBack

/// The report shows a text question's themes in every format (issue 15): a theme table with
/// Wilson intervals and the no-theme share, a chart with its PNG twin, the answers grouped under
/// each theme, `themes.csv` and codebook rows, a Themes sheet, theme cross-tabs named by label,
/// and the top theme as the question's key finding; hostile labels and answers stay inert.
@Suite struct ThemesReportTests {
    /// Two themes with hostile labels (a script tag, a spreadsheet formula), one matched in both
    /// languages by stem, and a cross-tab of the themes by a closed question. (`времени`, not
    /// `время`: Snowball stems the two apart, `времен` and `врем`.)
    static let definition = """
        title: Themes case
        language: en
        questions:
          - id: org
            type: single_choice
            text: {en: Organization, ru: Организация}
            choices:
              gov: {en: Government, ru: Госорган}
              ngo: {en: NGO, ru: НКО}
          - id: improve
            type: text
            text: {en: What should be improved?, ru: Что улучшить?}
        themes:
          - id: more_time
            label: {en: "<script>alert('theme')</script> More time", ru: "<script>alert('тема')</script> Больше времени"}
            questions: [improve]
            words: [time, времени]
          - id: formula
            label: "=cmd|' /C calc'!A0"
            questions: [improve]
            words: [lunch]
        report:
          crosstabs: [[improve#themes, org]]

        """

    /// 6 answers to `improve`, one blank: more_time 4 (time, времени, times), formula 1 (with
    /// more_time), none 2 ("Nothing", the hostile one without a theme word).
    static let responses = """
        respondent,org,improve
        1,gov,More time please
        2,ngo,Больше времени на обсуждение
        3,gov,Shorter lunch and more time
        4,ngo,Nothing
        5,gov,
        6,ngo,Fewer speeches; more times for questions
        7,gov,"<img src=x onerror=alert(1)> =HYPERLINK(""http://evil"")"

        """

    static func workdir() throws -> Workdir {
        let work = try Workdir()
        try work.write("q.yaml", definition)
        try work.write("r.csv", responses)
        return work
    }

    /// Each file's rows without the `event_id` column.
    static func rows(_ work: Workdir, _ file: String) throws -> [[String]] {
        parseCSV(try #require(work.text(file), "\(file) is not written")).map { Array($0.dropFirst()) }
    }

    /// themes.csv: a row per theme with count, base, %, Wilson interval and hand-coded count,
    /// then the answers with no theme; labels neutralized like every CSV text.
    @Test func themesCSVHoldsEveryThemeWithItsBaseAndInterval() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep", "--format", "csv")
        #expect(result.status == 0, "\(result)")
        let rows = try Self.rows(work, "rep/themes.csv")
        #expect(rows.first == ["question_id", "theme_id", "label", "count", "base", "percent", "ci_low", "ci_high", "hand_coded"])
        #expect(rows.count == 4, "\(rows)")
        #expect(Array(rows[1].prefix(6)) == ["improve", "more_time", "<script>alert('theme')</script> More time", "4", "6", "66.6666666667"], "\(rows)")
        #expect(Array(rows[2].prefix(6)) == ["improve", "formula", "'=cmd|' /C calc'!A0", "1", "6", "16.6666666667"], "\(rows)")
        #expect(rows[3] == ["improve", "", "No theme", "2", "6", "33.3333333333", "", "", "0"], "\(rows)")
        // Wilson 95% for 4 of 6: 30.0–90.3.
        #expect(abs((Double(rows[1][6]) ?? 0) - 29.9999) < 0.01 && abs((Double(rows[1][7]) ?? 0) - 90.3231) < 0.01, "\(rows[1])")
        let codebook = try Self.rows(work, "rep/codebook.csv")
        #expect(codebook.contains(["improve#themes", "What should be improved?", "themes", "more_time", "<script>alert('theme')</script> More time", "theme", "", "", "no", "", ""]), "\(codebook)")
        #expect(codebook.contains(["improve#themes", "What should be improved?", "themes", "formula", "'=cmd|' /C calc'!A0", "theme", "", "", "no", "", ""]), "\(codebook)")
    }

    /// The cross-tab of themes by organization: its rows named by theme label in crosstabs.csv
    /// and the wide file, whose name has no `#`.
    @Test func themeCrossTabIsNamedByLabels() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep")
        #expect(result.status == 0, "\(result)")
        let long = try Self.rows(work, "rep/crosstabs.csv")
        #expect(long.contains { $0.prefix(7) == ["improve#themes", "more_time", "<script>alert('theme')</script> More time", "org", "gov", "Government", "2"] }, "\(long)")
        #expect(long.contains { $0.prefix(3) == ["improve#themes", "formula", "'=cmd|' /C calc'!A0"] }, "\(long)")
        let wide = try Self.rows(work, "rep/crosstab-improve-themes-by-org.csv")
        #expect(wide.first?.prefix(2) == ["improve#themes", "Themes: What should be improved?"], "\(wide)")
        let markdown = try #require(work.text("rep/report.md"))
        #expect(markdown.contains("### Themes: What should be improved? × Organization"), "\(markdown)")
        let html = try #require(work.text("rep/report.html"))
        #expect(html.contains("id=\"x-improve-themes-org\""))
        #expect(html.contains("<th scope=\"row\">&lt;script&gt;alert(&#39;theme&#39;)&lt;/script&gt; More time</th>"), "\(html)")
    }

    /// report.html and the theme chart: the hostile label and answer are text, never markup.
    @Test func hostileThemeLabelsAndQuotesAreEscapedInHTMLAndSVG() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep")
        #expect(result.status == 0, "\(result)")
        let html = try #require(work.text("rep/report.html"))
        #expect(!html.contains("<script"), "a theme label became a script")
        #expect(!html.contains("<img"), "an answer became an image")
        #expect(html.contains("&lt;script&gt;alert("))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        let svg = try #require(work.text("rep/charts/improve-themes.svg"), "the theme chart is not written")
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;"))
        let png = try #require(work.bytes("rep/charts/improve-themes.png"), "the theme chart has no PNG twin")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    /// report.md: the theme table with its figures and the quotes under each theme's heading,
    /// the answers with no theme last; the answer with two themes stands under both.
    @Test func markdownGroupsQuotesUnderEachTheme() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep", "--format", "md")
        #expect(result.status == 0, "\(result)")
        let markdown = try #require(work.text("rep/report.md"))
        #expect(markdown.contains("**Themes**"))
        #expect(markdown.contains("![Themes: What should be improved?](charts/improve-themes.svg)"))
        #expect(markdown.contains("| \\<script\\>alert('theme')\\</script\\> More time | 4 | 66.7 | 30–90 |"), "\(markdown)")
        #expect(markdown.contains("| No theme | 2 | 33.3 |"), "\(markdown)")
        let byTheme = try #require(markdown.range(of: "**Answers by theme**"), "\(markdown)")
        let quotes = String(markdown[byTheme.upperBound...])
        let time = try #require(quotes.range(of: "More time (4)**"), "\(quotes)")
        let formula = try #require(quotes.range(of: "A0 (1)**"), "\(quotes)")
        let none = try #require(quotes.range(of: "**No theme (2)**"), "\(quotes)")
        #expect(time.upperBound < formula.lowerBound && formula.upperBound < none.lowerBound)
        #expect(quotes[time.upperBound..<formula.lowerBound].contains("> Shorter lunch and more time"))
        #expect(quotes[formula.upperBound..<none.lowerBound].contains("> Shorter lunch and more time"))
        #expect(quotes[none.upperBound...].contains("> Nothing"))
        #expect(!quotes[time.upperBound..<none.lowerBound].contains("> Nothing"))
    }

    /// The key findings name the top theme (with its interval) instead of the glossary topic
    /// "time": in report.md and as a `theme` row of findings.csv.
    @Test func topThemeIsTheKeyFinding() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep", "--format", "md,csv")
        #expect(result.status == 0, "\(result)")
        let findings = try Self.rows(work, "rep/findings.csv")
        let theme = try #require(findings.first { $0.count > 1 && $0[1] == "theme" }, "\(findings)")
        #expect(theme[2] == "improve" && theme[4] == "<script>alert('theme')</script> More time" && theme[5] == "4" && theme[6] == "6", "\(theme)")
        #expect(theme[14] == "more_time")
        #expect(!findings.contains { $0.count > 1 && $0[1] == "comment_topic" && $0[2] == "improve" }, "\(findings)")
        let markdown = try #require(work.text("rep/report.md"))
        #expect(markdown.contains("Most common theme of the answers to “What should be improved?”:"), "\(markdown)")
    }

    /// report.docx: the theme table, its chart (a picture with its title as alt text) and the
    /// answers under each theme's heading; the hostile label as text.
    @Test func wordDocumentHasTheThemeTableChartAndGroupedQuotes() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep", "--format", "docx")
        #expect(result.status == 0, "\(result)")
        let parts = try WordReportCommandTests.parts(try #require(work.bytes("rep/report.docx")))
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        #expect(document.contains("&lt;script&gt;alert(&apos;theme&apos;)&lt;/script&gt; More time") || document.contains("&lt;script&gt;alert('theme')&lt;/script&gt; More time"), "\(document)")
        #expect(!document.contains("<script"))
        #expect(document.contains("Themes: What should be improved?"), "the theme chart's alt text is missing")
        #expect(document.contains("Answers by theme"))
        #expect(document.contains("No theme (2)"))
        #expect(parts.keys.filter { $0.hasPrefix("word/media/") }.count >= 2, "\(parts.keys.sorted())")
    }

    /// report.xlsx: a Themes sheet whose figures are number cells equal to themes.csv's, the
    /// hostile label a text cell (never a formula), and a native chart of the themes.
    @Test func workbookHasAThemesSheetWithNumberCells() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep", "--format", "xlsx,csv")
        #expect(result.status == 0, "\(result)")
        let file = try XLSXReadBack(path: work.path("rep/report.xlsx"))
        let sheet = try file.cells("Themes").byRow()
        #expect(sheet.first?["C"]?.text == "Theme ID")
        let csv = try Self.rows(work, "rep/themes.csv").dropFirst()
        #expect(sheet.count == csv.count + 1, "\(sheet)")
        for (row, line) in zip(sheet.dropFirst(), csv) {
            #expect(row["A"]?.text == line[0] && (row["C"]?.text ?? "") == line[1], "\(row)")
            #expect(row["E"]?.number == Double(line[3]) && row["E"]?.isNumber == true)
            #expect(row["F"]?.number == Double(line[4]))
            #expect(ExcelReportCommandTests.close(row["G"]?.number.map { $0 * 100 }, Double(line[5])), "\(row)")
            #expect(ExcelReportCommandTests.close(row["H"]?.number.map { $0 * 100 }, Double(line[6])), "\(row)")
        }
        #expect(sheet.contains { $0["D"]?.text == "=cmd|' /C calc'!A0" && $0["D"]?.isNumber == false })
        #expect(!file.sheetXML("Themes").contains("<f>"), "a label became a formula")
        let charts = file.parts.keys.filter { $0.hasPrefix("xl/charts/chart") }
        #expect(charts.contains { String(decoding: file.parts[$0] ?? Data(), as: UTF8.self).contains("Themes") }, "\(charts)")
    }

    /// The bundled example: every theme figure of themes.csv, the Themes sheet and report.md's
    /// table is the one `survey stats --format csv` prints (14 of 27 asked for more time).
    @Test func renderedThemeFiguresEqualSurveyStats() throws {
        let (work, result) = try DonorCSVPackTests.seminar("--format", "md,csv,xlsx")
        defer { work.remove() }
        #expect(result.status == 0, "\(result)")
        let statsRun = try work.run("stats", WordReportCommandTests.example.0, WordReportCommandTests.example.1, "--format", "csv")
        #expect(statsRun.status == 0, "\(statsRun)")
        var stats: [String: Double] = [:]
        for row in parseCSV(statsRun.stdout) where row.count == 7 && row[0] == "all" && row[1] == "theme" {
            stats["\(row[2])|\(row[3])|\(row[5])"] = Double(row[6])
        }
        #expect(stats["improve|more_time|count"] == 14 && stats["improve||answered"] == 27, "\(stats)")
        let csv = try Self.rows(work, "rep/themes.csv").dropFirst()
        #expect(csv.count == 8, "\(csv)")
        let sheet = try XLSXReadBack(path: work.path("rep/report.xlsx")).cells("Themes").byRow().dropFirst()
        #expect(sheet.count == csv.count)
        let markdown = try #require(work.text("rep/report.md"))
        for (line, cells) in zip(csv, sheet) {
            let key = "\(line[0])|\(line[1])|"
            let count = line[1].isEmpty ? stats[key + "uncoded"] : stats[key + "count"]
            let percent = line[1].isEmpty ? stats[key + "uncoded_percent"] : stats[key + "percent"]
            #expect(Double(line[3]) == count && Double(line[4]) == stats["\(line[0])||answered"], "\(line)")
            #expect(ExcelReportCommandTests.close(Double(line[5]), percent), "\(line)")
            #expect(cells["E"]?.number == count && cells["F"]?.number == stats["\(line[0])||answered"], "\(line)")
            #expect(ExcelReportCommandTests.close(cells["G"]?.number.map { $0 * 100 }, percent), "\(line)")
            #expect(Double(line[8]) == stats["\(line[0])||hand_coded"])
            if !line[1].isEmpty {
                #expect(ExcelReportCommandTests.close(Double(line[6]), stats[key + "ci95_low"]) && ExcelReportCommandTests.close(Double(line[7]), stats[key + "ci95_high"]), "\(line)")
                #expect(ExcelReportCommandTests.close(cells["H"]?.number.map { $0 * 100 }, stats[key + "ci95_low"]), "\(line)")
                #expect(ExcelReportCommandTests.close(cells["I"]?.number.map { $0 * 100 }, stats[key + "ci95_high"]), "\(line)")
            }
            let shown = String(format: "%.1f", percent ?? -1)
            #expect(markdown.contains("| \(line[2]) | \(Int(count ?? -1)) | \(shown) |"), "report.md has no row \(line[2]) | \(shown)")
        }
    }

    /// Hand codes beside the responses override the rules in the report too: "Nothing" coded as
    /// the formula theme moves from no theme to it, and every format says one answer was coded by hand.
    @Test func handCodesOverrideTheRulesAndAreCounted() throws {
        let work = try Self.workdir()
        defer { work.remove() }
        try work.write("r.codes.csv", "respondent,question,themes,coder,coded_at\n4,improve,formula,anna,2026-11-30T03:00:00+00:00\n")
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "rep", "--format", "md,html,csv")
        #expect(result.status == 0, "\(result)")
        let rows = try Self.rows(work, "rep/themes.csv")
        #expect(rows[2].prefix(5) == ["improve", "formula", "'=cmd|' /C calc'!A0", "2", "6"] && rows[2][8] == "1", "\(rows)")
        #expect(rows[3].prefix(4) == ["improve", "", "No theme", "1"] && rows[3][8] == "1", "\(rows)")
        let note = "Themes of 1 answer were given by hand (codes file); the others by the definition's rules."
        #expect(try #require(work.text("rep/report.md")).contains(note))
        #expect(try #require(work.text("rep/report.html")).contains(note.replacingOccurrences(of: "'", with: "&#39;")))
        let markdown = try #require(work.text("rep/report.md"))
        let formula = try #require(markdown.range(of: "A0 (2)**"), "\(markdown)")
        #expect(markdown[formula.upperBound...].hasPrefix("\n\n> Shorter lunch and more time\n\n> Nothing"), "\(markdown[formula.upperBound...].prefix(200))")
    }

    /// The bundled definition with its `themes:` and their cross-tab left out: what it was before
    /// it had themes, for the tests of the glossary's comment topics.
    static func exampleWithoutThemes() throws -> String {
        let text = try String(contentsOf: Fixture.repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml"), encoding: .utf8)
        let start = try #require(text.range(of: "\n# What the answers to"), "the example's themes block moved")
        let end = try #require(text.range(of: "\nreport:\n", range: start.upperBound..<text.endIndex))
        let cut = String(text[..<start.lowerBound]) + "\n" + String(text[end.lowerBound...])
        return cut.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("#themes") }.joined(separator: "\n")
    }

    /// The published example's key findings: the top theme of "What should be improved?" in
    /// report.md, report.html and findings.csv, in English and Russian.
    @Test func examplesKeyFindingIsTheTopTheme() throws {
        for (language, sentence) in [("en", "Most common theme of the answers to “What should be improved?”: More time for discussion, 14 of 27 answers (52%; 95% CI 34–69%)."),
                                     ("ru", "Самая частая тема ответов на вопрос «Что следует улучшить?»: «Больше времени на обсуждение», 14 из 27 ответов (52%; 95% ДИ 34–69%).")] {
            let (work, result) = try DonorCSVPackTests.seminar("--lang", language, "--format", "md,html,csv")
            defer { work.remove() }
            #expect(result.status == 0, "\(result)")
            #expect(try #require(work.text("rep/report.md")).contains("\n- " + sentence + "\n"), "\(language)")
            #expect(try #require(work.text("rep/report.html")).contains("<li>" + sentence + "</li>"), "\(language)")
            let row = try #require(try Self.rows(work, "rep/findings.csv").first { $0.count > 1 && $0[1] == "theme" })
            #expect(Array(row[2...8]) == ["improve", "", language == "en" ? "More time for discussion" : "Больше времени на обсуждение", "14", "27", "51.8518518519", "33.985615755"], "\(row)")
            #expect(row.last == sentence)
        }
    }
}
