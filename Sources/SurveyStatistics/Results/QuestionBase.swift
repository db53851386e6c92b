/// Who a question's figures are about: every table states its base, so percentages never
/// silently include or exclude blanks.
///
/// responses = asked + skipped; asked = answered + missingCoded + blank + invalid.
public struct QuestionBase: Sendable, Hashable, Codable {
    /// Responses in the data (after `--where`).
    public var responses = 0
    /// Responses for which skip logic asked the question.
    public var asked = 0
    /// Asked and answered with a valid value: the base of valid percentages.
    public var answered = 0
    /// Not asked because of skip logic (`when` was false).
    public var skipped = 0
    /// Asked but left blank.
    public var blank = 0
    /// Asked, but the value failed validation (listed in the problems file).
    public var invalid = 0
    /// Asked and answered with a declared missing code (`Don't know`, `Refused`): given, but
    /// left out of valid percentages and means.
    public var missingCoded = 0

    public init() {}

    /// Combines two bases.
    public mutating func merge(_ other: QuestionBase) {
        responses += other.responses
        asked += other.asked
        answered += other.answered
        skipped += other.skipped
        blank += other.blank
        invalid += other.invalid
        missingCoded += other.missingCoded
    }

    /// Responses without a valid answer, for whatever reason (not asked, missing-coded, blank, invalid).
    public var noAnswer: Int { responses - answered }
}
