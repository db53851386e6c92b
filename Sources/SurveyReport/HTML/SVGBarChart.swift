import Foundation

/// A horizontal bar chart of one closed question: a bar per category on a 0–100% scale, with
/// the percentage and count at the bar's end.
///
/// The scale is always 0–100%, so bars of different questions can be compared by eye. The
/// chart is drawn narrow (340 px, the width of a 390 px phone's page less its margins) so that
/// its 13 px text is never shown smaller than 12 px; short labels sit left of their bars, longer
/// ones on a line (or two) above them.
struct SVGBarChart {
    /// One category's bar.
    struct Bar {
        /// The category label as readers see it.
        var label: String
        /// Length of the bar (valid % or % of respondents), as the results hold it.
        var percent: Double?
        /// The count shown beside the percentage.
        var count: Int
        var color: ReportStyle.Color
    }

    /// What the chart shows, for its `<title>`.
    var title: String
    var bars: [Bar]

    static let width = 340.0
    private static let padding = 8.0
    private static let fontSize = 13.0
    private static let barHeight = 18.0
    /// Labels up to this share of the width go left of the bars.
    private static let sideLabelShare = 0.36

    private var longestLabel: Double { bars.map { TextMeasure.width($0.label, size: Self.fontSize) }.max() ?? 0 }

    /// Whether labels are short enough to sit beside their bars (and the chart is compact).
    var hasSideLabels: Bool { longestLabel <= Self.width * Self.sideLabelShare }

    /// Lays the chart out.
    func canvas() -> SVGCanvas {
        hasSideLabels ? sideLabels(labelWidth: max(longestLabel, 20)) : labelsAbove()
    }

    private var valueSpace: Double { TextMeasure.width("100% (0000)", size: Self.fontSize) + 8 }

    private func value(_ bar: Bar) -> String { "\(Self.percentLabel(bar.percent, count: bar.count)) (\(bar.count))" }

    /// A whole percentage that never contradicts its count: "<1%" rather than "0% (4)" for a
    /// few answers among many, ">99%" rather than "100%" when someone answered otherwise.
    static func percentLabel(_ percent: Double?, count: Int) -> String {
        guard let percent else { return NumberFormat.wholePercent(nil) }
        if count > 0, percent < 0.5 { return "<1%" }
        if percent >= 99.5, percent < 100 { return ">99%" }
        return NumberFormat.wholePercent(percent)
    }

    private func length(_ bar: Bar, plotWidth: Double) -> Double {
        let length = plotWidth * min(max(bar.percent ?? 0, 0), 100) / 100
        return (bar.percent ?? 0) > 0 ? max(length, 1) : length
    }

    /// Label, bar and value on one line.
    private func sideLabels(labelWidth: Double) -> SVGCanvas {
        let rowHeight = 28.0, size = Self.fontSize
        let labelEnd = Self.padding + labelWidth
        let plotStart = labelEnd + 8
        let plotWidth = Self.width - plotStart - valueSpace - Self.padding
        var canvas = SVGCanvas(width: Self.width, height: Self.padding * 2 + rowHeight * Double(bars.count), title: title)
        for (index, bar) in bars.enumerated() {
            let middle = Self.padding + rowHeight * (Double(index) + 0.5)
            let baseline = middle + size * 0.35
            let length = length(bar, plotWidth: plotWidth)
            canvas.beginGroup(tooltip: "\(bar.label): \(value(bar))")
            canvas.text(bar.label, x: labelEnd, y: baseline, anchor: .end)
            canvas.rect(x: plotStart, y: middle - Self.barHeight / 2, width: length, height: Self.barHeight, fill: bar.color)
            canvas.text(value(bar), x: plotStart + length + 6, y: baseline, fill: ReportStyle.muted)
            canvas.endGroup()
        }
        canvas.line(x1: plotStart, y1: Self.padding / 2, x2: plotStart, y2: canvas.height - Self.padding / 2, stroke: ReportStyle.muted)
        return canvas
    }

    /// The label on up to two lines, then the bar and its value under it.
    private func labelsAbove() -> SVGCanvas {
        let lineHeight = 16.0, size = Self.fontSize
        let plotWidth = Self.width - 2 * Self.padding - valueSpace
        var canvas = SVGCanvas(width: Self.width, title: title)
        var y = Self.padding
        for bar in bars {
            let length = length(bar, plotWidth: plotWidth)
            canvas.beginGroup(tooltip: "\(bar.label): \(value(bar))")
            let lines = TextMeasure.wrapped(bar.label, toFit: Self.width - 2 * Self.padding, size: size, maxLines: 2)
            for (index, line) in lines.enumerated() {
                canvas.text(line, x: Self.padding, y: y + 12 + Double(index) * lineHeight)
            }
            let top = y + Double(lines.count) * lineHeight + 3
            canvas.rect(x: Self.padding, y: top, width: length, height: Self.barHeight, fill: bar.color)
            canvas.text(value(bar), x: Self.padding + length + 6, y: top + Self.barHeight / 2 + size * 0.35, fill: ReportStyle.muted)
            canvas.endGroup()
            y = top + Self.barHeight + 10
        }
        canvas.height = y - 10 + Self.padding
        return canvas
    }
}
