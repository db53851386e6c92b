/// Applies `when` and `required` to a whole row, in form order.
///
/// Built once per questionnaire so that rows only visit the questions that have rules. Order
/// matters: an answer dropped because its question was skipped can in turn skip later ones.
public struct SkipLogic: Sendable {
    private let conditions: [Condition?]
    private let required: [Bool]
    private let ruled: [Int]

    public init(_ questionnaire: Questionnaire) {
        conditions = questionnaire.questions.map(\.when)
        required = questionnaire.questions.map(\.required)
        ruled = questionnaire.questions.indices.filter {
            questionnaire.questions[$0].when != nil || questionnaire.questions[$0].required
        }
    }

    /// Whether question `index` is asked given the answers so far.
    public func isAsked(_ index: Int, answers: [Answer]) -> Bool {
        conditions[index]?.holds(for: answers) ?? true
    }

    /// Clears answers to questions that were not asked and reports them, and reports required
    /// questions left blank. `hadValueProblem(i)` says question `i` already has a problem for
    /// its value, so a blank caused by a bad value is not reported twice.
    public func apply(to answers: inout [Answer], hadValueProblem: (Int) -> Bool) -> [(question: Int, problem: AnswerProblem)] {
        var problems: [(Int, AnswerProblem)] = []
        for index in ruled {
            // A condition over a value that failed validation cannot be decided: keep the answer.
            if let condition = conditions[index], condition.questions.contains(where: hadValueProblem) {
                continue
            }
            if let condition = conditions[index], !condition.holds(for: answers) {
                if answers[index].hasValue {
                    problems.append((index, .answeredWhenSkipped(condition: condition.source)))
                    answers[index] = .missing
                }
                continue
            }
            if required[index], !answers[index].hasValue, !hadValueProblem(index) {
                problems.append((index, .requiredMissing))
            }
        }
        return problems
    }
}
