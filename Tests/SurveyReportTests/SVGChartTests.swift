import Foundation
import Testing
@testable import SurveyReport

@Suite struct SVGChartTests {
    @Test func standaloneChartsAreValidSVGFiles() throws {
        let charts = HTMLReport(results: try ReportFixture.example(), options: ReportOptions()).charts()
        #expect(!charts.isEmpty)
        for chart in charts {
            #expect(chart.svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), "\(chart.name)")
            let parsed = ParsedXML(chart.svg)
            #expect(parsed.isWellFormed, "\(chart.name): \(parsed.error ?? "")")
            #expect(parsed.elements.first == "svg")
            #expect(parsed.elements.dropFirst().first == "title", "\(chart.name): <title> comes first")
            #expect(parsed.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(parsed.rootAttributes["role"] == "img")
            let width = try #require(parsed.rootAttributes["width"].flatMap(Double.init))
            let height = try #require(parsed.rootAttributes["height"].flatMap(Double.init))
            #expect(parsed.rootAttributes["viewBox"] == "0 0 \(SVGCanvas.number(width)) \(SVGCanvas.number(height))")
            #expect(height > 0)
            #expect(!chart.svg.contains("<script"))
            #expect(!chart.svg.contains("<style"), "presentation attributes only, so Word shows it as drawn")
        }
    }

    @Test func inlineChartsScaleToTheirContainer() throws {
        let html = HTMLReport(results: try ReportFixture.example(), options: ReportOptions()).render()
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\" style=\"max-width: 374px\" viewBox=\"0 0 340 "))
        #expect(!html.contains("<?xml"))
    }

    @Test func barsShowPercentAndCount() throws {
        let charts = HTMLReport(results: try ReportFixture.example(), options: ReportOptions()).charts()
        let orgType = try #require(charts.first { $0.name == "org_type" }?.svg)
        #expect(orgType.contains(">42% (8)</text>"))
        #expect(orgType.contains("<title>Non-governmental organization: 42% (8)</title>"))
        let sessions = try #require(charts.first { $0.name == "sessions" }?.svg)
        #expect(sessions.contains(">56% (10)</text>"), "multiple choice: % of respondents")
    }

    @Test func longLabelsAreCutWithTheFullTextInTitle() {
        let long = String(repeating: "A very long answer label that goes on and on, ", count: 4) + "past the space a chart can give it"
        let chart = SVGBarChart(title: "t", bars: [.init(label: long, percent: 50, count: 1, color: ReportStyle.accent)])
        let svg = chart.canvas().standalone()
        #expect(svg.contains("…</text>"))
        #expect(svg.contains("<title>\(long): 50% (1)</title>"))
        #expect(ParsedXML(svg).isWellFormed)
    }

    @Test func likertSplitsTheMiddleAcrossTheCentre() throws {
        let chart = SVGLikertChart(title: "Ratings", groups: [
            .init(points: ["1", "2", "3"], legend: ["1 (Bad)", "2", "3 (Good)"], rows: [.init(label: "Q", n: 10, percents: [20, 40, 40])]),
        ])
        let svg = chart.canvas().standalone()
        let parsed = ParsedXML(svg)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        // Domain: left 20 + 20 → 50, right 40 + 20 → 75; width 340 − 2 × 40 = 260 over 125%.
        let scale = 260.0 / 125, centre = 40 + 50 * scale
        let middle = "<rect x=\"\(SVGCanvas.number(centre - 20 * scale))\" y=\"56\" width=\"\(SVGCanvas.number(40 * scale))\""
        #expect(svg.contains(middle), "middle segment centred on the line")
        #expect(svg.contains("<rect x=\"\(SVGCanvas.number(centre - 40 * scale))\" y=\"56\" width=\"\(SVGCanvas.number(20 * scale))\""))
        #expect(svg.contains("<rect x=\"\(SVGCanvas.number(centre + 20 * scale))\" y=\"56\" width=\"\(SVGCanvas.number(40 * scale))\""))
        #expect(svg.contains(">1 (Bad)</text>"))
        #expect(svg.contains("<title>Q (n = 10): 1: 20%, 2: 40%, 3: 40%</title>"))
    }

    @Test func ratingsOverviewLegendNamesEachLabelOnce() throws {
        let charts = HTMLReport(results: try ReportFixture.example(), options: ReportOptions()).charts()
        let ratings = try #require(charts.first { $0.name == "ratings" }?.svg)
        // Too long for one line of the 340 px chart: wrapped, never cut.
        #expect(ratings.contains(">5 (Very useful / Excellent / More than</text>"))
        #expect(ratings.contains(">enough)</text>"))
        for id in ["usefulness", "organization", "moderation", "materials", "discussion_time"] {
            #expect(!ratings.contains(">\(id)<"))
        }
        #expect(ratings.contains("n = 17"))
    }

    @Test func hostileLabelsAreEscapedInCharts() throws {
        for chart in HTMLReport(results: try ReportFixture.hostile(), options: ReportOptions()).charts() {
            let parsed = ParsedXML(chart.svg)
            #expect(parsed.isWellFormed, "\(chart.name): \(parsed.error ?? "")")
            #expect(!parsed.elements.contains("script") && !parsed.elements.contains("img"))
            #expect(!chart.svg.contains("<script"))
        }
    }

    @Test(arguments: [2, 3, 4, 5, 7, 10, 11])
    func divergingPaletteIsSymmetric(count: Int) {
        let colors = ReportStyle.diverging(count)
        #expect(colors.count == count)
        #expect(colors.first!.red > colors.first!.blue, "low end is red")
        #expect(colors.last!.blue > colors.last!.red, "high end is blue")
        if count % 2 == 1 {
            let middle = colors[count / 2]
            #expect(middle.red == middle.green && middle.green == middle.blue, "middle is grey")
        }
        #expect(Set(colors).count == count)
    }

    @Test(arguments: [(0.0, "0"), (12.0, "12"), (12.25, "12.3"), (-0.01, "0"), (639.96, "640"), (3.14159, "3.1")])
    func coordinates(value: Double, text: String) {
        #expect(SVGCanvas.number(value) == text)
    }

    /// Issue 10: a few answers among many read "<1% (4)", never "0% (4)".
    @Test func barLabelsNeverSayZeroPercentOfSomeone() {
        let chart = SVGBarChart(title: "t", bars: [
            .init(label: "Rare", percent: 0.4, count: 4, color: ReportStyle.accent),
            .init(label: "Nearly all", percent: 99.6, count: 996, color: ReportStyle.accent),
            .init(label: "None", percent: 0, count: 0, color: ReportStyle.accent),
        ])
        let svg = chart.canvas().standalone()
        #expect(svg.contains(">&lt;1% (4)</text>"))
        #expect(svg.contains(">&gt;99% (996)</text>"))
        #expect(svg.contains(">0% (0)</text>"))
        #expect(!svg.contains(">0% (4)"))
        #expect(!svg.contains(">100% (996)"))
    }

    /// Issue 10: the overview ranks questions by top-2-box, not form order; ties keep the form's.
    @Test func ratingsOverviewIsSortedByTopTwoBox() throws {
        let rows: [SVGLikertChart.Row] = [
            .init(label: "Time", n: 10, percents: [30, 40, 20, 10, 0]),
            .init(label: "Venue", n: 10, percents: [0, 10, 10, 40, 40]),
            .init(label: "Food", n: 10, percents: [0, 0, 50, 30, 20]),
            .init(label: "Speakers", n: 10, percents: [0, 0, 20, 40, 40]),
        ]
        #expect(HTMLReport.byTopTwoBox(rows).map(\.label) == ["Venue", "Speakers", "Food", "Time"])

        let html = HTMLReport(results: try ReportFixture.example(), options: ReportOptions()).render()
        let overview = try #require(html.components(separatedBy: "<section class=\"overview\"").dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(overview.contains("Questions are sorted by the share of the two highest ratings (top-2-box), highest first."))
        let chart = try #require(HTMLReport(results: try ReportFixture.example(), options: ReportOptions()).ratingsChart())
        let shares = chart.groups.flatMap { $0.rows.map { $0.percents.suffix(2).reduce(0, +) } }
        #expect(shares.count > 2)
        #expect(shares == shares.sorted(by: >), "\(shares)")
    }

    /// Issue 10: chart text is at least 12 px in the drawing, and the chart is drawn no wider than
    /// a 390 px phone's page (≈ 347 px), so a phone never shrinks it below that.
    @Test func chartTextIsAtLeast12PixelsOnAPhone() throws {
        let charts = HTMLReport(results: try ReportFixture.example(), options: ReportOptions()).charts()
        for chart in charts {
            #expect(chart.svg.contains("viewBox=\"0 0 340 "), "\(chart.name)")
            let sizes = chart.svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
            #expect(sizes.allSatisfy { $0 >= 12 }, "\(chart.name): \(sizes.filter { $0 < 12 })")
        }
    }

    /// Issue 10: with `best: 3` the overview draws the best answer across the centre in blue,
    /// falling short left and going too far right in red, ranked by the best answer's share.
    @Test func bestInBetweenIsDrawnAcrossTheCentre() throws {
        #expect(ReportStyle.aroundBest(5, best: 2).map(\.hex) == ["#b2182b", "#f4a582", "#2166ac", "#f4a582", "#b2182b"])
        let chart = SVGLikertChart(title: "Ratings", groups: [
            .init(points: ["1", "2", "3"], legend: ["1 (Too little)", "2 (Just enough)", "3 (Too much)"],
                  rows: [.init(label: "Time", n: 10, percents: [20, 60, 20])], centre: 1, colors: ReportStyle.aroundBest(3, best: 1)),
        ])
        let svg = chart.canvas().standalone()
        #expect(ParsedXML(svg).isWellFormed)
        // The 60% middle is blue and centred: 30 to each side.
        #expect(svg.contains("width=\"\(SVGCanvas.number(60 * 260.0 / 100))\" height=\"20\" fill=\"#2166ac\""), "\(svg)")
        let rows: [SVGLikertChart.Row] = [.init(label: "A", n: 1, percents: [10, 50, 40]), .init(label: "B", n: 1, percents: [20, 70, 10])]
        #expect(HTMLReport.byBestPoint(rows, best: 1).map(\.label) == ["B", "A"])
    }

    @Test func truncation() {
        #expect(TextMeasure.truncated("Short", toFit: 200, size: 13) == "Short")
        let cut = TextMeasure.truncated("Migration situation in Kyrgyzstan", toFit: 100, size: 13)
        #expect(cut.hasSuffix("…"))
        #expect(TextMeasure.width(cut, size: 13) <= 100)
        #expect(!cut.dropLast().hasSuffix(" "))
    }
}

@Suite struct TextMeasureTests {
    @Test func wrapsAtSpacesAndCutsTheLastLine() {
        let text = "How would you rate the organization of the seminar (venue, schedule, logistics)?"
        let one = TextMeasure.wrapped(text, toFit: 1000, size: 13, maxLines: 2)
        #expect(one == [text])
        let two = TextMeasure.wrapped(text, toFit: 300, size: 13, maxLines: 2)
        #expect(two.count == 2)
        #expect(two.allSatisfy { TextMeasure.width($0, size: 13) <= 300 })
        #expect(text.hasPrefix(two[0] + " "))
        let cut = TextMeasure.wrapped(text, toFit: 120, size: 13, maxLines: 2)
        #expect(cut.count == 2 && cut[1].hasSuffix("…"))
        let long = TextMeasure.wrapped("Supercalifragilisticexpialidocious word", toFit: 80, size: 13, maxLines: 3)
        #expect(long.allSatisfy { TextMeasure.width($0, size: 13) <= 80 })
    }
}
