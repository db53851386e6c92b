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
        #expect(summary.byQuestion["age"] == Disagreements.Rate(compared: 3, disagreed: 1, completed: 1))
        #expect(summary.byQuestion["org_type"] == Disagreements.Rate(compared: 2, disagreed: 0))
        #expect(summary.byOperator[Disagreements.firstEntry] == Disagreements.Errors(entered: 5, errors: 0))
        #expect(summary.byOperator["bakyt"] == Disagreements.Errors(entered: 2, errors: 1))
        #expect(summary.byOperator["dinara"] == Disagreements.Errors(entered: 3, errors: 0))
        #expect(summary.total == Disagreements.Rate(compared: 5, disagreed: 1, completed: 1))
        #expect(summary.forms == ["1", "2", "3"])
    }

    /// Each difference goes to the entry that is not what the paper says: the first, the
    /// second, or both when the paper shows a third answer; an illegible paper charges nobody,
    /// and a blank first entry filled by the second is completed, not an error.
    @Test func eachDifferenceIsChargedToTheEntryThatDiffersFromThePaper() {
        func row(_ first: String, _ second: String, _ resolved: String, illegible: Bool = false) -> Comparison {
            var comparison = Comparison(respondent: "7", questionID: "age", first: first, second: second, resolved: resolved, operatorName: "b")
            comparison.resolvedIllegible = illegible
            return comparison
        }
        #expect(row("34", "43", "43").outcome == .differed(firstWrong: true, secondWrong: false))
        #expect(row("34", "43", "34").outcome == .differed(firstWrong: false, secondWrong: true))
        #expect(row("34", "43", "35").outcome == .differed(firstWrong: true, secondWrong: true))
        #expect(row("", "43", "43").outcome == .completed)
        #expect(row("", "43", "43").isDisagreement == false)
        #expect(row("", "43", "").outcome == .differed(firstWrong: false, secondWrong: true))
        #expect(row("34", "", "34").outcome == .differed(firstWrong: false, secondWrong: true))
        #expect(row("34", "43", "", illegible: true).outcome == .illegible)
        #expect(row("34", "34", "34").outcome == .agreed)
        let summary = Disagreements([row("34", "43", "43"), row("34", "43", "35"), row("", "4", "4"), row("3", "4", "", illegible: true)])
        #expect(summary.byOperator[Disagreements.firstEntry] == Disagreements.Errors(entered: 4, errors: 2))
        #expect(summary.byOperator["b"] == Disagreements.Errors(entered: 4, errors: 1))
        #expect(summary.byQuestion["age"] == Disagreements.Rate(compared: 4, disagreed: 2, completed: 1))
    }

    /// A trailing period, a doubled space: the differing characters are marked.
    @Test func differingCharactersOfTwoTextsAreMarked() throws {
        let period = try #require(TextDifference("More time for discussion", "More time for discussion."))
        #expect(period.first == "More time for discussion⟦⟧")
        #expect(period.second == "More time for discussion⟦.⟧")
        let space = try #require(TextDifference("Group work", "Group  work"))
        #expect(space.first == "Group ⟦⟧work")
        #expect(space.second == "Group ⟦␣⟧work")
        let word = try #require(TextDifference("Больше времени", "Меньше времени"))
        #expect(word.first == "⟦Бол⟧ьше времени")
        #expect(TextDifference("yes", "no") == nil)
        #expect(TextDifference("same", "same") == nil)
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
            "question          compared  disagreed  completed    rate",
            "org_type                 2          0          0    0.0%",
            "age                      3          1          1   33.3%",
            "all questions            5          1          1   20.0%",
            "",
            "operator           answers  errors    rate  95% interval",
            "(first entry)            5       0    0.0%  0.0–43.4%",
            "bakyt                    2       1   50.0%  9.5–90.5%",
            "dinara                   3       0    0.0%  0.0–56.1%",
        ])
    }
}
