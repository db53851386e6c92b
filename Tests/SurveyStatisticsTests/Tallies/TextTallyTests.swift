@testable import SurveyStatistics
import Testing

/// The longest answers kept as quotes: by characters, as a reader counts them, whatever the
/// script (Cyrillic letters are two UTF-8 bytes, an accent may be a scalar of its own).
@Suite struct TextTallyTests {
    static let samples = [
        "", "plain ASCII", "Очень полезный семинар", "Кыргызча: өзгөчө ңңң", "e\u{301}te\u{301} (combining accents)",
        "👩‍👩‍👧 family, 🇰🇬 flag", "中文回答", "mixed Ё and ё and é",
    ]

    @Test func scalarsAreCountedFromTheBytes() {
        for text in Self.samples {
            #expect(TextTally.scalarCount(text) == text.unicodeScalars.count, "\(text)")
            #expect(TextTally.scalarCount(text) >= text.count, "\(text)")
        }
    }

    /// 400 answers of random lengths in several scripts, some with more scalars than characters:
    /// the quotes are the 5 with the most characters, ties in order of arrival, as sorting all
    /// of them says — also when the answers come in two parts that are merged.
    @Test(arguments: [5, 1])
    func longestAnswersByCharacters(quotes n: Int) {
        var random = SeededGenerator(seed: 20261130)
        let pieces = ["ok ", "семинар ", "e\u{301}", "👩‍👩‍👧", "ңө", "a", "中", " "]
        let answers = (0..<400).map { _ in
            (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        let expected = answers.indices.sorted { answers[$0].count != answers[$1].count ? answers[$0].count > answers[$1].count : $0 < $1 }
            .prefix(n).map { answers[$0] }

        var whole = TextTally(policy: .longest(n), keywords: nil)
        for (index, answer) in answers.enumerated() { whole.add(answer, respondent: "r\(index)") }
        #expect(whole.summary(answered: answers.count, top: 10).quotes.map(\.text) == expected)

        var first = TextTally(policy: .longest(n), keywords: nil), second = first
        for (index, answer) in answers.enumerated() {
            if index < 150 { first.add(answer, respondent: "r\(index)") } else { second.add(answer, respondent: "r\(index)") }
        }
        first.merge(second)
        #expect(first.summary(answered: answers.count, top: 10).quotes.map(\.text) == expected)
    }
}
