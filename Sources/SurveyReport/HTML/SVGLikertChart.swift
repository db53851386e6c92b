import Foundation

/// Every rating question as one diverging stacked bar (Likert style): low points to the left of
/// a centre line, high points to the right, the middle point of an odd scale split across it.
///
/// Questions on different scales are drawn in groups, each under its own legend, on one shared
/// axis. The axis runs as far to each side as the longest bar needs, in steps of 25%.
struct SVGLikertChart {
    /// Questions sharing one scale.
    struct Group {
        /// The scale points, lowest first.
        var points: [String]
        /// Legend text per scale point.
        var legend: [String]
        var rows: [Row]
        /// The point (index) drawn across the centre line when it is not the scale's middle: a
        /// best answer in between (`best:`), with falling short left and going too far right.
        var centre: Int? = nil
        /// Colours per point, when not the diverging ramp.
        var colors: [ReportStyle.Color]? = nil
    }

    /// One question's bar.
    struct Row {
        var label: String
        /// Valid answers.
        var n: Int
        /// Valid % per scale point, lowest first, as the results hold them.
        var percents: [Double]
    }

    var title: String
    var groups: [Group]

    /// Narrow (the width of a 390 px phone's page less its margins), so its text, 12 px at the
    /// smallest, is never shown smaller when a phone fits it to the page.
    static let width = 340.0
    private static let margin = 40.0
    private static let padding = 8.0
    private static let barHeight = 20.0
    private static let legendRow = 20.0
    private static let step = 25.0
    /// The widest a legend entry may be: a line of its own.
    /// Of the legend's width, a sixth is kept spare: the estimate of `TextMeasure` is made for
    /// Arial-like fonts, and DejaVu Sans (Linux's usual sans-serif) runs about 15% wider.
    private static let legendLimit = (width - 2 * padding - 16) * 0.85

    /// The parts of a bar: what lies left of the centre, the middle point, what lies right.
    private static func split(_ percents: [Double], centre: Int? = nil) -> (low: ArraySlice<Double>, middle: Double?, high: ArraySlice<Double>) {
        if let centre, percents.indices.contains(centre) {
            return (percents.prefix(centre), percents[centre], percents.suffix(from: centre + 1))
        }
        let half = percents.count / 2
        let middle = percents.count % 2 == 1 ? percents[half] : nil
        return (percents.prefix(half), middle, percents.suffix(half))
    }

    /// Lays the chart out.
    func canvas() -> SVGCanvas {
        let width = Self.width
        let extents = groups.flatMap { group in group.rows.map { (row: $0, centre: group.centre) } }.map { row, centre -> (Double, Double) in
            let parts = Self.split(row.percents, centre: centre)
            let half = (parts.middle ?? 0) / 2
            return (parts.low.reduce(0, +) + half, parts.high.reduce(0, +) + half)
        }
        let lowDomain = Self.roundedUp(extents.map(\.0).max() ?? 0)
        let highDomain = Self.roundedUp(extents.map(\.1).max() ?? 0)
        let scale = (width - 2 * Self.margin) / (lowDomain + highDomain)
        let centre = Self.margin + lowDomain * scale

        var canvas = SVGCanvas(width: width, title: title)
        var y = Self.padding
        var barTops: [Double] = []
        var drawing: [(row: Row, top: Double, points: [String], colors: [ReportStyle.Color], centre: Int?)] = []
        for group in groups {
            let colors = group.colors ?? ReportStyle.diverging(group.legend.count)
            y = legend(group.legend, colors: colors, top: y, on: &canvas) + 6
            for row in group.rows {
                let count = "n = \(row.n)"
                let room = width - 2 * Self.padding - TextMeasure.width(count, size: 12) - 12
                let lines = canvas.wrappedLabel(row.label, x: Self.padding, y: y + 13, maxWidth: room * 0.9, maxLines: 3)
                canvas.text(count, x: width - Self.padding, y: y + 13, anchor: .end, size: 12, fill: ReportStyle.muted)
                let top = y + 16 * Double(lines) + 6
                barTops.append(top)
                drawing.append((row, top, group.points, colors, group.centre))
                y = top + Self.barHeight + 12
            }
        }
        let plotBottom = (barTops.last ?? y) + Self.barHeight + 4
        let ticks = stride(from: -lowDomain, through: highDomain + 0.001, by: Self.step).map { (value: $0, x: centre + $0 * scale) }
        for (row, top, points, colors, middle) in drawing {
            bar(row, top: top, centre: centre, scale: scale, ticks: ticks, points: points, colors: colors, middle: middle, on: &canvas)
        }
        for (value, x) in ticks {
            canvas.text(NumberFormat.wholePercent(abs(value)), x: x, y: plotBottom + 14, anchor: .middle, size: 12, fill: ReportStyle.muted)
        }
        canvas.height = plotBottom + 14 + Self.padding
        return canvas
    }

    /// Draws a legend that wraps within the width; returns where the next content starts. An
    /// entry too long for a line (a point named differently by several questions) gets lines of
    /// its own, up to three, rather than being cut.
    private func legend(_ entries: [String], colors: [ReportStyle.Color], top: Double, on canvas: inout SVGCanvas) -> Double {
        var x = Self.padding, y = top
        for (entry, color) in zip(entries, colors) {
            let itemWidth = 16 + TextMeasure.width(entry, size: 12) + 14
            if x > Self.padding, x + itemWidth > Self.width - Self.padding {
                x = Self.padding
                y += Self.legendRow
            }
            canvas.rect(x: x, y: y + 2, width: 12, height: 12, fill: color)
            if itemWidth - 14 > Self.legendLimit + 16 {
                let lines = canvas.wrappedLabel(entry, x: x + 16, y: y + 12.5, maxWidth: Self.legendLimit, maxLines: 3, lineHeight: 15, size: 12)
                x = Self.width
                y += 15 * Double(lines - 1)
            } else {
                canvas.text(entry, x: x + 16, y: y + 12.5, size: 12)
                x += itemWidth
            }
        }
        return y + Self.legendRow
    }

    /// One bar: segments outward from the centre, percentages inside those wide enough, and
    /// the share of each side at its end.
    private func bar(_ row: Row, top: Double, centre: Double, scale: Double, ticks: [(value: Double, x: Double)], points: [String],
                     colors: [ReportStyle.Color], middle: Int?, on canvas: inout SVGCanvas) {
        let parts = Self.split(row.percents, centre: middle)
        let baseline = top + Self.barHeight / 2 + 4
        var segments: [(x: Double, width: Double, percent: Double, color: ReportStyle.Color)] = []
        let halfMiddle = (parts.middle ?? 0) / 2 * scale
        var left = centre - halfMiddle
        for (offset, percent) in parts.low.enumerated().reversed() {
            let w = percent * scale
            left -= w
            segments.append((left, w, percent, colors[offset]))
        }
        if let middle = parts.middle {
            segments.append((centre - halfMiddle, 2 * halfMiddle, middle, colors[parts.low.count]))
        }
        var right = centre + halfMiddle
        for (offset, percent) in parts.high.enumerated() {
            let w = percent * scale
            segments.append((right, w, percent, colors[colors.count - parts.high.count + offset]))
            right += w
        }
        canvas.beginGroup(tooltip: "\(row.label) (n = \(row.n)): " + zip(points, row.percents).map { "\($0): \(NumberFormat.wholePercent($1))" }.joined(separator: ", "))
        // Grid lines only beside the bar, so they never cross the question texts between bars;
        // the centre line too, drawn under the bar so it never strikes through a figure.
        for (value, x) in ticks {
            canvas.line(x1: x, y1: top - 5, x2: x, y2: top + Self.barHeight + 5, stroke: value == 0 ? ReportStyle.ink : ReportStyle.grid,
                        width: value == 0 ? 1.5 : 1)
        }
        for segment in segments where segment.width > 0 {
            canvas.rect(x: segment.x, y: top, width: segment.width, height: Self.barHeight, fill: segment.color)
        }
        for segment in segments where segment.width > 0 {
            let text = NumberFormat.wholePercent(segment.percent)
            guard TextMeasure.width(text, size: 12) + 4 <= segment.width else { continue }
            canvas.text(text, x: segment.x + segment.width / 2, y: baseline, anchor: .middle, size: 12, fill: ReportStyle.text(on: segment.color))
        }
        canvas.text(NumberFormat.wholePercent(parts.low.reduce(0, +)), x: left - 4, y: baseline, anchor: .end, size: 12, fill: ReportStyle.muted)
        canvas.text(NumberFormat.wholePercent(parts.high.reduce(0, +)), x: right + 4, y: baseline, size: 12, fill: ReportStyle.muted)
        canvas.endGroup()
    }

    /// Up to the next multiple of the step, at least one step.
    private static func roundedUp(_ value: Double) -> Double {
        max(step, (value / step - 1e-9).rounded(.up) * step)
    }
}
