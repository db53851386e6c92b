import Foundation
import SurveyStatistics

/// The report's fixed phrases in English and Russian; question texts and labels come from the
/// definition, everything else a reader sees comes from here.
public struct ReportPhrases: Sendable {
    public let language: ReportLanguage

    public init(_ language: ReportLanguage) {
        self.language = language
    }

    private func pick(_ en: String, _ ru: String) -> String {
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

    func filtered(_ filter: String) -> String {
        pick("Only responses where `\(filter)` are included.", "Учтены только ответы, где `\(filter)`.")
    }

    func base(_ base: QuestionBase) -> String {
        var parts: [String] = []
        parts.append(pick("\(base.answered) of \(base.responses) answered", "ответили \(base.answered) из \(base.responses)"))
        if base.skipped > 0 { parts.append(pick("\(base.skipped) not asked (skip logic)", "\(base.skipped) не задавался (по условию)")) }
        if base.blank > 0 { parts.append(pick("\(base.blank) left blank", "\(base.blank) без ответа")) }
        if base.invalid > 0 { parts.append(pick("\(base.invalid) invalid", "\(base.invalid) с ошибкой")) }
        return parts.joined(separator: ", ")
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

    /// The test of association in plain words.
    func test(_ tab: CrossTabResult, rowSubject: String, columnSubject: String) -> String {
        guard let test = tab.test else {
            return pick("No test: \(tab.noTestReason ?? "not enough data").", "Проверка невозможна: недостаточно данных.")
        }
        let stats = "χ² = \(NumberFormat.fixed(test.chiSquare, 2)), df = \(test.degreesOfFreedom), \(NumberFormat.pValue(test.pValue)), V = \(NumberFormat.fixed(test.cramersV, 2))"
        let significant = test.decisiveP < 0.05
        var sentence = significant
            ? pick("Answers to “\(columnSubject)” differ significantly by “\(rowSubject)” (\(stats))",
                   "Ответы на вопрос «\(columnSubject)» значимо различаются в зависимости от ответа на вопрос «\(rowSubject)» (\(stats))")
            : pick("No significant difference in “\(columnSubject)” by “\(rowSubject)” (\(stats))",
                   "Значимых различий в ответах на вопрос «\(columnSubject)» в зависимости от «\(rowSubject)» нет (\(stats))")
        if let fisher = test.fisherPValue {
            sentence += pick("; expected counts are small, so Fisher's exact test was used: \(NumberFormat.pValue(fisher))",
                             "; ожидаемые частоты малы, поэтому применён точный критерий Фишера: \(NumberFormat.pValue(fisher))")
        } else if test.isSparse {
            let share = NumberFormat.wholePercent(test.expectedBelowFivePercent)
            sentence += pick("; \(share) of cells have expected counts below 5, interpret with care",
                             "; в \(share) ячеек ожидаемая частота ниже 5, выводы предварительные")
        }
        if tab.isMultipleResponse {
            sentence += pick("; one question allows several answers, so the test is only indicative",
                             "; в одном из вопросов можно выбрать несколько ответов, поэтому проверка приблизительна")
        }
        return sentence + "."
    }

    func dataQuality(_ figures: ImportFigures, problemsFile: String?) -> String {
        var text = pick("\(figures.rowsRead) rows read, \(figures.accepted) accepted, \(figures.rejected) rejected as unreadable.",
                        "Прочитано строк: \(figures.rowsRead), принято: \(figures.accepted), отклонено как нечитаемые: \(figures.rejected).")
        if figures.problems > 0 {
            text += " " + pick("\(figures.problems) problem\(figures.problems == 1 ? " was" : "s were") found in the answers: invalid values (counted as no answer), required questions left blank, or answers to questions that skip logic did not ask",
                               "В ответах найдено проблем: \(figures.problems): недопустимые значения (учтены как отсутствующие), пропущенные обязательные вопросы или ответы на вопросы, которые не задавались по условию")
            if let problemsFile { text += pick("; they are listed in \(problemsFile)", "; список — в \(problemsFile)") }
            text += "."
        } else {
            text += " " + pick("All answers passed validation.", "Все ответы прошли проверку.")
        }
        return text
    }

    var methodsText: [String] {
        [
            pick("Percentages of single-choice, yes/no and rating questions are of respondents who answered (valid %); the number without an answer is shown separately. The 95% interval is Wilson's score interval.",
                 "Проценты по вопросам с одним ответом, да/нет и оценкам рассчитаны от ответивших; число не ответивших показано отдельно. 95% интервал — интервал Уилсона."),
            pick("Questions skipped by design (skip logic) are not counted as missing.",
                 "Вопросы, пропущенные по условию анкеты, не считаются пропусками."),
            pick("Mean and standard deviation (n − 1); median and quartiles by linear interpolation (type 7).",
                 "Среднее и стандартное отклонение (n − 1); медиана и квартили — линейная интерполяция (тип 7)."),
            pick("Comparisons use Pearson's chi-square test (p < 0.05 counts as significant) with Cramér's V as effect size; for 2×2 tables with small expected counts, Fisher's exact test.",
                 "Сравнение групп — критерий хи-квадрат Пирсона (значимо при p < 0,05), сила связи — V Крамера; для таблиц 2×2 с малыми ожидаемыми частотами — точный критерий Фишера."),
            pick("Keywords: words of three or more letters, without common words, with inflected forms merged (Snowball stemming).",
                 "Ключевые слова: слова от трёх букв без служебных слов, словоформы объединены (стемминг Snowball)."),
        ]
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
