import SurveyModel

/// One line of text for the operator, with a tone the terminal may colour.
///
/// The engine decides what to say; the terminal decides how (colour only on a TTY, never
/// with NO_COLOR; in a pipe only notes are printed, on stderr). Every line is made visible
/// here (`VisibleText.line`): a label, answer or respondent id holding ESC, another control
/// character, a bidi override or a line break is shown as `\u{1B}`, so nothing loaded or
/// typed can drive the operator's terminal.
public struct EntryLine: Sendable, Hashable, CustomStringConvertible {
    /// How the line should stand out.
    public enum Tone: Sendable, Hashable {
        /// Ordinary text.
        case plain
        /// The line naming the form and question.
        case heading
        /// Keys and hints, shown dimmed.
        case hint
        /// A value was refused; the prompt comes again.
        case problem
        /// Something was saved.
        case success
        /// Worth noticing: a recovered line, a dropped form.
        case warning
    }

    /// The text, without a line end.
    public var text: String
    /// How it should stand out.
    public var tone: Tone

    public init(_ text: String, _ tone: Tone = .plain) {
        self.text = VisibleText.line(text)
        self.tone = tone
    }

    public var description: String { text }
}
