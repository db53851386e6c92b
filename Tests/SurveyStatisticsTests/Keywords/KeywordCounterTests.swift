import Testing
@testable import SurveyStatistics

@Suite struct KeywordCounterTests {
    private func counted(
        _ answers: [String], language: KeywordLanguage? = nil, extraStopWords: [String] = []
    ) throws -> KeywordCounter {
        var counter = try KeywordCounter(extraStopWords: extraStopWords)
        for answer in answers {
            counter.add(answer: answer, language: language)
        }
        return counter
    }

    @Test func russianInflectionsAreOneKeyword() throws {
        let stems = try #require(try Fixture.expectedStems()["russian"])
        #expect(Set(["миграция", "миграции", "миграцию"].map { stems[$0] }).count == 1)

        let counter = try counted([
            "Миграция прошла хорошо",
            "Нужно больше про миграцию и миграции схем",
            "миграция, миграция!",
        ])
        #expect(counter.answerCount == 3)
        #expect(counter.top() == [
            Keyword("миграция", answers: 3, occurrences: 5),  // миграция ×3, миграцию ×1, миграции ×1
            Keyword("прошла", answers: 1, occurrences: 1),
            Keyword("схем", answers: 1, occurrences: 1),
            Keyword("хорошо", answers: 1, occurrences: 1),
        ])
        #expect(counter.topPhrases() == [
            Keyword("миграции схем", answers: 1, occurrences: 1),
            Keyword("миграция прошла", answers: 1, occurrences: 1),
            Keyword("прошла хорошо", answers: 1, occurrences: 1),
        ])
    }

    @Test func englishInflectionsAreOneKeyword() throws {
        let stems = try #require(try Fixture.expectedStems()["english"])
        #expect(stems["discussions"] == stems["discussion"])

        let counter = try counted([
            "The discussions were great",
            "Great discussion about testing",
            "More discussion time, please",
        ])
        #expect(counter.top() == [
            Keyword("discussion", answers: 3, occurrences: 3),  // discussion ×2, discussions ×1
            Keyword("great", answers: 2, occurrences: 2),
            Keyword("please", answers: 1, occurrences: 1),
            Keyword("testing", answers: 1, occurrences: 1),
            Keyword("time", answers: 1, occurrences: 1),
        ])
        #expect(counter.topPhrases() == [
            Keyword("discussion time", answers: 1, occurrences: 1),
            Keyword("great discussion", answers: 1, occurrences: 1),
        ])
    }

    @Test(arguments: [nil, KeywordLanguage.english, .russian])
    func mixedRussianEnglishAnswers(_ language: KeywordLanguage?) throws {
        let counter = try counted([
            "Очень полезный workshop, the speakers were great",
            "Workshops по миграции были полезными",
        ], language: language)
        #expect(counter.top() == [
            Keyword("workshop", answers: 2, occurrences: 2),  // Latin sorts before Cyrillic
            Keyword("полезный", answers: 2, occurrences: 2),  // полезный ×1, полезными ×1: alphabetical
            Keyword("great", answers: 1, occurrences: 1),
            Keyword("speakers", answers: 1, occurrences: 1),
            Keyword("миграции", answers: 1, occurrences: 1),
        ])
        #expect(counter.topPhrases() == [Keyword("полезный workshop", answers: 1, occurrences: 1)])
    }

    @Test func onlyStopWordsLeaveNothing() throws {
        let counter = try counted(["and the was were very", "И в не на что это было очень", "жана менен үчүн бул"])
        #expect(counter.answerCount == 3)
        #expect(counter.top().isEmpty)
        #expect(counter.topPhrases().isEmpty)
    }

    @Test func answersWithoutWordsAreNotCounted() throws {
        let counter = try counted(["", "  ", "!!! 🙂", "5", "ok"])
        #expect(counter.answerCount == 2)
        #expect(counter.top().isEmpty)
    }

    @Test func numbersAndShortWordsAreDroppedAndBreakPhrases() throws {
        let counter = try counted(["В 2024-2025 году было 15 ИИ сессий, ок", "хорошие ИИ инструменты"])
        #expect(counter.top() == [
            Keyword("году", answers: 1, occurrences: 1),
            Keyword("инструменты", answers: 1, occurrences: 1),
            Keyword("сессий", answers: 1, occurrences: 1),
            Keyword("хорошие", answers: 1, occurrences: 1),
        ])
        #expect(counter.topPhrases().isEmpty)
    }

    @Test func innerHyphenAndApostropheAreKept() throws {
        let counter = try counted(["We need a follow-up session at 9 o'clock", "Follow-ups: none"])
        #expect(counter.top() == [
            Keyword("follow-up", answers: 2, occurrences: 2),  // follow-up ×1, follow-ups ×1: alphabetical
            Keyword("need", answers: 1, occurrences: 1),
            Keyword("none", answers: 1, occurrences: 1),
            Keyword("o'clock", answers: 1, occurrences: 1),
            Keyword("session", answers: 1, occurrences: 1),
        ])
        #expect(counter.topPhrases() == [Keyword("follow-up session", answers: 1, occurrences: 1)])
    }

    @Test func rankingIsAnswersThenOccurrencesThenAlphabetical() throws {
        let counter = try counted(["cherry banana apple", "banana", "kiwi kiwi kiwi", "арбуз"])
        #expect(counter.top().map(\.text) == ["banana", "kiwi", "apple", "cherry", "арбуз"])
        #expect(counter.top()[1] == Keyword("kiwi", answers: 1, occurrences: 3))
    }

    @Test func decomposedLettersCountWithComposedOnes() throws {
        let counter = try counted(["полезный", "полезны\u{438}\u{306}"])
        #expect(counter.top() == [Keyword("полезный", answers: 2, occurrences: 2)])
    }

    @Test func questionnaireStopWordsRemoveInflectedFormsToo() throws {
        let counter = try counted(
            ["Курсы интересные, курс полезный", "Курса мало"], extraStopWords: ["Курс"]
        )
        #expect(counter.top() == [
            Keyword("интересные", answers: 1, occurrences: 1),
            Keyword("полезный", answers: 1, occurrences: 1),
        ])
        #expect(counter.topPhrases().isEmpty)
    }

    @Test func kyrgyzStopWordsOnlyForKyrgyz() throws {
        let answer = "Бар рядом с офисом закрыт"
        #expect(try counted([answer]).top().map(\.text).contains("бар"))
        #expect(try !counted([answer], language: .kyrgyz).top().map(\.text).contains("бар"))
    }

    static let alphabet = [
        "alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett",
        "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
        "uniform", "victor", "whiskey", "xray", "yankee", "zulu",
    ]

    @Test func topCutsAtN() throws {
        let counter = try counted([Self.alphabet.joined(separator: " ")])
        #expect(counter.top().map(\.text) == Array(Self.alphabet.prefix(20)))
        #expect(counter.top(3).map(\.text) == ["alfa", "bravo", "charlie"])
        #expect(counter.top(100).count == 26)
        #expect(counter.top(0).isEmpty)
        #expect(counter.top(-1).isEmpty)
        #expect(counter.topPhrases().map(\.text) == zip(Self.alphabet, Self.alphabet.dropFirst()).prefix(10).map { "\($0) \($1)" })
        #expect(counter.topPhrases(100).count == 25)
    }

    @Test(arguments: ["mixed-ru-en-ky", "kyrgyz-language-ru", "kyrgyz-language-ky"])
    func agreesWithThePythonOracle(_ name: String) throws {
        let fixture = try Fixture.decode(AnswersFixture.self, "answers-\(name).json")
        let expected = try Fixture.decode(ExpectedCounts.self, "expected-\(name).json")
        let language = try fixture.language.map { code throws(KeywordsError) in try KeywordLanguage(code: code) }
        let counter = try counted(fixture.answers, language: language, extraStopWords: fixture.stopwords)
        #expect(counter.answerCount == expected.answerCount)
        #expect(counter.top() == expected.top.map(\.keyword))
        #expect(counter.topPhrases() == expected.topPhrases.map(\.keyword))
    }

    @Test(arguments: [0, 1, 9, 18, 19])
    func mergeOfChunksEqualsWhole(_ split: Int) throws {
        let fixture = try Fixture.decode(AnswersFixture.self, "answers-mixed-ru-en-ky.json")
        #expect(fixture.answers.count == 19)
        let whole = try counted(fixture.answers, extraStopWords: fixture.stopwords)
        let first = try counted(Array(fixture.answers[..<split]), extraStopWords: fixture.stopwords)
        let second = try counted(Array(fixture.answers[split...]), extraStopWords: fixture.stopwords)

        var merged = first
        merged.merge(second)
        #expect(merged == whole)
        #expect(merged.top(100) == whole.top(100))
        #expect(merged.topPhrases(100) == whole.topPhrases(100))

        var reversed = second
        reversed.merge(first)
        #expect(reversed == whole)
    }

    @Test func countersOfDifferentAnswersDiffer() throws {
        #expect(try counted(["migration"]) != counted(["migrations"]))  // same stem, other surface form
        #expect(try counted(["migration"]) != counted(["migration", "5"]))  // one more answer
        #expect(try counted(["курс"], extraStopWords: ["курс"]) != counted(["курс"]))
    }

    @Test func repeatedAnswersGrowCountsNotKeywords() throws {
        var counter = try KeywordCounter()
        for _ in 0..<1_000 {
            counter.add(answer: "Миграция данных прошла хорошо")
        }
        #expect(counter.answerCount == 1_000)
        #expect(counter.top().count == 4)
        #expect(counter.top().first == Keyword("данных", answers: 1_000, occurrences: 1_000))
    }

    // MARK: Overlong words (issue 8)

    /// A word of more than 50 characters is never a keyword; it is counted as overlong instead,
    /// breaks phrases, and is never copied (a 100 MB "word" would otherwise be the top keyword).
    @Test func wordsOverFiftyCharactersAreCountedAsOverlong() throws {
        let fifty = String(repeating: "ж", count: 50), fiftyOne = String(repeating: "ж", count: 51)
        let counter = try counted([
            "good " + String(repeating: "a", count: 128_000) + " seminar",
            "\(fifty) \(fiftyOne) \(String(repeating: "z", count: 51))",
        ])
        #expect(counter.answerCount == 2)
        #expect(counter.overlongWords == 3)
        #expect(Set(counter.top().map(\.text)) == ["good", "seminar", fifty])
        #expect(counter.topPhrases().isEmpty, "an overlong word between two words breaks the phrase")
    }

    @Test func overlongWordsMerge() throws {
        var merged = try counted(["x " + String(repeating: "q", count: 60)])
        merged.merge(try counted([String(repeating: "r", count: 70) + " seminar"]))
        #expect(merged.overlongWords == 2)
        #expect(merged == (try counted(["x " + String(repeating: "q", count: 60), String(repeating: "r", count: 70) + " seminar"])))
        #expect(try counted(["seminar"]) != counted(["seminar " + String(repeating: "q", count: 60)]))
    }

    /// Linear in the answer: a 10 MB word costs one pass over its bytes.
    @Test func aTenMegabyteWordIsSkippedQuickly() throws {
        let started = ContinuousClock.now
        let counter = try counted([String(repeating: "x", count: 10_000_000)])
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(counter.overlongWords == 1)
        #expect(counter.top().isEmpty)
    }
}
