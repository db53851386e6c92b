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
        try render(formats: formats, excel: false, files: false).pictures
    }

    /// `files(formats:excel:)` and `pictures(formats:)` rendered side by side: what `survey
    /// report` writes.
    public func outputs(formats: Set<Format>, excel: Bool) throws(ReportError) -> (files: [(path: String, content: String)], pictures: [(path: String, bytes: [UInt8])]) {
        try render(formats: formats, excel: excel, files: true)
    }

    /// Every part as one pool of jobs on all cores (`RenderJobs`), in two rounds: the text files,
    /// the workbook and every chart of the Word document at 300 dpi; then the document put
    /// together from those pictures, and the PNG twins. Each chart is a job of its own, the
    /// costliest first, so that no core waits while another draws the last charts of a format
    /// (drawn format by format, a report spent a third of its time beyond the statistics on one
    /// core). The results are the same bytes in the same order as one by one.
    private func render(formats: Set<Format>, excel: Bool, files withFiles: Bool) throws(ReportError) -> (files: [(path: String, content: String)], pictures: [(path: String, bytes: [UInt8])]) {
        var options = options
        // A cut quote points to comments.csv when it is written beside the document, as in report.md.
        if formats.contains(.csv) { options.fullAnswersFile = "comments.csv" }
        let twins = formats.contains(.markdown) || formats.contains(.html)
        let charts = twins || formats.contains(.docx) ? HTMLReport(results: results, options: self.options).charts() : []

        var first: [RenderJobs.Job<Rendered>] = []
        if withFiles { first.append { .success(.files(self.files(formats: formats, excel: excel))) } }
        if formats.contains(.xlsx) {
            first.append { [options] in Result { () throws(ReportError) in .workbook(try ExcelReport(results: self.results, options: options).bytes()) } }
        }
        // Charts in the order of their SVGs' lengths, the longest (most bars and words) first:
        // the last job of a round is then a small one.
        let costliest = charts.indices.sorted { charts[$0].svg.utf8.count > charts[$1].svg.utf8.count }
        if formats.contains(.docx) {
            for index in costliest {
                let chart = charts[index]
                first.append { Result { () throws(ReportError) in .picture(index, try ChartPicture.png(svg: chart.svg, name: chart.name, scale: WordPicture.scale)) } }
            }
        }
        var files: [(path: String, content: String)] = []
        var workbook: [UInt8]?
        var printed: [String: [UInt8]] = [:]
        for rendered in try RenderJobs.run(first) {
            switch rendered {
            case .files(let some): files = some
            case .workbook(let bytes): workbook = bytes
            case .picture(let index, let png):
                // As `ChartPictures.draw`: the first chart of a name is the one shown.
                if printed[charts[index].name] == nil || charts.firstIndex(where: { $0.name == charts[index].name }) == index {
                    printed[charts[index].name] = png
                }
            }
        }

        var second: [RenderJobs.Job<Rendered>] = []
        if formats.contains(.docx) {
            second.append { [options, printed] in Result { () throws(ReportError) in .picture(-1, try WordReport(results: self.results, options: options).render(charts: printed)) } }
        }
        if twins {
            for index in costliest {
                let chart = charts[index]
                second.append { Result { () throws(ReportError) in .picture(index, try ChartPicture.png(svg: chart.svg, name: chart.name, scale: ChartPicture.scale)) } }
            }
        }
        var document: [UInt8]?
        var twinPictures = [[UInt8]](repeating: [], count: twins ? charts.count : 0)
        for rendered in try RenderJobs.run(second) {
            guard case .picture(let index, let png) = rendered else { continue }
            if index < 0 { document = png } else { twinPictures[index] = png }
        }
        var pictures: [(path: String, bytes: [UInt8])] = zip(charts, twinPictures).map { ("charts/\($0.name).png", $1) }
        if let document { pictures.append(("report.docx", document)) }
        if let workbook { pictures.append(("report.xlsx", workbook)) }
        return (files, pictures)
    }

    private enum Rendered: Sendable {
        case files([(path: String, content: String)])
        case workbook([UInt8])
        /// A chart's index (-1 for report.docx) and its bytes.
        case picture(Int, [UInt8])
    }
}
