import Foundation
import Testing
import XLSXReadBack

/// `survey compare` writes comparison.html with a trend chart per rating (SVG + PNG twin) and
/// comparison.xlsx (issue 15), checked against the figures scipy computed for the fixture
/// (Tests/Fixtures/compare/expected.json, made by make-compare-fixtures.py) and with a hostile
/// event name given in the events file.
@Suite struct CompareViewsCommandTests {
    static let hostile = "<script>alert(\"x\")</script> & 'Bishkek' =HYPERLINK(\"http://x\") 2013-03"

    /// The fixture's three events, the second named `hostile`, given out of date order.
    static func run(_ work: Workdir, format: String) throws -> SurveyResult {
        for name in ["feedback-series.yaml", "responses-kashkasuu.csv", "responses-bishkek.csv", "responses-osh.csv"] {
            try work.copy(fixture: "compare/" + name, as: name)
        }
        let quoted = hostile.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        try work.write("events.yaml", """
        events:
          - name: "\(quoted)"
            date: 2013-03-14
            participants: 35
            responses: responses-bishkek.csv
          - name: Kashkasuu 2013-01
            date: 2013-01-25
            participants: 40
            responses: responses-kashkasuu.csv
          - name: Osh 2013-06
            date: 2013-06-05
            participants: 30
            responses: responses-osh.csv

        """)
        return try work.run("compare", "feedback-series.yaml", "--events", "events.yaml", "--out", "cmp", "--format", format)
    }

    /// scipy's figures per event, in date order: (top-2-box %, its Wilson interval, mean, its t interval).
    static func expected() throws -> [(name: String, top2: Double, top2CI: [Double], mean: Double, meanCI: [Double])] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("compare/expected.json")))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let events = try #require(json["events"] as? [[String: Any]])
        return try events.map { event in
            let usefulness = try #require(event["usefulness"] as? [String: Any])
            return (try #require(event["name"] as? String), try #require(usefulness["top2"] as? Double), try #require(usefulness["top2_ci"] as? [Double]),
                    try #require(usefulness["mean"] as? Double), try #require(usefulness["mean_ci"] as? [Double]))
        }
    }

    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= 1e-9 * max(1, abs(b))
    }

    @Test func htmlAndWorkbookAreWrittenWithTheTrendCharts() throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try Self.run(work, format: "html,xlsx")
        #expect(result.status == 0, "\(result)")
        let listing = work.listing().filter { $0.hasPrefix("cmp/") }
        for file in ["cmp/comparison.html", "cmp/comparison.xlsx", "cmp/charts/trend-usefulness.svg", "cmp/charts/trend-usefulness.png"] {
            #expect(listing.contains(file), "\(file) missing: \(listing)")
        }
        #expect(!listing.contains("cmp/comparison.md") && !listing.contains("cmp/trends.csv"), "only the formats asked for")
        #expect(!listing.contains { $0.hasPrefix("cmp/charts/trend-org_type") }, "trend charts are for ratings only")
        let marker = try #require(work.text("cmp/.survey-report")).split(separator: "\n").map(String.init)
        #expect(marker.contains("comparison.html") && marker.contains("comparison.xlsx") && marker.contains("charts/trend-usefulness.png"))
        let png = try #require(work.bytes("cmp/charts/trend-usefulness.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func hostileEventNameIsEscapedInThePageAndChart() throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try Self.run(work, format: "html")
        #expect(result.status == 0, "\(result)")
        let html = try #require(work.text("cmp/comparison.html"))
        #expect(!html.contains("<script"))
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Bishkek&#39; =HYPERLINK(&quot;http://x&quot;) 2013-03"
        #expect(html.contains("<th scope=\"row\">\(escaped)</th>"))
        let svg = try #require(work.text("cmp/charts/trend-usefulness.svg"))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("<desc>Kashkasuu 2013-01 (n = 30): 77% (95% CI 59–88%); \(escaped) (n = 28): 89% (95% CI 73–96%)"),
                "\(svg)")
    }

    /// The chart's points and the workbook's cells are scipy's figures, event for event in date order.
    @Test func chartAndWorkbookHoldScipysFigures() throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try Self.run(work, format: "html,xlsx")
        #expect(result.status == 0, "\(result)")
        let expected = try Self.expected()
        let names = ["Kashkasuu 2013-01", Self.hostile, "Osh 2013-06"]
        #expect(expected.count == 3)

        // The points: y = 26 + (1 − top2/100) × 160 in the 340 px chart.
        let svg = try #require(work.text("cmp/charts/trend-usefulness.svg"))
        let circles = svg.matches(of: /<circle cx="([0-9.]+)" cy="([0-9.]+)"/).map { (Double($0.1)!, Double($0.2)!) }
        #expect(circles.count == 3)
        #expect(circles.map(\.0) == circles.map(\.0).sorted(), "left to right")
        for (circle, event) in zip(circles, expected) {
            #expect(abs(circle.1 - (186 - event.top2 / 100 * 160)) <= 0.05, "\(event.name): \(circle)")
        }

        let file = try XLSXReadBack(path: work.path("cmp/comparison.xlsx"))
        let rows = try file.rows("Comparison")
        let cells = try file.cells("Comparison")
        for (name, event) in zip(names, expected) {
            let top = try #require(rows.firstIndex { $0.count > 5 && $0[0] == "usefulness" && $0[2] == "top 2 box" && $0[5] == name }) + 1
            #expect(Self.close(cells["J\(top)"]?.number, event.top2 / 100), "\(name)")
            #expect(Self.close(cells["K\(top)"]?.number, event.top2CI[0] / 100))
            #expect(Self.close(cells["L\(top)"]?.number, event.top2CI[1] / 100))
            #expect(cells["J\(top)"]?.numberFormat == "0.0%")
            let mean = try #require(rows.firstIndex { $0.count > 5 && $0[0] == "usefulness" && $0[2] == "mean" && $0[5] == name }) + 1
            #expect(Self.close(cells["M\(mean)"]?.number, event.mean))
            #expect(Self.close(cells["K\(mean)"]?.number, event.meanCI[0]))
            #expect(Self.close(cells["L\(mean)"]?.number, event.meanCI[1]))
        }
        let events = try file.cells("Events")
        #expect(events["A3"]?.text == Self.hostile && events["A3"]?.isNumber == false)
        #expect(Self.close(events["E2"]?.number, 31.0 / 40), "Kashkasuu: 31 responses of 40 participants")
    }
}
