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

    public init(respondent: String, answers: [Answer], submittedAt: SubmissionTime? = nil, invalid: [Int] = []) {
        self.respondent = respondent
        self.answers = answers
        self.submittedAt = submittedAt
        self.invalid = invalid
    }
}
