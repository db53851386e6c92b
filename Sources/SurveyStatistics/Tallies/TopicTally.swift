/// Counts, for one text question, the answers that mention each `TopicGlossary` topic in any
/// of its languages: an answer with "time" and one with "времени" both count for "time", an
/// answer with both counts once.
///
/// Streaming and mergeable like `KeywordCounter`, and read the same way: each distinct word as
/// written (UTF-8 bytes, `RawWordTable`) is normalised and stemmed once, on first sight; after
/// that a word costs one hash lookup. Memory: the distinct words' bytes plus a few counts per
/// glossary stem seen.
struct TopicTally: Sendable {
    let glossary: TopicGlossary
    /// Answers mentioning each topic, by topic index.
    private var topicAnswers: [Int]
    /// The serial of the last answer counted for each topic, so an answer counts once.
    private var topicLastAnswer: [Int]
    private var answerSerial = 0

    /// Distinct words as written, when this tally numbers them itself (`add`).
    private var rawWords = RawWordTable()
    private var numbering: Numbering?
    /// Per word number: the number of its glossary stem, -1 for none, `unknown` until first seen.
    private var rawStem: [Int32] = []
    /// Per word number: its normalised form (empty when in no topic) and its occurrences.
    private var rawForm: [String] = []
    private var rawOccurrences: [Int] = []

    /// Glossary stems seen, numbered in order of first sight.
    private var stemNumbers: [String: Int32] = [:]
    private var stemTexts: [String] = []
    private var stemTopic: [Int] = []
    private var stemAnswers: [Int] = []
    private var stemLastAnswer: [Int] = []

    /// What merged tallies brought: per stem text, its answers and forms' occurrences.
    private var carried: [String: StemCount] = [:]

    private struct StemCount: Sendable, Equatable {
        var topic: Int
        var answers = 0
        var forms: [String: Int] = [:]
    }

    init(glossary: TopicGlossary) {
        self.glossary = glossary
        topicAnswers = Array(repeating: 0, count: glossary.topics.count)
        topicLastAnswer = Array(repeating: 0, count: glossary.topics.count)
    }

    /// Counts one answer on its own: words are numbered by this tally's `rawWords`.
    mutating func add(_ answer: String) {
        beginAnswer(numberedBy: .topicTally)
        var stemmers = AnswerStemmers()
        Tokenizer.forEachWord(in: answer) { word, _ in
            // No glossary word is that long; a pasted run of letters is neither copied nor stemmed.
            guard word.count <= 4 * KeywordCounter.maximumWordLength else { return }
            let hash = RawWordTable.hash(word)
            let number = rawWords.index(of: word, hash: hash) ?? rawWords.insert(word, hash: hash)
            count(word, number: number, stemmers: &stemmers)
        }
    }

    /// Which table numbers the words this tally is given: its own (`add`), or the keyword
    /// counter's that reads the same answers (`KeywordCounter.add(_:language:topics:)`), so
    /// that a word is found and looked up once for both. One tally uses one numbering for life.
    enum Numbering: Sendable {
        case topicTally
        case keywordCounter
    }

    /// Starts an answer; its words follow through `count(_:number:stemmers:)`.
    mutating func beginAnswer(numberedBy numbering: Numbering) {
        precondition(self.numbering == nil || self.numbering == numbering, "a TopicTally's words are numbered by one table")
        self.numbering = numbering
        answerSerial += 1
    }

    /// Counts one word of the current answer; `number` is its number in the table that
    /// `beginAnswer` named. What the word means for topics is worked out on its first sight.
    mutating func count(_ word: UnsafeBufferPointer<UInt8>, number: Int, stemmers: inout AnswerStemmers) {
        if number >= rawStem.count || rawStem[number] == Self.unknown {
            learn(word, number: number, stemmers: &stemmers)
        }
        let stem = Int(rawStem[number])
        guard stem >= 0 else { return }
        rawOccurrences[number] += 1
        if stemLastAnswer[stem] != answerSerial {
            stemLastAnswer[stem] = answerSerial
            stemAnswers[stem] += 1
        }
        let topic = stemTopic[stem]
        if topicLastAnswer[topic] != answerSerial {
            topicLastAnswer[topic] = answerSerial
            topicAnswers[topic] += 1
        }
    }

    /// Works out what a word means for topics, on its first sight (kept out of `count`'s hot path).
    @inline(never)
    private mutating func learn(_ word: UnsafeBufferPointer<UInt8>, number: Int, stemmers: inout AnswerStemmers) {
        if number >= rawStem.count {
            let missing = number + 1 - rawStem.count
            rawStem.append(contentsOf: repeatElement(Self.unknown, count: missing))
            rawForm.append(contentsOf: repeatElement("", count: missing))
            rawOccurrences.append(contentsOf: repeatElement(0, count: missing))
        }
        let reading = WordReadings.shared.reading(of: word, hash: RawWordTable.hash(word), stemmers: &stemmers)
        if let topic = glossary.topic(ofStem: reading.stem) {
            rawStem[number] = stemNumber(reading.stem, topic: topic)
            rawForm[number] = reading.text
        } else {
            rawStem[number] = -1
        }
    }

    /// `rawStem` of a word not worked out yet.
    private static let unknown: Int32 = -2

    private mutating func stemNumber(_ stem: String, topic: Int) -> Int32 {
        if let known = stemNumbers[stem] { return known }
        let number = Int32(stemTexts.count)
        stemNumbers[stem] = number
        stemTexts.append(stem)
        stemTopic.append(topic)
        stemAnswers.append(0)
        stemLastAnswer.append(0)
        return number
    }

    /// Everything counted, by stem text: what `merge` carries over.
    private func stemCounts() -> [String: StemCount] {
        var counts = carried
        for stem in stemTexts.indices {
            counts[stemTexts[stem], default: StemCount(topic: stemTopic[stem])].answers += stemAnswers[stem]
        }
        for raw in rawStem.indices where rawStem[raw] >= 0 && rawOccurrences[raw] > 0 {
            let stem = Int(rawStem[raw])
            counts[stemTexts[stem], default: StemCount(topic: stemTopic[stem])].forms[rawForm[raw], default: 0] += rawOccurrences[raw]
        }
        return counts
    }

    /// Adds the counts of answers another tally saw (a separate chunk of the responses).
    mutating func merge(_ other: TopicTally) {
        for index in topicAnswers.indices { topicAnswers[index] += other.topicAnswers[index] }
        // Added in place: `merging` the forms made a new dictionary of every stem met in both
        // at each merge, so a file's parts cost more the more of them were merged before.
        for (stem, theirs) in other.stemCounts() {
            carried[stem, default: StemCount(topic: theirs.topic)].answers += theirs.answers
            for (form, occurrences) in theirs.forms {
                carried[stem, default: StemCount(topic: theirs.topic)].forms[form, default: 0] += occurrences
            }
        }
    }

    /// Topics mentioned at all; each with its stems, shown by their most frequent form (ties
    /// alphabetical), most answers first.
    func counts() -> [TopicCount] {
        var words = Array(repeating: [TopicCount.Word](), count: glossary.topics.count)
        for (stem, count) in stemCounts() where count.answers > 0 {
            words[count.topic].append(TopicCount.Word(stem: stem, text: Self.mostFrequent(count.forms), answers: count.answers))
        }
        return topicAnswers.indices.compactMap { index in
            guard topicAnswers[index] > 0 else { return nil }
            let topic = glossary.topics[index]
            let sorted = words[index].sorted { $0.answers != $1.answers ? $0.answers > $1.answers : $0.text < $1.text }
            return TopicCount(name: topic.name, russianName: topic.russianName, answers: topicAnswers[index], words: sorted)
        }
    }

    /// The form written most often; ties go to the first in alphabetical order.
    private static func mostFrequent(_ forms: [String: Int]) -> String {
        var best: (text: String, count: Int)?
        for (text, count) in forms {
            if let current = best, current.count > count || (current.count == count && current.text < text) { continue }
            best = (text, count)
        }
        return best?.text ?? ""
    }
}

/// Answers to one text question mentioning one glossary topic.
public struct TopicCount: Sendable, Hashable {
    /// The topic's name (its first English word).
    public var name: String
    /// Its name in Russian.
    public var russianName: String
    /// Answers mentioning any of its words.
    public var answers: Int
    /// Its words (one per stem), with the answers each appears in; most frequent first.
    public var words: [Word]

    /// One stem of a topic: shown by its most frequent form, with the answers it appears in
    /// (the keyword table's "Answers" for that word).
    public struct Word: Sendable, Hashable {
        public var stem: String
        public var text: String
        public var answers: Int
    }
}
