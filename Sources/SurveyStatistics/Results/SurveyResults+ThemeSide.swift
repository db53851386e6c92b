import SurveyModel

extension SurveyResults {
    /// The question a cross-tab side stands for: the closed question itself, or, for the themes
    /// of a text question (`improve#themes`), a multiple-choice question whose choices are its
    /// themes (ids and labels, coder-added ones included) and whose text says "Themes: …", so
    /// that renderers label a theme cross-tab like any other. Nil for an unknown side.
    public func crossTabQuestion(_ side: String) -> Question? {
        guard let textID = CrossTabPair.themesQuestion(of: side) else { return questionnaire.question(side) }
        guard let question = questionnaire.question(textID), let table = questions.first(where: { $0.id == textID })?.themes else { return nil }
        let choices = table.rows.map { Choice(code: $0.id, label: $0.label) }
        let text = LocalizedText(translations: question.text.translations.map { language, text in
            (language, (language == "ru" ? "Темы: " : "Themes: ") + text)
        })
        return Question(id: side, kind: .multipleChoice(choices, maxChoices: nil), text: text)
    }
}
