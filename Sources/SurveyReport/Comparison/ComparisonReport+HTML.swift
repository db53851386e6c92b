/// comparison.html and its trend charts (`ComparisonHTML`, `SVGTrendChart`).
extension ComparisonReport {
    /// comparison.html and each rating's trend chart as `charts/trend-QUESTION.svg`.
    func htmlFiles() -> [(path: String, content: String)] {
        let html = ComparisonHTML(report: self)
        return [("comparison.html", html.render())] + html.charts().map { ("charts/\($0.name).svg", $0.svg) }
    }

    /// The trend charts' PNG twins (`charts/trend-QUESTION.png`, twice the SVG's size), for
    /// Word before 2019, slides and mail, as report.html's charts have them.
    func htmlPictures() throws(ReportError) -> [(path: String, bytes: [UInt8])] {
        let charts = ComparisonHTML(report: self).charts()
        let twins = try ChartPictures.draw(charts, scale: ChartPicture.scale)
        return charts.compactMap { chart in twins[chart.name].map { ("charts/\(chart.name).png", $0) } }
    }
}
