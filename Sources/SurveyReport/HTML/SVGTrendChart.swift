import Foundation

/// One rating question across events: a point per event with its 95% interval as a whisker,
/// events left to right by date, the points joined by a thin line so the trend reads at a glance.
///
/// The y axis is fixed (0–100% for the top-2-box, the whole rating scale for a mean), so the
/// charts of different questions can be compared by eye and a small change is never blown up by
/// a zoomed axis. The chart is as narrow as the report's other charts (340 px), so its 12 px text
/// is never shown smaller on a phone; event names wrap under their points while they fit, and
/// are set at a slant (cut, with the full name in a `<title>`) when there are too many events
/// for level labels.
struct SVGTrendChart {
    /// What the y axis shows.
    enum Measure: Equatable {
        /// Share of the two highest ratings, in percent.
        case topTwoBox
        /// The mean rating on the scale `scale`.
        case mean(scale: ClosedRange<Int>)
    }

    /// One event's point.
    struct Point {
        /// The event's name as readers see it.
        var event: String
        /// The event's date (`2013-01` or `2013-01-15`), which orders the points; nil when unknown.
        var date: String?
        /// The figure (percent or mean); nil when nobody at the event answered.
        var value: Double?
        /// The 95% interval around it; nil when it could not be given.
        var low: Double?
        var high: Double?
        /// Valid answers at the event.
        var n: Int
    }

    /// What the chart shows, for its `<title>`.
    var title: String
    var measure: Measure
    var points: [Point]
    /// The language of the few words the chart writes ("95% CI", "no answers") and of its decimals.
    var language: ReportLanguage = .english

    static let width = 340.0
    static let padding = 8.0
    static let plotHeight = 160.0
    /// Room above the plot for the figure over the highest whisker.
    static let plotTop = padding + 18
    static var plotBottom: Double { plotTop + plotHeight }
    /// Level labels need at least this much room per event; below it they are slanted.
    static let levelSlot = 56.0
    /// Figures over the points need this much room per event; below it they stay in the tooltips.
    static let figureSlot = 34.0
    /// How far slanted labels turn, and how long they may run before they are cut.
    static let slant = -45.0
    static let slantedLength = 110.0
    private static let fontSize = 12.0

    /// The points as drawn: by date when every event has one (a stable sort, so events of the
    /// same date keep their order), otherwise in the order given.
    var ordered: [Point] {
        guard points.allSatisfy({ $0.date != nil }) else { return points }
        return points.enumerated().sorted { a, b in
            a.element.date! != b.element.date! ? a.element.date! < b.element.date! : a.offset < b.offset
        }.map(\.element)
    }

    /// The ends of the y axis.
    var domain: ClosedRange<Double> {
        switch measure {
        case .topTwoBox: return 0...100
        case .mean(let scale): return Double(scale.lowerBound)...Double(max(scale.upperBound, scale.lowerBound + 1))
        }
    }

    /// The values with a labelled grid line: every 25% or every point of a short scale.
    var ticks: [Double] {
        switch measure {
        case .topTwoBox:
            return [0, 25, 50, 75, 100]
        case .mean:
            let span = domain.upperBound - domain.lowerBound
            let step = span <= 10 ? 1 : (span / 5).rounded(.up)
            return Array(stride(from: domain.lowerBound, through: domain.upperBound + 1e-9, by: step))
        }
    }

    /// The plot's left edge: after the widest tick label.
    var plotStart: Double {
        Self.padding + (ticks.map { TextMeasure.width(tickLabel($0), size: Self.fontSize) }.max() ?? 0) + 8
    }

    /// Width given to each event.
    var slotWidth: Double { (Self.width - Self.padding - plotStart) / Double(max(points.count, 1)) }

    /// The x of the `index`th event (in date order).
    func x(_ index: Int) -> Double { plotStart + slotWidth * (Double(index) + 0.5) }

    /// The y of a value, clamped to the axis.
    func y(_ value: Double) -> Double {
        let lo = domain.lowerBound, hi = domain.upperBound
        let share = (min(max(value, lo), hi) - lo) / (hi - lo)
        return Self.plotBottom - share * Self.plotHeight
    }

    /// Whether event names sit level under their points, wrapped on up to three lines (a name
    /// longer than that is cut, the whole name in its `<title>`), rather than slanted: while
    /// each event has room for a word or two.
    var hasLevelLabels: Bool { slotWidth >= Self.levelSlot }

    /// The event's name under its point, with its date when the name does not already hold it.
    func axisName(_ point: Point) -> String {
        guard let date = point.date, !date.isEmpty, !Self.name(point.event, says: date) else { return point.event }
        return point.event + " " + date
    }

    /// Whether an event's name already holds its date, or at least its year and month
    /// ("Kashkasuu 2013-01" for 2013-01-25), so the date need not be repeated beside it.
    static func name(_ name: String, says date: String) -> Bool {
        name.contains(date) || (date.count > 7 && name.contains(date.prefix(7)))
    }

    private func pick(_ en: String, _ ru: String) -> String { language == .english ? en : ru }

    /// A figure as the chart writes it: `71%`, or a mean with one decimal (`4.2`, `4,2`).
    func figure(_ value: Double?) -> String {
        switch measure {
        case .topTwoBox: return NumberFormat.wholePercent(value)
        case .mean: return NumberFormat.decimal(value, 1, language: language)
        }
    }

    private func tickLabel(_ value: Double) -> String {
        switch measure {
        case .topTwoBox: return NumberFormat.wholePercent(value)
        case .mean: return NumberFormat.compact(value, language: language)
        }
    }

    /// One event in words: "Bishkek 2013-03 (n = 28): 86% (95% CI 68–94%)".
    func spoken(_ point: Point) -> String {
        var text = axisName(point)
        text += " (n = \(point.n)): "
        guard let value = point.value else { return text + pick("no answers", "нет ответов") }
        text += figure(value)
        if let low = point.low, let high = point.high {
            let range = measure == .topTwoBox ? "\(NumberFormat.fixed(low, 0))–\(figure(high))" : "\(figure(low))–\(figure(high))"
            text += " (" + pick("95% CI", "95% ДИ") + " " + range + ")"
        }
        return text
    }

    /// Lays the chart out.
    func canvas() -> SVGCanvas {
        let points = ordered
        var canvas = SVGCanvas(width: Self.width, title: title)
        canvas.description = points.map(spoken).joined(separator: "; ")
        let plotEnd = Self.width - Self.padding
        for tick in ticks {
            let y = y(tick)
            canvas.line(x1: plotStart, y1: y, x2: plotEnd, y2: y, stroke: tick == domain.lowerBound ? ReportStyle.muted : ReportStyle.grid)
            canvas.text(tickLabel(tick), x: plotStart - 6, y: y + 4, anchor: .end, size: Self.fontSize, fill: ReportStyle.muted)
        }
        // The trend line first, so points and whiskers are drawn over it.
        let joined = points.enumerated().compactMap { index, point in point.value.map { (x: x(index), y: y($0)) } }
        for (from, to) in zip(joined, joined.dropFirst()) {
            canvas.line(x1: from.x, y1: from.y, x2: to.x, y2: to.y, stroke: ReportStyle.accent.mixed(with: .init(red: 255, green: 255, blue: 255), 0.55),
                        width: 1.5)
        }
        let cap = min(10, slotWidth / 3)
        for (index, point) in points.enumerated() {
            let x = x(index)
            canvas.beginGroup(tooltip: spoken(point))
            guard let value = point.value else {
                canvas.text("–", x: x, y: Self.plotBottom - 6, anchor: .middle, size: Self.fontSize, fill: ReportStyle.muted)
                canvas.endGroup()
                continue
            }
            var top = y(value) - 4.5
            if let low = point.low, let high = point.high {
                let yLow = y(low), yHigh = y(high)
                canvas.line(x1: x, y1: yLow, x2: x, y2: yHigh, stroke: ReportStyle.accent, width: 1.5)
                canvas.line(x1: x - cap / 2, y1: yLow, x2: x + cap / 2, y2: yLow, stroke: ReportStyle.accent, width: 1.5)
                canvas.line(x1: x - cap / 2, y1: yHigh, x2: x + cap / 2, y2: yHigh, stroke: ReportStyle.accent, width: 1.5)
                top = min(top, yHigh)
            }
            canvas.circle(cx: x, cy: y(value), r: 4.5, fill: ReportStyle.accent, stroke: .init(red: 255, green: 255, blue: 255), strokeWidth: 1.5)
            if slotWidth >= Self.figureSlot {
                canvas.text(figure(value), x: x, y: top - 5, anchor: .middle, size: Self.fontSize, bold: true)
            }
            canvas.endGroup()
        }
        canvas.height = eventLabels(points, on: &canvas) + Self.padding
        return canvas
    }

    /// The event names under the axis; returns the lowest y they reach.
    private func eventLabels(_ points: [Point], on canvas: inout SVGCanvas) -> Double {
        let first = Self.plotBottom + 16
        guard hasLevelLabels else {
            let y = Self.plotBottom + 12
            let turn = -Self.slant * .pi / 180
            var longest = 0.0
            for (index, point) in points.enumerated() {
                let name = axisName(point)
                // Never past the chart's left edge: the first events' labels have less room.
                let room = min(Self.slantedLength, (x(index) + 4 - Self.padding) / cos(turn))
                let shown = TextMeasure.truncated(name, toFit: room, size: Self.fontSize)
                longest = max(longest, TextMeasure.width(shown, size: Self.fontSize))
                if shown != name { canvas.beginGroup(tooltip: name) }
                canvas.rotatedText(shown, x: x(index) + 4, y: y, degrees: Self.slant, size: Self.fontSize)
                if shown != name { canvas.endGroup() }
            }
            return y + longest * sin(turn) + 4
        }
        var bottom = first
        for (index, point) in points.enumerated() {
            let name = axisName(point)
            let lines = TextMeasure.wrapped(name, toFit: slotWidth - 6, size: Self.fontSize, maxLines: 3)
            let complete = lines.joined(separator: " ") == name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !complete { canvas.beginGroup(tooltip: name) }
            for (number, line) in lines.enumerated() {
                canvas.text(line, x: x(index), y: first + 15 * Double(number), anchor: .middle, size: Self.fontSize)
            }
            if !complete { canvas.endGroup() }
            let nLine = first + 15 * Double(lines.count)
            canvas.text("n = \(point.n)", x: x(index), y: nLine, anchor: .middle, size: Self.fontSize, fill: ReportStyle.muted)
            bottom = max(bottom, nLine + 4)
        }
        return bottom
    }
}
