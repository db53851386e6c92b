import SurveyStatistics

// Phrases of the themes a text question's answers were given (`ThemeTable`), in every format.
extension ReportPhrases {
    /// The heading over a question's theme table.
    var themes: String { pick("Themes", "Темы") }
    /// The table's first column.
    var theme: String { pick("Theme", "Тема") }
    /// The column of a theme's share of the question's answers.
    var percentOfAnswers: String { pick("% of answers", "% ответов") }
    /// The row of answers that got no theme.
    var noTheme: String { pick("No theme", "Без темы") }
    /// The heading over the quotes of a question whose answers have themes.
    var answersByTheme: String { pick("Answers by theme", "Ответы по темам") }

    /// The alternative text and title of a question's theme chart.
    func themesChartOf(_ question: String) -> String { pick("Themes: \(question)", "Темы: \(question)") }

    /// Under the theme table: what the percentages are of, that they may add up past 100, how
    /// many answers got no theme and how many were coded by hand.
    func themesNote(_ table: ThemeTable) -> String {
        var text = pick("Percentages are of the \(counted(table.answered, .answer)) to this question; an answer can have several themes, so they can add up to more than 100%. \(counted(table.mentions, .mention)) of themes in all; 95% interval: Wilson.",
                        "Проценты — от \(counted(table.answered, .answerOf)) на этот вопрос; у ответа может быть несколько тем, поэтому сумма может превышать 100%. Всего \(counted(table.mentions, .mention)) тем; 95% интервал — Уилсона.")
        if table.handCoded > 0 {
            text += " " + pick("Themes of \(counted(table.handCoded, .answer)) were given by hand (codes file); the others by the definition's rules.",
                               "Темы \(counted(table.handCoded, .answerOf)) заданы вручную (файл кодов), остальных — по правилам анкеты.")
        } else {
            text += " " + pick("Themes were given by the definition's rules.", "Темы заданы по правилам анкеты.")
        }
        return text
    }

    /// The heading of one theme's quotes: "More time for discussion (14)".
    func themeQuotesHeading(_ label: String, count: Int) -> String { "\(label) (\(integer(count)))" }

    /// The methods sentence, only when some question has themes.
    var themesMethod: String {
        pick("Themes of free-text answers: an answer gets a theme when it contains one of the theme's words (inflected forms merged by Snowball stemming) or phrases and none of its excluding words, unless a coder gave its themes by hand (codes file), which then count instead. Percentages are of the answers to the question; an answer can have several themes.",
             "Темы ответов в свободной форме: ответ получает тему, если в нём есть одно из её слов (словоформы объединены стеммингом Snowball) или словосочетаний и нет ни одного из исключающих слов, если только темы ответа не заданы вручную (файл кодов) — тогда считаются они. Проценты — от ответивших на вопрос; у ответа может быть несколько тем.")
    }
}
