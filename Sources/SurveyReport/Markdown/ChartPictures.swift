import Foundation

/// Charts drawn as PNGs several at once, at one scale: report.docx's 300 dpi pictures when it is
/// rendered on its own, the comparison's twins. (`FeedbackReport` draws each chart's twin and
/// print picture together, `ChartPicture.pngs`.)
///
/// Drawing and encoding the PNGs is most of what a report costs beyond its statistics (on the
/// 30-question benchmark ~0.1 s of CPU for the twins, ~0.2 s for the document's pictures,
/// whatever the number of rows). Each chart has its own librsvg handle and cairo surface, and
/// pango/fontconfig are thread-safe, so the charts are drawn on all cores (`RenderJobs`); the
/// result is the same bytes in the same order as one by one.
enum ChartPictures {
    /// Chart name → PNG bytes at `scale`; the first failure (by chart order) is thrown.
    static func draw(_ charts: [(name: String, svg: String)], scale: Double) throws(ReportError) -> [String: [UInt8]] {
        let jobs: [RenderJobs.Job<[UInt8]>] = charts.map { name, svg in
            { Result { () throws(ReportError) in try ChartPicture.png(svg: svg, name: name, scale: scale) } }
        }
        let pictures = try RenderJobs.run(jobs)
        return Dictionary(zip(charts.map(\.name), pictures), uniquingKeysWith: { first, _ in first })
    }
}
