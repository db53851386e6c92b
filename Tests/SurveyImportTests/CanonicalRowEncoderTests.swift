@testable import SurveyImport
import SurveyModel
import Testing

/// The canonical format is written two ways: `CanonicalRowEncoder` straight to bytes (import's
/// hot path) and `Answer.canonicalText` + `CSVFormat` (the terminal form). They must never drift.
@Suite struct CanonicalRowEncoderTests {
    static let questionnaire = Questionnaire(title: LocalizedText("Encoder"), questions: [
        Question(id: "single", kind: .singleChoice([Choice(code: "a,b", label: LocalizedText("Comma code")), Choice(code: "plain", label: LocalizedText("Plain"))]), text: LocalizedText("Single")),
        Question(id: "multi", kind: .multipleChoice([Choice(code: "x", label: LocalizedText("X")), Choice(code: "y", label: LocalizedText("Y")), Choice(code: "q\"z", label: LocalizedText("Quote"))], maxChoices: nil), text: LocalizedText("Multi")),
        Question(id: "multi_plain", kind: .multipleChoice([Choice(code: "one", label: LocalizedText("One")), Choice(code: "two", label: LocalizedText("Two"))], maxChoices: nil), text: LocalizedText("Plain multi")),
        Question(id: "rating", kind: .rating(-2...2, labels: [:]), text: LocalizedText("Rating")),
        Question(id: "yes_no", kind: .yesNo, text: LocalizedText("Yes/no")),
        Question(id: "number", kind: .number(min: nil, max: nil, integer: false), text: LocalizedText("Number")),
        Question(id: "text", kind: .text, text: LocalizedText("Text")),
        Question(id: "date", kind: .date, text: LocalizedText("Date")),
    ])

    static let responses: [Response] = [
        Response(respondent: "1", answers: [.choice(0), .choices(ChoiceSet([0, 2])), .choices(ChoiceSet([0, 1])), .rating(-2), .yesNo(true),
                                            .number(2.5), .text("He said \"hi\", then\nleft"), .date(CalendarDate(year: 2013, month: 1, day: 25)!)]),
        Response(respondent: "r,2", answers: [.choice(1), .choices(ChoiceSet([1])), .missing, .rating(2), .yesNo(false),
                                              .number(-1_000_000), .text("Миграция; =SUM(A1)"), .date(CalendarDate(year: 999, month: 12, day: 3)!)]),
        Response(respondent: "3", answers: Array(repeating: .missing, count: 8)),
    ]

    @Test(arguments: responses)
    func encoderMatchesCanonicalText(_ response: Response) {
        var bytes: [UInt8] = []
        CanonicalRowEncoder(questionnaire: Self.questionnaire).append(response, to: &bytes)
        let viaText = CSVFormat.line(ResponseFile.fields(of: response, in: Self.questionnaire))
        #expect(String(decoding: bytes, as: UTF8.self) == viaText)
    }

    /// Text is checked for quoting eight bytes at a time: a comma, quote, CR or LF at every
    /// position of a 21-byte answer (in the words read whole and in the tail), beside Cyrillic
    /// and bytes of 0x80 and above, is quoted as `CSVFormat` quotes it; and whole numbers are
    /// written as `Answer.format` writes them.
    @Test func everySpecialByteAtEveryPositionIsQuoted() {
        let encoder = CanonicalRowEncoder(questionnaire: Self.questionnaire)
        for special in [",", "\"", "\n", "\r"] {
            for position in 0...20 {
                var characters = Array("abcdefghijklmnopqrstu")
                characters[position] = Character(special)
                let text = String(characters) + " ё"
                let response = Response(respondent: "1", answers: [.missing, .missing, .missing, .missing, .missing, .number(Double(position * 1009 - 7000)), .text(text), .missing])
                var bytes: [UInt8] = []
                encoder.append(response, to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == CSVFormat.line(ResponseFile.fields(of: response, in: Self.questionnaire)))
            }
        }
    }
}
