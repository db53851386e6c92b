import SurveyModel

extension SummaryTables {
    /// `codebook.csv`: what every column of the responses and every code in the other files
    /// means, in the report's language, so the pack can be read without the definition.
    ///
    /// One row per answer code of a closed question (`kind` `answer`), one per declared missing
    /// code (`missing_code`), one for a question without codes (`open`: number, text, date),
    /// for `other: true` one for the `ID_other` column (`other_text`), and for a text question
    /// with themes one per theme under `ID#themes` (`theme`, type `themes`). `min` and `max` give a
    /// rating's scale or a number's bounds. Question-level columns (`question`, `type`,
    /// `missing_codes`, `skip_condition`, `required`) repeat on each of a question's rows, so
    /// any row read on its own is complete.
    func codebook() -> String {
        var rows: [[String]] = []
        for question in results.questionnaire.questions {
            let missing = question.missingCodes.map(\.code).joined(separator: ";")
            func row(_ id: String = question.id, type: String = question.kind.keyword, code: String, label: String, kind: String,
                     bounds: (Double?, Double?) = (nil, nil), missing: String = missing, required: Bool = question.required) {
                rows.append([id, questionText(question.id), type, text(code), text(label), kind, text(missing),
                             text(question.when?.source ?? ""), required ? "yes" : "no",
                             figure(bounds.0), figure(bounds.1)])
            }
            let categories = question.categories
            if categories.isEmpty {
                row(code: "", label: "", kind: "open", bounds: bounds(question.kind))
            } else {
                for category in categories {
                    row(code: category.code, label: category.label.text(in: options.language), kind: "answer", bounds: bounds(question.kind))
                }
            }
            for code in question.missingCodes {
                row(code: code.code, label: code.label.text(in: options.language), kind: "missing_code")
            }
            if let column = question.otherColumn {
                // Free text, filled only when the answer is `other`: no codes, never required.
                row(column, type: QuestionKind.text.keyword, code: "", label: "", kind: "other_text", missing: "", required: false)
            }
            if case .text = question.kind {
                // The codes of themes.csv and of a themes side in the cross-tabs (`improve#themes`).
                for theme in ThemeSide.labels(of: question.id, in: results) {
                    row(question.id + ThemeSide.suffix, type: "themes", code: theme.id, label: theme.label.text(in: options.language.rawValue),
                        kind: "theme", missing: "", required: false)
                }
            }
        }
        return table(["question_id", "question", "type", "code", "label", "kind", "missing_codes", "skip_condition", "required", "min", "max"], rows)
    }

    /// The bounds of a rating's scale or a number's `min`/`max`, as declared; none for other kinds.
    private func bounds(_ kind: QuestionKind) -> (Double?, Double?) {
        switch kind {
        case .rating(let scale, _): (Double(scale.lowerBound), Double(scale.upperBound))
        case .number(let min, let max, _): (min, max)
        default: (nil, nil)
        }
    }
}
