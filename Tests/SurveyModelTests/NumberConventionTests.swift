import Testing
@testable import SurveyModel

/// One raw value and what it becomes in a decimal-point (`en`) and a decimal-comma (`ru`)
/// questionnaire: the canonical text, or `ambiguous_number`. The table of docs/import.md.
struct NumberRow: Sendable, CustomTestStringConvertible {
    var raw: String
    var en: String
    var ru: String
    var testDescription: String { raw.debugDescription }
}

/// Issue 9: numbers follow a declared format, never a guess.
@Suite struct NumberConventionTests {
    static let ambiguous = "ambiguous_number"

    /// docs/import.md, "What a number becomes", row by row.
    static let table: [NumberRow] = [
        NumberRow(raw: "1,500", en: "1500", ru: ambiguous),
        NumberRow(raw: "1,500.25", en: "1500.25", ru: ambiguous),
        NumberRow(raw: "1 500,25", en: ambiguous, ru: "1500.25"),
        NumberRow(raw: "1.500,25", en: ambiguous, ru: "1500.25"),
        NumberRow(raw: "2,5", en: ambiguous, ru: "2.5"),
        NumberRow(raw: "2.5", en: "2.5", ru: ambiguous),
        NumberRow(raw: "12,000", en: "12000", ru: ambiguous),
        NumberRow(raw: "100,000", en: "100000", ru: ambiguous),
        NumberRow(raw: "1.000", en: ambiguous, ru: "1000"),
        NumberRow(raw: "55,000", en: "55000", ru: ambiguous),
        NumberRow(raw: " 1 ", en: "1", ru: "1"),
        NumberRow(raw: "01", en: "1", ru: "1"),
        NumberRow(raw: "1.0", en: "1", ru: ambiguous),
        NumberRow(raw: "1e3", en: "1000", ru: "1000"),
        // Beyond the table: spaces of every kind group thousands in both; groups must be three digits.
        NumberRow(raw: "1 500", en: "1500", ru: "1500"),
        NumberRow(raw: "1\u{00A0}500\u{202F}000", en: "1500000", ru: "1500000"),
        NumberRow(raw: "1,500,000", en: "1500000", ru: ambiguous),
        NumberRow(raw: "1.500.000", en: ambiguous, ru: "1500000"),
        NumberRow(raw: "0,125", en: ambiguous, ru: "0.125"),
        NumberRow(raw: "-3,5", en: ambiguous, ru: "-3.5"),
        NumberRow(raw: "1,50", en: ambiguous, ru: "1.5"),
        NumberRow(raw: "1,5,0", en: "not_a_number", ru: "not_a_number"),
        NumberRow(raw: "1 50", en: "not_a_number", ru: "not_a_number"),
    ]

    static func number(_ convention: NumberConvention) -> Question {
        var count = question("amount", .number(min: nil, max: nil, integer: false))
        count.numberConvention = convention
        return count
    }

    static func outcome(_ raw: String, _ convention: NumberConvention) -> String {
        let outcome = AnswerParser(question: number(convention)).parse(raw)
        return outcome.problems.first?.kind ?? outcome.answer.canonicalText(for: number(convention))
    }

    @Test(arguments: table)
    func decimalPointQuestionnaire(_ row: NumberRow) {
        #expect(Self.outcome(row.raw, .decimalPoint) == row.en)
    }

    @Test(arguments: table)
    func decimalCommaQuestionnaire(_ row: NumberRow) {
        #expect(Self.outcome(row.raw, .decimalComma) == row.ru)
    }

    /// The problem lists the raw value and both readings, so it can be fixed without guessing.
    @Test func theProblemNamesBothReadings() {
        let thousand = AnswerParser(question: Self.number(.decimalComma)).parse("1,500").problems
        #expect(thousand == [.ambiguousNumber("1,500", declared: 1.5, other: 1500, convention: .decimalComma)])
        #expect(thousand.first?.message == "`1,500` could be 1.5 or 1500: this question's numbers are written 1 500,25 or 1.500,25 (decimal comma), but a thousands separator is written the same way; write 1,5 or 1500, or declare `number_format:` in the definition (or `--number-format` for this file)")
        let comma = AnswerParser(question: Self.number(.decimalPoint)).parse("2,5").problems
        #expect(comma.first?.message == "`2,5` is written with a decimal comma (2.5), but this question's numbers are written 1,500.25 or 1 500.25 (decimal point); write 2.5, or declare `number_format:` in the definition (or `--number-format` for this file)")
    }

    /// Ratings read by the same rules: `4,0` is not silently 4 in an `en` file.
    @Test func ratingsFollowTheFormatToo() {
        var rating = question("r", .rating(1...5, labels: [:]))
        rating.numberConvention = .decimalPoint
        #expect(AnswerParser(question: rating).parse("2,5").problems.first?.kind == "ambiguous_number")
        rating.numberConvention = .decimalComma
        #expect(AnswerParser(question: rating).parse("4,0").answer == .rating(4))
    }

    @Test(arguments: [("en", "."), ("en-GB", "."), ("ru", ","), ("ky", ","), ("de", ","), ("ja", ".")] as [(String, Character)])
    func languageGivesTheDefault(_ language: String, _ mark: Character) {
        #expect(NumberConvention.of(language: language).decimalMark == mark)
        #expect(Questionnaire(title: LocalizedText("t"), language: language, questions: []).numberConvention.decimalMark == mark)
    }

    @Test func examplesForMessages() {
        #expect(NumberConvention.decimalPoint.example == "1,500.25 or 1 500.25")
        #expect(NumberConvention.decimalComma.example == "1 500,25 or 1.500,25")
        #expect(NumberConvention(decimalMark: ",", grouping: []).example == "1500,25")
    }

    /// Canonical files are read as `Answer.format` wrote them, whatever the declared format:
    /// `1500.25` in a `ru` questionnaire's responses file is 1500.25; anything else falls back.
    @Test func canonicalNumbersReadBackExactly() {
        let parser = AnswerParser(question: Self.number(.decimalComma), canonicalNumbers: true)
        #expect(parser.parse("1500.25").answer == .number(1500.25))
        #expect(parser.parse("1.125").answer == .number(1.125))
        #expect(parser.parse("-3").answer == .number(-3))
        #expect(parser.parse("1e+20").answer == .number(1e20))
        #expect(parser.parse("1.500").answer == .number(1500), "not canonical (trailing zeros): read as declared")
        #expect(DecimalNumber.canonicalValue("1.50") == nil)
        #expect(DecimalNumber.canonicalValue("01") == nil)
    }
}
