import SurveyModel

/// The rules of a question's themes, ready to match answers: which themes an answer gets.
///
/// Words are matched by Snowball stem with the same stemmers and word scanning as the keywords
/// (`Tokenizer`, `AnswerStemmers`: Latin words by the English stemmer, Cyrillic ones by the
/// Russian), so `time` finds "times" and `материалы` finds "материалов"; a rule `время` finds
/// "времени" too (`forms(of:)`). Phrases are matched on
/// the answer's words normalised as keywords are (lower-cased, `ё` as `е`), with punctuation and
/// hyphens read as spaces, whole words only: `"more time"` finds "More time!" and "more, time"
/// but not "more timely". An answer with an `except` word (by stem) does not get that theme.
public struct ThemeRules: Sendable {
    /// The themes, in definition order: the order of `themes(in:)`.
    public let themes: [Theme]
    /// Stem → the rules it triggers, each `theme index × 2 + 1 if it is an except word`.
    let rulesOfStem: [String: [Int32]]
    /// Normalised word (hyphen-split part) → its number, for the words of phrases.
    let phraseWordNumbers: [String: Int32]
    /// Each phrase as its words' numbers, with its theme.
    let phrases: [(theme: Int, words: [Int32])]

    public init(themes: [Theme]) {
        self.themes = themes
        var stemmers = AnswerStemmers()
        var rulesOfStem: [String: [Int32]] = [:]
        var phraseWordNumbers: [String: Int32] = [:]
        var phrases: [(Int, [Int32])] = []
        for (index, theme) in themes.enumerated() {
            for (list, except) in [(theme.words, false), (theme.exceptWords, true)] {
                let rule = Int32(index * 2 + (except ? 1 : 0))
                for word in list {
                    for token in Tokenizer.tokens(in: word) {
                        for form in Self.forms(of: token.text) {
                            let stem = stemmers.stem(form)
                            if !(rulesOfStem[stem]?.contains(rule) ?? false) { rulesOfStem[stem, default: []].append(rule) }
                        }
                    }
                }
            }
            for phrase in theme.phrases {
                var words: [Int32] = []
                for token in Tokenizer.tokens(in: phrase) {
                    for part in Self.parts(of: token.text) {
                        let number = phraseWordNumbers[part] ?? Int32(phraseWordNumbers.count)
                        phraseWordNumbers[part] = number
                        words.append(number)
                    }
                }
                if !words.isEmpty { phrases.append((index, words)) }
            }
        }
        self.rulesOfStem = rulesOfStem
        self.phraseWordNumbers = phraseWordNumbers
        self.phrases = phrases
    }

    /// The ids of the themes `answer` gets by the rules, in definition order.
    public func themes(in answer: String) -> [String] {
        var matcher = ThemeMatcher(rules: self)
        return matcher.themes(in: answer).map { themes[$0].id }
    }

    /// A rule word and, for a Russian neuter noun in -мя, its other stem: Snowball stems `время`
    /// to `врем` but `времени`, `временем`, `временах` to `времен` (the -ен- of the ten nouns
    /// время, имя, племя, пламя, знамя, семя, стремя, бремя, темя, вымя), so a rule `время`
    /// alone would miss "Мало времени". Either form in a rule stands for both.
    static func forms(of word: String) -> [String] {
        if word.hasSuffix("мя"), word.count > 2, Script.dominant(in: word.unicodeScalars) == .cyrillic {
            return [word, String(word.dropLast()) + "ени"]
        }
        if word.hasSuffix("мени"), word.count > 4, Script.dominant(in: word.unicodeScalars) == .cyrillic {
            return [word, String(word.dropLast(3)) + "я"]
        }
        return [word]
    }

    /// A normalised word split at hyphens, which phrases read as spaces ("follow-up" is "follow up").
    static func parts(of word: String) -> [String] {
        guard word.contains("-") else { return [word] }
        return word.split(separator: "-").map(String.init)
    }
}

/// Matches answers against `ThemeRules`, remembering what each distinct word (as written, by its
/// UTF-8 bytes) means for the rules, so that a word is normalised and stemmed once, on first
/// sight; after that a word costs one hash lookup and no `String`. Memory: the distinct words'
/// bytes and a few numbers per word.
struct ThemeMatcher: Sendable {
    let rules: ThemeRules
    private var rawWords = RawWordTable()
    /// Per word number: the rules its stem triggers (mostly none).
    private var rawRules: [[Int32]] = []
    /// Per word number: its phrase-word numbers (-1 for a part in no phrase); empty when no theme has phrases.
    private var rawPhraseWords: [[Int32]] = []
    /// Per theme: the serial of the last answer that had a word of it, and an except word.
    private var hit: [Int]
    private var excepted: [Int]
    private var serial = 0
    /// The current answer's phrase-word numbers, reused from answer to answer.
    private var sequence: [Int32] = []

    init(rules: ThemeRules) {
        self.rules = rules
        hit = Array(repeating: 0, count: rules.themes.count)
        excepted = Array(repeating: 0, count: rules.themes.count)
    }

    /// Indices into `rules.themes` of the themes `answer` gets, ascending.
    mutating func themes(in answer: String) -> [Int] {
        guard !rules.themes.isEmpty else { return [] }
        serial += 1
        sequence.removeAll(keepingCapacity: true)
        let withPhrases = !rules.phrases.isEmpty
        // Most answers of a question get no theme: then nothing is allocated for the result.
        var anyHit = false
        // Per call, like `TopicTally.add`: a stemmer is not Sendable, and is made only when a new word comes.
        var stemmers = AnswerStemmers()
        Tokenizer.forEachWord(in: answer) { word, _ in
            // No rule word is that long; a pasted run of letters is neither copied nor stemmed.
            guard word.count <= 4 * KeywordCounter.maximumWordLength else {
                if withPhrases { sequence.append(-1) }
                return
            }
            let hash = RawWordTable.hash(word)
            let number = rawWords.index(of: word, hash: hash) ?? learn(word, hash: hash, stemmers: &stemmers)
            for rule in rawRules[number] {
                let theme = Int(rule >> 1)
                if rule & 1 == 0 {
                    hit[theme] = serial
                    anyHit = true
                } else {
                    excepted[theme] = serial
                }
            }
            if withPhrases { sequence.append(contentsOf: rawPhraseWords[number]) }
        }
        if withPhrases {
            for phrase in rules.phrases where hit[phrase.theme] != serial && contains(phrase.words) {
                hit[phrase.theme] = serial
                anyHit = true
            }
        }
        guard anyHit else { return [] }
        return rules.themes.indices.filter { hit[$0] == serial && excepted[$0] != serial }
    }

    private func contains(_ words: [Int32]) -> Bool {
        guard words.count <= sequence.count else { return false }
        for start in 0...(sequence.count - words.count) where sequence[start] == words[0] {
            var index = 1
            while index < words.count && sequence[start + index] == words[index] { index += 1 }
            if index == words.count { return true }
        }
        return false
    }

    /// Works out what a word means for the rules, on its first sight.
    @inline(never)
    private mutating func learn(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, stemmers: inout AnswerStemmers) -> Int {
        let number = rawWords.insert(word, hash: hash)
        let text = Tokenizer.normalize(Tokenizer.rawText(word))
        rawRules.append(rules.rulesOfStem[stemmers.stem(text)] ?? [])
        rawPhraseWords.append(rules.phrases.isEmpty ? [] : ThemeRules.parts(of: text).map { rules.phraseWordNumbers[$0] ?? -1 })
        return number
    }
}
