import Foundation
import SurveyModel
import SurveyStatistics
@testable import SurveyReport

/// Three events built from the frozen example (19 forms): the NGO respondents, the others, and
/// everyone, so the figures differ from event to event. The second event's name is hostile
/// (markup, a script, quotes, a formula), given out of date order.
enum ComparisonFixture {
    static let hostileName = "<script>alert(\"x\")</script> & 'Bishkek' =HYPERLINK(\"http://x\") 2013-03"

    static func report(language: ReportLanguage = .english) throws -> ComparisonReport {
        let questionnaire = try QuestionnaireLoader.load(path: ReportFixture.root.appendingPathComponent("Tests/Fixtures/report/seminar-feedback.yaml").path)
        let events = [
            EventComparer.Input(name: hostileName, date: "2013-03", participants: 12, files: ["b.csv"],
                                results: try ReportFixture.example(filter: "org_type != ngo")),
            EventComparer.Input(name: "Kashkasuu 2013-01", date: "2013-01", participants: 10, files: ["a.csv"],
                                results: try ReportFixture.example(filter: "org_type == ngo")),
            EventComparer.Input(name: "Osh 2013-05", date: "2013-05", participants: nil, files: ["c.csv"], results: try ReportFixture.example()),
        ]
        // The caller orders the events by date, as `survey compare` does.
        let ordered = events.sorted { ($0.date ?? "") < ($1.date ?? "") }
        let comparison = EventComparer.compare(ordered, questionnaire: questionnaire)
        return ComparisonReport(comparison: comparison, questionnaire: questionnaire, options: ReportOptions(language: language))
    }
}
