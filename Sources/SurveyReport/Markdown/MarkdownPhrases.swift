/// Phrases only report.md needs.
extension ReportPhrases {
    /// The link to a chart's PNG twin, under the SVG, for tools that cannot show SVG.
    var chartAsPNG: String { pick("The chart as PNG", "Диаграмма в формате PNG") }
}
