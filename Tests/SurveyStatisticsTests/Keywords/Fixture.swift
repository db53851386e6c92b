import Foundation
@testable import SurveyStatistics

/// Test data read straight from the source tree through #filePath, so nothing sits in a bundle.
enum Fixture {
    /// The package root.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Tests/Fixtures/keywords.
    static let directory = packageRoot.appendingPathComponent("Tests/Fixtures/keywords")

    /// Decodes Fixtures/`name`.
    static func decode<Value: Decodable>(_ type: Value.Type, _ name: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// The stems that make-expected.py got from Python's snowballstemmer, by algorithm and word.
    static func expectedStems() throws -> [String: [String: String]] {
        try decode([String: [String: String]].self, "expected-stems.json")
    }
}

/// An answers-*.json fixture: one question's answers and the questionnaire settings that apply.
struct AnswersFixture: Decodable {
    let language: String?
    let stopwords: [String]
    let answers: [String]
}

/// An expected-*.json file written by make-expected.py.
struct ExpectedCounts: Decodable {
    let answerCount: Int
    let top: [ExpectedKeyword]
    let topPhrases: [ExpectedKeyword]
}

/// One `[text, answers, occurrences]` row of an expected table.
struct ExpectedKeyword: Decodable {
    let keyword: Keyword

    init(from decoder: any Decoder) throws {
        var row = try decoder.unkeyedContainer()
        keyword = Keyword(
            try row.decode(String.self),
            answers: try row.decode(Int.self),
            occurrences: try row.decode(Int.self)
        )
    }
}
