import SurveyModel

/// One value of one exported row, before a writer puts it into its format.
public enum ExportCell: Sendable, Hashable {
    /// No answer: blank, skipped, or invalid (the import lists invalid values as problems).
    case empty
    case number(Double)
    /// A declared missing code: the index into the variable's `missingValues`.
    case missingCode(Int)
    case text(String)
    /// A calendar date.
    case date(CalendarDate)
    /// A submission time, as the export wrote it (its local clock time).
    case moment(SubmissionTime)
}
