import SurveyModel
import SurveyStatistics

/// One key finding as a row of figures, in the report's order: the rows of `findings.csv` and of
/// the workbook's Findings sheet, made once so the two files never list different findings.
struct FindingRow {
    var kind: String
    var question = ""
    var other = ""
    var topic = ""
    var count: Int
    var base: Int?
    var percent: Double?
    var low: Double? = nil
    var high: Double? = nil
    var test: AssociationTest? = nil
    var words = ""
    var sentence: String

    /// The response rate, the best- and lowest-rated aspects, the group differences and the
    /// comment topics (a question's top theme as kind `theme`), each with the report's sentence.
    static func rows(of findings: Findings, questionnaire: Questionnaire, language: ReportLanguage, phrases: ReportPhrases,
                     results: SurveyResults? = nil) -> [FindingRow] {
        let wording = FindingsPhrases(language: language, questionnaire: questionnaire, results: results)
        var rows: [FindingRow] = []
        let participants = findings.participants.flatMap { $0 > 0 ? $0 : nil }
        rows.append(FindingRow(kind: "response_rate", count: findings.responses, base: participants,
                               percent: participants.map { Double(findings.responses) / Double($0) * 100 }, sentence: wording.responseRate(findings)))
        for (kind, rating, best) in [("best_rated", findings.bestRated, true), ("worst_rated", findings.worstRated, false)] {
            guard let rating else { continue }
            rows.append(FindingRow(kind: findings.ratedQuestions == 1 ? "rating" : kind, question: rating.questionID, count: rating.topTwo,
                                   base: rating.answered, percent: rating.percent, low: rating.low, high: rating.high,
                                   sentence: wording.rating(rating, best: best, ratedQuestions: findings.ratedQuestions)))
        }
        for difference in findings.differences {
            rows.append(FindingRow(kind: "group_difference", question: difference.crossTab.rowQuestion, other: difference.crossTab.columnQuestion,
                                   count: difference.test.n, base: difference.crossTab.total, percent: nil, test: difference.test,
                                   sentence: wording.difference(difference, phrases: phrases)))
        }
        for topic in findings.commentTopics {
            if let theme = topic.themeID {
                // A question's top theme: its label as the topic, its id as the word, its interval.
                rows.append(FindingRow(kind: "theme", question: topic.questionID, topic: language == .english ? topic.name : topic.russianName,
                                       count: topic.answers, base: topic.answered, percent: topic.percent, low: topic.low, high: topic.high,
                                       words: theme, sentence: wording.topic(topic)))
                continue
            }
            rows.append(FindingRow(kind: "comment_topic", question: topic.questionID, topic: language == .english ? topic.name : topic.russianName,
                                   count: topic.answers, base: topic.answered, percent: topic.percent,
                                   words: topic.words.map { "\($0.text):\($0.answers)" }.joined(separator: ";"), sentence: wording.topic(topic)))
        }
        return rows
    }
}
