import SurveyModel
import SurveyStatistics

/// The key findings in English or Russian: one sentence per finding, each naming its figure and
/// its base. Shared by report.md, report.html and findings.csv, so all three say the same.
struct FindingsPhrases {
    let language: ReportLanguage
    let questionnaire: Questionnaire
    /// The results, when at hand, for the labels of themes coders added (a themes side of a cross-tab).
    var results: SurveyResults? = nil

    private func pick(_ en: String, _ ru: String) -> String { language == .english ? en : ru }

    /// The section's heading.
    var title: String { pick("Key findings", "Главные выводы") }

    /// In place of the list when nothing qualifies (no responses, a small survey): what a finding
    /// would have been, so the heading is not followed by nothing.
    var noneStandsOut: String {
        pick("No finding stands out: no rating to rank, no group difference that passes its test, no comment topic common enough to name.",
             "Главных выводов нет: нет оценок, которые можно сравнить, различий между группами, подтверждённых проверкой, и тем в комментариях, упомянутых достаточно часто.")
    }

    /// "32 of 38 participants returned the questionnaire (84%)."
    func responseRate(_ findings: Findings) -> String {
        let returned = findings.responses
        guard let participants = findings.participants, participants > 0 else {
            return pick("Questionnaires returned: \(returned).", "Получено анкет: \(returned).")
        }
        guard returned <= participants else {
            return pick("Questionnaires returned: \(returned), more than the \(participants) participants the definition names; no response rate is given.",
                        "Получено анкет: \(returned) — больше, чем участников в определении анкеты (\(participants)); доля ответивших не приводится.")
        }
        let rate = NumberFormat.wholePercent(Double(returned) / Double(participants) * 100)
        return pick("\(returned) of \(participants) participants returned the questionnaire (\(rate)).",
                    "Анкету заполнили \(returned) из \(participants) \(Self.russianOf(participants, one: "участника", many: "участников")) (\(rate)).")
    }

    /// "Rated best: “…”: 88% gave one of the two highest ratings (28 of 32; 95% CI 72–95%)."
    func rating(_ finding: RatingFinding, best: Bool, ratedQuestions: Int = 2) -> String {
        let text = questionText(finding.questionID)
        let figures = "\(finding.topTwo) " + pick("of", "из") + " \(finding.answered); "
            + pick("95% CI", "95% ДИ") + " \(NumberFormat.fixed(finding.low, 0))–\(NumberFormat.wholePercent(finding.high))"
        let share = NumberFormat.wholePercent(finding.percent)
        if ratedQuestions == 1 {
            return pick("“\(text)”: \(share) gave one of the two highest ratings (\(figures)).",
                        "«\(text)»: \(share) выбрали одну из двух высших оценок (\(figures)).")
        }
        return best
            ? pick("Rated best: “\(text)”: \(share) gave one of the two highest ratings (\(figures)).",
                   "Лучше всего оценено: «\(text)»: \(share) выбрали одну из двух высших оценок (\(figures)).")
            : pick("Rated lowest: “\(text)”: \(share) gave one of the two highest ratings (\(figures)).",
                   "Хуже всего оценено: «\(text)»: \(share) выбрали одну из двух высших оценок (\(figures)).")
    }

    /// The cross-tab's test sentence, word for word as its section says it.
    func difference(_ difference: GroupDifference, phrases: ReportPhrases) -> String {
        let tab = difference.crossTab
        func side(_ id: String) -> Question? { results?.crossTabQuestion(id) ?? questionnaire.question(id) }
        guard let row = side(tab.rowQuestion), let column = side(tab.columnQuestion) else { return "" }
        return phrases.test(tab, rowQuestion: row, columnQuestion: column)
    }

    /// "16 of 27 answers to “What should be improved?” mention time (time 11, времени 5)."
    func topic(_ topic: CommentTopic) -> String {
        let text = questionText(topic.questionID)
        if topic.themeID != nil { return theme(topic, questionText: text) }
        let share = NumberFormat.wholePercent(topic.percent)
        let words = topic.words.map { "\($0.text) \($0.answers)" }.joined(separator: ", ")
        return pick("\(topic.answers) of \(topic.answered) answers to “\(text)” (\(share)) mention \(topic.name) (\(words)).",
                    "Тема «\(topic.russianName)»: \(topic.answers) из \(topic.answered) \(Self.russianOf(topic.answered, one: "ответа", many: "ответов")) на вопрос «\(text)» (\(share)); слова: \(words).")
    }

    /// "Most common theme of the answers to “What should be improved?”: More time for discussion,
    /// 14 of 27 answers (52%; 95% CI 34–69%)."
    func theme(_ topic: CommentTopic, questionText text: String) -> String {
        let share = NumberFormat.wholePercent(topic.percent)
        var figures = "\(topic.answers) " + pick("of", "из") + " \(topic.answered) " + pick(topic.answered == 1 ? "answer" : "answers", Self.russianOf(topic.answered, one: "ответа", many: "ответов"))
            + " (\(share)"
        if let low = topic.low, let high = topic.high {
            figures += "; " + pick("95% CI", "95% ДИ") + " \(NumberFormat.fixed(low, 0))–\(NumberFormat.wholePercent(high))"
        }
        figures += ")"
        return pick("Most common theme of the answers to “\(text)”: \(topic.name), \(figures).",
                    "Самая частая тема ответов на вопрос «\(text)»: «\(topic.russianName)», \(figures).")
    }

    /// Every finding's sentence, in the order the report lists them. The response rate is not
    /// among them: the report says it in the line right above the list (findings.csv keeps it).
    func sentences(_ findings: Findings, phrases: ReportPhrases) -> [String] {
        var out: [String] = []
        if let best = findings.bestRated { out.append(rating(best, best: true, ratedQuestions: findings.ratedQuestions)) }
        if let worst = findings.worstRated { out.append(rating(worst, best: false)) }
        out += findings.differences.map { difference($0, phrases: phrases) }
        out += findings.commentTopics.map(topic)
        return out
    }

    private func questionText(_ id: String) -> String {
        questionnaire.question(id)?.text.text(in: language.rawValue) ?? id
    }

    /// A noun after "из N": genitive singular when N ends in 1 (but not 11), else genitive plural.
    static func russianOf(_ n: Int, one: String, many: String) -> String {
        n % 10 == 1 && n % 100 != 11 ? one : many
    }
}
