import SurveyModel
import SurveyStatistics

/// The comparison of events as files: what `survey compare` writes into its report folder
/// (`ReportFolder.write`). comparison.md and trends.csv are written here; comparison.html with
/// its trend charts and comparison.xlsx come from `htmlFiles()`/`htmlPictures()` and
/// `excelPictures()` (ComparisonReport+HTML.swift, ComparisonReport+Excel.swift).
public struct ComparisonReport {
    /// The output formats `survey compare --format` takes.
    public enum Format: String, Sendable, CaseIterable {
        case markdown = "md", csv, html, xlsx
    }

    let comparison: EventComparison
    let questionnaire: Questionnaire
    let options: ReportOptions

    public init(comparison: EventComparison, questionnaire: Questionnaire, options: ReportOptions) {
        self.comparison = comparison
        self.questionnaire = questionnaire
        self.options = options
    }

    /// Relative path → text content, for the formats asked for.
    public func files(formats: Set<Format>, excel: Bool = false) -> [(path: String, content: String)] {
        var files: [(path: String, content: String)] = []
        if formats.contains(.markdown) { files.append(("comparison.md", ComparisonMarkdown(report: self).render())) }
        if formats.contains(.csv) { files.append(("trends.csv", TrendsCSV(report: self, excel: excel).render())) }
        if formats.contains(.html) { files += htmlFiles() }
        return files
    }

    /// The binary files (PNG twins of charts, comparison.xlsx), for the formats asked for.
    public func pictures(formats: Set<Format>) throws(ReportError) -> [(path: String, bytes: [UInt8])] {
        var pictures: [(path: String, bytes: [UInt8])] = []
        if formats.contains(.html) { pictures += try htmlPictures() }
        if formats.contains(.xlsx) { pictures += try excelPictures() }
        return pictures
    }

    /// The question's text in the report's language.
    func questionText(_ id: String) -> String {
        questionnaire.question(id)?.text.text(in: options.language) ?? id
    }

    /// A category's label in the report's language.
    func label(_ question: String, _ code: String) -> String {
        questionnaire.question(question)?.categories.first { $0.code == code }?.label.text(in: options.language) ?? code
    }

    /// The plain-words sentence of a change (`ComparisonPhrases.sentence`).
    public func sentence(_ change: EventChange, question: String) -> String {
        ComparisonPhrases(options.language).sentence(change, question: questionText(question),
                                                     answer: change.code.map { label(question, $0) })
    }
}
