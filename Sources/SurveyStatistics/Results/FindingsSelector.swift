import SurveyModel

/// Picks the key findings from the results, by fixed rules a reader can check against the
/// tables: nothing is computed that a table does not show, except the top-2-box's Wilson
/// interval and the merge of one topic's words across languages.
public enum FindingsSelector {
    /// Group differences named at most.
    public static let maximumDifferences = 3
    /// Comment topics named at most, and per question.
    public static let maximumTopics = 3
    public static let maximumTopicsPerQuestion = 2
    /// A topic is named only when at least this share (%) of the question's answers mention it,
    /// and at least `minimumTopicAnswers` answers.
    public static let minimumTopicPercent = 20.0
    public static let minimumTopicAnswers = 3

    /// The findings of `results`; `topics` holds, per text question whose keywords were
    /// counted, its answers per glossary topic (`TopicTally`).
    public static func select(from results: SurveyResults, topics: [String: [TopicCount]]) -> Findings {
        var findings = Findings()
        findings.responses = results.allResponses
        findings.participants = results.questionnaire.event?.participants
        // A scale whose best answer lies in between (`best: 3`) has no top-2-box to rank by.
        let ratings = results.questions.filter { results.questionnaire.question($0.id)?.bestRating == nil }.compactMap(rating)
        findings.ratedQuestions = ratings.count
        if let best = ratings.enumerated().max(by: { order($0.element, $1.element, $0.offset, $1.offset) })?.element {
            findings.bestRated = best
        }
        if ratings.count >= 2, let worst = ratings.enumerated().min(by: { order($0.element, $1.element, $1.offset, $0.offset) })?.element,
           worst.questionID != findings.bestRated?.questionID {
            findings.worstRated = worst
        }
        findings.differences = results.crossTabs.compactMap { tab -> GroupDifference? in
            guard let test = tab.test, test.isSignificant, test.effectSize != .negligible else { return nil }
            return GroupDifference(crossTab: tab, test: test)
        }
        .sorted { $0.test.cramersV > $1.test.cramersV }
        .prefix(maximumDifferences).map { $0 }
        findings.commentTopics = commentTopics(results, topics: topics)
        return findings
    }

    /// Ascending by share, then by base; earlier questions win ties (offsets break them).
    private static func order(_ a: RatingFinding, _ b: RatingFinding, _ aOffset: Int, _ bOffset: Int) -> Bool {
        if a.percent != b.percent { return a.percent < b.percent }
        if a.answered != b.answered { return a.answered < b.answered }
        return aOffset > bOffset
    }

    /// The top-2-box of a rating of three or more points that someone answered.
    static func rating(_ result: QuestionResult) -> RatingFinding? {
        guard result.type == "rating", let table = result.frequencies, table.rows.count >= 3 else { return nil }
        let answered = table.rows.reduce(0) { $0 + $1.count }
        let topTwo = table.rows.suffix(2).reduce(0) { $0 + $1.count }
        guard let interval = WilsonInterval(successes: topTwo, total: answered) else { return nil }
        return RatingFinding(questionID: result.id, topTwo: topTwo, answered: answered, percent: Double(topTwo) / Double(answered) * 100,
                             low: interval.lower * 100, high: interval.upper * 100)
    }

    /// The theme most answers have (the first in the table among equals), as a comment topic
    /// named by its label; nil when no answer has a theme.
    static func topTheme(_ table: ThemeTable, questionID: String) -> CommentTopic? {
        guard let top = table.rows.enumerated().max(by: { a, b in
            a.element.count != b.element.count ? a.element.count < b.element.count : a.offset > b.offset
        })?.element, top.count > 0 else { return nil }
        return CommentTopic(questionID: questionID, name: top.label.text(in: "en"), russianName: top.label.text(in: "ru"), words: [],
                            answers: top.count, answered: table.answered, themeID: top.id, low: top.ciLow, high: top.ciHigh)
    }

    /// Per question with themes: its top theme. Per keyword question: its glossary topics plus its keywords outside the glossary (as the
    /// keyword table counts them), biggest first; the largest few over all questions.
    static func commentTopics(_ results: SurveyResults, topics: [String: [TopicCount]]) -> [CommentTopic] {
        var stemmers = AnswerStemmers()
        let glossary = TopicGlossary.builtIn()
        var all: [(topic: CommentTopic, order: Int)] = []
        for (order, result) in results.questions.enumerated() {
            // A question with themes speaks through its top theme, which a reader finds in its theme table.
            if let themes = result.themes, !themes.rows.isEmpty {
                if let top = topTheme(themes, questionID: result.id),
                   top.answers >= minimumTopicAnswers, top.percent >= minimumTopicPercent {
                    all.append((top, order))
                }
                continue
            }
            guard let summary = result.text, let counts = topics[result.id] else { continue }
            let answered = result.base.answered
            // The keyword table's wording of each stem, so a topic's words read as its rows do.
            var shown: [String: String] = [:]
            var candidates: [CommentTopic] = []
            for keyword in summary.keywords {
                let stem = Tokenizer.tokens(in: keyword.text).first.map { stemmers.stem($0.text) } ?? keyword.text
                if glossary.topic(ofStem: stem) != nil {
                    shown[stem] = keyword.text
                } else {
                    candidates.append(CommentTopic(questionID: result.id, name: keyword.text, russianName: keyword.text,
                                                   words: [.init(stem: stem, text: keyword.text, answers: keyword.answers)],
                                                   answers: keyword.answers, answered: answered))
                }
            }
            candidates += counts.map { count in
                let words = count.words.map { TopicCount.Word(stem: $0.stem, text: shown[$0.stem] ?? $0.text, answers: $0.answers) }
                return CommentTopic(questionID: result.id, name: count.name, russianName: count.russianName, words: words,
                                    answers: count.answers, answered: answered)
            }
            let named = candidates
                .filter { $0.answers >= minimumTopicAnswers && $0.percent >= minimumTopicPercent }
                .sorted { $0.answers != $1.answers ? $0.answers > $1.answers : $0.name < $1.name }
                .prefix(maximumTopicsPerQuestion)
            all += named.map { ($0, order) }
        }
        return all.sorted { a, b in
            if a.topic.percent != b.topic.percent { return a.topic.percent > b.topic.percent }
            return a.order < b.order
        }
        .prefix(maximumTopics).map(\.topic)
    }
}
