import Foundation
import Testing
@testable import SurveyEntry

/// Cohen's kappa per theme for two coders, checked against scikit-learn's `cohen_kappa_score`
/// (Tests/Fixtures/coding/kappa-oracle.py wrote agreement-expected.csv).
struct ThemeAgreementTests {
    static let fixtures = EntryFixtures.repoRoot.appendingPathComponent("Tests/Fixtures/coding").path
    static let themes = ["more_time", "speakers", "venue", "food", "online", "translation"]

    static func agreement() throws -> ThemeAgreement {
        let anna = try #require(try CodesJournal.existing(path: fixtures + "/agreement-anna.codes.csv"))
        let boris = try #require(try CodesJournal.existing(path: fixtures + "/agreement-boris.codes.csv"))
        return ThemeAgreement(question: "improve", themes: Array(themes.prefix(5)), first: anna.codes(question: "improve"), second: boris.codes(question: "improve"))
    }

    @Test func matchesScikitLearnPerThemeAndOverall() throws {
        let agreement = try Self.agreement()
        let expected = EntryFixtures.text(of: Self.fixtures + "/agreement-expected.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        let rows = agreement.rows + [agreement.overall]
        #expect(rows.map(\.theme) == expected.map { $0[0] })
        for (row, want) in zip(rows, expected) {
            #expect(row.n == Int(want[1]), "\(row.theme)")
            #expect(abs(row.percent! - Double(want[2])!) < 1e-9, "\(row.theme)")
            if want[3] == "undefined" {
                #expect(row.kappa == nil, "\(row.theme)")
            } else {
                let kappa = try #require(row.kappa, "\(row.theme)")
                #expect(abs(kappa - Double(want[3])!) < 1e-9, "\(row.theme): \(kappa) vs \(want[3])")
            }
        }
        #expect(agreement.answers == 22)
        #expect(agreement.onlyFirst == 1)
        #expect(agreement.onlySecond == 1)
    }

    @Test func kappaIsUndefinedWhenBothCodersAlwaysAgreeOnOneValue() {
        let never = ThemeAgreement(question: "q", themes: ["a"], first: ["1": [], "2": []], second: ["1": [], "2": []])
        #expect(never.rows[0].kappa == nil)
        #expect(never.rows[0].percent == 100)
        let always = ThemeAgreement(question: "q", themes: ["a"], first: ["1": ["a"], "2": ["a"]], second: ["1": ["a"], "2": ["a"]])
        #expect(always.rows[0].kappa == nil)
        let table = always.table(first: "anna", second: "boris").joined(separator: "\n")
        #expect(table.contains("undefined: both coders gave every answer the same value (always this theme)"), "\(table)")
        #expect(!table.lowercased().contains("nan"))
        // One coder constant, the other not: defined (0, as scikit-learn says).
        let oneSided = ThemeAgreement(question: "q", themes: ["a"], first: ["1": ["a"], "2": []], second: ["1": [], "2": []])
        #expect(oneSided.rows[0].kappa == 0)
    }

    @Test func perfectAndOppositeCoders() {
        let perfect = ThemeAgreement(question: "q", themes: ["a"], first: ["1": ["a"], "2": []], second: ["1": ["a"], "2": []])
        #expect(perfect.rows[0].kappa == 1)
        let opposite = ThemeAgreement(question: "q", themes: ["a"], first: ["1": ["a"], "2": []], second: ["1": [], "2": ["a"]])
        #expect(opposite.rows[0].kappa == -1)
        #expect(opposite.identical == 0)
    }
}
