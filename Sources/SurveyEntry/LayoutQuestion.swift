import SurveyModel

/// A single Cyrillic letter typed on a yes/no or choice question whose Latin twin on the
/// English layout (`н` ↔ `y`) reads as another answer: the form asks which was meant instead
/// of taking either silently. `1` takes the English-layout reading, `2` the letter as typed;
/// digits are on the same keys in both layouts, so the reply cannot be mistyped the same way.
public struct LayoutQuestion: Sendable, Hashable {
    /// The question asked about.
    public var index: Int
    /// What was typed (`н`).
    public var typed: String
    /// Its twin on the English layout (`y`).
    public var twin: String
    /// The twin's reading (`.yesNo(true)`).
    public var twinAnswer: Answer
    /// The letter's own reading, nil when it reads as nothing.
    public var typedAnswer: Answer?

    /// Asks when `typed` is one Cyrillic letter whose Latin twin reads differently; nil when
    /// there is nothing to ask (the twin reads as nothing, or as the same answer).
    static func check(_ typed: String, at index: Int, question: Question, parser: TypedAnswerParser) -> LayoutQuestion? {
        switch question.kind {
        case .yesNo, .singleChoice, .multipleChoice: break
        default: return nil
        }
        guard typed.count == 1, let letter = typed.first, let twin = KeyboardLayout.latinTwin(of: letter) else { return nil }
        guard case .success(let twinAnswer) = parser.read(String(twin)), twinAnswer.hasValue else { return nil }
        let own: Answer? = if case .success(let answer) = parser.read(typed), answer.hasValue { answer } else { nil }
        if own == twinAnswer { return nil }
        return LayoutQuestion(index: index, typed: typed, twin: String(twin), twinAnswer: twinAnswer, typedAnswer: own)
    }

    /// "`н` — did you mean y (yes) on the English layout, or н (no)?"
    public func message(_ parser: TypedAnswerParser) -> String {
        let twinText = parser.display(twinAnswer)
        guard let typedAnswer else { return "`\(typed)` — did you mean \(twin) (\(twinText)) on the English layout?" }
        return "`\(typed)` — did you mean \(twin) (\(twinText)) on the English layout, or \(typed) (\(parser.display(typedAnswer)))?"
    }

    /// How to answer: digits, which are on the same keys in both layouts.
    public func keys(_ parser: TypedAnswerParser) -> String {
        let twinText = parser.display(twinAnswer)
        guard let typedAnswer else { return "1 \(twinText) · or type the answer again" }
        return "1 \(twinText) · 2 \(parser.display(typedAnswer)) · or type the answer again"
    }
}
