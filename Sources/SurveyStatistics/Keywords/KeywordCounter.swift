import Foundation

/// Counts keywords and two-word phrases in the free-text answers to one question.
///
/// Streaming and mergeable: answers are added one at a time and forgotten; memory is proportional
/// to the number of distinct words (as written and normalised) and of distinct adjacent word
/// pairs, not to the number of answers. Counters filled from separate chunks of the responses
/// combine with `merge(_:)`.
///
/// A word becomes a keyword when it has from 3 to 50 characters, holds a letter (pure numbers such
/// as "2024" are dropped), is not a built-in stop word and does not share its stem with one of
/// the questionnaire's `stopwords:`. Inflected forms count as one keyword through
/// Snowball stemming; the stemmer follows each word's own alphabet (Cyrillic → Russian, Latin →
/// English), so English words in Russian answers ("workshops", "workshop") merge too, which a
/// stemmer picked per answer would miss. The answer's language (given, or guessed) picks the stop
/// words. Two kept words form a phrase when only spaces separate them in the answer: a stop word,
/// a dropped word, punctuation or a line break between them breaks it; phrases count by stem pair
/// and show their most frequent wording.
///
/// Speed: a survey has few distinct words and many answers, so everything about a word as written
/// (its normalised form, whether it can be a keyword under each stop-word list, its stem) is
/// worked out once, the first time it is seen, and kept under its UTF-8 bytes (`RawWordTable`).
/// Forms, stems and phrases are then counted by number; strings are made only for new words and
/// for the results.
public struct KeywordCounter: Sendable {
    /// How many answers held at least one word (letters or digits): the base for "% of answers".
    public private(set) var answerCount = 0

    /// Words longer than this many characters (Unicode code points) are never keywords: no word
    /// of a language is that long, and a pasted hash, URL-less link or run of one letter
    /// (128,000 `a`s) must neither show up as a "keyword" nor be copied, lower-cased and stemmed.
    public static let maximumWordLength = 50

    /// Occurrences of words longer than `maximumWordLength`, not counted as keywords; reported so
    /// that their absence from the keywords is never silent.
    public private(set) var overlongWords = 0

    /// Stems of the questionnaire's `stopwords:`, so that "курс" also removes "курсы" and "курса".
    private let extraStopStems: Set<String>

    /// What is known about each distinct word as written; numbered by `rawWords`. Not part of `==`.
    private var rawWords = RawWordTable()
    private var rawWordInfo: [RawWordInfo] = []
    /// Each word as written, normalised (`Tokenizer.normalize`); empty when it never counts.
    private var rawWordTexts: [String] = []

    /// Normalised words that can be keywords ("surface forms"), numbered in order of first sight.
    /// Keyed by their bytes in Unicode NFC, so that canonically equivalent spellings are one form,
    /// as `String` equality would have them, without hashing a `String` (NFC hashing of Cyrillic
    /// text was a third of what learning a word cost).
    private var formKeys = RawWordTable()
    /// The spelling shown: the first one counted among canonically equivalent ones.
    private var formTexts: [String] = []
    private var formStems: [Int32] = []
    private var formOccurrences: [Int] = []

    /// Stems, numbered in order of first sight, interned by their bytes in one flat table (no
    /// `String` or dictionary entry per stem). The key is the stem in Unicode NFC, so that
    /// canonically equivalent stems are one stem, as `String` equality would have them.
    private var stems = RawWordTable()
    private var stemIsExtraStop: [Bool] = []
    private var stemTallies: [Tally] = []

    /// Phrases, numbered by stem pair.
    private var phraseNumbers = PairIndex()
    private var phraseStems: [(first: Int32, second: Int32)] = []
    private var phraseTallies: [Tally] = []

    /// Phrase wordings, numbered by form pair: "миграции схем" and "миграция схемы" are two
    /// wordings of one phrase.
    private var wordingNumbers = PairIndex()
    private var wordingForms: [(first: Int32, second: Int32)] = []
    private var wordingTexts: [String] = []
    private var wordingPhrases: [Int32] = []
    private var wordingOccurrences: [Int] = []

    /// Counts `add` calls, for `Tally.lastAnswer`.
    private var answerSerial = 0

    /// The counts of a stem or a phrase.
    private struct Tally {
        var answers = 0
        var occurrences = 0
        /// The `answerSerial` of the last answer that used it, so that it counts once per answer.
        var lastAnswer = 0
    }

    /// Everything about a word as written that counting needs, worked out when it is first seen;
    /// its text is in `rawWordTexts`, so that copying this costs no reference counting.
    private struct RawWordInfo {
        /// Its number in `rawWords`.
        var raw: Int32
        /// Its form number, or -1 when it never counts.
        var form: Int32
        var stem: Int32
        /// Whether it counts under the English and Russian stop words.
        var counts: Bool
        /// Whether it counts under the Kyrgyz, English and Russian stop words.
        var countsInKyrgyz: Bool

        static func never(_ raw: Int32) -> RawWordInfo {
            RawWordInfo(raw: raw, form: -1, stem: -1, counts: false, countsInKyrgyz: false)
        }
    }

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
        var noTopics: TopicTally?
        add(answer, language: language, topics: &noTopics)
    }

    /// Counts one answer and, in the same pass over its bytes, the comment topics it mentions:
    /// each word is found and looked up once for both, and `topics` numbers words by this
    /// counter's table (`TopicTally.count(_:number:stemmers:)`).
    mutating func add(_ answer: String, language: KeywordLanguage?, topics: inout TopicTally?) {
        answerSerial += 1
        topics?.beginAnswer(numberedBy: .keywordCounter)
        var state = AnswerState(answer: answer, language: language)
        Tokenizer.forEachWord(in: answer) { word, followsPreviousDirectly in
            countWord(word, followsPreviousDirectly: followsPreviousDirectly, in: &state, topics: &topics)
        }
        if state.hasWords { answerCount += 1 }
    }

    /// What `add` keeps while it goes through one answer's words.
    private struct AnswerState {
        let answer: String
        let language: KeywordLanguage?
        var hasWords = false
        /// Whether the Kyrgyz stop words apply; guessed only when a word's fate depends on it.
        var kyrgyz: Bool?
        var stemmers = AnswerStemmers()
        /// The previous word, while it can still start a phrase.
        var previous: RawWordInfo?

        init(answer: String, language: KeywordLanguage?) {
            self.answer = answer
            self.language = language
        }
    }

    // Kept out of line: inlined into the closure that `forEachWord` calls, its array accesses
    // cost a retain and a release each.
    //
    // Words skipped before the lookup (overlong, under 3 bytes, ASCII digits) are never comment
    // topics either: every glossary stem has 3 to 20 letters (`TopicGlossary.init` checks it).
    @inline(never)
    private mutating func countWord(
        _ word: UnsafeBufferPointer<UInt8>, followsPreviousDirectly: Bool, in state: inout AnswerState, topics: inout TopicTally?
    ) {
        state.hasWords = true
        // Checked on the bytes before the word is looked up, so an overlong word is never copied.
        guard word.count <= Self.maximumWordLength || !Self.isOverlong(word) else {
            overlongWords += 1
            state.previous = nil
            return
        }
        // Fewer than 3 bytes is fewer than 3 characters, and ASCII digits hold no letter: no
        // need to look these up.
        guard word.count >= 3, !word.allSatisfy({ (0x30...0x39).contains($0) }) else {
            state.previous = nil
            return
        }
        let raw = rawWordNumber(word, stemmers: &state.stemmers)
        topics?.count(word, number: raw, stemmers: &state.stemmers)
        let info = rawWordInfo[raw]
        let counts: Bool
        if info.counts == info.countsInKyrgyz {
            counts = info.counts
        } else {
            if state.kyrgyz == nil {
                // As StopWords.builtIn(for:) picks the lists.
                state.kyrgyz = (state.language ?? LanguageGuess.language(of: state.answer)) == .kyrgyz
            }
            counts = state.kyrgyz! ? info.countsInKyrgyz : info.counts
        }
        guard counts else {
            state.previous = nil
            return
        }
        count(info, after: followsPreviousDirectly ? state.previous : nil)
        state.previous = info
    }

    /// Whether the UTF-8 `word` has more than `maximumWordLength` code points; reads at most
    /// 4 × `maximumWordLength` + 1 bytes, whatever the word's length.
    private static func isOverlong(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var scalars = 0
        for byte in word where byte & 0xC0 != 0x80 {
            scalars += 1
            if scalars > maximumWordLength { return true }
        }
        return false
    }

    /// Adds another counter's answers to this one, as if they had been added here.
    public mutating func merge(_ other: KeywordCounter) {
        answerCount += other.answerCount
        overlongWords += other.overlongWords
        var stemMap = [Int32](repeating: -1, count: other.stems.count)
        for (stem, tally) in other.stemTallies.enumerated() where tally.occurrences > 0 {
            // Keyed by the other counter's bytes, NFC already: no string, no normalising.
            let mine = Int(other.stems.withKey(stem) { stemNumber(key: $0) })
            stemMap[stem] = Int32(mine)
            stemTallies[mine].answers += tally.answers
            stemTallies[mine].occurrences += tally.occurrences
        }
        var formMap = [Int32](repeating: -1, count: other.formTexts.count)
        for form in other.formTexts.indices where other.formOccurrences[form] > 0 {
            let text = other.formTexts[form]
            let mine = other.formKeys.withKey(form) { key in
                formNumber(key: key) ?? newForm(text, key: key, stem: stemMap[Int(other.formStems[form])])
            }
            formMap[form] = mine
            if formOccurrences[Int(mine)] == 0 { formTexts[Int(mine)] = text }
            formOccurrences[Int(mine)] += other.formOccurrences[form]
        }
        var phraseMap = [Int32](repeating: -1, count: other.phraseStems.count)
        for (phrase, tally) in other.phraseTallies.enumerated() where tally.occurrences > 0 {
            let stems = other.phraseStems[phrase]
            let mine = Int(phraseNumber(stemMap[Int(stems.first)], stemMap[Int(stems.second)]))
            phraseMap[phrase] = Int32(mine)
            phraseTallies[mine].answers += tally.answers
            phraseTallies[mine].occurrences += tally.occurrences
        }
        for (wording, forms) in other.wordingForms.enumerated() {
            let (first, second) = (formMap[Int(forms.first)], formMap[Int(forms.second)])
            let (mine, isNew) = wordingNumbers.number(first, second)
            if isNew {
                addWording(first, second, phrase: phraseMap[Int(other.wordingPhrases[wording])], text: other.wordingTexts[wording])
            }
            wordingOccurrences[Int(mine)] += other.wordingOccurrences[wording]
        }
    }

    /// The `n` keywords mentioned by most answers; ties go to more occurrences, then alphabetical order.
    public func top(_ n: Int = 20) -> [Keyword] {
        guard n > 0 else { return [] }
        let shown = Self.mostFrequent(texts: formTexts, occurrences: formOccurrences, groups: formStems, groupCount: stems.count)
        let keywords = stemTallies.indices.filter { stemTallies[$0].occurrences > 0 }.map { stem in
            Keyword(formTexts[shown[stem]], answers: stemTallies[stem].answers, occurrences: stemTallies[stem].occurrences)
        }
        return Self.ranked(keywords, limit: n)
    }

    /// The `n` two-word phrases mentioned by most answers, ranked like `top(_:)`.
    public func topPhrases(_ n: Int = 10) -> [Keyword] {
        guard n > 0 else { return [] }
        let shown = Self.mostFrequent(
            texts: wordingTexts, occurrences: wordingOccurrences, groups: wordingPhrases, groupCount: phraseStems.count
        )
        let keywords = phraseTallies.indices.filter { phraseTallies[$0].occurrences > 0 }.map { phrase in
            Keyword(wordingTexts[shown[phrase]], answers: phraseTallies[phrase].answers, occurrences: phraseTallies[phrase].occurrences)
        }
        return Self.ranked(keywords, limit: n)
    }

    // MARK: Counting

    /// Counts a word that is a keyword, and the phrase it ends when `previous` is given.
    private mutating func count(_ word: RawWordInfo, after previous: RawWordInfo?) {
        let form = Int(word.form)
        if formOccurrences[form] == 0 { formTexts[form] = rawWordTexts[Int(word.raw)] }
        formOccurrences[form] += 1
        Self.count(&stemTallies[Int(word.stem)], answer: answerSerial)
        guard let previous else { return }
        // One lookup per phrase occurrence: the wording (form pair) knows its phrase (stem pair),
        // since a form has one stem; the stem pair is looked up only for a new wording.
        let (wording, isNew) = wordingNumbers.number(previous.form, word.form)
        if isNew {
            let phrase = phraseNumber(previous.stem, word.stem)
            addWording(previous.form, word.form, phrase: phrase, text: rawWordTexts[Int(previous.raw)] + " " + rawWordTexts[Int(word.raw)])
        }
        wordingOccurrences[Int(wording)] += 1
        Self.count(&phraseTallies[Int(wordingPhrases[Int(wording)])], answer: answerSerial)
    }

    private static func count(_ tally: inout Tally, answer: Int) {
        tally.occurrences += 1
        if tally.lastAnswer != answer {
            tally.lastAnswer = answer
            tally.answers += 1
        }
    }

    /// The number of a word as written, worked out on first sight.
    private mutating func rawWordNumber(_ word: UnsafeBufferPointer<UInt8>, stemmers: inout AnswerStemmers) -> Int {
        let hash = RawWordTable.hash(word)
        if let known = rawWords.index(of: word, hash: hash) { return known }
        let raw = rawWords.insert(word, hash: hash)
        let reading = WordReadings.shared.reading(of: word, hash: hash, stemmers: &stemmers)
        let info = info(raw: Int32(raw), reading)
        rawWordInfo.append(info)
        rawWordTexts.append(info.form < 0 ? "" : reading.text)
        return raw
    }

    /// Long enough, not a number and not a built-in stop word (per list); then the stem must not
    /// be one of the questionnaire's stop words.
    private mutating func info(raw: Int32, _ reading: WordReadings.Reading) -> RawWordInfo {
        guard reading.counts || reading.countsInKyrgyz else { return .never(raw) }
        let form: Int32
        var key = reading.textKey
        form = key.withUTF8 { key in
            formNumber(key: key) ?? newForm(reading.text, key: key, stem: stemNumber(key: reading.stemKey, text: reading.stem))
        }
        let stem = formStems[Int(form)]
        guard !stemIsExtraStop[Int(stem)] else { return .never(raw) }
        return RawWordInfo(raw: raw, form: form, stem: stem, counts: reading.counts, countsInKyrgyz: reading.countsInKyrgyz)
    }

    /// The number of the form whose NFC bytes are `key`, if it has one.
    private func formNumber(key: UnsafeBufferPointer<UInt8>) -> Int32? {
        formKeys.index(of: key, hash: RawWordTable.hash(key)).map(Int32.init)
    }

    private mutating func newForm(_ text: String, key: UnsafeBufferPointer<UInt8>, stem: Int32) -> Int32 {
        let form = Int32(formTexts.count)
        _ = formKeys.insert(key, hash: RawWordTable.hash(key))
        formTexts.append(text)
        formStems.append(stem)
        formOccurrences.append(0)
        return form
    }

    /// The number of the stem `text` (the key's own text when nil), whose NFC bytes are `key`.
    private mutating func stemNumber(key: UnsafeBufferPointer<UInt8>, text: String? = nil) -> Int32 {
        let hash = RawWordTable.hash(key)
        if let known = stems.index(of: key, hash: hash) { return Int32(known) }
        return newStem(key, hash: hash, text: text ?? String(decoding: key, as: UTF8.self))
    }

    /// The number of the stem `text`, whose NFC form is `key`.
    private mutating func stemNumber(key: String, text: String) -> Int32 {
        var key = key
        return key.withUTF8 { stemNumber(key: $0, text: text) }
    }

    private mutating func newStem(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, text: String) -> Int32 {
        let stem = Int32(stems.insert(bytes, hash: hash))
        stemIsExtraStop.append(extraStopStems.contains(text))
        stemTallies.append(Tally())
        return stem
    }

    private mutating func phraseNumber(_ first: Int32, _ second: Int32) -> Int32 {
        let (phrase, isNew) = phraseNumbers.number(first, second)
        if isNew {
            phraseStems.append((first, second))
            phraseTallies.append(Tally())
        }
        return phrase
    }

    /// Records a wording that `wordingNumbers` has just numbered.
    private mutating func addWording(_ first: Int32, _ second: Int32, phrase: Int32, text: String) {
        wordingForms.append((first, second))
        wordingTexts.append(text)
        wordingPhrases.append(phrase)
        wordingOccurrences.append(0)
    }

    // MARK: Results

    /// For each group (stem or phrase), its most frequent member (form or wording) among those
    /// counted; ties go to the alphabetically first.
    private static func mostFrequent(texts: [String], occurrences: [Int], groups: [Int32], groupCount: Int) -> [Int] {
        var best = [Int](repeating: -1, count: groupCount)
        for member in texts.indices where occurrences[member] > 0 {
            let group = Int(groups[member])
            let current = best[group]
            if current < 0 || occurrences[member] > occurrences[current]
                || (occurrences[member] == occurrences[current] && texts[member] < texts[current]) {
                best[group] = member
            }
        }
        return best
    }

    /// Alphabetical order is by Unicode code points (Latin before Cyrillic), not by a locale's collation.
    private static func ranked(_ keywords: [Keyword], limit: Int) -> [Keyword] {
        guard limit > 0 else { return [] }
        let sorted = keywords.sorted { a, b in
            if a.answers != b.answers { return a.answers > b.answers }
            if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
            return a.text < b.text
        }
        return Array(sorted.prefix(limit))
    }

    /// Keyword tallies by stem, as `==` compares them.
    private func keywordTallies() -> [String: KeywordTally] {
        var tallies: [String: KeywordTally] = [:]
        for (stem, tally) in stemTallies.enumerated() where tally.occurrences > 0 {
            tallies[stems.text(of: stem)] = KeywordTally(answers: tally.answers, occurrences: tally.occurrences)
        }
        for form in formTexts.indices where formOccurrences[form] > 0 {
            tallies[stems.text(of: Int(formStems[form]))]!.surfaceForms[formTexts[form]] = formOccurrences[form]
        }
        return tallies
    }

    /// Phrase tallies by stem pair, as `==` compares them.
    private func phraseKeywordTallies() -> [StemPair: KeywordTally] {
        let pair = { (phrase: Int) in
            StemPair(first: stems.text(of: Int(phraseStems[phrase].first)), second: stems.text(of: Int(phraseStems[phrase].second)))
        }
        var tallies: [StemPair: KeywordTally] = [:]
        for (phrase, tally) in phraseTallies.enumerated() where tally.occurrences > 0 {
            tallies[pair(phrase)] = KeywordTally(answers: tally.answers, occurrences: tally.occurrences)
        }
        for wording in wordingTexts.indices where wordingOccurrences[wording] > 0 {
            tallies[pair(Int(wordingPhrases[wording]))]!.surfaceForms[wordingTexts[wording]] = wordingOccurrences[wording]
        }
        return tallies
    }
}

extension KeywordCounter: Equatable {
    /// Counters are equal when they counted the same answers under the same extra stop words;
    /// the caches and the order in which words were first seen do not take part.
    public static func == (lhs: KeywordCounter, rhs: KeywordCounter) -> Bool {
        lhs.answerCount == rhs.answerCount
            && lhs.overlongWords == rhs.overlongWords
            && lhs.extraStopStems == rhs.extraStopStems
            && lhs.keywordTallies() == rhs.keywordTallies()
            && lhs.phraseKeywordTallies() == rhs.phraseKeywordTallies()
    }
}
