/// Words only `report.html` uses, beside the shared `ReportPhrases`.
extension ReportPhrases {
    /// The order of the ratings overview (`HTMLReport.byTopTwoBox`).
    var ratingsOverviewOrder: String {
        pick("Questions are sorted by the share of the two highest ratings (top-2-box), highest first.",
             "Вопросы упорядочены по доле двух высших оценок, от большей к меньшей.")
    }

    /// How a scale with its best answer in between (`best:`) is drawn and ordered.
    var ratingsOverviewBestInBetween: String {
        pick("On a scale whose best answer is in between (such as \"Just enough\"), that answer is drawn across the centre line in blue, answers short of it to the left and beyond it to the right in red, and questions are sorted by the share of the best answer.",
             "На шкале, где лучший ответ находится посередине (например, «в самый раз»), он показан синим на центральной линии, ответы «меньше» — слева, «больше» — справа, красным; вопросы упорядочены по доле лучшего ответа.")
    }

    /// The header of the Wilson interval column.
    var confidenceInterval: String { pick("95% CI", "95% ДИ") }
}
