@testable import SurveyStatistics

/// Generated free-text answers for `KeywordEquivalenceTests` and `KeywordBenchmarks`: the same seed
/// always gives the same answers.
struct AnswerSamples {
    /// The statistics' own SplitMix64 (`SeededGenerator`): the same on every platform, unlike
    /// `SystemRandomNumberGenerator`.
    var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// Words that matter to the counter: stop words of all three lists, inflected forms that share
    /// a stem, words that are stop words only in Kyrgyz answers, numbers, short words.
    static let words = [
        "the", "and", "was", "very", "don't", "it’s", "и", "не", "что", "это", "всё", "ещё", "жана", "менен", "үчүн",
        "бар", "бул", "курс", "курсы", "курса", "Миграция", "миграции", "миграцию", "МИГРАЦИЯ", "миграциях",
        "workshop", "Workshops", "WORKSHOP", "discussion", "discussions", "follow-up", "follow-ups", "o'clock",
        "O’Brien’s", "кое-что", "из-за", "ёлка", "Ёлки", "елка", "полезный", "полезны\u{438}\u{306}", "полезными",
        "йод", "и\u{306}од", "café", "cafe\u{301}", "Kırgızça", "İstanbul", "straße", "STRASSE", "ΣΟΦΙΑ", "σοφία",
        "日本語", "日本", "2024", "15", "ИИ", "ок", "ok", "a1", "x2y", "٣٤٥", "ﬁle", "file", "Jalal-Abad",
        "Джалал-Абаде", "нетворкинг", "networking", "e-mail", "snake_case", "\u{FB1D}", "\u{05D9}\u{05B4}",
        "\u{F900}", "\u{8C48}", "ʼok", "naïve", "nai\u{308}ve", "ﬀ", "ǅemal", "Ǆ", "ӊ", "ң", "Ңайлуу", "өтө",
    ]

    /// Characters that only the scalar-by-scalar path sees (Latin, Cyrillic, general punctuation).
    static let simplePieces = [
        " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{A0}", "\u{85}", "\u{2028}", "\u{2029}", ".", ",", ";",
        "!", "?", ":", "\"", "(", ")", "-", "--", "'", "’", "‘", "“", "”", "–", "—", "…", "_", "/", "\u{AD}",
        "«", "»", "©", "ё", "Ё", "é", "ß", "ʼ", "a", "я", "7", "\u{2010}", "\u{2011}", "\u{2012}", "\u{0482}",
        "\u{00B7}", "\u{0}", "\u{7F}",
    ]

    /// Characters that make an answer take the `Character` path: combining marks on their own or
    /// after a joiner, emoji sequences, flags, keycaps, other scripts, zero-width joiners.
    static let otherPieces = [
        "\u{301}", "\u{306}", "-\u{301}", "'\u{301}", " \u{308}", "🙂", "👍🏽", "👨‍👩‍👧", "🇰🇬", "1️⃣", "#️⃣", "\u{200D}",
        "\u{200C}", "\u{FE0F}", "\u{0483}", "\u{2019}\u{301}", "한국어", "각", "مرحبا", "हिन्दी", "क्षि", "\u{202F}",
        "\u{3000}", "\u{2003}", "ℌ", "Ⅻ", "①", "\u{E000}", "\u{1F1F0}", "ก้",
    ]

    mutating func pick<T>(_ list: [T]) -> T {
        list[Int.random(in: 0..<list.count, using: &generator)]
    }

    /// An answer of up to `maxPieces` words and separators; `simple` keeps to the characters of
    /// `simplePieces` and to the Latin and Cyrillic words.
    mutating func mixedAnswer(maxPieces: Int = 14, simple: Bool) -> String {
        let count = Int.random(in: 0...maxPieces, using: &generator)
        var answer = ""
        for _ in 0..<count {
            let roll = Int.random(in: 0..<10, using: &generator)
            if roll < 5 {
                answer += pick(Self.words)
            } else if roll < 9 || simple {
                answer += pick(Self.simplePieces)
            } else {
                answer += pick(Self.otherPieces)
            }
        }
        if simple {
            answer = String(String.UnicodeScalarView(answer.unicodeScalars.filter(Self.isSimple)))
        }
        return answer
    }

    /// The scalars the fast path takes: each is a grapheme of its own next to any other of them.
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x2FF, 0x400...0x482, 0x2010...0x2029: true
        default: false
        }
    }

    // Sentences in the manner of bench/generate.py: English, Russian with inflected forms, both.
    static let englishParts = [
        "the group work", "the discussion of the Action Plan", "the presentation on labour migration",
        "the panel with government officials", "the brainstorm on the Council's role", "the moderation",
        "the session on migrants' rights", "the exchange with colleagues from the regions", "the venue",
    ]
    static let englishVerdicts = [
        "was very useful", "was well organised", "was interesting and practical", "was too long",
        "needed more concrete examples", "helped us understand the problems", "started late",
    ]
    static let russianSentences = [
        "Очень полезное обсуждение трудовой миграции", "Понравилась работа в группах",
        "Полезная информация о миграционной политике", "Узнал много нового о правах трудовых мигрантов",
        "Больше времени на работу в группах", "Пригласить представителей Государственной миграционной службы",
        "Провести следующую встречу в Джалал-Абаде", "Нужна статистика по денежным переводам",
        "Спасибо организаторам за интересную программу", "Обсудить проблемы возвратной миграции",
    ]

    /// One to three sentences like the benchmark's: 60% English, 30% Russian, 10% both.
    mutating func benchmarkAnswer() -> String {
        let roll = Int.random(in: 0..<10, using: &generator)
        let count = Int.random(in: 1...3, using: &generator)
        var sentences: [String] = []
        for index in 0..<max(count, roll == 9 ? 2 : 1) {
            let english = roll < 6 || (roll == 9 && index.isMultiple(of: 2))
            if english {
                let sentence = pick(Self.englishParts) + " " + pick(Self.englishVerdicts)
                sentences.append(sentence.prefix(1).uppercased() + sentence.dropFirst())
            } else {
                sentences.append(pick(Self.russianSentences))
            }
        }
        let separator = Int.random(in: 0..<100, using: &generator) == 0 ? "\n" : ". "
        return sentences.joined(separator: separator) + (Bool.random(using: &generator) ? "." : "")
    }
}
