import Foundation
import SurveyModel
import Testing
@testable import SurveyEntry

/// Every input the typed-answer fuzzer crashed or hung on (`Tests/Fixtures/fuzz-regressions/typed-answer/`)
/// goes through the fuzzer's own code path (`Fuzz/Sources/TypedAnswerFuzzer`; keep the two in
/// step): each line read as an answer to every question of feedback.yaml and the bundled
/// example and shown back, then all lines typed into one form. Each must return, in a child
/// process of its own. Run them alone with `swift test --filter FuzzRegression`.
struct TypedAnswerFuzzRegressionTests {
    static let inputs: [String] = {
        let folder = EntryFixtures.repoRoot.appendingPathComponent("Tests/Fixtures/fuzz-regressions/typed-answer").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
    }()

    /// Seconds an input may take before SIGALRM ends its child process (debug build).
    static let seconds: UInt32 = 20

    @Test(arguments: inputs)
    func returns(input: String) async {
        await #expect(processExitsWith: .success, "\(input) crashed or took over \(TypedAnswerFuzzRegressionTests.seconds) s") { [input] in
            alarm(TypedAnswerFuzzRegressionTests.seconds)
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: input)), as: UTF8.self)
            let feedback = try EntryFixtures.feedback()
            let parsers = try [feedback, EntryFixtures.seminar()].flatMap { questionnaire in
                questionnaire.questions.map { TypedAnswerParser(question: $0, language: questionnaire.language) }
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in lines {
                for parser in parsers {
                    switch parser.read(line) {
                    case .success(let answer): _ = parser.display(answer)
                    case .failure(let problem): #expect(!problem.message.isEmpty)
                    }
                }
            }
            var session = EntrySession(questionnaire: feedback, respondent: "1")
            for line in lines {
                switch session.submit(line) {
                case .save, .leave: _ = session.response; return
                default: continue
                }
            }
        }
    }
}
