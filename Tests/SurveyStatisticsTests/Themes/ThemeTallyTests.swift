import Foundation
import SurveyImport
import SurveyModel
@testable import SurveyStatistics
import Testing

/// Issue 15: theme tables with the exact counts, percentages and Wilson intervals summed from
/// the fixture's hand annotation, with and without hand codes; merged chunks equal the whole.
@Suite struct ThemeTallyTests {
    static func results(codes: ThemeCodes?, crossTabs: [CrossTabPair] = []) throws -> SurveyResults {
        let questionnaire = try ThemeFixture.questionnaire()
        var options = StatisticsOptions(crossTabs: crossTabs.isEmpty ? questionnaire.report.crosstabs : crossTabs)
        options.themeCodes = codes
        return try SurveyAnalysis.run(questionnaire: questionnaire, files: [ThemeFixture.path("seminar-comments.csv")], options: options).results
    }

    @Test(arguments: ["none", "hand"])
    func themeTablesMatchTheHandCheckedCounts(_ mode: String) throws {
        let results = try Self.results(codes: mode == "hand" ? try ThemeFixture.codes() : nil)
        let expected = try ThemeFixture.rows("expected-counts.csv").filter { $0["codes"] == mode }
        for question in ["improve", "comments"] {
            let table = try #require(results.questions.first { $0.id == question }?.themes)
            let rows = expected.filter { $0["question"] == question }
            #expect(table.rows.map(\.id) == rows.map { $0["theme"]! })
            for (row, want) in zip(table.rows, rows) {
                #expect(row.count == Int(want["count"]!))
                #expect(table.answered == Int(want["answered"]!))
                #expect(abs(row.percent! - Double(want["percent"]!)!) < 1e-9, "\(row.id)")
                #expect(abs(row.ciLow! - Double(want["ci_low"]!)!) < 1e-9, "\(row.id)")
                #expect(abs(row.ciHigh! - Double(want["ci_high"]!)!) < 1e-9, "\(row.id)")
            }
            let totals = try #require(try ThemeFixture.rows("expected-totals.csv").first { $0["codes"] == mode && $0["question"] == question })
            #expect(table.uncoded == Int(totals["uncoded"]!))
            #expect(table.handCoded == Int(totals["hand_coded"]!))
            #expect(table.mentions == Int(totals["mentions"]!))
        }
        let improve = try #require(results.questions.first { $0.id == "improve" }?.themes)
        if mode == "hand" {
            #expect(improve.rows.last?.label == LocalizedText("Practical examples, cases"), "the coder-added theme keeps its label")
        }
    }

    @Test(arguments: ["none", "hand"], [false, true])
    func themeCrossTabsCountRespondentsWhoAnsweredBoth(_ mode: String, themesAsColumns: Bool) throws {
        let pair = themesAsColumns ? CrossTabPair(row: "org_type", column: "improve#themes") : CrossTabPair(row: "improve#themes", column: "org_type")
        let results = try Self.results(codes: mode == "hand" ? try ThemeFixture.codes() : nil, crossTabs: [pair])
        let tab = try #require(results.crossTabs.first)
        #expect(tab.isMultipleResponse)
        #expect(tab.total == 47)
        #expect(tab.rowQuestion == pair.row && tab.columnQuestion == pair.column)
        let orgs = ["gov", "ngo", "intl", "academia", "media"]
        for row in try ThemeFixture.rows("expected-crosstab.csv") where row["codes"] == mode {
            let theme = row["theme"]!, org = row["org_type"]!
            let count = themesAsColumns
                ? tab.counts[try #require(orgs.firstIndex(of: org))][try #require(tab.columnCodes.firstIndex(of: theme))]
                : tab.counts[try #require(tab.rowCodes.firstIndex(of: theme))][try #require(orgs.firstIndex(of: org))]
            #expect(count == Int(row["count"]!), "\(theme) × \(org)")
            let orgTotal = themesAsColumns ? tab.rowTotals[orgs.firstIndex(of: org)!] : tab.columnTotals[orgs.firstIndex(of: org)!]
            #expect(orgTotal == Int(row["org_type_answered"]!), "answerers of the text question from \(org), with or without a theme")
        }
        let label = try #require(results.crossTabQuestion(pair.row == "org_type" ? pair.column : pair.row))
        #expect(label.categories.first?.label.text(in: "en") == "More time for discussion")
    }

    /// Counting the responses in chunks and merging gives the whole's tables and cross-tab,
    /// hand codes and quotes included (the parts of `--jobs`).
    @Test(arguments: [0, 1, 17, 24, 49])
    func chunksMergeIntoTheWhole(rowsInFirstChunk: Int) throws {
        let questionnaire = try ThemeFixture.questionnaire()
        var options = StatisticsOptions(crossTabs: questionnaire.report.crosstabs, quotes: .longest(3))
        options.themeCodes = try ThemeFixture.codes()
        let responses = try ThemeFixture.responses(questionnaire)
        #expect(responses.count == 50)
        func tally(_ part: some Sequence<Response>) throws -> SurveyTally {
            var tally = try SurveyTally(questionnaire: questionnaire, options: options)
            for response in part { tally.add(response) }
            return tally
        }
        var merged = try tally(responses.prefix(rowsInFirstChunk))
        merged.merge(try tally(responses.dropFirst(rowsInFirstChunk)))
        let whole = try tally(responses)
        #expect(merged.results().questions.map(\.themes) == whole.results().questions.map(\.themes))
        #expect(merged.results().crossTabs == whole.results().crossTabs)
        #expect(merged.unknownCodedRespondents.isEmpty)
        let more = try #require(whole.results().questions[1].themes?.rows.first)
        #expect(more.quotes.count == 3, "the 3 longest answers with the theme")
        // Respondent 39's answer has the theme by hand (its "lunch" takes it away by the rules).
        #expect(more.quotes.first?.text == "Less presentations, more time to talk; the lunch was great")
    }

    @Test func aCodeForARespondentTheDataLacksIsAnError() throws {
        let questionnaire = try ThemeFixture.questionnaire()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("unknown-\(UUID().uuidString).codes.csv")
        try Data("respondent,question,themes,coder,coded_at\n7,improve,venue,aigul,2026-11-30T03:15:00+06:00\n99,improve,venue,aigul,2026-11-30T03:16:00+06:00\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var options = StatisticsOptions()
        options.themeCodes = try ThemeCodes.read(from: url)
        do {
            _ = try SurveyAnalysis.run(questionnaire: questionnaire, files: [ThemeFixture.path("seminar-comments.csv")], options: options)
            Issue.record("a code for respondent 99 of 50 passed")
        } catch {
            #expect(error.localizedDescription.contains(".codes.csv:3:1: error: respondent `99` is not in"), "\(error.localizedDescription)")
        }
    }
}
