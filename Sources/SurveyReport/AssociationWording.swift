import SurveyModel
import SurveyStatistics

/// The test of a cross-tab in plain words: which test ran, why, and what it means.
enum AssociationWording {
    /// "No significant difference between … (χ² = 3.21, df = 8, p = 0.92); 60% of cells …"
    static func english(_ tab: CrossTabResult, rowQuestion: Question, columnQuestion: Question, language: String) -> String {
        guard let test = tab.test else {
            return "No test: \(tab.noTestReason ?? "not enough data")."
        }
        let subject = "\(rowQuestion.id) and \(columnQuestion.id)"
        let significant = test.decisiveP < 0.05
        var sentence = significant
            ? "Answers differ significantly between \(subject)"
            : "No significant difference between \(subject)"
        sentence += " (χ² = \(NumberFormat.fixed(test.chiSquare, 2)), df = \(test.degreesOfFreedom), \(NumberFormat.pValue(test.pValue)), Cramér's V = \(NumberFormat.fixed(test.cramersV, 2)))"
        if let fisher = test.fisherPValue {
            sentence += "; expected counts are small, so Fisher's exact test decides: \(NumberFormat.pValue(fisher))"
        } else if test.isSparse {
            sentence += "; \(NumberFormat.wholePercent(test.expectedBelowFivePercent)) of cells have expected counts below 5, interpret with care"
        }
        if !test.droppedRows.isEmpty || !test.droppedColumns.isEmpty {
            sentence += "; categories nobody chose were left out of the test (\((test.droppedRows + test.droppedColumns).joined(separator: ", ")))"
        }
        if tab.isMultipleResponse {
            sentence += "; one side is multiple choice, so a respondent can count in several cells and the test is only indicative"
        }
        return sentence + "."
    }
}
