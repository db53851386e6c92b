import SurveyStatistics

/// The whole report as files: what `survey report` writes into `reports/NAME/`.
public struct FeedbackReport {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        case markdown = "md", csv, html
        /// report.docx, the annex as a Word document (a binary file: see `pictures(formats:)`).
        case docx
        /// `report.xlsx`, the workbook (`ExcelReport`), written with the pictures.
        case xlsx
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
        let html = HTMLReport(results: results, options: options)
        if formats.contains(.html) {
            files.append(("report.html", html.render()))
        }
        // report.md links the charts too.
        if formats.contains(.html) || formats.contains(.markdown) {
            for chart in html.charts() { files.append(("charts/\(chart.name).svg", chart.svg)) }
        }
        if formats.contains(.csv) {
            files += SummaryTables(results: results, options: options, excel: excel).files().map { ($0.name, $0.content) }
        }
        return files
    }

    /// The binary files: the charts' PNG twins (`charts/NAME.png`, twice the SVG's size) beside
    /// every SVG chart, for Word before 2019, Google Docs and slides, which cannot take SVG
    /// (written whenever the charts are, with `report.md` or `report.html`), `report.docx` and
    /// `report.xlsx`.
    /// Written with `ReportFolder.write(_:pictures:to:)`.
    public func pictures(formats: Set<Format>) throws(ReportError) -> [(path: String, bytes: [UInt8])] {
        var pictures: [(path: String, bytes: [UInt8])] = []
        if formats.contains(.markdown) || formats.contains(.html) {
            let charts = HTMLReport(results: results, options: options).charts()
            let twins = try ChartPictures.draw(charts, scale: ChartPicture.scale)
            for chart in charts { pictures.append(("charts/\(chart.name).png", twins[chart.name]!)) }
        }
        if formats.contains(.docx) {
            var options = options
            // A cut quote points to comments.csv when it is written beside the document, as in report.md.
            if formats.contains(.csv) { options.fullAnswersFile = "comments.csv" }
            pictures.append(("report.docx", try WordReport(results: results, options: options).render()))
        }
        if formats.contains(.xlsx) {
            var options = options
            if formats.contains(.csv) { options.fullAnswersFile = "comments.csv" }
            pictures.append(("report.xlsx", try ExcelReport(results: results, options: options).bytes()))
        }
        return pictures
    }
}
