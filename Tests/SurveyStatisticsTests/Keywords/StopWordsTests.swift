import Foundation
import Testing
@testable import SurveyStatistics

@Suite struct StopWordsTests {
    /// Words of stopwords/`file`, read the way generate.py reads them.
    static func listFile(_ file: String) throws -> [String] {
        let text = try String(contentsOf: Fixture.packageRoot.appendingPathComponent("data/stopwords/\(file)"), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            let word = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            return word.isEmpty ? nil : word
        }
    }

    @Test(arguments: [("en.txt", StopWordLists.english), ("ru.txt", StopWordLists.russian), ("ky.txt", StopWordLists.kyrgyz)])
    func embeddedListMatchesItsFile(_ file: String, _ embedded: [String]) throws {
        // Fails when a list was edited without rerunning `python3 stopwords/generate.py`.
        #expect(try Self.listFile(file) == embedded)
    }

    @Test func listsHaveTheirExpectedSize() {
        #expect(StopWordLists.english.count >= 150)
        #expect(StopWordLists.russian.count >= 200)
        #expect(StopWordLists.kyrgyz.count >= 80)
    }

    @Test func englishAndRussianApplyEverywhere() {
        for language in [nil, KeywordLanguage.english, .russian, .kyrgyz] {
            let stopWords = StopWords.builtIn(for: language)
            for word in ["the", "and", "was", "were", "very", "more", "would", "should", "don't",
                         "и", "в", "не", "на", "что", "это", "было", "очень", "более", "бы", "для", "еще", "все"] {
                #expect(stopWords.contains(word), "\(word) for \(String(describing: language))")
            }
        }
    }

    @Test func kyrgyzAppliesOnlyToKyrgyz() {
        let kyrgyzWords = ["жана", "менен", "үчүн", "бул", "ал", "да", "дагы", "эле", "бар"]
        for word in kyrgyzWords {
            #expect(StopWords.builtIn(for: .kyrgyz).contains(word), "\(word)")
        }
        for language in [nil, KeywordLanguage.english, .russian] {
            #expect(!StopWords.builtIn(for: language).contains("жана"))
            #expect(!StopWords.builtIn(for: language).contains("бар"))  // a bar, in Russian
        }
    }

    @Test func sentimentWordsAreKept() {
        for word in ["good", "like", "better", "хорошо", "лучше", "жакшы"] {
            #expect(!StopWords.builtIn(for: .kyrgyz).contains(word), "\(word)")
        }
    }

    @Test func entriesAreNormalisedLikeAnswers() {
        let stopWords = StopWords(["Thank you", "ЕЩЁ", "Don’t"])
        #expect(stopWords.contains("thank"))
        #expect(stopWords.contains("you"))
        #expect(stopWords.contains("еще"))
        #expect(stopWords.contains("don't"))
        #expect(stopWords.count == 4)
    }
}
