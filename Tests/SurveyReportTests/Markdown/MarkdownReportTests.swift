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
}
