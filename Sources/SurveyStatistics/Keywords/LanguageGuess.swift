/// Guesses an answer's language when the questionnaire names none, because the stop words depend on it.
///
/// Letters decide: a Latin majority means English, a Cyrillic majority (or a tie) Russian, and
/// Cyrillic text with a Kyrgyz-only letter (ң, ө, ү) Kyrgyz. Ties go to Cyrillic because the
/// questionnaires are mostly answered in Russian or Kyrgyz. An answer without Latin or Cyrillic
/// letters ("5", "🙂", "谢谢") has no guess.
public enum LanguageGuess {
    /// The likely language of one answer, or nil when it has no Latin or Cyrillic letters.
    public static func language(of answer: String) -> KeywordLanguage? {
        var latin = 0
        var cyrillic = 0
        var hasKyrgyzLetter = false
        for scalar in answer.unicodeScalars {
            switch Script(scalar) {
            case .latin?:
                latin += 1
            case .cyrillic?:
                cyrillic += 1
                if isKyrgyzLetter(scalar) { hasKyrgyzLetter = true }
            case nil:
                continue
            }
        }
        if latin == 0 && cyrillic == 0 { return nil }
        if latin > cyrillic { return .english }
        return hasKyrgyzLetter ? .kyrgyz : .russian
    }

    /// Letters of the Kyrgyz alphabet that Russian lacks (Kazakh shares them, which is close enough here).
    private static func isKyrgyzLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "ң", "Ң", "ө", "Ө", "ү", "Ү": true
        default: false
        }
    }
}
