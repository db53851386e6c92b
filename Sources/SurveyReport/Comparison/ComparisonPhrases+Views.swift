/// The words of comparison.html's trend charts and of comparison.xlsx, in English and Russian.
extension ComparisonPhrases {
    /// The `<title>` of a rating's trend chart.
    func topTwoBoxTrend(_ question: String) -> String {
        pick("\(question): two highest ratings by event", "\(question): две высшие оценки по мероприятиям")
    }

    func meanTrend(_ question: String) -> String {
        pick("\(question): mean rating by event", "\(question): средняя оценка по мероприятиям")
    }

    var topTwoBoxTrendNote: String {
        pick("Points: % of respondents who gave one of the two highest ratings; whiskers: 95% Wilson interval. Events by date.",
             "Точки: % ответивших, поставивших одну из двух высших оценок; усы: 95% интервал Уилсона. Мероприятия по дате.")
    }

    var meanTrendNote: String {
        pick("Points: mean rating on the whole scale; whiskers: 95% t interval. Events by date.",
             "Точки: средняя оценка на всей шкале; усы: 95% интервал Стьюдента. Мероприятия по дате.")
    }

    // MARK: comparison.xlsx

    var comparisonSheet: String { pick("Comparison", "Сравнение") }
    var eventsSheet: String { pick("Events", "Мероприятия") }
    var questionID: String { pick("Question ID", "ID вопроса") }
    var question: String { pick("Question", "Вопрос") }
    var row: String { pick("Row", "Строка") }
    var code: String { pick("Code", "Код") }
    var label: String { pick("Label", "Подпись") }
    var n: String { pick("n", "n") }
    var count: String { pick("Count", "Число") }
    var percent: String { pick("%", "%") }
    var ciLow: String { pick("95% CI low", "95% ДИ от") }
    var ciHigh: String { pick("95% CI high", "95% ДИ до") }
    var changeFromPrevious: String { pick("Change from previous, points", "Изменение к предыдущему, п.п.") }
    var pFromPrevious: String { pick("p vs previous", "p к предыдущему") }
    var changeFromFirst: String { pick("Change from first, points", "Изменение к первому, п.п.") }
    var pFromFirst: String { pick("p vs first", "p к первому") }
    var test: String { pick("Test", "Критерий") }
    var meanColumn: String { pick("Mean", "Среднее") }
    var standardDeviation: String { pick("SD", "Ст. откл.") }
    /// The "row" column's values: what a row of the Comparison sheet holds.
    var answerRow: String { pick("answer", "ответ") }
    var topTwoBoxRow: String { pick("top 2 box", "две высшие") }
    var meanRow: String { pick("mean", "среднее") }
    var themeRow: String { pick("theme", "тема") }
    var keywordRow: String { pick("keyword", "слово") }
}
