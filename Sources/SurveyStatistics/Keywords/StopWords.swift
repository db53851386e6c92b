/// Words too common to be keywords ("the", "и", "жана"), removed before counting.
///
/// The English and Russian lists apply to every answer: they share no word, since one is Latin and
/// the other Cyrillic, so mixed answers ("очень полезный workshop, the speakers were great") lose
/// the function words of both languages. The Kyrgyz list applies only to Kyrgyz answers, because a
/// few Kyrgyz function words are Russian content words ("бар", "тез").
public struct StopWords: Equatable, Sendable {
    private var words: Set<String>

    /// A list of one's own, such as the questionnaire's `stopwords:`; each entry is normalised like
    /// answers, and an entry of several words ("thank you") contributes each of them.
    public init(_ entries: some Sequence<String>) {
        words = []
        for entry in entries {
            for token in Tokenizer.tokens(in: entry) {
                words.insert(token.text)
            }
        }
    }

    /// The built-in lists for answers in `language`; nil (no guess possible) means English and Russian.
    public static func builtIn(for language: KeywordLanguage?) -> StopWords {
        language == .kyrgyz ? kyrgyzRussianEnglish : russianEnglish
    }

    /// Whether a normalised token (see `Tokenizer.normalize`) is a stop word.
    public func contains(_ token: String) -> Bool {
        words.contains(token)
    }

    /// Whether no word is listed, so that callers can skip the lookup.
    public var isEmpty: Bool { words.isEmpty }

    /// How many distinct words are listed, after normalisation.
    public var count: Int { words.count }

    private static let russianEnglish = StopWords(StopWordLists.english + StopWordLists.russian)
    private static let kyrgyzRussianEnglish = StopWords(StopWordLists.kyrgyz + StopWordLists.russian + StopWordLists.english)
}
