import SurveyStatistics

/// The comparison's fixed phrases in English and Russian, and its plain-words sentences.
struct ComparisonPhrases {
    let language: ReportLanguage
    private var phrases: ReportPhrases { ReportPhrases(language) }

    init(_ language: ReportLanguage) { self.language = language }

    func pick(_ en: String, _ ru: String) -> String { language == .english ? en : ru }

    var title: String { pick("Comparison of events", "Сравнение мероприятий") }
    var events: String { pick("Events", "Мероприятия") }
    var event: String { pick("Event", "Мероприятие") }
    var date: String { pick("Date", "Дата") }
    var participants: String { pick("Participants", "Участников") }
    var responses: String { pick("Responses", "Анкет") }
    var responseRate: String { pick("Response rate", "Доля ответивших") }
    var rejected: String { pick("Rows rejected", "Отклонено строк") }
    var problems: String { pick("Answer problems", "Проблем в ответах") }
    var answer: String { pick("Answer", "Ответ") }
    var answered: String { pick("Answered (n)", "Ответили (n)") }
    var topTwoBox: String { pick("Two highest ratings, % (95% CI)", "Две высшие оценки, % (95% ДИ)") }
    var mean: String { pick("Mean (95% CI)", "Среднее (95% ДИ)") }
    var changes: String { pick("Changes", "Изменения") }
    var themes: String { pick("Themes", "Темы") }
    var theme: String { pick("Theme", "Тема") }
    var keywords: String { pick("Words that come up most", "Наиболее частые слова") }
    var keyword: String { pick("Word", "Слово") }
    var percentNote: String {
        pick("Cells: respondents (% of those who answered the question).",
             "В ячейках: число респондентов (% от ответивших на вопрос).")
    }
    var multipleNote: String {
        pick("Respondents could pick several answers, so percentages can sum past 100.",
             "Можно было выбрать несколько ответов, поэтому сумма процентов может превышать 100.")
    }
    var methods: String { pick("Methods", "Методика") }
    var methodsText: String {
        pick("""
        Each event's responses are read as `survey stats` reads them; rows rejected and answer problems are counted per event above. \
        Intervals are 95%: Wilson for percentages, Student's t for means. A change in ratings is tested with the two-sided \
        Mann–Whitney U test (normal approximation with tie and continuity corrections); a change in the answers to other \
        single-choice and yes/no questions with Pearson's chi-square test of the two events' distributions, or Fisher's exact \
        test (2×2) or a Monte Carlo test when expected counts are small, as in the report's comparisons between groups; \
        an event with fewer than 5 answers is not tested. Multiple-choice shares are shown but not tested. \
        A change is called significant when p < 0.05; with many questions, some changes will be "significant" by chance.
        """, """
        Ответы каждого мероприятия прочитаны так же, как их читает `survey stats`; отклонённые строки и проблемы в ответах \
        указаны выше для каждого мероприятия. Интервалы 95-процентные: Уилсона для долей, Стьюдента для средних. Изменение \
        оценок проверено двусторонним U-критерием Манна — Уитни (нормальное приближение с поправками на связи и на \
        непрерывность); изменение ответов на другие вопросы с одним вариантом и «да/нет» — критерием хи-квадрат Пирсона \
        для распределений двух мероприятий, а при малых ожидаемых частотах точным критерием Фишера (2×2) или методом \
        Монте-Карло, как в сравнениях групп в отчёте; мероприятие, где ответили меньше 5 человек, не проверяется. Доли \
        в вопросах с несколькими вариантами показаны без проверки. Изменение названо значимым при p < 0,05; при многих \
        вопросах часть изменений окажется «значимой» случайно.
        """)
    }

    /// "Usefulness: 71% → 86% gave one of the two highest ratings, n = 30 and 28; the change is
    /// not significant, p = 0.19."
    func sentence(_ change: EventChange, question: String, answer: String?) -> String {
        let from = NumberFormat.wholePercent(change.fromPercent)
        let to = NumberFormat.wholePercent(change.toPercent)
        let what: String
        switch change.measure {
        case .topTwoBox: what = pick("gave one of the two highest ratings", "поставили одну из двух высших оценок")
        case .share: what = pick("answered “\(answer ?? "")”", "ответили «\(answer ?? "")»")
        case .choiceShare: what = pick("picked “\(answer ?? "")”", "выбрали «\(answer ?? "")»")
        }
        let sizes = pick("n = \(phrases.integer(change.fromN)) and \(phrases.integer(change.toN))",
                         "n = \(phrases.integer(change.fromN)) и \(phrases.integer(change.toN))")
        let verdict: String
        if let test = change.test {
            let p = phrases.p(test.p)
            verdict = test.p < 0.05
                ? pick("the change is significant, \(p)", "изменение значимо, \(p)")
                : pick("the change is not significant, \(p)", "изменение не значимо, \(p)")
        } else {
            verdict = pick("not tested: ", "без проверки: ") + reason(change.noTestReason)
        }
        // "Usefulness: 71% → …", but "Would you come again? 90% → …".
        let lead = question.last.map { "?!.:".contains($0) } == true ? question + " " : question + ": "
        return "\(lead)\(from) → \(to) \(what), \(sizes); \(verdict)."
    }

    /// The reason no test ran, in the report's language.
    func reason(_ reason: String?) -> String {
        guard let reason else { return "" }
        guard language == .russian else { return reason }
        switch reason {
        case EventChange.multipleChoiceReason:
            return "можно выбрать несколько ответов, поэтому доли показаны без проверки"
        case EventChange.sameRatingReason:
            return "все оценки обоих мероприятий одинаковы, ранжировать нечего"
        case EventChange.emptyReason:
            return "на одном из мероприятий никто не ответил"
        case EventChange.fewAnswersReason:
            return "на одном из мероприятий ответили меньше 5 человек — слишком мало для сравнения"
        case EventChange.oneAnswerReason:
            return "во всех ответах обоих мероприятий один и тот же вариант — сравнивать нечего"
        default:
            return reason
        }
    }

    /// Which test ran, for tables.
    func method(_ method: ChangeTest.Method) -> String {
        switch method {
        case .mannWhitney: pick("Mann–Whitney U", "U-критерий Манна — Уитни")
        case .chiSquare: pick("chi-square", "хи-квадрат")
        case .fisherExact: pick("Fisher's exact", "точный критерий Фишера")
        case .monteCarlo: pick("chi-square, Monte Carlo p", "хи-квадрат, p методом Монте-Карло")
        }
    }
}
