import Foundation
import SurveyModel
import SurveyStatistics
import Testing
@testable import SurveyReport

/// Control, bidi and zero-width characters in labels and answers (report/control-characters.yaml
/// and its answers): shown as `\u{…}`, never raw, so report.html and the SVG charts stay XML, a
/// bidi override cannot reverse the report's own text, and `survey stats` cannot drive a terminal.
@Suite struct VisibleTextInReportsTests {
    static func results() throws -> SurveyResults {
        try ReportFixture.results("Tests/Fixtures/report/control-characters.yaml", "Tests/Fixtures/report/responses-control-characters.csv")
    }

    /// Scalars that must never reach a report raw: C0 (except tab, LF, CR), DEL, C1, bidi
    /// embeddings, overrides and isolates.
    static func raw(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            let value = scalar.value
            return (value < 0x20 && ![0x09, 0x0A, 0x0D].contains(value)) || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
    }

    @Test func htmlIsWellFormedAndShowsEveryControlCharacter() throws {
        let html = HTMLReport(results: try Self.results(), options: ReportOptions()).render()
        let parsed = ParsedXML(html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(Self.raw(in: html).isEmpty, "\(Self.raw(in: html))")
        #expect(html.contains("Gov \\u{1} agency"))
        #expect(html.contains("NGO \\u{202E}esrever"))
        #expect(html.contains("Fine \\u{202E}gnp.exe then \\u{1} and \\u{1B}[2J cleared"))
    }

    @Test func everyChartIsWellFormed() throws {
        let charts = HTMLReport(results: try Self.results(), options: ReportOptions()).charts()
        #expect(charts.count == 3, "\(charts.map(\.name))")
        for chart in charts {
            let parsed = ParsedXML(chart.svg)
            #expect(parsed.isWellFormed, "\(chart.name): \(parsed.error ?? "")")
            #expect(Self.raw(in: chart.svg).isEmpty, "\(chart.name)")
        }
        #expect(charts.contains { $0.svg.contains("Not \\u{1F} useful") })
    }

    /// In Markdown the escape's backslash is itself escaped, so it renders as `\u{202E}`.
    @Test func markdownShowsThemToo() throws {
        let markdown = MarkdownReport(results: try Self.results(), options: ReportOptions()).render()
        #expect(Self.raw(in: markdown).isEmpty, "\(Self.raw(in: markdown))")
        #expect(markdown.contains("> Fine \\\\u{202E}gnp.exe then \\\\u{1} and \\\\u{1B}\\[2J cleared"), "\(markdown)")
        #expect(markdown.contains("| NGO \\\\u{202E}esrever |"))
        #expect(markdown.contains("zero\\\\u{200B}width words and a stray \\\\u{FEFF}mark"))
    }

    @Test func escapingFunctions() {
        #expect(Escaping.html("a\u{1}<b>\u{202E}") == "a\\u{1}&lt;b&gt;\\u{202E}")
        #expect(Escaping.markdown("*x*\u{1B}[2J") == "\\*x\\*\\\\u{1B}\\[2J")
        #expect(Escaping.html("line\nbreak\ttab") == "line\nbreak\ttab")
    }

    /// `survey stats` text goes to a terminal: no ESC or other control character in it.
    @Test func statisticsTextHasNoRawControls() throws {
        let text = StatisticsText(results: try Self.results()).render()
        let raw = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }
        #expect(raw.isEmpty, "\(raw)")
        #expect(text.hasPrefix("Feedback \\u{1} with \\u{1B}[31mcolour\\u{1B}[0m: 4 responses"))
        #expect(text.contains("Which organization? \\u{1B}]0;pwned\\u{7}"))
        // Table cells are escaped before they are measured, so the columns stay aligned.
        // The frequency table of org_type, whose labels hold U+0001, U+202E, DEL and U+0085.
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("  gov ") || $0.hasPrefix("  ngo ") || $0.hasPrefix("  other ") }.prefix(3)
        // The percent column ends at the same place on each row: "50.0", "25.0", "25.0".
        let ends = rows.map { row in row.range(of: ".0  ")?.lowerBound.utf16Offset(in: row) }
        #expect(Set(ends).count == 1, "\(rows)")
    }
}
