import SurveyModel

/// Which free-text answers to keep for quoting.
public enum QuotePolicy: Sendable, Hashable {
    /// None (keywords only): memory stays flat.
    case none
    /// Every answer.
    case all
    /// The `n` longest answers.
    case longest(Int)
}

/// Free-text answers: keywords counted as they stream past, answers kept as the policy says.
struct TextTally: Sendable {
    private(set) var keywords: KeywordCounter?
    private(set) var quotes: [TextSummary.Quote] = []
    private let policy: QuotePolicy

    init(policy: QuotePolicy, keywords: KeywordCounter?) {
        self.policy = policy
        self.keywords = keywords
    }

    /// Adds an answer; its own letters pick stop words and stemmers, since Russian answers
    /// turn up in English questionnaires and the other way round.
    mutating func add(_ text: String, respondent: String) {
        keywords?.add(answer: text, language: nil)
        switch policy {
        case .none: break
        case .all: quotes.append(.init(respondent: respondent, text: text))
        case .longest(let n):
            guard n > 0 else { break }
            quotes.append(.init(respondent: respondent, text: text))
            if quotes.count >= 2 * n + 16 { trim(to: n) }
        }
    }

    mutating func merge(_ other: TextTally) {
        if var mine = keywords, let theirs = other.keywords {
            mine.merge(theirs)
            keywords = mine
        }
        quotes += other.quotes
        if case .longest(let n) = policy { trim(to: n) }
    }

    /// Keeps the `n` longest (ties by respondent order of arrival).
    private mutating func trim(to n: Int) {
        let ranked = quotes.enumerated().sorted { ($0.element.text.count, -$0.offset) > ($1.element.text.count, -$1.offset) }
        quotes = ranked.prefix(n).sorted { $0.offset < $1.offset }.map(\.element)
    }

    func summary(answered: Int, top: Int) -> TextSummary {
        var kept = self
        if case .longest(let n) = policy {
            kept.trim(to: n)
            kept.quotes = kept.quotes.enumerated().sorted { ($0.element.text.count, -$0.offset) > ($1.element.text.count, -$1.offset) }.map(\.element)
        }
        let counts = { (list: [Keyword]) in list.map { TextSummary.KeywordCount(text: $0.text, answers: $0.answers, occurrences: $0.occurrences) } }
        return TextSummary(
            answersWithWords: keywords?.answerCount ?? 0,
            keywords: counts(keywords?.top(top) ?? []),
            phrases: counts(keywords?.topPhrases(10) ?? []),
            quotes: kept.quotes,
            answered: answered
        )
    }
}
