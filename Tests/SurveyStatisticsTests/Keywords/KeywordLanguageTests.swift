import Foundation
import Testing
@testable import SurveyStatistics

@Suite struct KeywordLanguageTests {
    static let cases: [(String, KeywordLanguage)] = [
        ("en", .english), ("EN", .english), ("en-US", .english), ("english", .english),
        ("ru", .russian), ("ru_KG", .russian), ("Russian", .russian), ("русский", .russian),
        ("ky", .kyrgyz), ("ky-KG", .kyrgyz), ("kyrgyz", .kyrgyz), ("кыргызча", .kyrgyz),
    ]

    @Test(arguments: cases)
    func readsQuestionnaireCodes(_ code: String, _ expected: KeywordLanguage) throws {
        #expect(try KeywordLanguage(code: code) == expected)
    }

    @Test func unknownCodeNamesTheValidOnes() {
        #expect(throws: KeywordsError.unsupportedLanguage("de")) { try KeywordLanguage(code: "de") }
        #expect(
            KeywordsError.unsupportedLanguage("de").localizedDescription
                == #"`language` must be one of "en", "ru" or "ky", not "de""#
        )
    }
}
