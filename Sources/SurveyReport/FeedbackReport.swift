import SurveyStatistics

/// The whole report as files: what `survey report` writes into `reports/NAME/`.
public struct FeedbackReport {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        case markdown = "md", csv, html
    }

    let results: SurveyResults
    let options: ReportOptions

    public init(results: SurveyResults, options: ReportOptions) {
        self.results = results
        self.options = options
    }

    /// Relative path → content, for the formats asked for.
    public func files(formats: Set<Format>, excel: Bool) -> [(path: String, content: String)] {
        var files: [(path: String, content: String)] = []
        var options = options
        if formats.contains(.csv) { options.fullAnswersFile = "comments.csv" }
        if formats.contains(.markdown) {
            files.append(("report.md", MarkdownReport(results: results, options: options).render()))
        }
        if formats.contains(.html) {
            let html = HTMLReport(results: results, options: options)
            files.append(("report.html", html.render()))
            for chart in html.charts() { files.append(("charts/\(chart.name).svg", chart.svg)) }
        }
        if formats.contains(.csv) {
            files += SummaryTables(results: results, options: options, excel: excel).files().map { ($0.name, $0.content) }
        }
        return files
    }
}
