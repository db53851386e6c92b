import SurveyStatistics

/// The whole report as files: what `survey report` writes into `reports/NAME/`.
public struct FeedbackReport: Sendable {
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
        try RenderJobs.run(pictureJobs(formats: formats)).flatMap { $0 }
    }

    /// `files(formats:excel:)` and `pictures(formats:)` rendered side by side (`RenderJobs`):
    /// what `survey report` writes.
    public func outputs(formats: Set<Format>, excel: Bool) throws(ReportError) -> (files: [(path: String, content: String)], pictures: [(path: String, bytes: [UInt8])]) {
        var jobs: [RenderJobs.Job<Rendered>] = pictureJobs(formats: formats).map { job in { job().map(Rendered.pictures) } }
        jobs.append { .success(.files(self.files(formats: formats, excel: excel))) }
        var files: [(path: String, content: String)] = [], pictures: [(path: String, bytes: [UInt8])] = []
        for rendered in try RenderJobs.run(jobs) {
            switch rendered {
            case .files(let some): files += some
            case .pictures(let some): pictures += some
            }
        }
        return (files, pictures)
    }

    private enum Rendered: Sendable {
        case files([(path: String, content: String)])
        case pictures([(path: String, bytes: [UInt8])])
    }

    /// The binary files in the order they are listed, the slowest first: the twins, the Word
    /// document (its 300 dpi pictures), the workbook.
    private func pictureJobs(formats: Set<Format>) -> [RenderJobs.Job<[(path: String, bytes: [UInt8])]>] {
        var jobs: [RenderJobs.Job<[(path: String, bytes: [UInt8])]>] = []
        var options = options
        // A cut quote points to comments.csv when it is written beside the document, as in report.md.
        if formats.contains(.csv) { options.fullAnswersFile = "comments.csv" }
        if formats.contains(.markdown) || formats.contains(.html) {
            jobs.append {
                Result { () throws(ReportError) in
                    let charts = HTMLReport(results: self.results, options: self.options).charts()
                    let twins = try ChartPictures.draw(charts, scale: ChartPicture.scale)
                    return charts.map { ("charts/\($0.name).png", twins[$0.name]!) }
                }
            }
        }
        if formats.contains(.docx) {
            jobs.append { [options] in Result { () throws(ReportError) in [("report.docx", try WordReport(results: self.results, options: options).render())] } }
        }
        if formats.contains(.xlsx) {
            jobs.append { [options] in Result { () throws(ReportError) in [("report.xlsx", try ExcelReport(results: self.results, options: options).bytes())] } }
        }
        return jobs
    }
}
