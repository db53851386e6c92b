import SurveyModel

/// One paper form being typed: which question is on screen, the answers so far, and the
/// review at the end. Pure state: nothing here reads a terminal or writes a file.
///
/// Questions come in form order, honouring `when`. `<` goes back to the previous asked
/// question; answering it returns to the first question not typed yet, so later answers that
/// are still asked are kept. The review lists every answer; a question number jumps back to
/// it, and the form returns to the review once nothing newly asked is left untyped.
public struct EntrySession: Sendable {
    /// Where the form is.
    public enum Position: Sendable, Hashable {
        /// Asking question `index` (0-based, form order).
        case question(Int)
        /// Showing all answers before saving.
        case review
    }

    /// What a typed line did.
    public enum Outcome: Sendable, Hashable {
        /// Accepted; the form moved on (to the next question or the review).
        case accepted
        /// Went back one question.
        case wentBack
        /// Jumped from the review to a question.
        case jumped
        /// Not accepted; ask again.
        case reask(EntryProblem)
        /// `?`: show help and ask again.
        case help
        /// `:q`: the operator wants to leave this form.
        case leave
        /// A Cyrillic letter whose twin on the English layout reads otherwise: ask which.
        case askLayout(LayoutQuestion)
        /// Enter at the review: save the form.
        case save
    }

    /// The questionnaire being typed.
    public let questionnaire: Questionnaire
    /// The number written on the paper form (changed only when it turned out to be taken).
    public internal(set) var respondent: String
    /// Readers for every question, in form order.
    public let parsers: [TypedAnswerParser]
    /// Answers as typed, kept when skip logic hides their question (it may come back).
    public private(set) var typed: [Answer]
    /// Questions whose paper answer was marked illegible.
    public private(set) var illegible: Set<Int> = []
    /// Questions the operator has answered (blank and illegible included).
    public private(set) var visited: Set<Int> = []
    /// Where the form is now.
    public private(set) var position: Position
    /// The layout question waiting for its `1`/`2`, if any.
    public private(set) var pendingLayout: LayoutQuestion?
    /// Answers kept as written on the paper although they break a rule (`!!`), by question.
    public private(set) var kept: [Int: KeptAnswer] = [:]
    /// Questions skip logic leaves out whose answer on the paper was typed on purpose (the
    /// review's `N!!`); saved as `survey import` saves them: blank, listed `answered_when_skipped`.
    public private(set) var keptWhenSkipped: Set<Int> = []
    /// The refused line that `!!` on the next line keeps, if any.
    public private(set) var keepable: Keepable?
    /// At the review, the question skip logic leaves out that `!!` on the next line opens.
    public private(set) var openable: Int?
    /// How the last accepted line was understood (`→ 1 Very poor`), for a line that was not
    /// a bare number; nil otherwise. Cleared by the next line.
    public private(set) var understood: String?

    public init(questionnaire: Questionnaire, respondent: String, parsers: [TypedAnswerParser]? = nil) {
        self.questionnaire = questionnaire
        self.respondent = respondent
        self.parsers = parsers ?? questionnaire.questions.map { TypedAnswerParser(question: $0, language: questionnaire.language, convention: questionnaire.numberConvention(for: $0)) }
        typed = Array(repeating: .missing, count: questionnaire.questions.count)
        position = .review
        position = nextPosition(after: -1)
    }

    /// A form already in the responses file, opened again (`--edit`, or its number typed when
    /// it was kept incomplete): its answers are the saved ones, every asked question before
    /// `leftAt` counts as typed, and the form opens at the first question not typed yet, or at
    /// the review when there is none.
    public init(questionnaire: Questionnaire, saved: Response, leftAt: Int?, parsers: [TypedAnswerParser]? = nil) {
        self.init(questionnaire: questionnaire, respondent: saved.respondent, parsers: parsers)
        for index in saved.answers.indices where index < typed.count { typed[index] = saved.answers[index] }
        let current = answers
        let end = leftAt ?? questionnaire.questions.count
        visited = Set(questionnaire.questions.indices.filter { $0 < end && isAsked($0, in: current) })
        position = nextPosition(after: -1)
    }

    /// An answer kept as on the paper: what `survey import` makes of the same cell.
    public struct KeptAnswer: Sendable, Hashable {
        /// The line as typed.
        public var typed: String
        /// The cell as the importer would read it (the problems file's `value`).
        public var value: String
        /// The importer's answer: blank, or the valid part of a list.
        public var answer: Answer
        /// The importer's problems with it, each a problems-file row.
        public var problems: [AnswerProblem]
    }

    /// A refused line that may be kept.
    public struct Keepable: Sendable, Hashable {
        /// The question.
        public var index: Int
        /// The line as typed (without a trailing `!!`).
        public var text: String
    }

    /// Number of questions on the form, asked or not.
    public var count: Int { questionnaire.questions.count }

    /// The answers as they will be saved: answers to questions skip logic leaves out are
    /// cleared, in form order, so a cleared answer can in turn skip later questions.
    public var answers: [Answer] {
        var result = typed
        for (index, question) in questionnaire.questions.enumerated() {
            if let condition = question.when, decides(condition), !condition.holds(for: result) { result[index] = .missing }
        }
        return result
    }

    /// Whether question `index` is asked given the answers so far.
    public func isAsked(_ index: Int) -> Bool {
        isAsked(index, in: answers)
    }

    private func isAsked(_ index: Int, in answers: [Answer]) -> Bool {
        guard let condition = questionnaire.questions[index].when else { return true }
        return !decides(condition) || condition.holds(for: answers)
    }

    /// A condition over an answer kept with a broken rule cannot be decided: its question is
    /// asked and its answer kept, as `survey import` keeps it (`SkipLogic.apply`).
    private func decides(_ condition: Condition) -> Bool {
        kept.isEmpty || !condition.questions.contains { kept[$0] != nil }
    }

    /// The rows `NAME.problems.csv` gets for the answers kept as on the paper, in form order,
    /// exactly as `survey import` lists the same answers: each broken rule of an asked (or
    /// purposely typed) question with the importer's value and problem, then
    /// `answered_when_skipped` for each answer typed on purpose to a question not asked.
    public var keptProblems: [(question: Int, value: String, problem: AnswerProblem)] {
        let current = answers
        var rows: [(question: Int, value: String, problem: AnswerProblem)] = []
        for index in questionnaire.questions.indices {
            let asked = isAsked(index, in: current)
            if let answer = kept[index], asked || keptWhenSkipped.contains(index) {
                rows += answer.problems.map { (index, answer.value, $0) }
            }
            if !asked, keptWhenSkipped.contains(index), typed[index].hasValue, let condition = questionnaire.questions[index].when {
                rows.append((index, kept[index]?.value ?? typed[index].canonicalText(for: questionnaire.questions[index]),
                             .answeredWhenSkipped(condition: condition.source)))
            }
        }
        return rows
    }

    /// The response to save.
    public var response: Response {
        Response(respondent: respondent, answers: answers)
    }

    /// Asked questions marked illegible, in form order.
    public var illegibleQuestions: [Int] {
        let current = answers
        return illegible.sorted().filter { isAsked($0, in: current) && !current[$0].hasValue }
    }

    /// The first asked question not typed yet; nil when every asked question has been.
    public var firstUntyped: Int? {
        let current = answers
        return questionnaire.questions.indices.first { isAsked($0, in: current) && !visited.contains($0) }
    }

    /// Answered questions, for the leave prompt.
    public var answeredCount: Int { answers.filter(\.hasValue).count }

    /// Handles one typed line.
    public mutating func submit(_ line: String) -> Outcome {
        let command = EntryCommand(line)
        understood = nil
        let keepable = self.keepable, openable = self.openable
        self.keepable = nil
        self.openable = nil
        if case .text("!!") = command {
            switch position {
            case .question(let index):
                guard let keepable, keepable.index == index else { return .reask(.nothingToKeep) }
                pendingLayout = nil
                return keep(keepable.text, at: index)
            case .review:
                guard let openable else { return .reask(.nothingToKeep) }
                return open(openable)
            }
        }
        if let pending = pendingLayout, case .question(let index) = position, pending.index == index {
            pendingLayout = nil
            switch command {
            case .text("1"):
                return take(pending.twinAnswer, at: index, echo: true)
            case .text("2") where pending.typedAnswer != nil:
                return take(pending.typedAnswer!, at: index, echo: true)
            case .blank:
                pendingLayout = pending
                return .askLayout(pending)
            default:
                break
            }
        }
        pendingLayout = nil
        switch position {
        case .question(let index): return answer(command, at: index)
        case .review: return review(command)
        }
    }

    private mutating func answer(_ command: EntryCommand, at index: Int) -> Outcome {
        let question = questionnaire.questions[index]
        switch command {
        case .help: return .help
        case .leave: return .leave
        case .back:
            let current = answers
            guard let previous = (0..<index).last(where: { isAsked($0, in: current) }) else { return .reask(.firstQuestion) }
            position = .question(previous)
            return .wentBack
        case .illegible:
            record(.missing, at: index, illegible: true)
        case .blank where visited.contains(index):
            // A revisited question: Enter keeps what is there; `-` clears it.
            understood = "kept: " + nowText(index)
        case .blank, .clear:
            if question.required { return .reask(.required(number: index + 1)) }
            if command == .clear || visited.contains(index) { understood = "no answer" }
            record(.missing, at: index, illegible: false)
        case .text(let line):
            // `ANSWER !!`: keep it at once if it breaks a rule (never in a text, where `!!` is text).
            let keepNow = question.kind != .text && line.hasSuffix("!!") && line.count > 2
            let text = keepNow ? String(line.dropLast(2)).trimmingCharacters(in: .whitespaces) : line
            if !keepNow, let ask = LayoutQuestion.check(text, at: index, question: question, parser: parsers[index]) {
                pendingLayout = ask
                return .askLayout(ask)
            }
            switch parsers[index].read(text) {
            case .failure(let problem):
                guard problem.canBeKept, parsers[index].asOnPaper(text) != nil else { return .reask(problem) }
                if keepNow { return keep(text, at: index) }
                self.keepable = Keepable(index: index, text: text)
                return .reask(problem)
            case .success(let answer):
                return take(answer, at: index, echo: EntrySession.needsEcho(text, question: question, answer: answer))
            }
        }
        position = nextPosition(after: index)
        return .accepted
    }

    /// Keeps a refused line as the paper has it: the importer's answer for it (blank, or the
    /// valid part of a list) and its problems, listed at the save. Allowed on required
    /// questions too: the paper has an answer there, only not a valid one.
    private mutating func keep(_ text: String, at index: Int) -> Outcome {
        guard let paper = parsers[index].asOnPaper(text) else { return .reask(.nothingToKeep) }
        record(paper.outcome.answer, at: index, illegible: false)
        let answer = KeptAnswer(typed: text, value: paper.value, answer: paper.outcome.answer, problems: paper.outcome.problems)
        kept[index] = answer
        understood = "kept as on the paper: " + EntrySession.describe(answer)
        position = nextPosition(after: index)
        return .accepted
    }

    /// `!! 7 · out_of_range`, how a kept answer reads back.
    static func describe(_ kept: KeptAnswer) -> String {
        "!! \(kept.typed) · " + kept.problems.map(\.kind).joined(separator: ", ")
    }

    /// Opens a question skip logic leaves out, to type what the paper has there anyway.
    private mutating func open(_ index: Int) -> Outcome {
        position = .question(index)
        return .jumped
    }

    /// Records a read answer and moves on, saying how it was understood when `echo`.
    private mutating func take(_ answer: Answer, at index: Int, echo: Bool) -> Outcome {
        if !answer.hasValue, questionnaire.questions[index].required { return .reask(.required(number: index + 1)) }
        record(answer, at: index, illegible: false)
        if echo { understood = answer.hasValue ? parsers[index].display(answer) : "no answer" }
        position = nextPosition(after: index)
        return .accepted
    }

    /// What question `index` holds now, as the `now:` line shows it.
    public func nowText(_ index: Int) -> String {
        if illegible.contains(index) { return "! illegible" }
        if let kept = kept[index] { return EntrySession.describe(kept) }
        return typed[index].hasValue ? parsers[index].display(typed[index]) : "no answer"
    }

    /// A typed line is echoed unless it was bare keys (`4`, `1 3 5`) or the answer is the
    /// text itself (text, numbers, dates): a label prefix or a letter may be read otherwise
    /// than meant, and the operator should see it before the next question.
    static func needsEcho(_ text: String, question: Question, answer: Answer) -> Bool {
        if case .missingCode = answer { return true }
        switch question.kind {
        case .number, .text, .date: return false
        default: return !text.allSatisfy { $0.isASCIIDigit || $0 == " " || $0 == "," }
        }
    }

    private mutating func record(_ answer: Answer, at index: Int, illegible isIllegible: Bool) {
        // An answer typed at a question not asked (opened from the review) is the paper's, on purpose.
        if isAsked(index) { keptWhenSkipped.remove(index) } else { keptWhenSkipped.insert(index) }
        typed[index] = answer
        kept[index] = nil
        visited.insert(index)
        if isIllegible { illegible.insert(index) } else { illegible.remove(index) }
    }

    /// The first asked question after `index` not typed yet, else the review.
    private func nextPosition(after index: Int) -> Position {
        let current = answers
        let next = questionnaire.questions.indices.first { $0 > index && isAsked($0, in: current) && !visited.contains($0) }
        return next.map(Position.question) ?? .review
    }

    private mutating func review(_ command: EntryCommand) -> Outcome {
        switch command {
        case .blank:
            return .save
        case .help:
            return .help
        case .leave:
            return .leave
        case .back:
            let current = answers
            guard let last = questionnaire.questions.indices.last(where: { isAsked($0, in: current) }) else { return .reask(.firstQuestion) }
            position = .question(last)
            return .wentBack
        case .illegible:
            return .reask(.notHere("!", hint: "mark an answer illegible on its question; type its number to go there"))
        case .clear:
            return .reask(.notHere("-", hint: "clear an answer at its question; type its number to go there"))
        case .text(let line):
            // `N!!`: open a question skip logic leaves out at once.
            let openNow = line.hasSuffix("!!")
            let text = openNow ? String(line.dropLast(2)).trimmingCharacters(in: .whitespaces) : line
            guard let number = Int(text), (1...count).contains(number) else {
                return .reask(.notAQuestionNumber(text, count: count))
            }
            let index = number - 1
            guard isAsked(index) else {
                if openNow { return open(index) }
                openable = index
                return .reask(.notAsked(number: number, condition: questionnaire.questions[index].when?.source ?? ""))
            }
            position = .question(index)
            return .jumped
        }
    }
}
