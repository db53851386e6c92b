/// The language of a questionnaire's free text, because it decides which stop words apply.
public enum KeywordLanguage: String, Sendable, CaseIterable {
    /// English stop words; Latin words go through the English stemmer whatever the language.
    case english = "en"
    /// Russian stop words; Cyrillic words go through the Russian stemmer whatever the language.
    case russian = "ru"
    /// Kyrgyz and Russian stop words; Kyrgyz has no Snowball stemmer, so the Russian one serves.
    case kyrgyz = "ky"

    /// Reads the questionnaire's `language:` value: "ru", "RU", "ru-KG", "russian" and "русский" all mean Russian.
    public init(code: String) throws(KeywordsError) {
        let lowered = code.lowercased()
        let primary = lowered.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? lowered
        switch primary {
        case "en", "eng", "english", "английский": self = .english
        case "ru", "rus", "russian", "русский": self = .russian
        case "ky", "kir", "kyrgyz", "kirghiz", "кыргызча", "кыргыз", "киргизский": self = .kyrgyz
        default: throw .unsupportedLanguage(code)
        }
    }
}
