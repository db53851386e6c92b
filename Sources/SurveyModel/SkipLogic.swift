/// Applies `when` and `required` to a whole row, in form order.
///
/// Built once per questionnaire so that rows only visit the questions that have rules. Order
/// matters: an answer dropped because its question was skipped can in turn skip later ones.
public struct SkipLogic: Sendable {
    private let questionnaire: Questionnaire
    private let ruled: [Int]

    public init(_ questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        ruled = questionnaire.questions.indices.filter {
            questionnaire.questions[$0].when != nil || questionnaire.questions[$0].required
        }
    }

    /// Whether question `index` is asked given the answers so far.
    public func isAsked(_ index: Int, answers: [Answer]) -> Bool {
        questionnaire.questions[index].when?.holds(for: answers) ?? true
    }

    /// Clears answers to questions that were not asked and reports them, and reports required
    /// questions left blank. `hadValueProblem(i)` says question `i` already has a problem for
    /// its value, so a blank caused by a bad value is not reported twice.
    public func apply(to answers: inout [Answer], hadValueProblem: (Int) -> Bool) -> [(question: Int, problem: AnswerProblem)] {
        var problems: [(Int, AnswerProblem)] = []
        for index in ruled {
            let question = questionnaire.questions[index]
            // A condition over a value that failed validation cannot be decided: keep the answer.
            if let condition = question.when, condition.questions.contains(where: hadValueProblem) {
                continue
            }
            if let condition = question.when, !condition.holds(for: answers) {
                if answers[index].isAnswered {
                    problems.append((index, .answeredWhenSkipped(condition: condition.source)))
                    answers[index] = .missing
                }
                continue
            }
            if question.required, !answers[index].isAnswered, !hadValueProblem(index) {
                problems.append((index, .requiredMissing))
            }
        }
        return problems
    }
}
