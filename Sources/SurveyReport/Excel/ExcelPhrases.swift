/// The workbook's own words in English and Russian: sheet names (at most 31 characters, as
/// Excel allows) and column headers. Question texts and labels come from the definition.
struct ExcelPhrases {
    let language: ReportLanguage

    private func pick(_ en: String, _ ru: String) -> String { language == .english ? en : ru }

    // Sheet names, in tab order.
    var aboutSheet: String { pick("About", "Об отчёте") }
    var frequenciesSheet: String { pick("Frequencies", "Частоты") }
    var descriptivesSheet: String { pick("Descriptives", "Описательные статистики") }
    var multipleResponseSheet: String { pick("Multiple response", "Множественный выбор") }
    var crossTabsSheet: String { pick("Cross-tabs", "Таблицы сопряжённости") }
    var testsSheet: String { pick("Tests", "Проверка различий") }
    var keywordsSheet: String { pick("Keywords", "Ключевые слова") }
    var themesSheet: String { pick("Themes", "Темы") }
    var commentsSheet: String { pick("Comments", "Комментарии") }
    var findingsSheet: String { pick("Findings", "Выводы") }
    var dataQualitySheet: String { pick("Data quality", "Качество данных") }
    var chartsSheet: String { pick("Charts", "Диаграммы") }

    // Column headers.
    var questionID: String { pick("Question ID", "Код вопроса") }
    var question: String { pick("Question", "Вопрос") }
    var code: String { pick("Code", "Код") }
    var label: String { pick("Label", "Метка") }
    var kind: String { pick("Row kind", "Вид строки") }
    var count: String { pick("Count", "Число") }
    var percentOfAsked: String { pick("% of asked", "% от опрошенных") }
    var validPercent: String { pick("Valid %", "% от ответивших") }
    var cumulativePercent: String { pick("Cumulative valid %", "Накопленный %") }
    var ciLow: String { pick("95% CI low", "95% ДИ, от") }
    var ciHigh: String { pick("95% CI high", "95% ДИ, до") }
    var n: String { "n" }
    var mean: String { pick("Mean", "Среднее") }
    var standardDeviation: String { pick("Standard deviation", "Стандартное отклонение") }
    var minimum: String { pick("Minimum", "Минимум") }
    var q1: String { pick("Lower quartile", "Нижний квартиль") }
    var median: String { pick("Median", "Медиана") }
    var q3: String { pick("Upper quartile", "Верхний квартиль") }
    var maximum: String { pick("Maximum", "Максимум") }
    var topTwo: String { pick("Top-2 box %", "% двух высших оценок") }
    var bottomTwo: String { pick("Bottom-2 box %", "% двух низших оценок") }
    var percentOfRespondents: String { pick("% of respondents", "% респондентов") }
    var percentOfMentions: String { pick("% of mentions", "% упоминаний") }
    var respondents: String { pick("Respondents", "Респондентов") }
    var mentions: String { pick("Mentions", "Упоминаний") }
    var rowQuestion: String { pick("Row question", "Вопрос в строках") }
    var columnQuestion: String { pick("Column question", "Вопрос в столбцах") }
    var chiSquare: String { pick("Chi-square", "Хи-квадрат") }
    var degreesOfFreedom: String { pick("df", "Степени свободы") }
    var chiSquareP: String { pick("p (chi-square)", "p (хи-квадрат)") }
    var cramersV: String { pick("Cramér's V", "V Крамера") }
    var expectedBelowFive: String { pick("% expected below 5", "% ожидаемых меньше 5") }
    var fisherP: String { pick("p (Fisher)", "p (Фишер)") }
    var monteCarloP: String { pick("p (Monte Carlo)", "p (Монте-Карло)") }
    var pUsed: String { pick("p used", "p итоговое") }
    var pMethod: String { pick("p from", "Метод p") }
    var effectSize: String { pick("Size of the difference", "Сила различия") }
    var drivingCells: String { pick("Groups that differ (z)", "Отличающиеся группы (z)") }
    var leftOut: String { pick("Left out of the test", "Не вошли в проверку") }
    var warnings: String { pick("Warnings", "Предупреждения") }
    var sentence: String { pick("In words", "Словами") }
    var rank: String { pick("Rank", "Место") }
    var text: String { pick("Text", "Текст") }
    var keyword: String { pick("word", "слово") }
    var phrase: String { pick("phrase", "словосочетание") }
    var answers: String { pick("Answers", "Ответов") }
    var occurrences: String { pick("Times used", "Упоминаний") }
    var respondent: String { pick("Respondent", "Респондент") }
    var findingKind: String { pick("Finding", "Вывод") }
    var otherQuestionID: String { pick("Other question ID", "Код второго вопроса") }
    var topic: String { pick("Topic", "Тема") }
    var base: String { pick("Base", "База") }
    var themeID: String { pick("Theme ID", "Код темы") }
    var theme: String { pick("Theme", "Тема") }
    var percentOfAnswers: String { pick("% of answers", "% ответов") }
    var handCoded: String { pick("Coded by hand", "Закодировано вручную") }
    var percent: String { "%" }
    var words: String { pick("Words", "Слова") }
    var measure: String { pick("Measure", "Показатель") }
    var value: String { pick("Value", "Значение") }
    var rowPercentTitle: String { pick("Row %", "% по строке") }
    var countsTitle: String { pick("Counts", "Число ответов") }

    // The About sheet.
    var title: String { pick("Title", "Заголовок") }
    var questionnaire: String { pick("Questionnaire", "Анкета") }
    var participants: String { pick("Participants", "Участников") }
    var responses: String { pick("Responses", "Получено анкет") }
    var responseRate: String { pick("Response rate", "Доля ответивших") }
    var filter: String { pick("Filter (--where)", "Отбор (--where)") }
    var responsesInReport: String { pick("Responses in this report", "Анкет в отчёте") }
    var collected: String { pick("Collected", "Сбор ответов") }
    var generated: String { pick("Generated", "Сформирован") }
    var tool: String { pick("Made with", "Программа") }
    var howToRead: String { pick("How to read", "Как читать") }
    var sheets: String { pick("Sheets", "Листы") }

    /// What each sheet holds, for the About sheet.
    func sheetContents(_ sheet: String) -> String {
        switch sheet {
        case frequenciesSheet: return pick("one row per answer of each single-choice and rating question, then its non-answers (row kind: blank, missing_code, invalid, not_asked)",
                                           "по строке на каждый вариант ответа вопросов с одним ответом и оценок, затем строки без ответа (вид строки: blank, missing_code, invalid, not_asked)")
        case descriptivesSheet: return pick("mean, spread and quartiles of each rating and number question",
                                            "среднее, разброс и квартили каждой оценки и числового вопроса")
        case multipleResponseSheet: return pick("one row per choice of each multiple-choice question; percentages of respondents can add up to more than 100%",
                                                "по строке на каждый вариант вопросов с несколькими ответами; сумма процентов респондентов может превышать 100%")
        case crossTabsSheet: return pick("each comparison between groups as a table: counts, then the share of each row",
                                         "каждое сравнение групп таблицей: число ответов, затем доля по строке")
        case testsSheet: return pick("the test of each comparison, with the p used and the sentence of the report",
                                     "проверка каждого сравнения: итоговое p и фраза отчёта")
        case keywordsSheet: return pick("the words and phrases that come up most in free-text answers",
                                        "наиболее частые слова и словосочетания в свободных ответах")
        case commentsSheet: return pick("every quoted free-text answer, with its respondent",
                                        "все приведённые свободные ответы с номером респондента")
        case findingsSheet: return pick("the key findings with their figures", "главные выводы с их цифрами")
        case dataQualitySheet: return pick("rows read, accepted and rejected, and the problems found in the answers",
                                           "прочитанные, принятые и отклонённые строки и найденные в ответах проблемы")
        case chartsSheet: return pick("a bar chart per closed question, drawn from the Frequencies and Multiple response sheets",
                                      "столбчатая диаграмма по каждому закрытому вопросу, по данным листов «Частоты» и «Множественный выбор»")
        default: return ""
        }
    }

    /// How to read the workbook: a few lines under "How to read" on the About sheet.
    var readingNotes: [String] {
        [
            pick("Every figure is a number cell: percentages are stored as shares (0.25) and shown as 25.0%, so they can be summed, sorted and charted.",
                 "Все цифры — числовые ячейки: проценты хранятся как доли (0,25) и показаны как 25,0%, их можно складывать, сортировать и строить по ним диаграммы."),
            pick("Codes are the values in the data file; labels are the answers as the questionnaire words them.",
                 "Коды — значения в файле данных; метки — ответы так, как они сформулированы в анкете."),
            pick("% of asked is of the respondents the question was asked of; valid % leaves out blanks, missing codes and invalid answers.",
                 "% от опрошенных — от тех, кому задавался вопрос; % от ответивших не учитывает пропуски, коды пропуска и недопустимые ответы."),
            pick("Header rows stay in view while scrolling, and every table sheet has filter buttons in its header.",
                 "Строки заголовков остаются на месте при прокрутке, у каждой таблицы в заголовке есть кнопки фильтра."),
        ]
    }
}

extension ExcelPhrases {
    var noCrossTabs: String { pick("No comparisons between groups were asked for (report: crosstabs in the definition, or --crosstab).",
                                   "Сравнения групп не заданы (report: crosstabs в определении анкеты или --crosstab).") }
    /// The last row of a Comments sheet that could not hold every answer.
    func answersLeftOut(_ count: Int, rows: Int, fullAnswersFile: String?) -> String {
        let grouped = NumberFormat.grouped(count, language: language), limit = NumberFormat.grouped(rows, language: language)
        if let file = fullAnswersFile {
            return pick("… and \(grouped) more answers: a sheet holds at most \(limit) rows. Every answer is in \(file).",
                        "… и ещё ответов: \(grouped); на листе не больше \(limit) строк. Все ответы — в \(file).")
        }
        return pick("… and \(grouped) more answers: a sheet holds at most \(limit) rows. Every answer is in the responses file.",
                    "… и ещё ответов: \(grouped); на листе не больше \(limit) строк. Все ответы — в файле ответов.")
    }
    var noCharts: String { pick("No closed question has answers to chart.", "Ни у одного закрытого вопроса нет ответов для диаграммы.") }
    // The data-quality measures.
    var rowsRead: String { pick("Rows read", "Прочитано строк") }
    var accepted: String { pick("Accepted", "Принято") }
    var rejected: String { pick("Rejected", "Отклонено") }
    var problems: String { pick("Problems found in the answers", "Проблем в ответах") }
    var illegible: String { pick("Illegible on paper forms", "Неразборчиво в бумажных анкетах") }
    var formsVerified: String { pick("Forms typed twice and compared", "Анкет введено дважды и сверено") }
    var formsTotal: String { pick("Forms", "Анкет") }
    var answersCompared: String { pick("Answers compared", "Сверено ответов") }
    var disagreements: String { pick("Answers that differed", "Расхождений") }
    var disagreementRate: String { pick("Share that differed", "Доля расхождений") }
}
