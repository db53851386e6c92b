import Foundation
import SurveyModel
import Testing

/// Every input the expression fuzzer crashed or hung on (`Tests/Fixtures/fuzz-regressions/condition/`)
/// goes through the fuzzer's own code path (`Fuzz/Sources/ConditionFuzzer`; keep the two in
/// step): parsed as `--where` and as the last question's `when:` against feedback.yaml, and
/// evaluated when it parses. Each must return, in a child process of its own.
struct ConditionFuzzRegressionTests {
    static let inputs = fuzzRegressionInputs("condition")

    @Test(arguments: inputs)
    func returns(input: String) async {
        await #expect(processExitsWith: .success, "\(input) crashed or took over \(fuzzRegressionSeconds) s") { [input] in
            alarm(fuzzRegressionSeconds)
            let source = String(decoding: try Data(contentsOf: URL(fileURLWithPath: input)), as: UTF8.self)
            let questionnaire = try Fixture.feedback()
            let questions = questionnaire.questions
            let canonical = ["ngo", "specialist", "brainstorm;letter", "2", "no", "34", "2.5", "More time", "Too long", "2013-01-25"]
            let full = zip(questions, canonical).map { AnswerParser(question: $0).parse($1).answer }
            let blank = [Answer](repeating: .missing, count: questions.count)
            for earlierThan in [nil, questions.count - 1] {
                do throws(ConditionError) {
                    let condition = try ConditionParser.parse(source, questions: questions, earlierThan: earlierThan)
                    _ = condition.holds(for: blank)
                    _ = condition.holds(for: full)
                } catch {
                    #expect(error.column >= 1 && !error.message.isEmpty)
                }
            }
        }
    }
}
