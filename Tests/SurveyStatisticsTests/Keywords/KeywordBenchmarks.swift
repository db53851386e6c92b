import Foundation
import Testing
@testable import SurveyStatistics

/// Times keyword counting and `--quotes 20` against the reference implementations on generated
/// answers like the benchmark's. Out of `make test`: it runs only with SURVEY_KEYWORD_BENCH set,
/// and is meant for a release build:
///
///     SURVEY_KEYWORD_BENCH=500000 swift test -c release --filter KeywordBenchmarks
///
/// The value is the number of answers (500,000 when it is not a number). The results are
/// asserted, so that a broken fast path cannot print a fast time.
/// How many answers `KeywordBenchmarks` generates, from SURVEY_KEYWORD_BENCH; nil skips it.
private let keywordBenchmarkAnswers: Int? = ProcessInfo.processInfo.environment["SURVEY_KEYWORD_BENCH"].map { Int($0) ?? 500_000 }

@Suite(.serialized, .enabled(if: keywordBenchmarkAnswers != nil, "set SURVEY_KEYWORD_BENCH to run"))
struct KeywordBenchmarks {
    static let answers: [String] = {
        var samples = AnswerSamples(seed: 2013)
        return (0..<(keywordBenchmarkAnswers ?? 0)).map { _ in samples.benchmarkAnswer() }
    }()

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let elapsed = try clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    static func report(_ what: String, fast: Double, reference: Double) {
        let rate = { (seconds: Double) in Int(Double(answers.count) / seconds) }
        print(String(format: "bench: %@ of %d answers: %.3f s (%d answers/s); reference %.3f s (%d answers/s); %.1f× faster",
                     what, answers.count, fast, rate(fast), reference, rate(reference), reference / fast))
    }

    @Test func keywordCounting() throws {
        let answers = Self.answers
        var counter = try KeywordCounter()
        var reference = ReferenceKeywordCounter()
        let referenceTime = Self.seconds { for answer in answers { reference.add(answer: answer) } }
        let fastTime = Self.seconds { for answer in answers { counter.add(answer: answer) } }
        Self.report("keywords", fast: fastTime, reference: referenceTime)
        #expect(counter.answerCount == reference.answerCount)
        #expect(counter.top(100) == reference.top(100))
        #expect(counter.topPhrases(100) == reference.topPhrases(100))
    }

    @Test func tokenizing() {
        let answers = Self.answers
        var tokens = 0
        var referenceTokens = 0
        let referenceTime = Self.seconds { for answer in answers { referenceTokens += ReferenceTokenizer.tokens(in: answer).count } }
        let fastTime = Self.seconds { for answer in answers { tokens += Tokenizer.tokens(in: answer).count } }
        Self.report("Tokenizer.tokens", fast: fastTime, reference: referenceTime)
        #expect(tokens == referenceTokens)
    }

    /// Comment topics for the key findings ride on every keyword question's answers: their cost
    /// is reported beside keyword counting's, and their count checked against a plain recount.
    @Test func topicCounting() throws {
        let answers = Self.answers
        var counter = try KeywordCounter()
        var topics = TopicTally(glossary: .builtIn())
        let keywordTime = Self.seconds { for answer in answers { counter.add(answer: answer) } }
        let topicTime = Self.seconds { for answer in answers { topics.add(answer) } }
        print(String(format: "bench: comment topics of %d answers: %.3f s; keywords %.3f s (topics add %.0f%%)",
                     answers.count, topicTime, keywordTime, topicTime / keywordTime * 100))
        var stemmers = AnswerStemmers()
        let glossary = TopicGlossary.builtIn()
        let time = try #require(glossary.topics.firstIndex { $0.name == "time" })
        let mentioningTime = answers.prefix(2_000).filter { answer in
            Tokenizer.tokens(in: answer).contains { glossary.topic(ofStem: stemmers.stem($0.text)) == time }
        }.count
        var first = TopicTally(glossary: glossary)
        for answer in answers.prefix(2_000) { first.add(answer) }
        #expect(first.counts().first { $0.name == "time" }?.answers ?? 0 == mentioningTime)
    }

    @Test func longestQuotes() {
        let answers = Self.answers
        var tally = TextTally(policy: .longest(20), keywords: nil)
        var reference = ReferenceQuotes(policy: .longest(20))
        let respondents = answers.indices.map { "r\($0)" }
        let referenceTime = Self.seconds { for (answer, respondent) in zip(answers, respondents) { reference.add(answer, respondent: respondent) } }
        let fastTime = Self.seconds { for (answer, respondent) in zip(answers, respondents) { tally.add(answer, respondent: respondent) } }
        Self.report("--quotes 20", fast: fastTime, reference: referenceTime)
        #expect(tally.summary(answered: answers.count, top: 20).quotes == reference.summarized())
    }
}
