import Foundation
@testable import SurveyReport
import Testing

/// A report's parts rendered side by side come back in the order given, and a failure is the
/// first one in that order, whatever thread finished first.
@Suite struct RenderJobsTests {
    @Test func valuesComeBackInTheOrderOfTheJobs() throws {
        // Later jobs finish first: each sleeps less than the one before it.
        let jobs: [RenderJobs.Job<Int>] = (0..<8).map { index in
            { usleep(UInt32((8 - index) * 3_000)); return .success(index * index) }
        }
        #expect(try RenderJobs.run(jobs) == [0, 1, 4, 9, 16, 25, 36, 49])
    }

    @Test func theFirstFailureInJobOrderIsThrown() {
        let jobs: [RenderJobs.Job<Int>] = [
            { .success(1) },
            { usleep(20_000); return .failure(.chartPictureFailed(chart: "second", reason: "slow")) },
            { .failure(.chartPictureFailed(chart: "third", reason: "fast")) },
        ]
        #expect {
            try RenderJobs.run(jobs)
        } throws: { error in
            guard case .chartPictureFailed(let chart, _)? = error as? ReportError else { return false }
            return chart == "second"
        }
    }

    /// `survey report` renders its formats side by side, each chart a job of its own: the same
    /// files, in the same order, as each format rendered on its own, one chart after another.
    @Test func outputsEqualFilesAndPicturesRenderedOneByOne() throws {
        let report = FeedbackReport(results: try HTMLInChromiumTests.bundledExample(), options: ReportOptions(language: .english))
        let formats = Set(FeedbackReport.Format.allCases)
        let together = try report.outputs(formats: formats, excel: false)
        let files = report.files(formats: formats, excel: false)
        #expect(together.files.map(\.path) == files.map(\.path) && together.files.map(\.content) == files.map(\.content))
        var options = report.options
        options.fullAnswersFile = "comments.csv"
        var alone: [(path: String, bytes: [UInt8])] = []
        for chart in HTMLReport(results: report.results, options: report.options).charts() {
            alone.append(("charts/\(chart.name).png", try ChartPicture.png(svg: chart.svg, name: chart.name)))
        }
        alone.append(("report.docx", try WordReport(results: report.results, options: options).render()))
        alone.append(("report.xlsx", try ExcelReport(results: report.results, options: options).bytes()))
        #expect(together.pictures.map(\.path) == alone.map(\.path))
        #expect(together.pictures.map(\.bytes) == alone.map(\.bytes))
        let pictures = try report.pictures(formats: formats)
        #expect(together.pictures.map(\.bytes) == pictures.map(\.bytes))
    }
}
