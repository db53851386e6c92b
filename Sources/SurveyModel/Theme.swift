/// A theme of free-text answers ("more time for discussion"): an id, a label per language, and
/// the rules that give an answer the theme, so that comments are counted by what they are about
/// rather than by keyword ("time" and "времени" are one theme, not two keyword rows).
///
/// Declared under a definition's top-level `themes:` (for the text questions listed in
/// `questions:`, or every text question) or under a text question's own `themes:` (for it
/// alone). Hand codes (`NAME.codes.csv`) override the rules; the rules are what a coder starts from.
public struct Theme: Sendable, Hashable {
    /// `[a-z0-9_]+`, unique in the definition; the code of the theme in tables and CSV files.
    public var id: String
    /// What reports call it.
    public var label: LocalizedText
    /// The text questions it applies to; nil means every text question.
    public var questions: [String]?
    /// An answer with one of these words gets the theme; matched by Snowball stem in the word's
    /// own alphabet (Latin → English, Cyrillic → Russian), so `time` also finds "times".
    public var words: [String]
    /// An answer containing one of these word sequences gets the theme; matched on normalised
    /// text (case-folded, `ё` read as `е`, punctuation as space), whole words only.
    public var phrases: [String]
    /// An answer with one of these words (by stem) does not get the theme, whatever else it says.
    public var exceptWords: [String]
    /// Where the theme is declared, for messages.
    public var location: SourceLocation?

    public init(id: String, label: LocalizedText, questions: [String]? = nil, words: [String] = [], phrases: [String] = [],
                exceptWords: [String] = [], location: SourceLocation? = nil) {
        self.id = id
        self.label = label
        self.questions = questions
        self.words = words
        self.phrases = phrases
        self.exceptWords = exceptWords
        self.location = location
    }

    /// Whether `id` is a valid theme id: `[a-z0-9_]+` (it is written into codes files and CSV
    /// cells, where `;` and `,` separate values).
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Themes are equal when they say the same; where they were written is not part of it (a
    /// definition converted to XLSForm and back has the same themes on other lines).
    public static func == (lhs: Theme, rhs: Theme) -> Bool {
        lhs.id == rhs.id && lhs.label == rhs.label && lhs.questions == rhs.questions && lhs.words == rhs.words
            && lhs.phrases == rhs.phrases && lhs.exceptWords == rhs.exceptWords
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(label)
        hasher.combine(questions)
        hasher.combine(words)
        hasher.combine(phrases)
        hasher.combine(exceptWords)
    }

    /// Whether the theme applies to question `questionID`.
    public func applies(to questionID: String) -> Bool {
        questions?.contains(questionID) ?? true
    }
}
