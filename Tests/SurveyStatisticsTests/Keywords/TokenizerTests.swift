import Testing
@testable import SurveyStatistics

@Suite struct TokenizerTests {
    /// (answer, expected words with "follows the previous word directly").
    static let cases: [(String, [Token])] = [
        ("", []),
        ("Миграция ПРОШЛА", [Token("миграция", followsPreviousDirectly: false), Token("прошла", followsPreviousDirectly: true)]),
        ("follow-up, don't", [Token("follow-up", followsPreviousDirectly: false), Token("don't", followsPreviousDirectly: false)]),
        ("кое-что из-за", [Token("кое-что", followsPreviousDirectly: false), Token("из-за", followsPreviousDirectly: true)]),
        ("O’Brien’s notes", [Token("o'brien's", followsPreviousDirectly: false), Token("notes", followsPreviousDirectly: true)]),
        ("rock--roll well- -ish 'quoted'", [
            Token("rock", followsPreviousDirectly: false), Token("roll", followsPreviousDirectly: false),
            Token("well", followsPreviousDirectly: true), Token("ish", followsPreviousDirectly: false),
            Token("quoted", followsPreviousDirectly: false),
        ]),
        ("ЁЛКА всё", [Token("елка", followsPreviousDirectly: false), Token("все", followsPreviousDirectly: true)]),
        ("и\u{306}од", [Token("йод", followsPreviousDirectly: false)]),
        ("good food. great\nvenue \t today", [
            Token("good", followsPreviousDirectly: false), Token("food", followsPreviousDirectly: true),
            Token("great", followsPreviousDirectly: false), Token("venue", followsPreviousDirectly: false),
            Token("today", followsPreviousDirectly: true),
        ]),
        ("2024 год", [Token("2024", followsPreviousDirectly: false), Token("год", followsPreviousDirectly: true)]),
        ("snake_case e-mail", [
            Token("snake", followsPreviousDirectly: false), Token("case", followsPreviousDirectly: false),
            Token("e-mail", followsPreviousDirectly: true),
        ]),
        ("🙂👍 спасибо!", [Token("спасибо", followsPreviousDirectly: false)]),
        ("Kırgızça 日本語", [Token("kırgızça", followsPreviousDirectly: false), Token("日本語", followsPreviousDirectly: true)]),
    ]

    @Test(arguments: cases)
    func splitsAndNormalizes(_ answer: String, _ expected: [Token]) {
        #expect(Tokenizer.tokens(in: answer) == expected)
    }

    @Test func normalizeFoldsLikeTheTokenizer() {
        #expect(Tokenizer.normalize("ЕЩЁ") == "еще")
        #expect(Tokenizer.normalize("Don’t") == "don't")
        #expect(Tokenizer.normalize("и\u{306}") == "й")
    }
}
