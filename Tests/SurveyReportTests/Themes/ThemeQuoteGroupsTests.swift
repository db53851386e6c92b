import SurveyModel
@testable import SurveyReport
@testable import SurveyStatistics
import Testing

/// The answers grouped under each theme: themes in the table's order, the answers with no theme
/// last, an answer with two themes under both, and no guessing when the quotes were cut.
@Suite struct ThemeQuoteGroupsTests {
    static func quote(_ respondent: String, _ text: String) -> TextSummary.Quote {
        TextSummary.Quote(respondent: respondent, text: text)
    }

    static let time = quote("1", "More time"), both = quote("2", "More time, shorter lunch"), lunch = quote("3", "Shorter lunch"),
               nothing = quote("4", "Nothing"), other = quote("5", "Fine")

    static func table(timeQuotes: [TextSummary.Quote], timeCount: Int = 2) -> ThemeTable {
        ThemeTable(rows: [
            .init(id: "time", label: LocalizedText(translations: [("en", "More time"), ("ru", "Больше времени")]), count: timeCount, quotes: timeQuotes),
            .init(id: "lunch", label: LocalizedText("Lunch"), count: 2, quotes: [both, lunch]),
            .init(id: "unused", label: LocalizedText("Nobody"), count: 0),
        ], answered: 5 + (timeCount - 2), uncoded: 2, mentions: timeCount + 2)
    }

    static func summary(_ quotes: [TextSummary.Quote]) -> TextSummary {
        TextSummary(answersWithWords: quotes.count, keywords: [], phrases: [], quotes: quotes, answered: quotes.count)
    }

    @Test func themesInTableOrderThenNoTheme() {
        let groups = ThemeQuoteGroups(table: Self.table(timeQuotes: [Self.time, Self.both]), text: Self.summary([Self.time, Self.both, Self.lunch, Self.nothing, Self.other]),
                                      phrases: ReportPhrases(.english)).groups
        #expect(groups.map(\.title) == ["More time", "Lunch", "No theme"])
        #expect(groups.map(\.count) == [2, 2, 2])
        #expect(groups[0].quotes == [Self.time, Self.both] && groups[1].quotes == [Self.both, Self.lunch])
        #expect(groups[2].quotes == [Self.nothing, Self.other])
    }

    @Test func labelsFollowTheReportLanguage() {
        let groups = ThemeQuoteGroups(table: Self.table(timeQuotes: [Self.time, Self.both]), text: nil, phrases: ReportPhrases(.russian)).groups
        #expect(groups.map(\.title) == ["Больше времени", "Lunch", "Без темы"])
        #expect(groups[2].quotes.isEmpty)
    }

    /// With `--quotes 1` a theme keeps fewer quotes than answers: an answer missing from every
    /// theme's quotes may still have a theme, so the no-theme group gives its count only.
    @Test func cutQuotesLeaveTheNoThemeGroupWithoutQuotes() {
        let groups = ThemeQuoteGroups(table: Self.table(timeQuotes: [Self.both], timeCount: 3), text: Self.summary([Self.time, Self.both, Self.lunch, Self.nothing]),
                                      phrases: ReportPhrases(.english)).groups
        #expect(groups.last?.title == "No theme" && groups.last?.count == 2)
        #expect(groups.last?.quotes.isEmpty == true)
    }
}
