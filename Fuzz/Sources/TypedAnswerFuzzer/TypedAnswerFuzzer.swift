import FuzzFixtures
import SurveyEntry
import SurveyModel

/// Fuzzes what an operator types into `survey enter`: each line of the input is read as an
/// answer to every question of `feedback.yaml` and of the bundled example (and the answer read
/// back as the screen shows it), then all lines are typed into one form of `feedback.yaml`,
/// commands (`<`, `?`, `:q`, question numbers at the review) included.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    TypedAnswerFuzzer.type(data.text(count: size))
    return 0
}

/// What a fuzz input goes through (twin: Tests/SurveyEntryTests/TypedAnswerFuzzRegressionTests.swift).
enum TypedAnswerFuzzer {
    /// Readers for feedback.yaml's questions, then the bundled example's, built once.
    static let feedbackParsers = readers(FuzzFixture.feedback)
    static let parsers = feedbackParsers + readers(FuzzFixture.seminar)

    private static func readers(_ questionnaire: Questionnaire) -> [TypedAnswerParser] {
        questionnaire.questions.map { TypedAnswerParser(question: $0, language: questionnaire.language) }
    }

    static func type(_ input: String) {
        let lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines {
            for parser in parsers {
                switch parser.read(line) {
                case .success(let answer): _ = parser.display(answer)
                case .failure(let problem): precondition(!problem.message.isEmpty)
                }
            }
        }
        var session = EntrySession(questionnaire: FuzzFixture.feedback, respondent: "1", parsers: feedbackParsers)
        for line in lines {
            switch session.submit(line) {
            case .save, .leave: _ = session.response; return
            default: continue
            }
        }
    }
}
