import FuzzFixtures
import SurveyModel

/// Fuzzes the expression parser in both its uses, against `Tests/Fixtures/feedback.yaml`:
/// as `survey stats --where EXPR` reads it (any question), and as a `when:` of the last
/// question (earlier questions only). A parsed condition is evaluated on a blank row and a
/// full one, as the statistics and the form do.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    ConditionFuzzer.parse(data.text(count: size))
    return 0
}

/// The parses a fuzz input goes through (twin: Tests/SurveyModelTests/ConditionFuzzRegressionTests.swift).
enum ConditionFuzzer {
    static func parse(_ source: String) {
        let questions = FuzzFixture.feedback.questions
        let blank = [Answer](repeating: .missing, count: questions.count)
        for earlierThan in [nil, questions.count - 1] {
            do {
                let condition = try ConditionParser.parse(source, questions: questions, earlierThan: earlierThan)
                _ = condition.holds(for: blank)
                _ = condition.holds(for: FuzzFixture.feedbackAnswers)
                precondition(condition.questions.allSatisfy { questions.indices.contains($0) })
            } catch {
                precondition(error.column >= 1 && !error.message.isEmpty)
            }
        }
    }
}
