import SurveyEntry
import SurveyModel

/// The one place `survey code` meets the theme definitions and rules (SurveyModel's `Theme`,
/// SurveyStatistics' `ThemeRules`).
enum CodingThemes {
    /// The question's themes in definition order, labelled in `language`.
    static func offered(for question: String, in definition: Questionnaire, language: String?) -> [CodingTheme] {
        []  // Until themes-core's milestone M1 (Questionnaire.themes(for:)) is merged.
    }

    /// The theme ids the definition's rules give an answer.
    static func rules(for question: String, in definition: Questionnaire) -> (String) -> [String] {
        { _ in [] }
    }
}
