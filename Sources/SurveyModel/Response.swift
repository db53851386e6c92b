/// One respondent's validated answers: what the importer and the terminal form produce.
public struct Response: Sendable, Hashable {
    /// The respondent id (the number on the paper form, or the export's id column).
    public var respondent: String
    /// Answers in questionnaire order, one per question.
    public var answers: [Answer]
    /// When the form was submitted, parsed from the export (`SubmissionTime`); nil for paper
    /// forms and for a timestamp that could not be read (listed as a problem with its raw value).
    public var submittedAt: SubmissionTime?
    /// Questions (indices) whose value failed validation and so count as no answer; statistics
    /// report them apart from blanks.
    public var invalid: [Int]
    /// The verbatim text of other answers (`other: true`), by question index: what was written
    /// outside the list, kept in the `ID_other` column. Absent when there was none.
    public var otherTexts: [Int: String]

    public init(respondent: String, answers: [Answer], submittedAt: SubmissionTime? = nil, invalid: [Int] = [], otherTexts: [Int: String] = [:]) {
        self.respondent = respondent
        self.otherTexts = otherTexts
        self.answers = answers
        self.submittedAt = submittedAt
        self.invalid = invalid
    }
}
