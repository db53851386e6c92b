/// Words of feedback comments that mean the same in English and Russian, so that "time" and
/// "времени" count as one comment topic in the key findings.
///
/// A bilingual form collects answers in both languages, and the keyword tables count each
/// language's stems apart ("time" 11 answers, "времени" 5): the main message is split. Each
/// topic lists a few English and Russian words; they are stemmed with the same Snowball
/// stemmers as keywords, and an answer mentions a topic when one of its words has one of the
/// topic's stems. Only translations are grouped, never near-synonyms of one language
/// ("agenda"/"schedule" stay apart), so a topic's count is never larger than what its words'
/// rows in the keyword table add up to. The list is built in and short on purpose: words
/// outside it are topics of their own language, as in the keyword table.
public struct TopicGlossary: Sendable {
    /// One topic: its name (the English word) and its words in both languages.
    public struct Topic: Sendable, Hashable {
        public var name: String
        /// The topic's name in Russian: its first Cyrillic word.
        public var russianName: String
        public var words: [String]
    }

    /// The built-in topics, in no particular order.
    public let topics: [Topic]
    /// Stem → index into `topics`.
    let topicOfStem: [String: Int]

    /// English words first (the first names the topic), then their Russian translations.
    static let builtInEntries: [[String]] = [
        ["time", "время", "времени"],
        ["discussion", "discuss", "обсуждение", "обсуждать", "дискуссия"],
        ["question", "вопрос"],
        ["material", "handout", "материалы", "раздаточные"],
        ["presentation", "slides", "презентация", "слайды"],
        ["speech", "speaker", "выступление", "выступающий", "докладчик", "спикер"],
        ["group", "группа"],
        ["work", "работа"],
        ["moderator", "moderation", "модератор", "модерация"],
        ["organization", "organisation", "организация"],
        ["venue", "площадка"],
        ["agenda", "повестка"],
        ["schedule", "расписание"],
        ["lunch", "обед"],
        ["coffee", "кофе"],
        ["translation", "interpreter", "перевод", "переводчик"],
        ["language", "язык"],
        ["region", "регион"],
        ["decision", "решение"],
        ["experience", "опыт"],
        ["example", "пример"],
        ["practice", "practical", "практика", "практический"],
        ["information", "информация"],
        ["law", "закон"],
        ["migration", "миграция"],
        ["migrant", "мигрант"],
        ["council", "совет"],
        ["plan", "план"],
        ["letter", "письмо"],
        ["president", "президент"],
        ["meeting", "встреча"],
        ["participant", "участник"],
        ["colleague", "коллега"],
        ["contact", "контакт"],
        ["journalist", "журналист"],
        ["expert", "эксперт"],
        ["seminar", "семинар"],
        ["training", "тренинг"],
        ["dialogue", "диалог"],
    ]

    /// The built-in topics, stemmed (made once per analysis; a few dozen stems).
    public static func builtIn() -> TopicGlossary {
        TopicGlossary(entries: builtInEntries)
    }

    /// Topics from word lists: the first word of each names the topic.
    init(entries: [[String]]) {
        var stemmers = AnswerStemmers()
        var topics: [Topic] = []
        var topicOfStem: [String: Int] = [:]
        for entry in entries where !entry.isEmpty {
            let index = topics.count
            let russian = entry.first { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } } ?? entry[0]
            topics.append(Topic(name: entry[0], russianName: russian, words: entry))
            for word in entry {
                for token in Tokenizer.tokens(in: word) {
                    // A stem claimed by an earlier topic stays with it: topics never share a stem.
                    let stem = stemmers.stem(token.text)
                    // `KeywordCounter` skips words under 3 bytes, numbers and overlong words
                    // before it looks them up, and tells topics only of the words it looked up.
                    precondition(
                        stem.utf8.count >= 3 && stem.unicodeScalars.count <= 20 && stem.contains(where: \.isLetter),
                        "glossary stem \(stem) must have 3 to 20 characters and a letter"
                    )
                    if topicOfStem[stem] == nil { topicOfStem[stem] = index }
                }
            }
        }
        self.topics = topics
        self.topicOfStem = topicOfStem
    }

    /// The topic a stem belongs to, if any.
    func topic(ofStem stem: String) -> Int? { topicOfStem[stem] }
}
