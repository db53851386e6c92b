/// Applies `when` and `required` to a whole row, in form order.
///
/// Built once per questionnaire so that rows only visit the questions that have rules. Order
/// matters: an answer dropped because its question was skipped can in turn skip later ones.
public struct SkipLogic: Sendable {
    private let conditions: [Condition?]
    private let required: [Bool]
    private let ruled: [Int]
    /// Whether each question has a `when`: most have none, and a row asks this of every question.
    private let conditioned: [Bool]
    /// The questions each `when` reads, by question (empty without one).
    private let conditionQuestions: [[Int]]
    /// Every `when` in postfix form, back to back, and each question's span of it (empty
    /// without one, or for an expression too deep for the stack of bits: then `conditions`).
    /// The steps are plain values: reading them costs no reference counting, and a row asks
    /// this of every conditional question twice (import, then statistics).
    private let program: [Condition.Step]
    private let spans: [Range<Int>]

    public init(_ questionnaire: Questionnaire) {
        conditions = questionnaire.questions.map(\.when)
        required = questionnaire.questions.map(\.required)
        conditioned = questionnaire.questions.map { $0.when != nil }
        conditionQuestions = questionnaire.questions.map { $0.when?.questions ?? [] }
        var program: [Condition.Step] = []
        spans = questionnaire.questions.map { question in
            let start = program.count
            program += question.when?.steps ?? []
            return start..<program.count
        }
        self.program = program
        ruled = questionnaire.questions.indices.filter {
            questionnaire.questions[$0].when != nil || questionnaire.questions[$0].required
        }
    }

    /// Whether question `index` is asked given the answers so far.
    public func isAsked(_ index: Int, answers: [Answer]) -> Bool {
        guard conditioned[index] else { return true }
        return holds(index, answers)
    }

    private func holds(_ index: Int, _ answers: [Answer]) -> Bool {
        let span = spans[index]
        guard !span.isEmpty else { return conditions[index]!.holds(for: answers) }
        return program.withUnsafeBufferPointer { program in
            answers.withUnsafeBufferPointer { Condition.run(UnsafeBufferPointer(rebasing: program[span]), $0) }
        }
    }

    /// Clears answers to questions that were not asked and reports them, and reports required
    /// questions left blank. `hadValueProblem(i)` says question `i` already has a problem for
    /// its value, so a blank caused by a bad value is not reported twice.
    /// Nil `hadValueProblem`: no question has one (most rows).
    public func apply(to answers: inout [Answer], hadValueProblem: ((Int) -> Bool)?) -> [(question: Int, problem: AnswerProblem)] {
        var problems: [(Int, AnswerProblem)] = []
        for index in ruled {
            if conditioned[index] {
                // A condition over a value that failed validation cannot be decided: keep the answer.
                if let hadValueProblem, conditionQuestions[index].contains(where: hadValueProblem) { continue }
                if !holds(index, answers) {
                    if answers[index].hasValue {
                        problems.append((index, .answeredWhenSkipped(condition: conditions[index]!.source)))
                        answers[index] = .missing
                    }
                    continue
                }
            }
            if required[index], !answers[index].hasValue, hadValueProblem?(index) != true {
                problems.append((index, .requiredMissing))
            }
        }
        return problems
    }
}
