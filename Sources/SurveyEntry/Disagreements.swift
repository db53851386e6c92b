import SurveyModel

/// How often two entries of the same forms disagree, per question and per operator.
public struct Disagreements: Sendable, Hashable {
    /// Comparisons and disagreements for one group.
    public struct Rate: Sendable, Hashable {
        /// Answers compared.
        public var compared = 0
        /// Answers where the entries differed.
        public var disagreed = 0

        /// disagreed / compared, 0 when nothing was compared.
        public var fraction: Double { compared == 0 ? 0 : Double(disagreed) / Double(compared) }
    }

    /// By question id.
    public var byQuestion: [String: Rate] = [:]
    /// By the operator who typed the second entry.
    public var byOperator: [String: Rate] = [:]
    /// Forms verified.
    public var forms: Set<String> = []

    public init() {}

    /// Counts comparisons.
    public init<S: Sequence>(_ comparisons: S) where S.Element == Comparison {
        for comparison in comparisons { add(comparison) }
    }

    /// Counts one comparison.
    public mutating func add(_ comparison: Comparison) {
        let disagreed = comparison.isDisagreement ? 1 : 0
        byQuestion[comparison.questionID, default: Rate()].compared += 1
        byQuestion[comparison.questionID, default: Rate()].disagreed += disagreed
        byOperator[comparison.operatorName, default: Rate()].compared += 1
        byOperator[comparison.operatorName, default: Rate()].disagreed += disagreed
        forms.insert(comparison.respondent)
    }

    /// Adds another set of counts (two passes counted separately).
    public mutating func merge(_ other: Disagreements) {
        for (key, rate) in other.byQuestion {
            byQuestion[key, default: Rate()].compared += rate.compared
            byQuestion[key, default: Rate()].disagreed += rate.disagreed
        }
        for (key, rate) in other.byOperator {
            byOperator[key, default: Rate()].compared += rate.compared
            byOperator[key, default: Rate()].disagreed += rate.disagreed
        }
        forms.formUnion(other.forms)
    }

    /// All questions together.
    public var total: Rate {
        byQuestion.values.reduce(into: Rate()) { $0.compared += $1.compared; $0.disagreed += $1.disagreed }
    }

    /// Two small tables, questions in form order and operators by name.
    public func table(for questionnaire: Questionnaire) -> [String] {
        let known = questionnaire.questions.map(\.id)
        let questions = known.filter { byQuestion[$0] != nil } + byQuestion.keys.filter { !known.contains($0) }.sorted()
        let width = max(16, (questions + byOperator.keys).map(\.count).max() ?? 0)
        func row(_ name: String, _ rate: Rate) -> String {
            name.padding(to: width) + String(rate.compared).leftPadding(to: 10) + String(rate.disagreed).leftPadding(to: 11)
                + Disagreements.percent(rate.fraction).leftPadding(to: 8)
        }
        var lines = ["question".padding(to: width) + "compared".leftPadding(to: 10) + "disagreed".leftPadding(to: 11) + "rate".leftPadding(to: 8)]
        lines += questions.map { row($0, byQuestion[$0]!) }
        lines.append(row("all questions", total))
        lines.append("")
        lines.append("operator".padding(to: width) + "compared".leftPadding(to: 10) + "disagreed".leftPadding(to: 11) + "rate".leftPadding(to: 8))
        lines += byOperator.keys.sorted().map { row($0, byOperator[$0]!) }
        return lines
    }

    /// `5.1%`.
    public static func percent(_ fraction: Double) -> String {
        let tenths = Int((fraction * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
