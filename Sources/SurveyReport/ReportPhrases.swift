import Foundation
import SurveyModel
import SurveyStatistics

/// The report's fixed phrases in English and Russian; question texts and labels come from the
/// definition, everything else a reader sees comes from here.
public struct ReportPhrases: Sendable {
    public let language: ReportLanguage

    public init(_ language: ReportLanguage) {
        self.language = language
    }

    func pick(_ en: String, _ ru: String) -> String {
        language == .english ? en : ru
    }

    var reportTitle: String { pick("Report on participants' feedback", "Отчёт об отзывах участников") }
    var event: String { pick("Event", "Мероприятие") }
    var date: String { pick("Date", "Дата") }
    var place: String { pick("Place", "Место") }
    var answer: String { pick("Answer", "Ответ") }
    var count: String { pick("Count", "Число") }
    var validPercent: String { pick("Valid %", "% от ответивших") }
    var percentOfRespondents: String { pick("% of respondents", "% респондентов") }
    var percentOfMentions: String { pick("% of mentions", "% упоминаний") }
    var chart: String { pick("Chart", "Диаграмма") }
    var noAnswer: String { pick("No answer", "Нет ответа") }
    /// The row of answers that failed validation.
    var invalidAnswer: String { pick("Invalid", "Недопустимое значение") }
    /// The row of respondents skip logic did not ask.
    var notAsked: String { pick("Not asked (skip logic)", "Не задавался (по условию)") }
    /// The header of a column of percentages of the respondents asked.
    var percentOfAsked: String { pick("% of asked", "% от опрошенных") }
    var total: String { pick("Total", "Всего") }
    var keywords: String { pick("Words that come up most", "Наиболее частые слова") }
    var keyword: String { pick("Word", "Слово") }
    var answersMentioning: String { pick("Answers", "Ответов") }
    var occurrences: String { pick("Times used", "Упоминаний") }
    var phrases: String { pick("Frequent phrases", "Частые словосочетания") }
    var comments: String { pick("Answers", "Ответы") }
    /// The heading of a choice question's other answers (`other: true`), with their number.
    func otherAnswers(_ count: Int) -> String { pick("Other answers (\(count))", "Другие ответы (\(count))") }
    var crossTabs: String { pick("Comparisons between groups", "Сравнение групп") }
    var dataQuality: String { pick("Data quality", "Качество данных") }
    var methods: String { pick("Methods", "Методика") }
    var ratingsOverview: String { pick("All ratings at a glance", "Все оценки") }
    var respondent: String { pick("Respondent", "Респондент") }
    var contents: String { pick("Questions", "Вопросы") }

    func responseRate(returned: Int, participants: Int?) -> String {
        guard let participants, participants > 0 else {
            return pick("\(returned) participant\(returned == 1 ? "" : "s") returned the questionnaire.",
                        "Анкету заполнили \(returned) \(russianParticipants(returned)).")
        }
        let rate = NumberFormat.wholePercent(Double(returned) / Double(participants) * 100)
        return pick("\(returned) of \(participants) participants returned the questionnaire (\(rate)).",
                    "Анкету заполнили \(returned) из \(participants) участников (\(rate)).")
    }

    /// Under `--where`: how many of all responses the subset holds, naming the expression.
    func filtered(_ filter: String, matched: Int, of all: Int) -> String {
        pick("\(matched) of \(all) response\(all == 1 ? "" : "s") match `\(filter)`; the figures below are about them.",
             "Условию `\(filter)` соответствуют \(matched) из \(all) \(all % 10 == 1 && all % 100 != 11 ? "ответа" : "ответов"); ниже — данные по ним.")
    }

    /// The base line under a question's heading; with skip logic it is about the respondents asked.
    func base(_ base: QuestionBase) -> String {
        var parts: [String] = []
        if base.skipped > 0 {
            parts.append(pick("\(base.answered) of the \(base.asked) asked answered", "ответили \(base.answered) из \(base.asked) опрошенных"))
            parts.append(pick("\(base.skipped) not asked (skip logic)", "\(base.skipped) не задавался (по условию)"))
        } else {
            parts.append(pick("\(base.answered) of \(base.responses) answered", "ответили \(base.answered) из \(base.responses)"))
        }
        if base.missingCoded > 0 { parts.append(pick("\(base.missingCoded) gave a missing code", "\(base.missingCoded) с кодом пропуска")) }
        if base.blank > 0 { parts.append(pick("\(base.blank) left blank", "\(base.blank) без ответа")) }
        if base.invalid > 0 { parts.append(pick("\(base.invalid) invalid", "\(base.invalid) с ошибкой")) }
        return parts.joined(separator: ", ")
    }

    /// For a question without a table: the declared missing codes given, with counts and shares of the asked.
    func missingCodes(_ rows: [NonAnswerRow]) -> String? {
        let codes = rows.filter { $0.kind == .missingCode }
        guard !codes.isEmpty else { return nil }
        let list = codes.map { "\($0.title(self)) (\($0.code)): \($0.count), \(NumberFormat.fixed($0.percentOfAsked))%" }.joined(separator: "; ")
        return pick("Missing codes, left out of the figures above (share of those asked): \(list).",
                    "Коды пропуска, не вошедшие в расчёты выше (доля от опрошенных): \(list).")
    }

    func descriptives(_ d: Descriptives) -> String {
        guard d.n > 0 else { return pick("No valid answers.", "Нет действительных ответов.") }
        var text = pick("Mean", "Среднее") + " \(NumberFormat.fixed(d.mean, 2)), "
            + pick("median", "медиана") + " \(NumberFormat.compact(d.median)), "
            + pick("standard deviation", "стандартное отклонение") + " \(NumberFormat.fixed(d.standardDeviation, 2))"
            + " (n = \(d.n); " + pick("range", "диапазон") + " \(NumberFormat.compact(d.minimum))–\(NumberFormat.compact(d.maximum)))."
        if let top = d.topTwoBox {
            text += " " + pick("\(NumberFormat.wholePercent(top)) gave one of the two highest ratings.",
                               "\(NumberFormat.wholePercent(top)) поставили одну из двух высших оценок.")
        }
        return text
    }

    func multipleNote(mentions: Int, respondents: Int, mean: Double?) -> String {
        pick("Several answers were possible, so percentages of respondents can add up to more than 100%. \(mentions) choices by \(respondents) respondents (\(NumberFormat.fixed(mean, 1)) on average).",
             "Можно было выбрать несколько ответов, поэтому сумма процентов может превышать 100%. \(mentions) выборов у \(respondents) респондентов (в среднем \(NumberFormat.fixed(mean, 1))).")
    }

    /// After a quote cut at `QuoteExcerpt.maximumCharacters`: how much is missing and where the whole answer is.
    func quoteCut(more: Int, respondent: String, fullAnswersFile: String?) -> String {
        if let file = fullAnswersFile {
            return pick("… (\(more) more characters; the full answer is in \(file))",
                        "… (ещё \(more) симв.; полный ответ — в \(file))")
        }
        return pick("… (\(more) more characters; the full answer is respondent \(respondent)'s in the responses file)",
                    "… (ещё \(more) симв.; полный ответ — у респондента \(respondent) в файле ответов)")
    }

    func quotesNote(shown: Int, of total: Int) -> String {
        shown == total ? "" : pick("The \(shown) longest of \(total) answers.", "\(shown) самых длинных из \(total) ответов.")
    }

    func crossTabCaption(row: String, column: String, total: Int) -> String {
        pick("\(row) by \(column): count and row percentage (\(total) respondents answered both).",
             "\(row) по \(column): число и процент по строке (ответили на оба вопроса: \(total)).")
    }

    /// The test of association in plain words (`AssociationWording`), naming the questions by
    /// their texts and categories by their labels in the report's language.
    func test(_ tab: CrossTabResult, rowQuestion: Question, columnQuestion: Question) -> String {
        wording(rowQuestion: rowQuestion, columnQuestion: columnQuestion).sentences(tab)
    }

    func wording(rowQuestion: Question, columnQuestion: Question) -> AssociationWording {
        AssociationWording(language: language, rowQuestion: rowQuestion, columnQuestion: columnQuestion,
                           rowSubject: rowQuestion.text.text(in: language.rawValue), columnSubject: columnQuestion.text.text(in: language.rawValue),
                           labelLanguage: language.rawValue)
    }

    /// tests.csv warnings, in the report's language.
    func sparseWarning(_ percent: String) -> String {
        pick("\(percent)% of expected counts below 5", "\(percent)% ожидаемых частот меньше 5")
    }
    var expectedBelowOneWarning: String { pick("an expected count below 1", "есть ожидаемая частота меньше 1") }
    var multipleResponseWarning: String { pick("multiple response: indicative only", "несколько ответов: проверка приблизительна") }

    var methodsText: [String] {
        [
            pick("Percentages of single-choice, yes/no and rating questions are of respondents who answered (valid %); the number without an answer is shown separately. The 95% interval is Wilson's score interval.",
                 "Проценты по вопросам с одним ответом, да/нет и оценкам рассчитаны от ответивших; число не ответивших показано отдельно. 95% интервал — интервал Уилсона."),
            pick("Questions skipped by design (skip logic) are not counted as missing.",
                 "Вопросы, пропущенные по условию анкеты, не считаются пропусками."),
            pick("Mean and standard deviation (n − 1); median and quartiles by linear interpolation (type 7).",
                 "Среднее и стандартное отклонение (n − 1); медиана и квартили — линейная интерполяция (тип 7)."),
            pick("Comparisons use Pearson's chi-square test (p < 0.05 counts as significant). When more than 20% of expected counts are below 5, p comes from Fisher's exact test (2×2 tables) or from 10,000 simulated tables with the same totals (Monte Carlo, fixed seed). Groups of fewer than 5 respondents are shown but left out of the test. The size of a difference is Cramér's V in words (Cohen's thresholds 0.1, 0.3, 0.5 divided by √(smaller side − 1): negligible, small, medium, large); the groups named are those whose adjusted standardized residual is beyond ±1.96.",
                 "Сравнение групп — критерий хи-квадрат Пирсона (значимо при p < 0,05). Если более 20% ожидаемых частот меньше 5, p получено точным критерием Фишера (таблицы 2×2) или по 10 000 случайных таблиц с теми же итогами (метод Монте-Карло, фиксированное начальное число). Группы меньше 5 респондентов показаны в таблицах, но в проверку не входят. Сила различия — V Крамера словами (пороги Коэна 0,1, 0,3, 0,5, делённые на √(меньшая сторона − 1): пренебрежимо малое, слабое, умеренное, сильное); названы группы, у которых скорректированный стандартизованный остаток больше ±1,96 по модулю."),
            pick("Keywords: words of three or more letters, without common words, with inflected forms merged (Snowball stemming).",
                 "Ключевые слова: слова от трёх букв без служебных слов, словоформы объединены (стемминг Snowball)."),
        ]
    }

    /// The methods list for these results: the sentences on skip logic and missing codes only
    /// where some question has them.
    func methodsText(for results: SurveyResults) -> [String] {
        var list = methodsText
        if results.questions.contains(where: { $0.base.skipped > 0 }) {
            list.insert(pick("A question behind skip logic shows \"Not asked\" in its own row; its other rows are of the respondents it was asked of.",
                             "У вопроса с условием строка «Не задавался» показана отдельно; остальные строки — от тех, кому вопрос задавался."), at: 2)
        }
        if results.questions.contains(where: { $0.missingCodes != nil }) {
            list.insert(pick("Declared missing codes (such as \"Don't know\") are shown in their own rows and left out of valid percentages, means, top-2 box and comparisons.",
                             "Объявленные коды пропуска (например, «затрудняюсь ответить») показаны отдельными строками и не входят в проценты от ответивших, средние, долю высших оценок и сравнения."), at: 2)
        }
        return list
    }

    private func russianParticipants(_ n: Int) -> String {
        let mod10 = n % 10, mod100 = n % 100
        if mod10 == 1 && mod100 != 11 { return "участник" }
        if (2...4).contains(mod10) && !(12...14).contains(mod100) { return "участника" }
        return "участников"
    }
}

// Phrases of the HTML report and its charts.
extension ReportPhrases {
    /// Under a question nobody answered, in place of a chart.
    var nobodyAnswered: String { pick("Nobody answered this question.", "На этот вопрос никто не ответил.") }

    /// "Generated …", written only with `--stamp`.
    func generated(_ stamp: String) -> String { pick("Generated \(stamp).", "Сформирован \(stamp).") }

    /// The range of a date question's answers.
    func dateRange(from earliest: String, to latest: String) -> String {
        pick("Dates from \(earliest) to \(latest).", "Даты с \(earliest) по \(latest).")
    }

    /// How to read the ratings overview.
    var ratingsOverviewNote: String {
        pick("Share of valid answers on each point of the scale: lower ratings left of the centre line, higher ratings right of it; the middle of an odd scale is split across the line. The figures at the bar ends are the totals of each side, without the middle point.",
             "Доля ответов по каждой оценке: низкие оценки — слева от центральной линии, высокие — справа; средняя оценка нечётной шкалы делится линией пополам. Числа у концов полос — сумма каждой стороны без средней оценки.")
    }

    /// How to read a shaded cross-tab.
    func crossTabNote(total: Int) -> String {
        pick("Each cell: count and, below it, the share of its row; the darker the cell, the larger the share. \(total) respondents answered both questions.",
             "В каждой ячейке — число ответов и под ним доля от строки; чем темнее ячейка, тем больше доля. На оба вопроса ответили: \(total).")
    }

    /// The alternative text of a question's bar chart.
    func chartOf(_ question: String) -> String { pick("Chart: \(question)", "Диаграмма: \(question)") }
}
