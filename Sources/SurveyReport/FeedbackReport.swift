import Foundation
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

    /// Gets ready to draw pictures, when `formats` have any (`ChartPicture.openLibraryAhead`):
    /// called before the responses are read.
    public static func prepare(formats: Set<Format>) {
        if formats.contains(.markdown) || formats.contains(.html) || formats.contains(.docx) { ChartPicture.openLibraryAhead() }
    }

    let results: SurveyResults
    let options: ReportOptions

    public init(results: SurveyResults, options: ReportOptions) {
        self.results = results
        self.options = options
    }

    /// Relative path → content, for the formats asked for.
    public func files(formats: Set<Format>, excel: Bool) -> [(path: String, content: String)] {
        files(formats: formats, excel: excel, charts: nil)
    }

    /// As `files(formats:excel:)`, with the charts' SVGs when they are made already.
    private func files(formats: Set<Format>, excel: Bool, charts: [(name: String, svg: String)]?) -> [(path: String, content: String)] {
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
            for chart in charts ?? html.charts() { files.append(("charts/\(chart.name).svg", chart.svg)) }
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

    /// Every part as one pool of jobs on all cores (`RenderJobs`): every chart, its twin and its
    /// 300 dpi picture for the Word document from one parse of its SVG, the costliest first; then
    /// the document, which waits for the last pictures, the text files and the workbook, which
    /// need none. (In two rounds, charts and then the rest, one core sat idle while the document
    /// was put together.) Drawn format by format, a report spent a third of its time beyond the
    /// statistics on one core. The results are the same bytes in the same order as one by one.
    private func render(formats: Set<Format>, excel: Bool, files withFiles: Bool) throws(ReportError) -> (files: [(path: String, content: String)], pictures: [(path: String, bytes: [UInt8])]) {
        var options = options
        // A cut quote points to comments.csv when it is written beside the document, as in report.md.
        if formats.contains(.csv) { options.fullAnswersFile = "comments.csv" }
        let twins = formats.contains(.markdown) || formats.contains(.html)
        let charts = twins || formats.contains(.docx) ? HTMLReport(results: results, options: self.options).charts() : []
        var scales: [Double] = []
        if twins { scales.append(ChartPicture.scale) }
        if formats.contains(.docx) { scales.append(WordPicture.scale) }

        // Charts in the order of their SVGs' lengths, the longest (most bars and words) first:
        // the last chart drawn is then a small one.
        let costliest = charts.indices.sorted { charts[$0].svg.utf8.count > charts[$1].svg.utf8.count }
        let drawn = DrawnCharts(count: charts.count)
        var jobs: [RenderJobs.Job<Rendered>] = costliest.map { index in
            let chart = charts[index]
            return { [scales] in
                let pngs = Result { () throws(ReportError) in try ChartPicture.pngs(svg: chart.svg, name: chart.name, scales: scales) }
                drawn.set(index, (try? pngs.get()) ?? [])
                return pngs.map { .pictures($0) }
            }
        }
        if formats.contains(.docx) {
            jobs.append { [options] in
                // Every chart job was taken before this one; a chart that failed fails the
                // report by itself (its job comes first).
                let pictures = drawn.all()
                // As `ChartPictures.draw`: of two charts with one name, the first is shown.
                var printed: [String: [UInt8]] = [:]
                for (chart, pngs) in zip(charts, pictures) where printed[chart.name] == nil { printed[chart.name] = pngs.last }
                return Result { () throws(ReportError) in .document(try WordReport(results: self.results, options: options).render(charts: printed)) }
            }
        }
        if withFiles { jobs.append { .success(.files(self.files(formats: formats, excel: excel, charts: charts))) } }
        if formats.contains(.xlsx) {
            jobs.append { [options] in Result { () throws(ReportError) in .workbook(try ExcelReport(results: self.results, options: options).bytes()) } }
        }
        var pictures = [[[UInt8]]](repeating: [], count: charts.count)
        var files: [(path: String, content: String)] = []
        var document: [UInt8]?, workbook: [UInt8]?
        for (number, rendered) in try RenderJobs.run(jobs).enumerated() {
            switch rendered {
            case .pictures(let pngs): pictures[costliest[number]] = pngs
            case .files(let some): files = some
            case .document(let bytes): document = bytes
            case .workbook(let bytes): workbook = bytes
            }
        }
        var binaries: [(path: String, bytes: [UInt8])] = twins ? zip(charts, pictures).map { ("charts/\($0.name).png", $1[0]) } : []
        if let document { binaries.append(("report.docx", document)) }
        if let workbook { binaries.append(("report.xlsx", workbook)) }
        return (files, binaries)
    }

    /// The charts' pictures as their jobs finish, for the Word document's job, which waits for all.
    private final class DrawnCharts: @unchecked Sendable {
        private var pictures: [[[UInt8]]]
        private let lock = NSLock()
        private let done = DispatchGroup()

        init(count: Int) {
            pictures = Array(repeating: [], count: count)
            for _ in 0..<count { done.enter() }
        }

        func set(_ index: Int, _ pngs: [[UInt8]]) {
            lock.withLock { pictures[index] = pngs }
            done.leave()
        }

        /// Every chart's pictures (none for a chart that failed), once all are drawn.
        func all() -> [[[UInt8]]] {
            done.wait()
            return lock.withLock { pictures }
        }
    }

    private enum Rendered: Sendable {
        case pictures([[UInt8]])
        case files([(path: String, content: String)])
        case document([UInt8])
        case workbook([UInt8])
    }
}
