/// Words only `report.html` uses, beside the shared `ReportPhrases`.
extension ReportPhrases {
    /// The order of the ratings overview (`HTMLReport.byTopTwoBox`).
    var ratingsOverviewOrder: String {
        pick("Questions are sorted by the share of the two highest ratings (top-2-box), highest first.",
             "Вопросы упорядочены по доле двух высших оценок, от большей к меньшей.")
    }

    /// The header of the Wilson interval column.
    var confidenceInterval: String { pick("95% CI", "95% ДИ") }
}
