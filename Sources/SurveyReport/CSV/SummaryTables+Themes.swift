import SurveyStatistics

extension SummaryTables {
    /// `themes.csv`: one row per theme of each text question that has themes (definition order,
    /// then the themes coders added), then a row with an empty `theme_id` for the answers with
    /// no theme. `base` is the answers to the question (the base of `percent`); `ci_low` and
    /// `ci_high` the 95% Wilson interval; `hand_coded` the question's answers whose themes were
    /// given by hand (the codes file), the same on each of its rows. An answer can have several
    /// themes, so a question's percentages can sum past 100.
    func themes() -> String {
        var rows: [[String]] = []
        for result in results.questions {
            guard let table = result.themes, !table.rows.isEmpty else { continue }
            for row in table.rows {
                rows.append([result.id, text(row.id), text(row.label.text(in: options.language.rawValue)), String(row.count), String(table.answered),
                             figure(row.percent), figure(row.ciLow), figure(row.ciHigh), String(table.handCoded)])
            }
            rows.append([result.id, "", text(options.phrases.noTheme), String(table.uncoded), String(table.answered),
                         figure(table.uncodedPercent), "", "", String(table.handCoded)])
        }
        return table(["question_id", "theme_id", "label", "count", "base", "percent", "ci_low", "ci_high", "hand_coded"], rows)
    }
}
