/// Counts, for one text question, the answers that mention each `TopicGlossary` topic in any
/// of its languages: an answer with "time" and one with "времени" both count for "time", an
/// answer with both counts once.
///
/// Streaming and mergeable like `KeywordCounter`: memory is the number of distinct words seen
/// (each is stemmed once and remembered) plus a few counts per topic stem.
struct TopicTally: Sendable {
    let glossary: TopicGlossary
    /// Answers mentioning each topic, by topic index.
    private(set) var answers: [Int]
    /// Per topic: each of its stems seen → answers it appears in, and its forms as written
    /// (normalised) → occurrences, to show the most frequent like the keyword table does.
    private var stems: [[String: StemCount]]
    /// Normalised word → its stem and topic (nil: in no topic), so each distinct word is stemmed once.
    private var wordInfo: [String: (stem: String, topic: Int)?] = [:]

    private struct StemCount: Sendable {
        var answers = 0
        var forms: [String: Int] = [:]
    }

    init(glossary: TopicGlossary) {
        self.glossary = glossary
        answers = Array(repeating: 0, count: glossary.topics.count)
        stems = Array(repeating: [:], count: glossary.topics.count)
    }

    mutating func add(_ answer: String) {
        var stemmers = AnswerStemmers()
        var seenTopics: Set<Int> = []
        var seenStems: Set<String> = []
        for token in Tokenizer.tokens(in: answer) {
            let info: (stem: String, topic: Int)?
            if let known = wordInfo[token.text] {
                info = known
            } else {
                let stem = stemmers.stem(token.text)
                info = glossary.topic(ofStem: stem).map { (stem, $0) }
                wordInfo[token.text] = .some(info)
            }
            guard let info else { continue }
            if seenTopics.insert(info.topic).inserted { answers[info.topic] += 1 }
            if seenStems.insert(info.stem).inserted { stems[info.topic][info.stem, default: StemCount()].answers += 1 }
            stems[info.topic][info.stem, default: StemCount()].forms[token.text, default: 0] += 1
        }
    }

    mutating func merge(_ other: TopicTally) {
        for index in answers.indices {
            answers[index] += other.answers[index]
            stems[index].merge(other.stems[index]) { mine, theirs in
                StemCount(answers: mine.answers + theirs.answers, forms: mine.forms.merging(theirs.forms, uniquingKeysWith: +))
            }
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

    /// Topics mentioned at all; each with its stems, shown by their most frequent form (ties
    /// alphabetical), most answers first.
    func counts() -> [TopicCount] {
        answers.indices.compactMap { index in
            guard answers[index] > 0 else { return nil }
            var words: [TopicCount.Word] = []
            for (stem, count) in stems[index] {
                words.append(TopicCount.Word(stem: stem, text: Self.mostFrequent(count.forms), answers: count.answers))
            }
            words.sort { $0.answers != $1.answers ? $0.answers > $1.answers : $0.text < $1.text }
            let topic = glossary.topics[index]
            return TopicCount(name: topic.name, russianName: topic.russianName, answers: answers[index], words: words)
        }
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
