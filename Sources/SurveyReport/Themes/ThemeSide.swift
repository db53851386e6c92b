import SurveyModel
import SurveyStatistics

/// A cross-tab side made of a text question's themes (`improve#themes`), seen by the renderers
/// as the multiple-choice question it is counted as: its themes are the choices, labelled as
/// the question's theme table labels them (coder-added themes included), and its text is the
/// question's text marked "(themes)". So every place that renders a cross-tab (report.md,
/// report.html, report.docx, the CSV pack, report.xlsx, the key findings) names a theme by its
/// label, never by its id, through the same code as a question.
enum ThemeSide {
    /// What ends the id of a themes side.
    static let suffix = CrossTabPair.themesSuffix

    /// The text question whose themes `side` is, or nil when `side` is a question id.
    static func questionID(of side: String) -> String? {
        CrossTabPair.themesQuestion(of: side)
    }

    /// The question itself, or for `ID#themes` the question's themes as a multiple-choice question.
    static func question(_ side: String, in results: SurveyResults) -> Question? {
        guard let id = questionID(of: side) else { return results.questionnaire.question(side) }
        return question(side, questionnaire: results.questionnaire, table: results.questions.first { $0.id == id }?.themes)
    }

    /// The same from the questionnaire and the question's theme table, when at hand.
    static func question(_ side: String, questionnaire: Questionnaire, table: ThemeTable?) -> Question? {
        guard let id = questionID(of: side) else { return questionnaire.question(side) }
        guard let source = questionnaire.question(id) else { return nil }
        let themes = table.map { $0.rows.map { (id: $0.id, label: $0.label) } } ?? questionnaire.themes(for: id).map { (id: $0.id, label: $0.label) }
        let choices = themes.map { Choice(code: $0.id, label: $0.label) }
        let text = LocalizedText(translations: ReportLanguage.allCases.map { language in
            (language.rawValue, ReportPhrases(language).themesOf(source.text.text(in: language.rawValue)))
        })
        return Question(id: side, kind: .multipleChoice(choices, maxChoices: nil), text: text)
    }

    /// A question's themes with their labels: the theme table's rows (definition order, then the
    /// themes coders added), else the definition's themes for the question.
    static func labels(of questionID: String, in results: SurveyResults) -> [(id: String, label: LocalizedText)] {
        if let table = results.questions.first(where: { $0.id == questionID })?.themes {
            return table.rows.map { ($0.id, $0.label) }
        }
        return results.questionnaire.themes(for: questionID).map { ($0.id, $0.label) }
    }

    /// A side's id as it may stand in a file name or an HTML id: `improve-themes`.
    static func slug(_ side: String) -> String {
        questionID(of: side).map { $0 + "-themes" } ?? side
    }
}
