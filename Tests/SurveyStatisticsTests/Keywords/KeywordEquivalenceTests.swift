import Testing
@testable import SurveyStatistics

/// The fast paths (scalar-by-scalar tokenizing, the raw-word cache, counting by number, quotes
/// ranked by cached length) against the plain reference implementations in `ReferenceKeywords.swift`,
/// on many generated answers in mixed scripts: combining marks, ё/Ё, both apostrophes, hyphens,
/// digits, emoji, CR/LF and the characters around them.
@Suite struct KeywordEquivalenceTests {
    /// A keyword with its text as bytes, so that canonically equivalent spellings ("й" and
    /// "и\u{306}", which `String` calls equal) must match byte for byte too.
    struct ExactKeyword: Equatable, CustomStringConvertible {
        let bytes: [UInt8]
        let answers: Int
        let occurrences: Int

        init(_ keyword: Keyword) {
            bytes = Array(keyword.text.utf8)
            answers = keyword.answers
            occurrences = keyword.occurrences
        }

        var description: String { "\(String(decoding: bytes, as: UTF8.self)) \(answers)/\(occurrences)" }
    }

    static func exact(_ keywords: [Keyword]) -> [ExactKeyword] { keywords.map(ExactKeyword.init) }

    static func answers(seed: UInt64, count: Int, simple: Bool) -> [String] {
        var samples = AnswerSamples(seed: seed)
        return (0..<count).map { _ in samples.mixedAnswer(simple: simple) }
    }

    @Test(arguments: [(UInt64(1), false), (2, true), (3, false), (4, true)])
    func tokensMatchTheCharacterByCharacterTokenizer(seed: UInt64, simple: Bool) {
        for answer in Self.answers(seed: seed, count: 3_000, simple: simple) {
            let tokens = Tokenizer.tokens(in: answer)
            let expected = ReferenceTokenizer.tokens(in: answer)
            #expect(tokens == expected, "\(answer.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(tokens.map { Array($0.text.utf8) } == expected.map { Array($0.text.utf8) })
        }
    }

    @Test func everySinglePieceAndPairTokenizesLikeTheReference() {
        let pieces = AnswerSamples.words + AnswerSamples.simplePieces + AnswerSamples.otherPieces
        for first in pieces {
            for second in pieces {
                for answer in [first + second, first + "x" + second, "a" + first + second + "b"] {
                    let tokens = Tokenizer.tokens(in: answer)
                    let expected = ReferenceTokenizer.tokens(in: answer)
                    #expect(tokens == expected, "\(answer.unicodeScalars.map { String($0.value, radix: 16) })")
                    #expect(tokens.map { Array($0.text.utf8) } == expected.map { Array($0.text.utf8) })
                }
            }
        }
    }

    /// Every scalar that the byte scanner reads, in every position around a word and a joiner.
    @Test func everyScannedScalarTokenizesLikeTheReference() {
        let scalars = (0...0x2FF).compactMap(Unicode.Scalar.init) + (0x400...0x482).compactMap(Unicode.Scalar.init)
            + (0x2010...0x2029).compactMap(Unicode.Scalar.init)
        #expect(scalars.count == 0x300 + 0x83 + 0x1A)
        for scalar in scalars {
            let s = String(scalar)
            for answer in [s, "a" + s + "b", "ab" + s + " cd", "я" + s + s + "я", "x-" + s + "y", "x’" + s + "'y", "w " + s + " z", s + "\r\n" + s] {
                let tokens = Tokenizer.tokens(in: answer)
                let expected = ReferenceTokenizer.tokens(in: answer)
                #expect(tokens == expected, "\(answer.unicodeScalars.map { String($0.value, radix: 16) })")
                #expect(tokens.map { Array($0.text.utf8) } == expected.map { Array($0.text.utf8) })
            }
        }
    }

    static let counterCases: [(seed: UInt64, simple: Bool, language: KeywordLanguage?, stopWords: [String])] = [
        (11, false, nil, []),
        (12, true, nil, []),
        (13, false, .english, ["курс", "Workshop"]),
        (14, true, .russian, ["миграция"]),
        (15, false, .kyrgyz, []),
        (16, true, .kyrgyz, ["discussion", "полезный"]),
        (17, false, nil, ["ёлка", "日本"]),
    ]

    @Test(arguments: counterCases)
    func countsMatchTheReferenceCounter(_ testCase: (seed: UInt64, simple: Bool, language: KeywordLanguage?, stopWords: [String])) throws {
        let answers = Self.answers(seed: testCase.seed, count: 2_000, simple: testCase.simple)
        var counter = try KeywordCounter(extraStopWords: testCase.stopWords)
        var reference = ReferenceKeywordCounter(extraStopWords: testCase.stopWords)
        for answer in answers {
            counter.add(answer: answer, language: testCase.language)
            reference.add(answer: answer, language: testCase.language)
        }
        #expect(counter.answerCount == reference.answerCount)
        #expect(counter.overlongWords == reference.overlongWords)
        #expect(Self.exact(counter.top(10_000)) == Self.exact(reference.top(10_000)))
        #expect(Self.exact(counter.topPhrases(10_000)) == Self.exact(reference.topPhrases(10_000)))
        #expect(counter.top().count == 20)
        #expect(Self.exact(counter.top(7)) == Self.exact(reference.top(7)))
        #expect(Self.exact(counter.topPhrases()) == Self.exact(reference.topPhrases()))
    }

    /// Long answers (several sentences, as `bench/generate.py --shape longtext` writes), read
    /// by the lean path, against the reference counter: every keyword and phrase.
    @Test(arguments: [UInt64(31), 32])
    func longAnswersMatchTheReferenceCounter(seed: UInt64) throws {
        var samples = AnswerSamples(seed: seed)
        let answers = (0..<1_500).map { index in
            (0..<(2 + index % 6)).map { _ in index.isMultiple(of: 3) ? samples.mixedAnswer(simple: true) : samples.benchmarkAnswer() }
                .joined(separator: index.isMultiple(of: 5) ? "; " : ". ")
        }
        var counter = try KeywordCounter()
        var reference = ReferenceKeywordCounter()
        for answer in answers {
            counter.add(answer: answer)
            reference.add(answer: answer)
        }
        #expect(counter.answerCount == reference.answerCount)
        #expect(Self.exact(counter.top(10_000)) == Self.exact(reference.top(10_000)))
        #expect(Self.exact(counter.topPhrases(10_000)) == Self.exact(reference.topPhrases(10_000)))
    }

    /// Comment topics counted in the keyword counter's pass (one scan and one lookup per word,
    /// words numbered by its table) equal topics counted on their own, whole and merged.
    @Test(arguments: [(UInt64(41), false), (42, true)])
    func topicsCountedWithKeywordsMatchTopicsCountedAlone(seed: UInt64, simple: Bool) throws {
        var samples = AnswerSamples(seed: seed)
        let glossaryWords = TopicGlossary.builtInEntries.flatMap { $0 }
        let answers = (0..<2_000).map { index in
            // Glossary words in many forms and cases, beside the samples' hostile pieces.
            let word = glossaryWords[index % glossaryWords.count]
            let forms = [word, word.uppercased(), word + "s", word + "ами", "\(word)-\(word)", "x" + word]
            return samples.mixedAnswer(simple: simple) + " " + forms[index % forms.count] + " " + samples.mixedAnswer(simple: simple)
        }
        var alone = TopicTally(glossary: .builtIn())
        var halves = [TextTally]()
        for chunk in [answers.prefix(700), answers.dropFirst(700)] {
            var tally = TextTally(policy: .none, keywords: try KeywordCounter(), topics: TopicTally(glossary: .builtIn()))
            for answer in chunk {
                alone.add(answer)
                tally.add(answer, respondent: "r")
            }
            halves.append(tally)
        }
        var whole = TextTally(policy: .none, keywords: try KeywordCounter(), topics: TopicTally(glossary: .builtIn()))
        for answer in answers { whole.add(answer, respondent: "r") }
        let counts = try #require(whole.topics).counts()
        #expect(counts == alone.counts())
        #expect(counts.count > 10, "the answers mention many topics")
        var merged = halves[1]
        merged.merge(halves[0])
        #expect(try #require(merged.topics).counts() == counts)
    }

    @Test(arguments: [UInt64(21), 22, 23])
    func mergedChunksMatchTheReference(seed: UInt64) throws {
        let answers = Self.answers(seed: seed, count: 1_500, simple: seed == 22)
        let bounds = [0, 300, 301, 900, 1_500]
        var counters: [KeywordCounter] = []
        var references: [ReferenceKeywordCounter] = []
        for (start, end) in zip(bounds, bounds.dropFirst()) {
            var counter = try KeywordCounter(extraStopWords: ["курс"])
            var reference = ReferenceKeywordCounter(extraStopWords: ["курс"])
            for answer in answers[start..<end] {
                counter.add(answer: answer)
                reference.add(answer: answer)
            }
            counters.append(counter)
            references.append(reference)
        }
        // Merged in another order than read, and a counter that has seen answers after a merge.
        for order in [[0, 1, 2, 3], [3, 1, 0, 2], [2, 3, 1, 0]] {
            var counter = counters[order[0]]
            var reference = references[order[0]]
            for index in order.dropFirst() {
                counter.merge(counters[index])
                reference.merge(references[index])
            }
            for answer in answers.prefix(200) {
                counter.add(answer: answer)
                reference.add(answer: answer)
            }
            #expect(counter.answerCount == reference.answerCount)
            #expect(counter.overlongWords == reference.overlongWords)
            #expect(Self.exact(counter.top(10_000)) == Self.exact(reference.top(10_000)))
            #expect(Self.exact(counter.topPhrases(10_000)) == Self.exact(reference.topPhrases(10_000)))
        }
        var whole = try KeywordCounter(extraStopWords: ["курс"])
        for answer in answers { whole.add(answer: answer) }
        var merged = counters[2]
        merged.merge(counters[0])
        merged.merge(counters[3])
        merged.merge(counters[1])
        #expect(merged == whole)
    }

    /// The first spelling counted is the one shown, among canonically equivalent ones that
    /// normalisation leaves apart (a presentation form and its decomposition).
    @Test func canonicallyEquivalentSpellingsShowTheFirstCounted() throws {
        let answers = [
            "бар \u{FB1D}\u{FB1D}\u{FB1D} \u{F900}\u{F900}\u{F900}", "\u{05D9}\u{05B4}\u{05D9}\u{05B4}\u{05D9}\u{05B4} \u{8C48}\u{8C48}\u{8C48}",
            "\u{05D9}\u{05B4}\u{05D9}\u{05B4}\u{05D9}\u{05B4}", "\u{F900}\u{F900}\u{F900}",
        ]
        for language in [nil, KeywordLanguage.kyrgyz] {
            var counter = try KeywordCounter()
            var reference = ReferenceKeywordCounter()
            for answer in answers {
                counter.add(answer: answer, language: language)
                reference.add(answer: answer, language: language)
            }
            #expect(Self.exact(counter.top(100)) == Self.exact(reference.top(100)))
            #expect(Self.exact(counter.topPhrases(100)) == Self.exact(reference.topPhrases(100)))
        }
    }

    @Test(arguments: [1, 2, 3, 20, 50])
    func longestQuotesMatchTheReference(n: Int) {
        var samples = AnswerSamples(seed: UInt64(100 + n))
        var tallies: [TextTally] = []
        var references: [ReferenceQuotes] = []
        for chunk in 0..<3 {
            var tally = TextTally(policy: .longest(n), keywords: nil)
            var reference = ReferenceQuotes(policy: .longest(n))
            for index in 0..<1_000 {
                // Few distinct lengths, so that ties are common; some long answers late.
                let answer = samples.mixedAnswer(maxPieces: index > 900 ? 40 : 8, simple: index.isMultiple(of: 2))
                tally.add(answer, respondent: "r\(chunk)-\(index)")
                reference.add(answer, respondent: "r\(chunk)-\(index)")
            }
            #expect(tally.summary(answered: 1_000, top: 20).quotes == reference.summarized())
            tallies.append(tally)
            references.append(reference)
        }
        var merged = tallies[2]
        merged.merge(tallies[0])
        merged.merge(tallies[1])
        var reference = references[2]
        reference.merge(references[0])
        reference.merge(references[1])
        #expect(merged.summary(answered: 3_000, top: 20).quotes == reference.summarized())
    }

    @Test(arguments: [QuotePolicy.all, .none, .longest(0)])
    func otherQuotePoliciesMatchTheReference(policy: QuotePolicy) {
        var samples = AnswerSamples(seed: 7)
        var tally = TextTally(policy: policy, keywords: nil)
        var reference = ReferenceQuotes(policy: policy)
        for index in 0..<200 {
            let answer = samples.mixedAnswer(simple: false)
            tally.add(answer, respondent: "r\(index)")
            reference.add(answer, respondent: "r\(index)")
        }
        var merged = tally
        merged.merge(tally)
        reference.merge(reference)
        #expect(merged.summary(answered: 400, top: 20).quotes == reference.summarized())
    }
}
