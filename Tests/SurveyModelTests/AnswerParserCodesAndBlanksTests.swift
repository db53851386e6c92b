import Testing
@testable import SurveyModel

/// Issue 9 in `AnswerParser`: integer codes match by value, and the missing-value words
/// (`NA`, `N/A`, `-`, `null`) never beat a declared answer or a text answer.
@Suite struct AnswerParserCodesAndBlanksTests {
    static let numbered = question("team", .singleChoice([
        Choice(code: "1", label: LocalizedText("Engineering")), Choice(code: "2", label: LocalizedText("Sales")),
        Choice(code: "10", label: LocalizedText("Support")),
    ]))

    /// Excel writes code `1` as `1.0`, `01` or ` 1 `: all are code 1.
    @Test(arguments: [("1", "1"), ("1.0", "1"), ("01", "1"), (" 1 ", "1"), ("1.00", "1"), ("+1", "1"), ("002", "2"), ("10.0", "10"), ("010", "10")])
    func integerCodesMatchByValue(_ raw: String, _ code: String) {
        let outcome = AnswerParser(question: Self.numbered).parse(raw)
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        #expect(outcome.answer.canonicalText(for: Self.numbered) == code)
    }

    /// Only whole numbers, only in the declared format: `1.5` and `1,0` (en) stay unknown.
    @Test(arguments: ["1.5", "1,0", "1.", "1e0", "0x1", "3"])
    func otherNumbersAreUnknownChoices(_ raw: String) {
        #expect(AnswerParser(question: Self.numbered).parse(raw).problems.first?.kind == "unknown_choice")
    }

    @Test func decimalCommaWritesOneAsOneCommaZero() {
        var team = Self.numbered
        team.numberConvention = .decimalComma
        #expect(AnswerParser(question: team).parse("1,0").answer == .choice(0))
        #expect(AnswerParser(question: team).parse("1.000").problems.first?.kind == "unknown_choice", "a thousand, not 1")
    }

    /// A code declared as text (`01`) matches itself exactly first; `1` then is the code `1`.
    @Test func textCodeWithALeadingZeroMatchesExactlyFirst() {
        let codes = question("c", .singleChoice([Choice(code: "01", label: LocalizedText("A")), Choice(code: "1", label: LocalizedText("B"))]))
        let parser = AnswerParser(question: codes)
        #expect(parser.parse("01").answer == .choice(0))
        #expect(parser.parse("1").answer == .choice(1))
        #expect(parser.parse("1.0").answer == .choice(1), "by value, the code written as the number wins")
        let only = question("d", .singleChoice([Choice(code: "01", label: LocalizedText("A"))]))
        #expect(AnswerParser(question: only).parse("1").answer == .choice(0))
    }

    @Test func multipleChoiceTokensMatchByValue() {
        let kinds = question("k", .multipleChoice(choices("1", "2", "3"), maxChoices: nil))
        #expect(AnswerParser(question: kinds).parse("1.0;03").answer == .choices(ChoiceSet([0, 2])))
    }

    /// A choice coded `na`, `null` or `-`, or labelled `N/A`, is an answer, not a blank.
    @Test(arguments: [("na", "na"), ("NA", "na"), ("null", "null"), ("NULL", "null"), ("-", "-"), ("N/A", "unknown"), ("n/a", "unknown")])
    func declaredCodesAndLabelsBeatMissingWords(_ raw: String, _ code: String) {
        let q = question("why", .singleChoice([
            Choice(code: "na", label: LocalizedText("Not applicable")), Choice(code: "null", label: LocalizedText("Zero")),
            Choice(code: "-", label: LocalizedText("None")), Choice(code: "unknown", label: LocalizedText("N/A")),
        ]))
        #expect(AnswerParser(question: q).parse(raw).answer.canonicalText(for: q) == code)
    }

    /// Where they are not an answer of the question they still mean "no answer".
    @Test(arguments: ["", "  ", "NA", "n/a", "-", "null", "Null", "#N/A"])
    func otherwiseTheyAreBlank(_ raw: String) {
        let outcome = AnswerParser(question: Self.numbered).parse(raw)
        #expect(outcome == AnswerParser.Outcome(answer: .missing, problems: []))
        let number = question("n", .number(min: nil, max: nil, integer: false))
        #expect(AnswerParser(question: number).parse(raw) == AnswerParser.Outcome(answer: .missing, problems: []))
    }

    /// A text answer is kept as written, `Null` and `N/A` too; only an empty cell is blank.
    @Test(arguments: ["Null", "N/A", "NA", "-", "null", " n/a "])
    func textAnswersAreKept(_ raw: String) {
        let text = question("t", .text)
        let parser = AnswerParser(question: text)
        #expect(parser.parse(raw).answer == .text(String(Substring(raw).trimmingWhitespace())))
        #expect(parser.parse("  ").answer == .missing)
    }

    @Test func meansNoAnswer() {
        let labelled = question("l", .singleChoice([Choice(code: "x", label: LocalizedText("N/A"))]))
        #expect(!AnswerParser(question: labelled).meansNoAnswer("n/a"))
        #expect(AnswerParser(question: labelled).meansNoAnswer("NA"))
        #expect(!AnswerParser(question: question("t", .text)).meansNoAnswer("NA"))
        #expect(AnswerParser(question: question("t", .text)).meansNoAnswer(" "))
    }
}
