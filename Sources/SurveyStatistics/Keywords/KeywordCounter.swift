/// Counts keywords and two-word phrases in the free-text answers to one question.
///
/// Streaming and mergeable: answers are added one at a time and forgotten; memory is proportional
/// to the number of distinct words and of distinct adjacent word pairs, not to the number of
/// answers. Counters filled from separate chunks of the responses combine with `merge(_:)`.
///
/// A word becomes a keyword when it has at least 3 characters, holds a letter (pure numbers such
/// as "2024" are dropped), is not a built-in stop word and does not share its stem with one of
/// the questionnaire's `stopwords:`. Inflected forms count as one keyword through
/// Snowball stemming; the stemmer follows each word's own alphabet (Cyrillic → Russian, Latin →
/// English), so English words in Russian answers ("workshops", "workshop") merge too, which a
/// stemmer picked per answer would miss. The answer's language (given, or guessed) picks the stop
/// words. Two kept words form a phrase when only spaces separate them in the answer: a stop word,
/// a dropped word, punctuation or a line break between them breaks it; phrases count by stem pair
/// and show their most frequent wording.
public struct KeywordCounter: Sendable {
    /// How many answers held at least one word (letters or digits): the base for "% of answers".
    public private(set) var answerCount = 0

    /// Stems of the questionnaire's `stopwords:`, so that "курс" also removes "курсы" and "курса".
    private let extraStopStems: Set<String>
    private var words: [String: KeywordTally] = [:]
    private var phrases: [StemPair: KeywordTally] = [:]
    /// Stems already computed, so that each distinct word meets libstemmer once; not part of `==`.
    private var stems: [String: String] = [:]

    /// Makes an empty counter; `extraStopWords` are the questionnaire's `stopwords:`, applied to
    /// every answer on top of the built-in lists together with their inflected forms. Throws if
    /// the installed libstemmer lacks the English or Russian stemmer, so that a broken
    /// installation shows up before any answer is read.
    public init(extraStopWords: [String] = []) throws(KeywordsError) {
        for algorithm in SnowballStemmer.Algorithm.allCases {
            _ = try SnowballStemmer(algorithm)
        }
        var stemmers = AnswerStemmers()
        var stems: Set<String> = []
        for entry in extraStopWords {
            for token in Tokenizer.tokens(in: entry) {
                stems.insert(stemmers.stem(token.text))
            }
        }
        extraStopStems = stems
    }

    /// Counts one answer; `language` is the questionnaire's, or nil to guess it from the answer's letters.
    public mutating func add(answer: String, language: KeywordLanguage? = nil) {
        let tokens = Tokenizer.tokens(in: answer)
        guard !tokens.isEmpty else { return }
        answerCount += 1

        let stopWords = StopWords.builtIn(for: language ?? LanguageGuess.language(of: answer))
        var stemmers = AnswerStemmers()
        var stemsInAnswer: Set<String> = []
        var pairsInAnswer: Set<StemPair> = []
        var previous: (stem: String, surface: String)?

        for token in tokens {
            let surface = token.text
            guard isCandidate(surface, stopWords: stopWords) else {
                previous = nil
                continue
            }
            let stem = stem(of: surface, using: &stemmers)
            guard !extraStopStems.contains(stem) else {
                previous = nil
                continue
            }
            words[stem, default: KeywordTally()]
                .count(surface, firstInAnswer: stemsInAnswer.insert(stem).inserted)
            if let previous, token.followsPreviousDirectly {
                let pair = StemPair(first: previous.stem, second: stem)
                phrases[pair, default: KeywordTally()]
                    .count(previous.surface + " " + surface, firstInAnswer: pairsInAnswer.insert(pair).inserted)
            }
            previous = (stem, surface)
        }
    }

    /// Adds another counter's answers to this one, as if they had been added here.
    public mutating func merge(_ other: KeywordCounter) {
        answerCount += other.answerCount
        words.merge(other.words) { mine, theirs in
            var merged = mine
            merged.merge(theirs)
            return merged
        }
        phrases.merge(other.phrases) { mine, theirs in
            var merged = mine
            merged.merge(theirs)
            return merged
        }
        stems.merge(other.stems) { mine, _ in mine }
    }

    /// The `n` keywords mentioned by most answers; ties go to more occurrences, then alphabetical order.
    public func top(_ n: Int = 20) -> [Keyword] {
        Self.ranked(words.values, limit: n)
    }

    /// The `n` two-word phrases mentioned by most answers, ranked like `top(_:)`.
    public func topPhrases(_ n: Int = 10) -> [Keyword] {
        Self.ranked(phrases.values, limit: n)
    }

    /// Long enough, not a number and not a built-in stop word; the questionnaire's own stop words
    /// are checked on the stem afterwards.
    private func isCandidate(_ surface: String, stopWords: StopWords) -> Bool {
        surface.count >= 3
            && surface.contains(where: \.isLetter)
            && !stopWords.contains(surface)
    }

    private mutating func stem(of surface: String, using stemmers: inout AnswerStemmers) -> String {
        if let known = stems[surface] { return known }
        let stem = stemmers.stem(surface)
        stems[surface] = stem
        return stem
    }

    /// Alphabetical order is by Unicode code points (Latin before Cyrillic), not by a locale's collation.
    private static func ranked(_ tallies: some Collection<KeywordTally>, limit: Int) -> [Keyword] {
        guard limit > 0 else { return [] }
        let keywords = tallies.map(\.keyword).sorted { a, b in
            if a.answers != b.answers { return a.answers > b.answers }
            if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
            return a.text < b.text
        }
        return Array(keywords.prefix(limit))
    }
}

extension KeywordCounter: Equatable {
    /// Counters are equal when they counted the same answers under the same extra stop words;
    /// the stem cache is an optimisation and does not take part.
    public static func == (lhs: KeywordCounter, rhs: KeywordCounter) -> Bool {
        lhs.answerCount == rhs.answerCount
            && lhs.extraStopStems == rhs.extraStopStems
            && lhs.words == rhs.words
            && lhs.phrases == rhs.phrases
    }
}
