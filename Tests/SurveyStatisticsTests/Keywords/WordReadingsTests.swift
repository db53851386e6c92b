import Foundation
@testable import SurveyStatistics
import Testing

/// The process-wide readings of words (`WordReadings`) are what each counter worked out for
/// itself before: the same normalised text, stop-word verdicts and stem, whichever thread asks first.
@Suite struct WordReadingsTests {
    static func direct(_ word: String) -> (text: String, counts: Bool, countsInKyrgyz: Bool, stem: String) {
        let text = Tokenizer.normalize(word)
        let long = text.count >= 3 && text.contains(where: \.isLetter)
        var stemmers = AnswerStemmers()
        return (text, long && !StopWords.builtIn(for: nil).contains(text), long && !StopWords.builtIn(for: .kyrgyz).contains(text), stemmers.stem(text))
    }

    @Test func readingsAreTheWordsOwnFromEveryThread() {
        let words = AnswerSamples.words + ["Ёлочка", "it’s", "WORKSHOP", "e\u{301}te\u{301}", "үчүн", "2024", "Kelvin\u{212A}"]
        let readings = WordReadings()
        DispatchQueue.concurrentPerform(iterations: 8) { round in
            var stemmers = AnswerStemmers()
            for word in round % 2 == 0 ? words : words.reversed() {
                var bytes = Array(word.utf8)
                let reading = bytes.withUnsafeMutableBufferPointer { buffer in
                    readings.reading(of: UnsafeBufferPointer(buffer), hash: RawWordTable.hash(UnsafeBufferPointer(buffer)), stemmers: &stemmers)
                }
                let expected = Self.direct(word)
                #expect(reading.text == expected.text && reading.stem == expected.stem, "\(word)")
                #expect(reading.counts == expected.counts && reading.countsInKyrgyz == expected.countsInKyrgyz, "\(word)")
                #expect(Array(reading.stemKey.utf8) == Array(expected.stem.precomposedStringWithCanonicalMapping.utf8), "\(word)")
            }
        }
    }
}
