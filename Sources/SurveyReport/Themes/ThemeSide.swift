import SurveyModel
import SurveyStatistics

/// A cross-tab side made of a text question's themes (`improve#themes`), seen by the renderers
/// as the multiple-choice question it is counted as (`SurveyResults.crossTabQuestion`): its
/// themes are the choices, labelled as the question's theme table labels them (coder-added
/// themes included), and its text is "Themes: " and the question's. So every place that renders a cross-tab (report.md,
/// report.html, report.docx, the CSV pack, report.xlsx, the key findings) names a theme by its
/// label, never by its id, through the same code as a question.
enum ThemeSide {
    /// What ends the id of a themes side.
    static let suffix = CrossTabPair.themesSuffix

    /// The text question whose themes `side` is, or nil when `side` is a question id.
    static func questionID(of side: String) -> String? {
        CrossTabPair.themesQuestion(of: side)
    }

    /// The question itself, or for `ID#themes` the question's themes as a multiple-choice
    /// question ("Themes: …"), as `survey stats` names it.
    static func question(_ side: String, in results: SurveyResults) -> Question? {
        results.crossTabQuestion(side)
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
