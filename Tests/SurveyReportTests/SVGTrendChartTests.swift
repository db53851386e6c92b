import Foundation
import Testing
@testable import SurveyReport

@Suite struct SVGTrendChartTests {
    static let twoEvents = SVGTrendChart(title: "Usefulness", measure: .topTwoBox, points: [
        .init(event: "Bishkek 2013-03", date: "2013-03", value: 85.7, low: 68.5, high: 94.3, n: 28),
        .init(event: "Kashkasuu 2013-01", date: "2013-01", value: 71.4, low: 53.0, high: 84.7, n: 30),
    ])

    /// The x of the `index`th of `count` events and the y of `percent`, worked out by hand from
    /// the layout: ticks "0%"…"100%" (widest "100%": 3 × 0.68 + 0.9 = 2.94 em of 12 px = 35.28 px)
    /// after an 8 px padding and 8 px gap; the plot from y = 26 (0 … 100%) down to 186.
    static func x(_ index: Int, of count: Int) -> Double {
        let start = 8 + 35.28 + 8
        return start + (340 - 8 - start) / Double(count) * (Double(index) + 0.5)
    }

    static func y(_ percent: Double) -> Double { 186 - percent / 100 * 160 }

    @Test func pointsAndWhiskersSitAtTheirValuesInDateOrder() throws {
        let svg = Self.twoEvents.canvas().standalone()
        let parsed = ParsedXML(svg)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        let n = SVGCanvas.number
        // Given Bishkek first, drawn Kashkasuu (2013-01) first.
        let first = try #require(svg.range(of: "<circle cx=\"\(n(Self.x(0, of: 2)))\" cy=\"\(n(Self.y(71.4)))\" r=\"4.5\""))
        let second = try #require(svg.range(of: "<circle cx=\"\(n(Self.x(1, of: 2)))\" cy=\"\(n(Self.y(85.7)))\" r=\"4.5\""))
        #expect(first.lowerBound < second.lowerBound)
        #expect(svg.contains("<line x1=\"\(n(Self.x(0, of: 2)))\" y1=\"\(n(Self.y(53.0)))\" x2=\"\(n(Self.x(0, of: 2)))\" y2=\"\(n(Self.y(84.7)))\""),
                "the whisker spans the interval")
        #expect(svg.contains("<line x1=\"\(n(Self.x(1, of: 2)))\" y1=\"\(n(Self.y(68.5)))\" x2=\"\(n(Self.x(1, of: 2)))\" y2=\"\(n(Self.y(94.3)))\""))
        #expect(svg.contains("<line x1=\"\(n(Self.x(0, of: 2)))\" y1=\"\(n(Self.y(71.4)))\" x2=\"\(n(Self.x(1, of: 2)))\" y2=\"\(n(Self.y(85.7)))\""),
                "the trend line joins the points")
        #expect(svg.contains(">71%</text>") && svg.contains(">86%</text>"))
        #expect(svg.contains(">n = 30</text>") && svg.contains(">n = 28</text>"))
        for tick in ["0%", "25%", "50%", "75%", "100%"] { #expect(svg.contains(">\(tick)</text>")) }
    }

    @Test func titleAndDescriptionSayTheFigures() throws {
        let svg = Self.twoEvents.canvas().standalone()
        let parsed = ParsedXML(svg)
        #expect(Array(parsed.elements.prefix(3)) == ["svg", "title", "desc"])
        #expect(svg.contains("<title>Usefulness</title>"))
        #expect(svg.contains("<desc>Kashkasuu 2013-01 (n = 30): 71% (95% CI 53–85%); Bishkek 2013-03 (n = 28): 86% (95% CI 69–94%)</desc>"))
        #expect(svg.contains("<title>Kashkasuu 2013-01 (n = 30): 71% (95% CI 53–85%)</title>"), "each point's tooltip")
    }

    @Test func meansUseTheWholeScale() throws {
        let chart = SVGTrendChart(title: "Mean", measure: .mean(scale: 1...5), points: [
            .init(event: "A", date: nil, value: 4.25, low: 3.9, high: 4.6, n: 20),
            .init(event: "B", date: nil, value: 1, low: nil, high: nil, n: 3),
        ], language: .russian)
        let svg = chart.canvas().standalone()
        #expect(ParsedXML(svg).isWellFormed)
        #expect(chart.ticks == [1, 2, 3, 4, 5])
        #expect(chart.y(1) == 186 && chart.y(5) == 26)
        let expected: Double = 186 - 3.25 / 4 * 160
        #expect(chart.y(4.25) == expected)
        #expect(svg.contains("cy=\"\(SVGCanvas.number(chart.y(4.25)))\""))
        #expect(svg.contains(">4,3</text>"), "Russian decimals, halves up")
        #expect(svg.contains("<desc>A (n = 20): 4,3 (95% ДИ 3,9–4,6); B (n = 3): 1,0</desc>"))
    }

    @Test func eventsWithoutAnswersAreMarkedAndNotJoined() throws {
        let chart = SVGTrendChart(title: "t", measure: .topTwoBox, points: [
            .init(event: "A", date: "2013-01", value: 50, low: 30, high: 70, n: 20),
            .init(event: "B", date: "2013-02", value: nil, low: nil, high: nil, n: 0),
            .init(event: "C", date: "2013-03", value: 60, low: 40, high: 80, n: 20),
        ])
        let svg = chart.canvas().standalone()
        #expect(svg.contains("<title>B 2013-02 (n = 0): no answers</title>"))
        #expect(svg.contains(">–</text>"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2)
        let n = SVGCanvas.number
        #expect(svg.contains("<line x1=\"\(n(chart.x(0)))\" y1=\"\(n(Self.y(50)))\" x2=\"\(n(chart.x(2)))\" y2=\"\(n(Self.y(60)))\""),
                "the line goes past the event with no answers")
    }

    @Test func hostileEventNamesAreEscaped() throws {
        let hostile = "<script>alert(1)</script> & \"Bishkek\" <img src=x onerror=alert(2)>"
        let chart = SVGTrendChart(title: "<b>Usefulness</b> & co", measure: .topTwoBox, points: [
            .init(event: hostile, date: "2013-01", value: 50, low: 30, high: 70, n: 20),
            .init(event: "=HYPERLINK(\"http://x\")", date: "2013-02", value: 60, low: 40, high: 80, n: 20),
        ])
        let svg = chart.canvas().standalone()
        let parsed = ParsedXML(svg)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(!parsed.elements.contains("script") && !parsed.elements.contains("img") && !parsed.elements.contains("b"))
        #expect(!svg.contains("<script") && !svg.contains("<img"))
        #expect(svg.contains("<title>&lt;b&gt;Usefulness&lt;/b&gt; &amp; co</title>"))
        #expect(parsed.text.contains("alert(1)"), "shown as text, never dropped")
    }

    @Test func manyEventsGetSlantedLabelsThatStayInside() throws {
        let points = (1...10).map { (index: Int) -> SVGTrendChart.Point in
            let value = Double(index * 9)
            return SVGTrendChart.Point(event: "Regional roundtable number \(index)", date: String(format: "2013-%02d", index), value: value,
                                       low: value - 5, high: value + 5, n: 20)
        }
        let chart = SVGTrendChart(title: "t", measure: .topTwoBox, points: points)
        #expect(!chart.hasLevelLabels)
        let svg = chart.canvas().standalone()
        #expect(ParsedXML(svg).isWellFormed)
        #expect(svg.components(separatedBy: "transform=\"rotate(-45 ").count - 1 == 10)
        #expect(!svg.contains(">9%</text>"), "no room for figures over the points: they stay in the tooltips")
        #expect(svg.contains("<title>Regional roundtable number 1 2013-01 (n = 20): 9% (95% CI 4–14%)</title>"))
        // The longest cut label (110 px) runs down 110 × sin 45° from 12 px under the plot.
        let height: Double = chart.canvas().height
        let lowest: Double = 186 + 12 + 110 * 0.7
        #expect(height >= lowest && height <= lowest + 16)
        // The first label, running down and left, ends inside the chart.
        let x0 = chart.x(0) + 4
        let firstShown = TextMeasure.truncated("Regional roundtable number 1 2013-01", toFit: (x0 - 8) / cos(Double.pi / 4), size: 12)
        #expect(x0 - TextMeasure.width(firstShown, size: 12) * cos(Double.pi / 4) >= 8 - 0.001)
    }

    @Test func fewEventsWrapLongNamesLevel() throws {
        let chart = SVGTrendChart(title: "t", measure: .topTwoBox, points: [
            .init(event: "Seminar on budget transparency", date: "2013-01", value: 50, low: 30, high: 70, n: 20),
            .init(event: "Roundtable Osh", date: "2013-03", value: 60, low: 40, high: 80, n: 20),
        ])
        #expect(chart.hasLevelLabels)
        let svg = chart.canvas().standalone()
        #expect(!svg.contains("rotate("))
        #expect(svg.contains(">Seminar on budget</text>") || svg.contains(">Seminar on budget transparency</text>"))
    }

    /// One long name among few events is cut on its third line, with the whole name in a
    /// `<title>`; the other names stay level and whole.
    @Test func aLongNameAmongFewEventsIsCutNotSlanted() throws {
        let long = "<script>alert(\"x\")</script> & 'Bishkek' =HYPERLINK(\"http://x\") roundtable on budget transparency 2013-03"
        let chart = SVGTrendChart(title: "t", measure: .topTwoBox, points: [
            .init(event: "Kashkasuu 2013-01", date: "2013-01", value: 50, low: 30, high: 70, n: 8),
            .init(event: long, date: "2013-03", value: 60, low: 40, high: 80, n: 11),
            .init(event: "Osh 2013-05", date: "2013-05", value: 70, low: 50, high: 85, n: 19),
        ])
        #expect(chart.hasLevelLabels)
        let svg = chart.canvas().standalone()
        #expect(ParsedXML(svg).isWellFormed)
        #expect(!svg.contains("rotate("))
        #expect(svg.contains(">Kashkasuu</text>") && svg.contains(">2013-01</text>"), "wrapped whole")
        #expect(svg.contains("<g><title>\(Escaping.html(long))</title>"))
        #expect(svg.contains("…</text>"))
    }

    @Test func pngTwinIsDrawn() throws {
        let svg = Self.twoEvents.canvas().standalone()
        let png = try ChartPicture.png(svg: svg, name: "usefulness")
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
}
