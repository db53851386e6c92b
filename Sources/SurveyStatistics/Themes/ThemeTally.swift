import SurveyImport
import SurveyModel

/// Counts one text question's themes as answers stream past, like a multiple-choice question:
/// answers with each theme, answers with none, answers coded by hand, themes given in all, and
/// the answers kept for quoting under each theme.
///
/// An answer's themes are its hand codes (`ThemeCodes`) when it has them, else the rules'
/// (`ThemeRules`). Mergeable: counts add, quotes merge as `TextTally`'s do, so counting a file
/// in parts gives what counting it whole gives. Memory: a few counters per theme, the rules'
/// word cache (distinct words), the hand codes of this question and the quotes kept.
struct ThemeTally: Sendable {
    /// The question's index in the questionnaire.
    let questionIndex: Int
    let questionID: String
    /// Declared themes (definition order), then themes coders added.
    let ids: [String]
    let labels: [LocalizedText]
    private var matcher: ThemeMatcher
    /// Respondent → theme indices, from the codes file.
    private let handCodes: [String: [Int]]
    private(set) var answered = 0
    private(set) var uncoded = 0
    private(set) var handCoded = 0
    private(set) var mentions = 0
    private var counts: [Int]
    private var quotes: [TextTally]
    /// Hand-coded respondents whose answer is blank or not asked now: their codes count nowhere,
    /// which `SurveyAnalysis` says.
    private(set) var codesWithoutAnswer: Set<String> = []

    /// A tally for question `index`; nil when it is not a text question, or no theme applies and nobody coded it by hand.
    init?(questionIndex: Int, questionnaire: Questionnaire, codes: ThemeCodes?, quotes policy: QuotePolicy) {
        let question = questionnaire.questions[questionIndex]
        let declared = questionnaire.themes(for: question.id)
        let added = codes?.addedThemes(for: question.id, declared: declared.map(\.id)) ?? []
        guard question.kind == .text, !declared.isEmpty || !added.isEmpty || codes?.entries[question.id] != nil else { return nil }
        self.questionIndex = questionIndex
        questionID = question.id
        ids = declared.map(\.id) + added.map(\.id)
        labels = declared.map(\.label) + added.map { LocalizedText($0.label) }
        matcher = ThemeMatcher(rules: ThemeRules(themes: declared))
        var numbers: [String: Int] = [:]
        for (index, id) in ids.enumerated() { numbers[id] = index }
        var hand: [String: [Int]] = [:]
        for (respondent, entry) in codes?.entries[question.id] ?? [:] {
            hand[respondent] = entry.themes.compactMap { numbers[$0] }.sorted()
        }
        handCodes = hand
        counts = Array(repeating: 0, count: ids.count)
        quotes = Array(repeating: TextTally(policy: policy, keywords: nil), count: ids.count)
    }

    /// Counts one asked, non-blank answer; returns its theme indices (for theme cross-tabs).
    @discardableResult
    mutating func add(_ text: String, respondent: String) -> [Int] {
        let themes: [Int]
        if let hand = handCodes[respondent] {
            themes = hand
            handCoded += 1
        } else {
            themes = matcher.themes(in: text)
        }
        answered += 1
        if themes.isEmpty { uncoded += 1 }
        mentions += themes.count
        for theme in themes {
            counts[theme] += 1
            quotes[theme].add(text, respondent: respondent)
        }
        return themes
    }

    /// Notes a respondent whose answer to the question is blank or was not asked: a hand code
    /// for it has nothing to apply to.
    mutating func addNoAnswer(respondent: String) {
        if handCodes[respondent] != nil { codesWithoutAnswer.insert(respondent) }
    }

    mutating func merge(_ other: ThemeTally) {
        answered += other.answered
        uncoded += other.uncoded
        handCoded += other.handCoded
        mentions += other.mentions
        for index in counts.indices {
            counts[index] += other.counts[index]
            quotes[index].merge(other.quotes[index])
        }
        codesWithoutAnswer.formUnion(other.codesWithoutAnswer)
    }

    /// The table; percentages are of `answered`, with Wilson 95 % intervals as for multiple choice.
    func result() -> ThemeTable {
        let rows = ids.indices.map { index -> ThemeTable.Row in
            let interval = WilsonInterval(successes: counts[index], total: answered)
            return ThemeTable.Row(
                id: ids[index], label: labels[index], count: counts[index], percent: percent(counts[index], answered),
                ciLow: interval.map { $0.lower * 100 }, ciHigh: interval.map { $0.upper * 100 },
                quotes: quotes[index].summary(answered: counts[index], top: 0).quotes
            )
        }
        return ThemeTable(rows: rows, answered: answered, uncoded: uncoded, handCoded: handCoded, mentions: mentions)
    }
}
