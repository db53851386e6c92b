import SurveyEntry
import SurveyModel
import SurveyStatistics

/// The one place `survey code` meets the theme definitions and rules (SurveyModel's `Theme`,
/// SurveyStatistics' `ThemeRules`), so the coding engine in SurveyEntry needs neither.
enum CodingThemes {
    /// The question's themes in definition order, labelled in `language` (else the definition's own).
    static func offered(for question: String, in definition: Questionnaire, language: String?) -> [CodingTheme] {
        definition.themes(for: question).map { CodingTheme(id: $0.id, label: $0.label.text(in: language ?? definition.language)) }
    }

    /// The theme ids the definition's rules give an answer: what the coder starts from.
    static func rules(for question: String, in definition: Questionnaire) -> (String) -> [String] {
        let rules = ThemeRules(themes: definition.themes(for: question))
        return { rules.themes(in: $0) }
    }
}
