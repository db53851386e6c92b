import SurveyModel

/// One form typed twice: the first entry from the responses file and the second typed blind.
/// Walks the questions in form order and stops at each one where the two differ, for the
/// operator to say what the paper says.
///
/// Skip logic follows the resolved answers: a question that the resolved answers leave out
/// is resolved as no answer without asking, even when the two entries differ there.
public struct DoubleEntry: Sendable {
    /// The questionnaire.
    public let questionnaire: Questionnaire
    /// The form as first entered.
    public let first: Response
    /// The same form typed again.
    public let second: Response
    /// Answers settled so far (all of them once `pending` is nil).
    public private(set) var resolved: [Answer]
    /// Questions where the operator typed `!` instead of picking.
    public private(set) var illegible: Set<Int> = []
    /// Questions the first entry marked illegible (from the problems file), shown as such.
    public var firstIllegible: Set<Int> = []
    /// Questions the second entry marked illegible while typing.
    public var secondIllegible: Set<Int> = []
    /// The question awaiting a decision; nil when every question is settled.
    public private(set) var pending: Int?

    public init(questionnaire: Questionnaire, first: Response, second: Response,
                firstIllegible: Set<Int> = [], secondIllegible: Set<Int> = []) {
        self.questionnaire = questionnaire
        self.first = first
        self.second = second
        self.firstIllegible = firstIllegible
        self.secondIllegible = secondIllegible
        resolved = Array(repeating: .missing, count: questionnaire.questions.count)
        pending = nil
        settle(from: 0)
    }

    /// Settles the pending question with `answer` and moves to the next disagreement.
    public mutating func resolve(_ answer: Answer, illegible isIllegible: Bool = false) {
        guard let index = pending else { return }
        resolved[index] = answer
        if isIllegible { illegible.insert(index) }
        settle(from: index + 1)
    }

    private mutating func settle(from start: Int) {
        for index in start..<questionnaire.questions.count {
            guard isAsked(index, in: resolved) else {
                resolved[index] = .missing
                continue
            }
            if first.answers[index] == second.answers[index] {
                resolved[index] = first.answers[index]
                continue
            }
            pending = index
            return
        }
        pending = nil
    }

    private func isAsked(_ index: Int, in answers: [Answer]) -> Bool {
        questionnaire.questions[index].when?.holds(for: answers) ?? true
    }

    /// The corrected form.
    /// Other answers' texts come from the first entry (the form has no field to type them).
    public var corrected: Response {
        Response(respondent: first.respondent, answers: resolved, otherTexts: first.otherTexts)
    }

    /// Whether the resolved form differs from the first entry (the responses file needs a rewrite).
    public var changesFirstEntry: Bool { resolved != first.answers }

    /// One comparison per question asked in either entry or in the resolved form.
    public func comparisons(operator name: String) -> [Comparison] {
        questionnaire.questions.indices.compactMap { index in
            let question = questionnaire.questions[index]
            let asked = isAsked(index, in: first.answers) || isAsked(index, in: second.answers) || isAsked(index, in: resolved)
            guard asked else { return nil }
            var comparison = Comparison(
                respondent: first.respondent, questionID: question.id,
                first: first.answers[index].canonicalText(for: question),
                second: second.answers[index].canonicalText(for: question),
                resolved: resolved[index].canonicalText(for: question),
                operatorName: name
            )
            comparison.resolvedIllegible = illegible.contains(index)
            return comparison
        }
    }

    /// Questions whose first entry had no answer (blank, illegible, or never typed) and whose
    /// resolved answer has one: the problems the first entry listed there are settled.
    public var filledQuestions: [Int] {
        questionnaire.questions.indices.filter { !first.answers[$0].hasValue && resolved[$0].hasValue && !illegible.contains($0) }
    }

    /// How many questions the two entries disagree on.
    public var disagreements: Int {
        comparisons(operator: "").filter(\.isDisagreement).count
    }
}

/// One answer compared between two entries: a row of `NAME.verification.csv`.
public struct Comparison: Sendable, Hashable {
    /// The columns of the verification file.
    public static let header = ["respondent", "question", "first", "second", "resolved", "operator"]

    /// The form.
    public var respondent: String
    /// The question.
    public var questionID: String
    /// The first entry's value (canonical text).
    public var first: String
    /// The second entry's value.
    public var second: String
    /// What the paper says, as decided.
    public var resolved: String
    /// Who typed the second entry.
    public var operatorName: String

    public init(respondent: String, questionID: String, first: String, second: String, resolved: String, operatorName: String) {
        self.respondent = respondent
        self.questionID = questionID
        self.first = first
        self.second = second
        self.resolved = resolved
        self.operatorName = operatorName
    }

    /// A row read back from the file; nil when it has the wrong number of fields.
    public init?(fields: [String]) {
        guard fields.count == Comparison.header.count else { return nil }
        self.init(respondent: fields[0], questionID: fields[1], first: fields[2], second: fields[3], resolved: fields[4], operatorName: fields[5])
    }

    /// Whether the paper could not be read when the entries were compared (`!` at the
    /// question): known from the problems file, not a column of the verification file.
    public var resolvedIllegible = false

    /// How one compared answer came out, and whom a difference is charged to.
    public enum Outcome: Sendable, Hashable {
        /// Both entries typed the same.
        case agreed
        /// The first entry was blank (left empty, illegible, or the form was left early) and
        /// the second typed what the paper says: nobody's error.
        case completed
        /// The entries differ and the paper could not be read either: nobody's error.
        case illegible
        /// The entries differ; each entry that is not what the paper says is charged (both when
        /// the paper shows neither).
        case differed(firstWrong: Bool, secondWrong: Bool)
    }

    /// The outcome of this comparison.
    public var outcome: Outcome {
        if first == second { return .agreed }
        if resolvedIllegible && resolved.isEmpty { return .illegible }
        if first.isEmpty && !second.isEmpty && resolved == second { return .completed }
        return .differed(firstWrong: first != resolved, secondWrong: second != resolved)
    }

    /// Whether the two entries differ in a way that is someone's error (a first entry completed
    /// by the second is not a disagreement).
    public var isDisagreement: Bool {
        if case .differed = outcome { return true }
        return false
    }

    /// Whether the second entry filled a blank of the first.
    public var isCompleted: Bool { outcome == .completed }

    /// Whether the first entry was not what the paper says.
    public var firstWrong: Bool {
        if case .differed(let wrong, _) = outcome { return wrong }
        return false
    }

    /// Whether the second entry was not what the paper says.
    public var secondWrong: Bool {
        if case .differed(_, let wrong) = outcome { return wrong }
        return false
    }

    /// The row.
    public var fields: [String] { [respondent, questionID, first, second, resolved, operatorName] }
}
