/// A declared missing code (SPSS's user-missing value): an answer such as `99: Don't know` or
/// `-1: Refused` that was given but is not a substantive value, so statistics count it in its
/// own row and leave it out of valid percentages and means.
public struct MissingCode: Sendable, Hashable {
    /// The code as written in data files (`99`, `-1`, `dk`).
    public var code: String
    /// The label shown in reports; matched like choice labels when importing.
    public var label: LocalizedText

    public init(code: String, label: LocalizedText) {
        self.code = code
        self.label = label
    }

    /// The question's effective codes: the questionnaire's codes, replaced by a question-level
    /// code with the same value (its label wins), followed by the question's other codes.
    /// `own == nil`: the question declares none and inherits all; `own == []` (`missing: {}`):
    /// the question opts out of the questionnaire's codes.
    public static func effective(questionnaire: [MissingCode], own: [MissingCode]?) -> [MissingCode] {
        guard let own else { return questionnaire }
        if own.isEmpty { return [] }
        var result = questionnaire.map { inherited in
            own.first { MissingCode.sameValue($0.code, inherited.code) } ?? inherited
        }
        for code in own where !result.contains(where: { MissingCode.sameValue($0.code, code.code) }) {
            result.append(code)
        }
        return result
    }

    /// Whether two codes mean the same value: equal text, or the same whole number (`99`, `099`).
    public static func sameValue(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let x = AnswerParser.integer(a, mark: nil), let y = AnswerParser.integer(b, mark: nil) else { return false }
        return x == y
    }

    /// Kinds of question a missing code may be declared on: a text answer `99` is text, and a
    /// date has no code to write.
    public static func applies(to kind: QuestionKind) -> Bool {
        switch kind {
        case .singleChoice, .multipleChoice, .rating, .yesNo, .number: true
        case .text, .date: false
        }
    }
}
