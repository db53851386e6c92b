import SurveyModel
import Testing
@testable import SurveyEntry

/// Disagreement rates per question and per operator.
struct DisagreementsTests {
    static let rows = [
        Comparison(respondent: "1", questionID: "org_type", first: "ngo", second: "ngo", resolved: "ngo", operatorName: "bakyt"),
        Comparison(respondent: "1", questionID: "age", first: "34", second: "43", resolved: "34", operatorName: "bakyt"),
        Comparison(respondent: "2", questionID: "org_type", first: "gov", second: "gov", resolved: "gov", operatorName: "dinara"),
        Comparison(respondent: "2", questionID: "age", first: "51", second: "51", resolved: "51", operatorName: "dinara"),
        Comparison(respondent: "3", questionID: "age", first: "", second: "29", resolved: "29", operatorName: "dinara"),
    ]

    @Test func ratesPerQuestionAndOperator() {
        let summary = Disagreements(Self.rows)
        #expect(summary.byQuestion["age"] == Disagreements.Rate(compared: 3, disagreed: 2))
        #expect(summary.byQuestion["org_type"] == Disagreements.Rate(compared: 2, disagreed: 0))
        #expect(summary.byOperator["bakyt"] == Disagreements.Rate(compared: 2, disagreed: 1))
        #expect(summary.byOperator["dinara"] == Disagreements.Rate(compared: 3, disagreed: 1))
        #expect(summary.total == Disagreements.Rate(compared: 5, disagreed: 2))
        #expect(summary.forms == ["1", "2", "3"])
    }

    @Test func mergeOfPartsIsTheWhole() {
        var merged = Disagreements(Self.rows.prefix(2))
        merged.merge(Disagreements(Self.rows.dropFirst(2)))
        #expect(merged == Disagreements(Self.rows))
    }

    @Test func percentWithOneDecimal() {
        #expect(Disagreements.percent(2.0 / 3.0) == "66.7%")
        #expect(Disagreements.percent(0) == "0.0%")
        #expect(Disagreements.percent(1) == "100.0%")
    }

    @Test func tableInFormOrder() throws {
        let table = Disagreements(Self.rows).table(for: try EntryFixtures.feedback())
        #expect(table == [
            "question          compared  disagreed    rate",
            "org_type                 2          0    0.0%",
            "age                      3          2   66.7%",
            "all questions            5          2   40.0%",
            "",
            "operator          compared  disagreed    rate",
            "bakyt                    2          1   50.0%",
            "dinara                   3          1   33.3%",
        ])
    }
}
