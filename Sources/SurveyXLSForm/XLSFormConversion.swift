import SurveyModel

/// An XLSForm converted to a definition: the YAML to write (notes at the top), the notes
/// themselves, and the questionnaire it loads as.
public struct XLSFormConversion: Sendable {
    /// The definition text, starting with the comment that lists what was not carried over.
    public var yaml: String
    /// Everything that could not be carried over, each naming its cell and why.
    public var notes: [String]
    /// The definition as `survey check` reads it.
    public var questionnaire: Questionnaire
}

/// XLSForm → definition. Reads the `survey`, `choices` and `settings` sheets and writes a
/// definition that `survey check` accepts, in the form's order; see docs/xlsform.md for the
/// mapping table.
public enum XLSFormImport {
    /// The survey-sheet and settings-sheet column holding definition keys XLSForm has no column
    /// for (`best`, `missing`, `number_format`, `event`, …) as a YAML map; written by
    /// `XLSFormExport` so that converting back gives the same definition.
    public static let definitionColumn = "survey_definition"
    /// The choices-sheet column holding a choice's aliases as a YAML list.
    public static let aliasesColumn = "survey_aliases"

    /// Converts `workbook`; `file` names it in messages.
    public static func definition(from workbook: XLSFormWorkbook, file: String) throws(XLSFormError) -> XLSFormConversion {
        var reader = XLSFormReading(workbook: workbook, file: file)
        return try reader.convert()
    }
}
