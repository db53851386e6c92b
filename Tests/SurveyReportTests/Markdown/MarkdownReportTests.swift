import Foundation
import SurveyReport
import SurveyStatistics
import Testing

/// `report.md` in the shape Word and pandoc need (issue 10, "Markdown that survives Word"):
/// every table with a real header row, every chart linked as SVG with its PNG twin.
@Suite struct MarkdownReportTests {
    static func example(_ language: ReportLanguage) throws -> (markdown: String, charts: [String]) {
        let results = try HTMLInChromiumTests.bundledExample()
        let options = ReportOptions(language: language)
        return (MarkdownReport(results: results, options: options).render(), HTMLReport(results: results, options: options).charts().map(\.name))
    }

    /// The pipe tables of a Markdown text: runs of lines that start with `|`.
    static func tables(in markdown: String) -> [[String]] {
        var tables: [[String]] = [], current: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [""] {
            if line.hasPrefix("|") { current.append(line); continue }
            if !current.isEmpty { tables.append(current); current = [] }
        }
        return tables
    }

    /// The cells of a table row, escaped pipes (`\|`) kept inside their cell.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = [], cell = "", escaped = false
        for character in row.dropFirst() {
            if character == "|", !escaped { cells.append(cell.trimmingCharacters(in: .whitespaces)); cell = ""; continue }
            escaped = character == "\\" && !escaped
            cell.append(character)
        }
        return cells
    }

    /// Today's report starts with a `| | |` event table and gives the bar column no header:
    /// pandoc and Word show an empty header row or cell.
    @Test(arguments: [ReportLanguage.english, .russian])
    func everyTableHasAFullHeaderRow(_ language: ReportLanguage) throws {
        let markdown = try Self.example(language).markdown
        let tables = Self.tables(in: markdown)
        #expect(tables.count >= 10)
        for table in tables {
            let header = Self.cells(table[0])
            #expect(!header.contains(""), "a header cell is empty: \(table[0])")
            #expect(table.count >= 3 && table[1].allSatisfy { "|-:".contains($0) }, "no separator line under \(table[0])")
            for row in table.dropFirst(2) {
                #expect(Self.cells(row).count == header.count, "row \(row) under \(table[0])")
            }
        }
        #expect(!markdown.contains("█"), "the text bars' column is gone: the linked chart draws them")
    }

    @Test(arguments: [ReportLanguage.english, .russian])
    func everyChartIsLinkedWithItsPNGTwin(_ language: ReportLanguage) throws {
        let (markdown, charts) = try Self.example(language)
        // 9 closed questions, the ratings overview and the themes of "What should be improved?".
        #expect(charts.count == 11)
        for name in charts {
            #expect(markdown.contains("](charts/\(name).svg)\n\n[\(language == .english ? "The chart as PNG" : "Диаграмма в формате PNG")](charts/\(name).png)"), "\(name)")
        }
        #expect(markdown.contains("![Chart: How useful was the seminar for your work?](charts/usefulness.svg)") || language == .russian)
        // The chart sits under its question's base line, before the table.
        let usefulness = try #require(markdown.range(of: "(charts/usefulness.svg)"))
        #expect(markdown[..<usefulness.lowerBound].hasSuffix(language == .english ? "_30 of 32 answered, 2 left blank_\n\n![Chart: How useful was the seminar for your work?]" : "]"))
    }

    /// pandoc sizes a table's columns by its separator's dashes only when a line is longer than
    /// 72 characters; otherwise every column gets the same width and labels wrap word by word.
    @Test func separatorGivesTheLabelsTheRoom() throws {
        let markdown = try Self.example(.english).markdown
        for table in Self.tables(in: markdown) {
            #expect(table[1].count > 72, "\(table[1])")
            let dashes = table[1].split(separator: "|").map(\.count)
            if table[0].hasPrefix("| Answer | Count | Valid % |") || table[0].hasPrefix("| What type") {
                #expect(dashes[0] == dashes.max(), "the label column is the widest: \(table[1])")
                #expect(dashes.dropFirst().allSatisfy { $0 < dashes[0] }, "\(table[1])")
            }
        }
        #expect(markdown.contains("| What type of organization do you represent? | Yes | No | Total |"), "the cross-tab's corner names its rows")
        #expect(markdown.contains("- **Event:** Establishing National Public Council on Migration\n- **Date:** 25 January 2013"))
    }

    /// A YAML block scalar gave `**Annual staff survey⏎Second wave⏎**` (literal asterisks) and a
    /// heading of only the question's first line; spaces inside `**  Padded title  **` made it
    /// no emphasis. Headings and emphasis spans hold their text on one line, trimmed.
    @Test func headingsAndTitleOnOneLine() throws {
        let block = MarkdownReport(results: try ReportFixture.blockScalarTexts(), options: ReportOptions()).render()
        #expect(block.contains("\n\n**Annual staff survey Second wave**\n\n"), "\(block)")
        #expect(block.contains("\n\n## 1. How satisfied are you with the canteen?\n\n"), "\(block)")
        #expect(block.contains("![Chart: How satisfied are you with the canteen?](charts/q1.svg)"), "\(block)")
        #expect(block.contains("\n\n## 2. Would you come again?\n\n"), "\(block)")
        let padded = MarkdownReport(results: try ReportFixture.paddedTexts(), options: ReportOptions(title: "  Padded report  ")).render()
        #expect(padded.hasPrefix("# Padded report\n\n**Padded title**\n\n"), "\(padded)")
        #expect(padded.contains("\n\n## 1. How satisfied are you with the canteen?\n\n"), "\(padded)")
        for line in (block + padded).split(separator: "\n") where line.hasPrefix("#") || line.hasPrefix("**") {
            #expect(line.last != " ", "\(line)")
        }
    }

    /// Nothing qualified: the heading was followed by nothing.
    @Test(arguments: [ReportLanguage.english, .russian])
    func keyFindingsSaySoWhenThereAreNone(_ language: ReportLanguage) throws {
        let markdown = MarkdownReport(results: try ReportFixture.blockScalarTexts(), options: ReportOptions(language: language)).render()
        let none = language == .english ? "No finding stands out: no rating to rank" : "Главных выводов нет: нет оценок"
        #expect(markdown.contains(language == .english ? "## Key findings\n\n\(none)" : "## Главные выводы\n\n\(none)"), "\(markdown)")
        #expect(!markdown.contains("\n\n\n"), "an empty block")
        // With findings, the list and no such sentence.
        let example = try Self.example(language).markdown
        #expect(!example.contains(none))
    }

    /// All timed forms on one day: "1 января 2024 г.." had a second period after the year's.
    @Test func oneDayInRussianEndsWithOnePeriod() throws {
        let markdown = MarkdownReport(results: try ReportFixture.blockScalarTexts(), options: ReportOptions(language: .russian)).render()
        #expect(markdown.contains("Все анкеты со временем заполнения заполнены 1 января 2024 г. У 1 анкеты нет времени заполнения."), "\(markdown)")
        #expect(!markdown.contains("г.."))
        let english = MarkdownReport(results: try ReportFixture.blockScalarTexts(), options: ReportOptions()).render()
        #expect(english.contains("All responses with a time were submitted on 1 January 2024. 1 response has no submission time."), "\(english)")
    }

    /// A backslash is literal in a code span: the ledger showed `` `out\_of\_range` ``. The
    /// `--where` expression goes in a code span too, with a fence longer than its backticks.
    @Test func codeSpansHoldTheirTextAsWritten() throws {
        var results = try ReportFixture.example(filter: "org_type == ngo")
        results.dataQuality.problems = 3
        results.dataQuality.problemsByKind = ["unknown_choice": 2, "out_of_range": 1]
        results.dataQuality.allAnswersPassedValidation = false
        let markdown = MarkdownReport(results: results, options: ReportOptions()).render()
        #expect(markdown.contains("| `out_of_range` |") && markdown.contains("| `unknown_choice` |"), "\(markdown)")
        #expect(!markdown.contains("`out\\_of\\_range`"))
        #expect(markdown.contains("match `org_type == ngo`; the figures below are about them."), "\(markdown)")
        results.filter = "improve == \"a`b\""
        let ticked = MarkdownReport(results: results, options: ReportOptions(language: .russian)).render()
        #expect(ticked.contains("Условию ``improve == \"a`b\"`` "), "\(ticked)")
    }
}
