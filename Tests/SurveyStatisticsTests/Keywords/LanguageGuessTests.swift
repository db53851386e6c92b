import Testing
@testable import SurveyStatistics

@Suite struct LanguageGuessTests {
    static let cases: [(String, KeywordLanguage?)] = [
        ("Migration went well", .english),
        ("Миграция прошла хорошо", .russian),
        ("Семинар пайдалуу болду, көп үйрөндүм", .kyrgyz),
        ("Рахмат, баары жакшы", .russian),  // Kyrgyz without ң, ө, ү reads as Russian
        ("Очень useful", .english),  // 5 Cyrillic letters, 6 Latin
        ("abc где", .russian),  // a tie goes to Cyrillic
        ("The ҮҮ", .english),  // a Kyrgyz letter counts only in Cyrillic-majority text
        ("", nil),
        ("12345 🙂 !", nil),
        ("谢谢", nil),
    ]

    @Test(arguments: cases)
    func guessesFromLetters(_ answer: String, _ expected: KeywordLanguage?) {
        #expect(LanguageGuess.language(of: answer) == expected)
    }
}
