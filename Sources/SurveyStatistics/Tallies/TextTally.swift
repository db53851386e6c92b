import SurveyModel

/// Which free-text answers to keep for quoting.
public enum QuotePolicy: Sendable, Hashable {
    /// None (keywords only): memory stays flat.
    case none
    /// Every answer.
    case all
    /// The `n` longest answers.
    case longest(Int)
}

/// Free-text answers: keywords counted as they stream past, answers kept as the policy says.
struct TextTally: Sendable {
    private(set) var keywords: KeywordCounter?
    /// Whether `keywords` is set, known without looking at (and copying) the counter.
    private let countsKeywords: Bool
    private(set) var quotes: [TextSummary.Quote] = []
    /// Under `.longest`: the length in characters of each of `quotes`, counted once when it came.
    private var lengths: [Int] = []
    /// Under `.longest(n)`, once a trim has left `n` quotes: the length of the shortest of them.
    /// A later answer loses ties, so it must be longer than this to make the `n` longest; -1 until then.
    private var threshold = -1
    private let policy: QuotePolicy
    /// Answers per comment topic, merged across languages (for the key findings); nil when not counted.
    private(set) var topics: TopicTally?

    init(policy: QuotePolicy, keywords: KeywordCounter?, topics: TopicTally? = nil) {
        self.policy = policy
        self.keywords = keywords
        countsKeywords = keywords != nil
        self.topics = topics
    }

    /// Adds an answer; its own letters pick stop words and stemmers, since Russian answers
    /// turn up in English questionnaires and the other way round.
    mutating func add(_ text: String, respondent: String) {
        // One pass over the answer's words for keywords and topics. Optional chaining mutates
        // the counter in place; `keywords != nil` would copy it (and retain its ~20 arrays) per answer.
        if countsKeywords {
            keywords?.add(text, language: nil, topics: &topics)
        } else {
            topics?.add(text)
        }
        switch policy {
        case .none: break
        case .all: quotes.append(.init(respondent: respondent, text: text))
        case .longest(let n):
            guard n > 0 else { break }
            // A text has no more characters than Unicode scalars, nor scalars than UTF-8 bytes:
            // the bytes cost nothing to count and the scalars one pass over them, so most
            // answers are dropped without counting their characters. (The bytes alone let
            // through every Cyrillic answer over half the threshold, two bytes a letter, and
            // grapheme breaking them was ~5% of a report's time.)
            guard text.utf8.count > threshold, TextTally.scalarCount(text) > threshold else { break }
            let length = text.count
            guard length > threshold else { break }
            quotes.append(.init(respondent: respondent, text: text))
            lengths.append(length)
            if quotes.count >= 2 * n + 16 { trim(to: n) }
        }
    }

    /// The Unicode scalars in `text`: its UTF-8 bytes that do not continue a sequence.
    static func scalarCount(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes { count &+= byte & 0xC0 == 0x80 ? 0 : 1 }
            return count
        } ?? text.unicodeScalars.count
    }

    mutating func merge(_ other: TextTally) {
        if var mine = keywords, let theirs = other.keywords {
            mine.merge(theirs)
            keywords = mine
        }
        if var mine = topics, let theirs = other.topics {
            mine.merge(theirs)
            topics = mine
        }
        quotes += other.quotes
        lengths += other.lengths
        if case .longest(let n) = policy { trim(to: n) }
    }

    /// Keeps the `n` longest (ties by respondent order of arrival), in order of arrival.
    private mutating func trim(to n: Int) {
        guard n > 0 else {
            quotes = []
            lengths = []
            return
        }
        if quotes.count > n {
            let kept = longestFirst().prefix(n).sorted()
            quotes = kept.map { quotes[$0] }
            lengths = kept.map { lengths[$0] }
        }
        if quotes.count == n { threshold = lengths.min()! }
    }

    /// Indices of `quotes`, longest first, ties by order of arrival.
    private func longestFirst() -> [Int] {
        quotes.indices.sorted { lengths[$0] != lengths[$1] ? lengths[$0] > lengths[$1] : $0 < $1 }
    }

    func summary(answered: Int, top: Int) -> TextSummary {
        var kept = self
        if case .longest(let n) = policy {
            kept.trim(to: n)
            kept.quotes = kept.longestFirst().map { kept.quotes[$0] }
        }
        let counts = { (list: [Keyword]) in list.map { TextSummary.KeywordCount(text: $0.text, answers: $0.answers, occurrences: $0.occurrences) } }
        return TextSummary(
            answersWithWords: keywords?.answerCount ?? 0,
            keywords: counts(keywords?.top(top) ?? []),
            phrases: counts(keywords?.topPhrases(10) ?? []),
            overlongWords: (keywords?.overlongWords).flatMap { $0 > 0 ? $0 : nil },
            quotes: kept.quotes,
            answered: answered
        )
    }
}
