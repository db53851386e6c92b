import SurveyModel

/// How often two entries of the same forms disagree, per question, and how many errors each
/// entry made, per operator.
///
/// A difference is charged to the entry that is not what the paper says (both when the paper
/// shows neither); a blank first entry that the second filled is "completed", nobody's error;
/// an answer the paper shows illegibly is nobody's error either.
public struct Disagreements: Sendable, Hashable {
    /// Comparisons, disagreements and completions for one question.
    public struct Rate: Sendable, Hashable {
        /// Answers compared.
        public var compared = 0
        /// Answers where the entries differed and one of them was wrong.
        public var disagreed = 0
        /// Answers the first entry left blank and the second filled.
        public var completed = 0

        public init(compared: Int = 0, disagreed: Int = 0, completed: Int = 0) {
            self.compared = compared
            self.disagreed = disagreed
            self.completed = completed
        }

        /// disagreed / compared, 0 when nothing was compared.
        public var fraction: Double { compared == 0 ? 0 : Double(disagreed) / Double(compared) }
    }

    /// One operator's (or the first entry's) answers and the errors the comparison found in them.
    public struct Errors: Sendable, Hashable {
        /// Answers entered that were compared.
        public var entered = 0
        /// Of those, answers that were not what the paper says.
        public var errors = 0

        public init(entered: Int = 0, errors: Int = 0) {
            self.entered = entered
            self.errors = errors
        }

        /// errors / entered, 0 when nothing was entered.
        public var fraction: Double { entered == 0 ? 0 : Double(errors) / Double(entered) }
        /// Wilson's 95 % interval of the error rate; nil when nothing was entered.
        public var interval: WilsonScoreInterval? { WilsonScoreInterval(successes: errors, total: entered) }
    }

    /// The row of the first entries: the responses file does not say who typed them.
    public static let firstEntry = "(first entry)"

    /// By question id.
    public var byQuestion: [String: Rate] = [:]
    /// By the operator who typed the second entry, plus `firstEntry` for the first entries.
    public var byOperator: [String: Errors] = [:]
    /// Forms verified.
    public var forms: Set<String> = []

    public init() {}

    /// Counts comparisons.
    public init<S: Sequence>(_ comparisons: S) where S.Element == Comparison {
        for comparison in comparisons { add(comparison) }
    }

    /// Counts one comparison.
    public mutating func add(_ comparison: Comparison) {
        byQuestion[comparison.questionID, default: Rate()].compared += 1
        if comparison.isDisagreement { byQuestion[comparison.questionID, default: Rate()].disagreed += 1 }
        if comparison.isCompleted { byQuestion[comparison.questionID, default: Rate()].completed += 1 }
        byOperator[Self.firstEntry, default: Errors()].entered += 1
        if comparison.firstWrong { byOperator[Self.firstEntry, default: Errors()].errors += 1 }
        byOperator[comparison.operatorName, default: Errors()].entered += 1
        if comparison.secondWrong { byOperator[comparison.operatorName, default: Errors()].errors += 1 }
        forms.insert(comparison.respondent)
    }

    /// Adds another set of counts (two passes counted separately).
    public mutating func merge(_ other: Disagreements) {
        for (key, rate) in other.byQuestion {
            byQuestion[key, default: Rate()].compared += rate.compared
            byQuestion[key, default: Rate()].disagreed += rate.disagreed
            byQuestion[key, default: Rate()].completed += rate.completed
        }
        for (key, errors) in other.byOperator {
            byOperator[key, default: Errors()].entered += errors.entered
            byOperator[key, default: Errors()].errors += errors.errors
        }
        forms.formUnion(other.forms)
    }

    /// All questions together.
    public var total: Rate {
        byQuestion.values.reduce(into: Rate()) { $0.compared += $1.compared; $0.disagreed += $1.disagreed; $0.completed += $1.completed }
    }

    /// Two small tables: questions in form order, then the first entry and the operators by name
    /// with their error rates and Wilson 95 % intervals.
    public func table(for questionnaire: Questionnaire) -> [String] {
        let known = questionnaire.questions.map(\.id)
        let questions = known.filter { byQuestion[$0] != nil } + byQuestion.keys.filter { !known.contains($0) }.sorted()
        let width = max(16, (questions + byOperator.keys).map(\.count).max() ?? 0)
        func row(_ name: String, _ rate: Rate) -> String {
            name.padding(to: width) + String(rate.compared).leftPadding(to: 10) + String(rate.disagreed).leftPadding(to: 11)
                + String(rate.completed).leftPadding(to: 11) + Disagreements.percent(rate.fraction).leftPadding(to: 8)
        }
        func row(_ name: String, _ errors: Errors) -> String {
            let interval = errors.interval.map { Disagreements.percent($0.lower, sign: false) + "–" + Disagreements.percent($0.upper) } ?? "—"
            return name.padding(to: width) + String(errors.entered).leftPadding(to: 10) + String(errors.errors).leftPadding(to: 8)
                + Disagreements.percent(errors.fraction).leftPadding(to: 8) + "  " + interval
        }
        var lines = ["question".padding(to: width) + "compared".leftPadding(to: 10) + "disagreed".leftPadding(to: 11)
            + "completed".leftPadding(to: 11) + "rate".leftPadding(to: 8)]
        lines += questions.map { row($0, byQuestion[$0]!) }
        lines.append(row("all questions", total))
        lines.append("")
        lines.append("operator".padding(to: width) + "answers".leftPadding(to: 10) + "errors".leftPadding(to: 8) + "rate".leftPadding(to: 8) + "  95% interval")
        let operators = byOperator.keys.filter { $0 != Self.firstEntry }.sorted()
        lines += ([Self.firstEntry] + operators).compactMap { name in byOperator[name].map { row(name, $0) } }
        return lines
    }

    /// `5.1%` (`5.1` without the sign).
    public static func percent(_ fraction: Double, sign: Bool = true) -> String {
        let tenths = Int((fraction * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)" + (sign ? "%" : "")
    }
}
