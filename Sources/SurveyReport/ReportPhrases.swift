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

    /// `text` ended with a full stop, unless its last word already brings one: a Russian date
    /// ends with the abbreviation "г." ("1 января 2024 г."), and "г.." reads as a typo.
    static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
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
    func otherAnswers(_ count: Int) -> String { pick("Other answers (\(integer(count)))", "Другие ответы (\(integer(count)))") }
    var crossTabs: String { pick("Comparisons between groups", "Сравнение групп") }
    var dataQuality: String { pick("Data quality", "Качество данных") }
    var methods: String { pick("Methods", "Методика") }
    var ratingsOverview: String { pick("All ratings at a glance", "Все оценки") }
    var respondent: String { pick("Respondent", "Респондент") }
    var contents: String { pick("Questions", "Вопросы") }

    /// The response rate; counted nouns and verbs agree with their numbers (`PluralCategory`).
    func responseRate(returned: Int, participants: Int?) -> String {
        guard let participants, participants > 0 else {
            return pick("\(counted(returned, .participant)) returned the questionnaire.",
                        "Анкету \(word(returned, .filledIn)) \(counted(returned, .participant)).")
        }
        guard returned <= participants else {
            // More forms than people: a rate over 100% is no finding but a wrong count or forms
            // entered twice; said so, with no rate.
            return pick("\(counted(returned, .participant)) returned the questionnaire, more than the \(counted(participants, .participant)) the definition names (event: participants); check that number, or look for forms entered twice. No response rate is given.",
                        "Анкету \(word(returned, .filledIn)) \(counted(returned, .participant)) — больше, чем указано в определении анкеты (event: participants: \(integer(participants))); проверьте это число или поищите анкеты, введённые дважды. Доля ответивших не приводится.")
        }
        let rate = NumberFormat.wholePercent(Double(returned) / Double(participants) * 100)
        return pick("\(integer(returned)) of \(counted(participants, .participantOf)) returned the questionnaire (\(rate)).",
                    "Анкету \(word(returned, .filledIn)) \(integer(returned)) из \(counted(participants, .participantOf)) (\(rate)).")
    }

    /// Under `--where`: how many of all responses the subset holds, naming the expression as
    /// `code` marks it (in backticks, which report.html and report.docx set as code; report.md
    /// gives its own code span, whose fence fits backticks in the expression).
    func filtered(_ filter: String, matched: Int, of all: Int, code: (String) -> String = { "`\($0)`" }) -> String {
        pick("\(integer(matched)) of \(counted(all, .responseOf)) \(matched == 1 ? "matches" : "match") \(code(filter)); the figures below are about them.",
             "Условию \(code(filter)) \(word(matched, .matches)) \(integer(matched)) из \(counted(all, .responseOf)); ниже — данные по ним.")
    }

    /// The base line under a question's heading; with skip logic it is about the respondents asked.
    func base(_ base: QuestionBase) -> String {
        var parts: [String] = []
        if base.skipped > 0 {
            parts.append(pick("\(integer(base.answered)) of the \(integer(base.asked)) asked answered",
                              "\(word(base.answered, .answered)) \(integer(base.answered)) из \(counted(base.asked, .askedOf))"))
            parts.append(pick("\(integer(base.skipped)) not asked (skip logic)", "не задавался \(counted(base.skipped, .respondentTo)) (по условию)"))
        } else {
            parts.append(pick("\(integer(base.answered)) of \(integer(base.responses)) answered",
                              "\(word(base.answered, .answered)) \(integer(base.answered)) из \(integer(base.responses))"))
        }
        if base.missingCoded > 0 { parts.append(pick("\(integer(base.missingCoded)) gave a missing code", "\(integer(base.missingCoded)) с кодом пропуска")) }
        if base.blank > 0 { parts.append(pick("\(integer(base.blank)) left blank", "\(integer(base.blank)) без ответа")) }
        if base.invalid > 0 { parts.append(pick("\(integer(base.invalid)) invalid", "\(integer(base.invalid)) с ошибкой")) }
        return parts.joined(separator: ", ")
    }

    /// For a question without a table: the declared missing codes given, with counts and shares of the asked.
    func missingCodes(_ rows: [NonAnswerRow]) -> String? {
        let codes = rows.filter { $0.kind == .missingCode }
        guard !codes.isEmpty else { return nil }
        let list = codes.map { "\($0.title(self)) (\($0.code)): \(integer($0.count)), \(number($0.percentOfAsked))%" }.joined(separator: "; ")
        return pick("Missing codes, left out of the figures above (share of those asked): \(list).",
                    "Коды пропуска, не вошедшие в расчёты выше (доля от опрошенных): \(list).")
    }

    func descriptives(_ d: Descriptives) -> String {
        guard d.n > 0 else { return pick("No valid answers.", "Нет действительных ответов.") }
        var text = pick("Mean", "Среднее") + " \(number(d.mean, 2)), "
            + pick("median", "медиана") + " \(compact(d.median)), "
            + pick("standard deviation", "стандартное отклонение") + " \(number(d.standardDeviation, 2))"
            + " (n = \(integer(d.n)); " + pick("range", "диапазон") + " \(compact(d.minimum))–\(compact(d.maximum)))."
        if let top = d.topTwoBox {
            text += " " + pick("\(NumberFormat.wholePercent(top)) gave one of the two highest ratings.",
                               "\(NumberFormat.wholePercent(top)) поставили одну из двух высших оценок.")
        }
        return text
    }

    func multipleNote(mentions: Int, respondents: Int, mean: Double?) -> String {
        pick("Several answers were possible, so percentages of respondents can add up to more than 100%. \(counted(mentions, .choice)) by \(counted(respondents, .respondent)) (\(number(mean, 1)) on average).",
             "Можно было выбрать несколько ответов, поэтому сумма процентов может превышать 100%. \(counted(mentions, .choice)) у \(counted(respondents, .respondentOf)) (в среднем \(number(mean, 1))).")
    }

    /// After a quote cut at `QuoteExcerpt.maximumCharacters`: how much is missing and where the whole answer is.
    func quoteCut(more: Int, respondent: String, fullAnswersFile: String?) -> String {
        if let file = fullAnswersFile {
            return pick("… (\(counted(more, .character)); the full answer is in \(file))",
                        "… (ещё \(counted(more, .character)); полный ответ — в \(file))")
        }
        return pick("… (\(counted(more, .character)); the full answer is respondent \(respondent)'s in the responses file)",
                    "… (ещё \(counted(more, .character)); полный ответ — у респондента \(respondent) в файле ответов)")
    }

    func quotesNote(shown: Int, of total: Int) -> String {
        guard shown != total else { return "" }
        return pick(shown == 1 ? "The longest of \(counted(total, .answerOf))." : "The \(integer(shown)) longest of \(counted(total, .answerOf)).",
                    "\(counted(shown, .longest)) из \(counted(total, .answerOf)).")
    }

    func crossTabCaption(row: String, column: String, total: Int) -> String {
        pick("\(row) by \(column): count and row percentage (\(counted(total, .respondent)) answered both).",
             "\(row) по \(column): число и процент по строке (ответили на оба вопроса: \(integer(total))).")
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
    func sparseWarning(_ percent: Double?) -> String {
        pick("\(number(percent))% of expected counts below 5", "\(number(percent))% ожидаемых частот меньше 5")
    }
    var expectedBelowOneWarning: String { pick("an expected count below 1", "есть ожидаемая частота меньше 1") }
    var multipleResponseWarning: String { pick("multiple response: indicative only", "несколько ответов: проверка приблизительна") }

    var methodsText: [String] {
        // Figures in the methods follow the language too: "p < 0,05", "0,1, 0,3, 0,5" in Russian.
        [
            pick("Percentages of single-choice, yes/no and rating questions are of respondents who answered (valid %); the number without an answer is shown separately. The 95% interval is Wilson's score interval.",
                 "Проценты по вопросам с одним ответом, да/нет и оценкам рассчитаны от ответивших; число не ответивших показано отдельно. 95% интервал — интервал Уилсона."),
            pick("Questions skipped by design (skip logic) are not counted as missing.",
                 "Вопросы, пропущенные по условию анкеты, не считаются пропусками."),
            pick("Mean and standard deviation (n − 1); median and quartiles by linear interpolation (type 7).",
                 "Среднее и стандартное отклонение (n − 1); медиана и квартили — линейная интерполяция (тип 7)."),
            pick("Comparisons use Pearson's chi-square test (p < 0.05 counts as significant). When more than 20% of expected counts are below 5, p comes from Fisher's exact test (2×2 tables) or from \(integer(MonteCarloChiSquare.tables)) simulated tables with the same totals (Monte Carlo, fixed seed). Groups of fewer than 5 respondents are shown but left out of the test. The size of a difference is Cramér's V in words (Cohen's thresholds 0.1, 0.3, 0.5 divided by √(smaller side − 1): negligible, small, medium, large); the groups named are those whose adjusted standardized residual is beyond ±1.96.",
                 "Сравнение групп — критерий хи-квадрат Пирсона (значимо при p < 0,05). Если более 20% ожидаемых частот меньше 5, p получено точным критерием Фишера (таблицы 2×2) или по \(counted(MonteCarloChiSquare.tables, .simulatedTableBy)) с теми же итогами (метод Монте-Карло, фиксированное начальное число). Группы меньше 5 респондентов показаны в таблицах, но в проверку не входят. Сила различия — V Крамера словами (пороги Коэна 0,1, 0,3, 0,5, делённые на √(меньшая сторона − 1): пренебрежимо малое, слабое, умеренное, сильное); названы группы, у которых скорректированный стандартизованный остаток больше ±1,96 по модулю."),
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
        if results.questions.contains(where: { !($0.themes?.rows.isEmpty ?? true) }) {
            list.append(themesMethod)
        }
        return list
    }
}

// Phrases of the HTML report and its charts.
extension ReportPhrases {
    /// Under a question nobody answered, in place of a chart.
    var nobodyAnswered: String { pick("Nobody answered this question.", "На этот вопрос никто не ответил.") }

    /// "Generated …", written only with `--stamp`.
    func generated(_ stamp: String) -> String { Self.sentence(pick("Generated \(stamp)", "Сформирован \(stamp)")) }

    /// The range of a date question's answers.
    func dateRange(from earliest: String, to latest: String) -> String {
        Self.sentence(pick("Dates from \(writtenDate(earliest)) to \(writtenDate(latest))", "Даты с \(writtenDate(earliest)) по \(writtenDate(latest))"))
    }

    /// How to read the ratings overview.
    var ratingsOverviewNote: String {
        pick("Share of valid answers on each point of the scale: lower ratings left of the centre line, higher ratings right of it; the middle of an odd scale is split across the line. The figures at the bar ends are the totals of each side, without the middle point.",
             "Доля ответов по каждой оценке: низкие оценки — слева от центральной линии, высокие — справа; средняя оценка нечётной шкалы делится линией пополам. Числа у концов полос — сумма каждой стороны без средней оценки.")
    }

    /// How to read a shaded cross-tab.
    func crossTabNote(total: Int) -> String {
        pick("Each cell: count and, below it, the share of its row; the darker the cell, the larger the share. \(counted(total, .respondent)) answered both questions.",
             "В каждой ячейке — число ответов и под ним доля от строки; чем темнее ячейка, тем больше доля. На оба вопроса ответили: \(integer(total)).")
    }

    /// The alternative text of a question's bar chart.
    func chartOf(_ question: String) -> String { pick("Chart: \(question)", "Диаграмма: \(question)") }
}
