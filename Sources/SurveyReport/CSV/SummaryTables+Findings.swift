import SurveyImport
import SurveyStatistics

extension SummaryTables {
    /// `findings.csv`: the key findings with their figures to 12 significant digits, one row each, in
    /// the report's order; `sentence` is the report's wording. Schema in docs/report.md.
    func findings() -> String {
        let findings = results.findings
        let wording = FindingsPhrases(language: options.language, questionnaire: results.questionnaire)
        let cell = { (value: String) in CSVFormat.neutralized(value) }
        var rows: [[String]] = []
        func row(_ kind: String, question: String = "", other: String = "", topic: String = "", count: Int, base: Int?, percent: Double?,
                 low: Double? = nil, high: Double? = nil, test: AssociationTest? = nil, words: String = "", sentence: String) {
            rows.append([String(rows.count + 1), kind, question, other, cell(topic), String(count), base.map(String.init) ?? "",
                         figure(percent), figure(low), figure(high),
                         figure(test?.p), test?.pMethod.rawValue ?? "", figure(test?.cramersV),
                         test?.effectSize.rawValue ?? "", cell(words), cell(sentence)])
        }
        let participants = findings.participants.flatMap { $0 > 0 ? $0 : nil }
        row("response_rate", count: findings.responses, base: participants,
            percent: participants.map { Double(findings.responses) / Double($0) * 100 }, sentence: wording.responseRate(findings))
        for (kind, rating, best) in [("best_rated", findings.bestRated, true), ("worst_rated", findings.worstRated, false)] {
            guard let rating else { continue }
            row(findings.ratedQuestions == 1 ? "rating" : kind, question: rating.questionID, count: rating.topTwo, base: rating.answered, percent: rating.percent,
                low: rating.low, high: rating.high, sentence: wording.rating(rating, best: best, ratedQuestions: findings.ratedQuestions))
        }
        for difference in findings.differences {
            row("group_difference", question: difference.crossTab.rowQuestion, other: difference.crossTab.columnQuestion,
                count: difference.test.n, base: difference.crossTab.total, percent: nil, test: difference.test,
                sentence: wording.difference(difference, phrases: options.phrases))
        }
        for topic in findings.commentTopics {
            row("comment_topic", question: topic.questionID, topic: options.language == .english ? topic.name : topic.russianName,
                count: topic.answers, base: topic.answered, percent: topic.percent,
                words: topic.words.map { "\($0.text):\($0.answers)" }.joined(separator: ";"), sentence: wording.topic(topic))
        }
        let header = ["rank", "kind", "question_id", "other_question_id", "topic", "count", "base", "percent", "ci_low", "ci_high",
                      "p", "p_method", "cramers_v", "effect_size", "words", "sentence"]
        return table(header, rows)
    }
}
