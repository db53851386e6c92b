import Foundation
import SurveyModel
import SurveyReport
import SurveyStatistics
import Testing

/// Golden-file tests of every report file: the rendered output must match the files under
/// Tests/Fixtures/report-golden/CASE/ byte for byte. The English example's golden files are the
/// committed `reports/seminar-feedback/` itself, so the published example can never go stale;
/// it is written by `make report` through `ReportFolder`, so it also holds the `.survey-report`
/// marker, which must list exactly the rendered files. Re-record on purpose only, with `RECORD_SNAPSHOTS=1 make test`, and review the diff.
@Suite struct GoldenReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var questionnaire: String
        var responses: String
        var language: ReportLanguage
        /// Where the golden files live, relative to the repository root.
        var golden: String { isPublishedReport ? "reports/seminar-feedback" : "Tests/Fixtures/report-golden/\(name)" }
        /// The published example, written (and recorded) the way `survey report` writes it, marker included.
        var isPublishedReport: Bool { name == "seminar-en" }
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "seminar-en", questionnaire: "questionnaires/seminar-feedback.yaml", responses: "responses/seminar-feedback.csv", language: .english),
        Case(name: "seminar-ru", questionnaire: "questionnaires/seminar-feedback.yaml", responses: "responses/seminar-feedback.csv", language: .russian),
        Case(name: "hostile", questionnaire: "Tests/Fixtures/report-golden/hostile.yaml", responses: "Tests/Fixtures/report-golden/hostile.csv", language: .english),
        Case(name: "no-responses", questionnaire: "Tests/Fixtures/report-golden/hostile.yaml", responses: "Tests/Fixtures/report-golden/empty.csv", language: .english),
        // The ledger with problems of several kinds and rejected rows (issue 9).
        Case(name: "messy-ledger", questionnaire: "Tests/Fixtures/feedback.yaml", responses: "Tests/Fixtures/responses-messy.csv", language: .english),
        Case(name: "one-respondent", questionnaire: "Tests/Fixtures/report-golden/hostile.yaml", responses: "Tests/Fixtures/report-golden/one.csv", language: .english),
    ]

    static func render(_ testCase: Case) throws -> [(path: String, content: String)] {
        try report(testCase).files(formats: Set(FeedbackReport.Format.allCases), excel: false)
    }

    /// The charts' PNG twins. Kept only in the published example, and compared by size, not
    /// byte for byte: their pixels depend on the fonts and the librsvg of the machine.
    static func pictures(_ testCase: Case) throws -> [(path: String, bytes: [UInt8])] {
        try report(testCase).pictures(formats: Set(FeedbackReport.Format.allCases))
    }

    static func report(_ testCase: Case) throws -> FeedbackReport {
        let questionnaire = try QuestionnaireLoader.load(path: root.appendingPathComponent(testCase.questionnaire).path)
        var options = StatisticsOptions(quotes: .all)
        options.crossTabs = questionnaire.report.crosstabs
        options.keywordQuestions = questionnaire.report.keywords
        let responses = root.appendingPathComponent(testCase.responses).path
        let (results, _) = try SurveyAnalysis.run(questionnaire: questionnaire, files: [responses], options: options)
        // The event id `survey report` gives: the questionnaire file's name.
        let eventID = URL(fileURLWithPath: testCase.questionnaire).deletingPathExtension().lastPathComponent
        return FeedbackReport(results: results, options: ReportOptions(language: testCase.language, eventID: eventID))
    }

    @Test(arguments: cases)
    func matchesGoldenFiles(_ testCase: Case) throws {
        let files = try GoldenReportTests.render(testCase)
        let folder = GoldenReportTests.root.appendingPathComponent(testCase.golden)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            if testCase.isPublishedReport {
                try ReportFolder.write(files, pictures: try GoldenReportTests.pictures(testCase), to: folder.path)
                return
            }
            try? FileManager.default.removeItem(at: folder)
            for file in files {
                let url = folder.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.content.utf8).write(to: url)
            }
            return
        }
        var recorded = try GoldenReportTests.listFiles(in: folder)
        if testCase.isPublishedReport {
            let pictures = try GoldenReportTests.pictures(testCase)
            let marker = try? String(contentsOf: folder.appendingPathComponent(ReportMarker.fileName), encoding: .utf8)
            #expect(marker == ReportFolder.marker(for: files, pictures: pictures).text, "\(ReportMarker.fileName) must list the rendered files; run `make report`")
            recorded.remove(ReportMarker.fileName)
            for picture in pictures {
                let expected = try? [UInt8](Data(contentsOf: folder.appendingPathComponent(picture.path)))
                recorded.remove(picture.path)
                if picture.path.hasSuffix(".docx") {
                    // The Word document's XML parts byte for byte; its PNGs, like the twins, by size.
                    try Self.compareWordDocuments(expected, picture.bytes, name: "\(testCase.name)/\(picture.path)")
                    continue
                }
                guard picture.path.hasSuffix(".png") else {
                    // report.xlsx: libxlsxwriter writes the same bytes for the same workbook.
                    #expect(expected.map { $0 == picture.bytes } == true, "\(testCase.name)/\(picture.path) is missing or differs from the golden file; re-record with RECORD_SNAPSHOTS=1 if intended")
                    continue
                }
                let size = expected.flatMap(ChartPictureTests.size(ofPNG:))
                #expect(size != nil && size.map { [$0.width, $0.height] } == ChartPictureTests.size(ofPNG: picture.bytes).map { [$0.width, $0.height] },
                        "\(testCase.name)/\(picture.path) is missing or not the rendered chart's size")
            }
        }
        #expect(recorded == Set(files.map(\.path)), "files differ from the golden set; re-record with RECORD_SNAPSHOTS=1 if intended")
        for file in files {
            let expected = try? String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
            #expect(expected == file.content, "\(testCase.name)/\(file.path) differs from the golden file")
        }
    }

    /// Two .docx files hold the same parts, the same XML byte for byte and pictures of the same size.
    static func compareWordDocuments(_ expected: [UInt8]?, _ rendered: [UInt8], name: String) throws {
        guard let expected else {
            Issue.record("\(name) is missing; re-record with RECORD_SNAPSHOTS=1 if intended")
            return
        }
        let old = try WordPackageReader(expected).parts, new = try WordPackageReader(rendered).parts
        #expect(Set(old.keys) == Set(new.keys), "\(name): the parts differ")
        for (path, bytes) in new {
            if path.hasSuffix(".png") {
                #expect(old[path].flatMap(ChartPictureTests.size(ofPNG:)).map { [$0.width, $0.height] } == ChartPictureTests.size(ofPNG: bytes).map { [$0.width, $0.height] },
                        "\(name): \(path) is not the rendered chart's size")
            } else {
                #expect(old[path].map { String(decoding: $0, as: UTF8.self) } == String(decoding: bytes, as: UTF8.self), "\(name): \(path) differs from the golden file")
            }
        }
    }

    @Test func renderingIsDeterministic() throws {
        let first = try GoldenReportTests.render(GoldenReportTests.cases[0])
        let second = try GoldenReportTests.render(GoldenReportTests.cases[0])
        #expect(first.map(\.content) == second.map(\.content))
    }

    @Test func hostileTextIsNeutralized() throws {
        let files = Dictionary(uniqueKeysWithValues: try GoldenReportTests.render(GoldenReportTests.cases[2]).map { ($0.path, $0.content) })
        let markdown = try #require(files["report.md"])
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>alert\\(1\\)\\</script\\>") || markdown.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(markdown.contains("\\| pipes \\|"))
        #expect(!markdown.contains("\n# heading"))
        let comments = try #require(files["comments.csv"])
        #expect(comments.contains("'=HYPERLINK"))
        #expect(comments.contains("\"'+SUM(A1)"))
        #expect(!comments.contains(",=HYPERLINK"))
        if let html = files["report.html"] {
            #expect(!html.contains("<script"))
            #expect(html.contains("&lt;script&gt;"))
        }
    }

    static func listFiles(in folder: URL) throws -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var paths: Set<String> = []
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            paths.insert(String(url.standardizedFileURL.path.dropFirst(base.count)))
        }
        return paths
    }
}
