import Foundation
import Testing
@testable import SurveyStatistics

/// The lean keyword path (issue 13) on the benchmark's long-text shape: `survey stats` on
/// 20,000 generated responses (`bench/generate.py --shape longtext`, 24,000 answers of 2–7
/// sentences, ~650,000 words) gives exactly the keywords, phrases and answer counts that the
/// release binary of main gave before the change (recorded by
/// `Tests/Fixtures/keywords/record-longtext-keywords.py`).
@Suite struct LongTextKeywordTests {
    /// Whether python3 with numpy (the generator's one dependency) is installed.
    static let generatorAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import numpy"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// One text question's figures, as `survey stats --format json` writes them.
    struct TextFigures: Decodable, Equatable {
        struct Count: Decodable, Equatable, CustomStringConvertible {
            let text: String
            let answers: Int
            let occurrences: Int
            var description: String { "\(text) \(answers)/\(occurrences)" }
        }

        let answersWithWords: Int
        let keywords: [Count]
        let phrases: [Count]

        enum CodingKeys: String, CodingKey {
            case answersWithWords = "answers_with_words"
            case keywords, phrases
        }
    }

    /// The parts of the stats document the test compares.
    struct StatsDocument: Decodable {
        struct Question: Decodable {
            let id: String
            let text: TextFigures?
        }

        let questions: [Question]
    }

    @Test(.enabled(if: generatorAvailable, "python3 with numpy is not installed: bench/generate.py needs it"))
    func longTextKeywordsMatchTheFiguresRecordedBeforeTheLeanPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("survey-longtext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("longtext.csv").path
        let questionnaire = directory.appendingPathComponent("bench.yaml").path

        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = [
            "python3", Fixture.packageRoot.appendingPathComponent("bench/generate.py").path, "--shape", "longtext",
            "--rows", "20000", "--seed", "2013", "--out", data, "--questionnaire", questionnaire,
        ]
        generator.standardError = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0, "bench/generate.py --shape longtext failed")

        let run = try SurveyBinary.run(["stats", questionnaire, data, "--format", "json", "--top", "100000"])
        try #require(run.status == 0, "\(run.stderr)")
        let document = try JSONDecoder().decode(StatsDocument.self, from: Data(run.stdout.utf8))
        let figures = Dictionary(uniqueKeysWithValues: document.questions.compactMap { question in question.text.map { (question.id, $0) } })
        let expected = try Fixture.decode([String: TextFigures].self, "longtext-20000-seed2013.keywords.json")

        #expect(Set(figures.keys) == ["liked", "improve"])
        for (id, want) in expected {
            let got = try #require(figures[id])
            #expect(got.answersWithWords == want.answersWithWords, "\(id)")
            #expect(got.keywords.count == want.keywords.count, "\(id): every keyword, not only the top 20")
            #expect(got.keywords == want.keywords, "\(id)")
            #expect(got.phrases == want.phrases, "\(id)")
        }
    }
}
