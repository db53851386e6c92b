import Foundation
import SurveyStatistics
import Testing
@testable import SurveyReport

@Suite struct ComparisonHTMLTests {
    @Test func hostileEventNamesAreEscapedEverywhere() throws {
        let report = try ComparisonFixture.report()
        let files = report.files(formats: [.html])
        let html = try #require(files.first { $0.path == "comparison.html" }?.content)
        let parsed = ParsedXML(html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(!parsed.elements.contains("script"))
        #expect(!html.contains("<script"))
        let escaped = Escaping.html(ComparisonFixture.hostileName)
        #expect(escaped.hasPrefix("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Bishkek&#39;"))
        #expect(html.contains("<th scope=\"row\">\(escaped)</th>"), "the events table")
        #expect(html.contains("<th scope=\"col\" class=\"num\" style=\"width: 21%\">\(escaped)</th>"), "every question's table: no date under a name that says it")
        #expect(parsed.text.contains(ComparisonFixture.hostileName), "shown as text, never dropped")
        let charts = files.filter { $0.path.hasPrefix("charts/") }
        #expect(!charts.isEmpty)
        for chart in charts {
            let svg = ParsedXML(chart.content)
            #expect(svg.isWellFormed, "\(chart.path): \(svg.error ?? "")")
            #expect(!svg.elements.contains("script") && !chart.content.contains("<script"), "\(chart.path)")
        }
        // The page footer's CSS string cannot be closed by a name either: the title is the fixed one.
        #expect(!html.contains("</style><"))
    }

    @Test func eventsTableGivesResponseRates() throws {
        let report = try ComparisonFixture.report()
        let html = ComparisonHTML(report: report).render()
        let events = report.comparison.events
        #expect(events.map(\.name) == ["Kashkasuu 2013-01", ComparisonFixture.hostileName, "Osh 2013-05"])
        for event in events {
            let rate = event.responseRate.map { NumberFormat.wholePercent($0) } ?? "–"
            #expect(html.contains("<td class=\"num\">\(event.responses)</td><td class=\"num rate\">\(rate)</td>"), "\(event.name)")
        }
        #expect(events[0].responseRate == 80, "8 NGO forms of 10 participants")
        #expect(html.contains("<td class=\"num rate\">80%</td>"))
    }

    /// Every closed question has a table with each event's n, its distribution, and for ratings
    /// the top-2-box and the mean with their intervals, all as the comparison holds them.
    @Test func questionTablesShowTheComparisonFigures() throws {
        let report = try ComparisonFixture.report()
        let html = ComparisonHTML(report: report).render()
        let phrases = report.options.phrases
        for question in report.comparison.questions {
            let start = try #require(html.range(of: "id=\"q-\(question.id)\""), "\(question.id)")
            let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)?.lowerBound ?? html.endIndex
            let section = String(html[start.upperBound..<end])
            let n = question.events.map { "<td class=\"num\">\(phrases.integer($0.n))</td>" }.joined()
            #expect(section.contains("<tr class=\"total\"><th scope=\"row\">Answered (n)</th>\(n)</tr>"), "\(question.id)")
            for figures in question.events {
                for share in figures.distribution where share.base > 0 {
                    #expect(section.contains("\(share.count) <span class=\"pct\">(\(NumberFormat.wholePercent(share.percent)))</span>"))
                }
                if let top = figures.topTwoBox, let percent = top.percent, let low = top.ciLow, let high = top.ciHigh {
                    #expect(section.contains("\(phrases.number(percent, 0)) <span class=\"ci\">(\(phrases.number(low, 0))–\(phrases.number(high, 0)))</span>"))
                }
                if let mean = figures.mean, let low = mean.ciLow, let high = mean.ciHigh {
                    #expect(section.contains("\(phrases.number(mean.mean, 2)) <span class=\"ci\">(\(phrases.number(low, 2))–\(phrases.number(high, 2)))</span>"))
                }
            }
            for change in question.changes {
                #expect(section.contains(Escaping.html(report.sentence(change, question: question.id))), "\(question.id): \(change)")
            }
        }
        let usefulness = try #require(report.comparison.questions.first { $0.id == "usefulness" })
        #expect(usefulness.changes.count == 3, "previous twice, first once")
    }

    /// The chart's points are the comparison's top-2-box figures, event for event, and sit
    /// where the axis puts them.
    @Test func trendChartPointsAreTheComparisonValues() throws {
        let report = try ComparisonFixture.report()
        let html = ComparisonHTML(report: report)
        let ratings = report.comparison.questions.filter { $0.type == "rating" }
        #expect(ratings.count == 5)
        #expect(html.charts().map(\.name) == ratings.map { "trend-" + $0.id })
        for question in ratings {
            let chart = try #require(html.trendChart(question))
            #expect(chart.points.map(\.event) == report.comparison.events.map(\.name))
            #expect(chart.points.map(\.date) == ["2013-01", "2013-03", "2013-05"])
            #expect(chart.points.map(\.value) == question.events.map { $0.topTwoBox?.percent })
            #expect(chart.points.map(\.low) == question.events.map { $0.topTwoBox?.ciLow })
            #expect(chart.points.map(\.high) == question.events.map { $0.topTwoBox?.ciHigh })
            #expect(chart.points.map(\.n) == question.events.map(\.n))
            let svg = chart.canvas().standalone()
            for (index, figures) in question.events.enumerated() {
                guard let value = figures.topTwoBox?.percent else { continue }
                #expect(svg.contains("<circle cx=\"\(SVGCanvas.number(chart.x(index)))\" cy=\"\(SVGCanvas.number(chart.y(value)))\""), "\(question.id) \(index)")
                #expect(svg.contains(">\(NumberFormat.wholePercent(value))</text>"))
            }
        }
        let page = html.render()
        #expect(page.contains("<title>How useful was the seminar for your work?: two highest ratings by event</title>"))
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\""))
    }

    /// A rating without a top-2-box (a `best:` scale) is drawn as its mean on the whole scale.
    @Test func ratingWithoutTopTwoBoxIsDrawnAsItsMean() throws {
        let fixture = try ComparisonFixture.report()
        let figures = [
            EventFigures(event: "A", n: 20, distribution: [], mean: MeanEstimate(n: 20, mean: 3.5, standardDeviation: 1, ciLow: 3.03, ciHigh: 3.97)),
            EventFigures(event: "B", n: 0, distribution: []),
        ]
        let question = QuestionComparison(id: "usefulness", type: "rating", codes: [], events: figures, changes: [])
        let events = ["A", "B"].map { ComparedEvent(name: $0, date: nil, participants: nil, files: [], responses: 20, dataQuality: DataQuality()) }
        let report = ComparisonReport(comparison: EventComparison(events: events, questions: [question], texts: []),
                                      questionnaire: fixture.questionnaire, options: ReportOptions())
        let chart = try #require(ComparisonHTML(report: report).trendChart(question))
        #expect(chart.measure == .mean(scale: 1...5))
        #expect(chart.points.map(\.value) == [3.5, nil])
        #expect(chart.title == "How useful was the seminar for your work?: mean rating by event")
        let html = ComparisonHTML(report: report).render()
        #expect(html.contains("Points: mean rating on the whole scale"))
        #expect(html.contains("<desc>A (n = 20): 3.5 (95% CI 3.0–4.0); B (n = 0): no answers</desc>"))
    }

    @Test func pngTwinsBesideTheSVGCharts() throws {
        let report = try ComparisonFixture.report()
        let svgs = report.files(formats: [.html]).filter { $0.path.hasSuffix(".svg") }.map(\.path)
        let pictures = try report.pictures(formats: [.html])
        #expect(pictures.map(\.path) == svgs.map { $0.replacingOccurrences(of: ".svg", with: ".png") })
        for picture in pictures {
            #expect(Array(picture.bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(picture.path)")
        }
        #expect(try report.pictures(formats: [.markdown, .csv]).isEmpty)
        #expect(!report.files(formats: [.markdown]).contains { $0.path == "comparison.html" })
    }

    @Test func russianPageUsesRussianWords() throws {
        let html = ComparisonHTML(report: try ComparisonFixture.report(language: .russian)).render()
        #expect(html.contains("<html lang=\"ru\">"))
        #expect(html.contains("<h1>Сравнение мероприятий</h1>"))
        #expect(html.contains("две высшие оценки по мероприятиям"))
    }

    @Test func sameComparisonGivesTheSameBytes() throws {
        let first = ComparisonHTML(report: try ComparisonFixture.report()).render()
        let second = ComparisonHTML(report: try ComparisonFixture.report()).render()
        #expect(first == second)
    }

    /// Writes the fixture's comparison to /tmp/comparison-check/ for looking at it in a browser:
    /// `COMPARISON_PREVIEW=1 swift test --filter ComparisonHTMLTests/preview`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["COMPARISON_PREVIEW"] != nil)) func preview() throws {
        let directory = URL(fileURLWithPath: "/tmp/comparison-check")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("charts"), withIntermediateDirectories: true)
        for language in ReportLanguage.allCases {
            let report = try ComparisonFixture.report(language: language)
            for file in report.files(formats: [.html]) {
                let path = language == .english ? file.path : file.path.replacingOccurrences(of: ".html", with: "-ru.html")
                try file.content.write(to: directory.appendingPathComponent(path), atomically: true, encoding: .utf8)
            }
            for picture in try report.pictures(formats: [.html, .xlsx]) where language == .english || picture.path == "comparison.xlsx" {
                let path = language == .english ? picture.path : "comparison-ru.xlsx"
                try Data(picture.bytes).write(to: directory.appendingPathComponent(path))
            }
        }
    }
}
