@testable import SurveyStatistics

/// The keyword counting and quote keeping as first written: one `Character` at a time, one
/// `String` per token, dictionaries keyed by strings, quotes re-sorted by `text.count`.
/// Slow but plain, so that the fast paths of `Tokenizer`, `KeywordCounter` and `TextTally` can be
/// checked against it (`KeywordEquivalenceTests`) and timed against it (`KeywordBenchmarks`).
/// Only `Tokenizer.normalize`, `StopWords`, `LanguageGuess` and the stemmers are shared.
enum ReferenceTokenizer {
    static func tokens(in answer: String) -> [Token] {
        words(in: answer).map(\.token)
    }

    /// The tokens with the length of each word as written, in Unicode code points.
    static func words(in answer: String) -> [(token: Token, writtenLength: Int)] {
        var tokens: [(Token, Int)] = []
        var word = ""
        var pendingJoiner: Character?
        var gapIsWhitespace = false

        func finishWord() {
            guard !word.isEmpty else { return }
            tokens.append((Token(Tokenizer.normalize(word), followsPreviousDirectly: gapIsWhitespace), word.unicodeScalars.count))
            word = ""
            gapIsWhitespace = true
        }

        for character in answer {
            if isWordCharacter(character) {
                if let joiner = pendingJoiner {
                    word.append(joiner)
                    pendingJoiner = nil
                }
                word.append(character)
                continue
            }
            if pendingJoiner != nil {
                pendingJoiner = nil
                finishWord()
                gapIsWhitespace = false
            }
            if !word.isEmpty, let joiner = joinerReplacement(character) {
                pendingJoiner = joiner
                continue
            }
            finishWord()
            if !character.isWhitespace || character.isNewline {
                gapIsWhitespace = false
            }
        }
        finishWord()
        return tokens
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        switch first.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    private static func joinerReplacement(_ character: Character) -> Character? {
        switch character {
        case "-": "-"
        case "'", "\u{2019}": "'"
        default: nil
        }
    }
}

/// `KeywordCounter` as first written.
struct ReferenceKeywordCounter {
    private(set) var answerCount = 0
    /// Words longer than `KeywordCounter.maximumWordLength` code points as written.
    private(set) var overlongWords = 0
    private let extraStopStems: Set<String>
    private var words: [String: KeywordTally] = [:]
    private var phrases: [StemPair: KeywordTally] = [:]
    private var stems: [String: String] = [:]

    init(extraStopWords: [String] = []) {
        var stemmers = AnswerStemmers()
        var stems: Set<String> = []
        for entry in extraStopWords {
            for token in ReferenceTokenizer.tokens(in: entry) {
                stems.insert(stemmers.stem(token.text))
            }
        }
        extraStopStems = stems
    }

    mutating func add(answer: String, language: KeywordLanguage? = nil) {
        let written = ReferenceTokenizer.words(in: answer)
        guard !written.isEmpty else { return }
        answerCount += 1

        let stopWords = StopWords.builtIn(for: language ?? LanguageGuess.language(of: answer))
        var stemmers = AnswerStemmers()
        var stemsInAnswer: Set<String> = []
        var pairsInAnswer: Set<StemPair> = []
        var previous: (stem: String, surface: String)?

        for (token, writtenLength) in written {
            let surface = token.text
            guard writtenLength <= KeywordCounter.maximumWordLength else {
                overlongWords += 1
                previous = nil
                continue
            }
            guard surface.count >= 3, surface.contains(where: \.isLetter), !stopWords.contains(surface) else {
                previous = nil
                continue
            }
            let stem: String
            if let known = stems[surface] {
                stem = known
            } else {
                stem = stemmers.stem(surface)
                stems[surface] = stem
            }
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

    mutating func merge(_ other: ReferenceKeywordCounter) {
        answerCount += other.answerCount
        overlongWords += other.overlongWords
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

    func top(_ n: Int = 20) -> [Keyword] { Self.ranked(words.values, limit: n) }

    func topPhrases(_ n: Int = 10) -> [Keyword] { Self.ranked(phrases.values, limit: n) }

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

/// The quotes `TextTally` kept as first written: every answer appended, the buffer re-sorted by
/// `text.count` whenever it reaches 2n + 16.
struct ReferenceQuotes {
    private(set) var quotes: [TextSummary.Quote] = []
    let policy: QuotePolicy

    init(policy: QuotePolicy) {
        self.policy = policy
    }

    mutating func add(_ text: String, respondent: String) {
        switch policy {
        case .none: break
        case .all: quotes.append(.init(respondent: respondent, text: text))
        case .longest(let n):
            guard n > 0 else { break }
            quotes.append(.init(respondent: respondent, text: text))
            if quotes.count >= 2 * n + 16 { trim(to: n) }
        }
    }

    mutating func merge(_ other: ReferenceQuotes) {
        quotes += other.quotes
        if case .longest(let n) = policy { trim(to: n) }
    }

    private mutating func trim(to n: Int) {
        let ranked = quotes.enumerated().sorted { ($0.element.text.count, -$0.offset) > ($1.element.text.count, -$1.offset) }
        quotes = ranked.prefix(n).sorted { $0.offset < $1.offset }.map(\.element)
    }

    /// The quotes as `TextTally.summary` hands them on.
    func summarized() -> [TextSummary.Quote] {
        var kept = self
        if case .longest(let n) = policy {
            kept.trim(to: n)
            kept.quotes = kept.quotes.enumerated().sorted { ($0.element.text.count, -$0.offset) > ($1.element.text.count, -$1.offset) }.map(\.element)
        }
        return kept.quotes
    }
}
