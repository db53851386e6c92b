import SurveyModel
@testable import SurveyStatistics
import Testing

/// `EventComparer` on the three fixture events (Tests/Fixtures/compare/), each read by
/// `SurveyAnalysis.run` as `survey stats` reads it; every figure against scipy's.
@Suite struct EventComparerTests {
    static let keys = ["kashkasuu", "bishkek", "osh"]

    static func comparison(_ keys: [String] = keys) throws -> (EventComparison, CompareExpected) {
        let expected = try CompareExpected.load()
        let questionnaire = try QuestionnaireLoader.load(path: CompareExpected.path("feedback-series.yaml"))
        var options = StatisticsOptions()
        options.top = Int.max
        let inputs = try keys.map { key in
            let event = expected.events[Self.keys.firstIndex(of: key)!]
            let file = CompareExpected.path("responses-\(key).csv")
            let (results, _) = try SurveyAnalysis.run(questionnaire: questionnaire, files: [file], options: options)
            return EventComparer.Input(name: event.name, date: event.date, participants: event.participants, files: [file], results: results)
        }
        return (EventComparer.compare(inputs, questionnaire: questionnaire), expected)
    }

    @Test func eventsCarryResponsesRatesAndProblems() throws {
        let (comparison, expected) = try Self.comparison()
        #expect(comparison.events.map(\.name) == expected.events.map(\.name))
        for (event, oracle) in zip(comparison.events, expected.events) {
            #expect(event.responses == oracle.responses)
            #expect(event.responseRate == Double(oracle.responses) / Double(oracle.participants) * 100)
        }
        // Osh's rating of 7 is outside the scale: a problem, counted, and left out of n.
        #expect(comparison.events.map(\.dataQuality.problems) == [0, 0, 1])
        #expect(comparison.events[2].dataQuality.problemsByKind.values.reduce(0, +) == 1)
    }

    @Test func ratingFiguresMatchScipy() throws {
        let (comparison, expected) = try Self.comparison()
        let usefulness = try #require(comparison.questions.first { $0.id == "usefulness" })
        #expect(usefulness.codes == ["1", "2", "3", "4", "5"])
        for (figures, oracle) in zip(usefulness.events, expected.events.map(\.usefulness)) {
            #expect(figures.n == oracle.n)
            #expect(figures.distribution.map(\.count) == oracle.counts)
            let top = try #require(figures.topTwoBox)
            #expect(try #require(top.percent).isApproximatelyEqual(to: oracle.top2))
            #expect(try #require(top.ciLow).isApproximatelyEqual(to: oracle.top2_ci[0], relativeTolerance: 1e-9))
            #expect(try #require(top.ciHigh).isApproximatelyEqual(to: oracle.top2_ci[1], relativeTolerance: 1e-9))
            let mean = try #require(figures.mean)
            #expect(mean.mean.isApproximatelyEqual(to: oracle.mean))
            #expect(try #require(mean.standardDeviation).isApproximatelyEqual(to: oracle.sd))
            #expect(try #require(mean.ciLow).isApproximatelyEqual(to: oracle.mean_ci[0], relativeTolerance: 1e-9))
            #expect(try #require(mean.ciHigh).isApproximatelyEqual(to: oracle.mean_ci[1], relativeTolerance: 1e-9))
        }
    }

    /// Three events: the second is compared with the first; the third with the second
    /// (previous) and with the first.
    @Test func changesAreTestedAgainstPreviousAndFirst() throws {
        let (comparison, expected) = try Self.comparison()
        let usefulness = try #require(comparison.questions.first { $0.id == "usefulness" })
        #expect(usefulness.changes.map { "\($0.from)>\($0.to):\($0.baseline.rawValue)" } == [
            "Kashkasuu 2013-01>Bishkek 2013-03:previous", "Bishkek 2013-03>Osh 2013-06:previous", "Kashkasuu 2013-01>Osh 2013-06:first",
        ])
        let keys = ["kashkasuu-bishkek", "bishkek-osh", "kashkasuu-osh"]
        for (change, key) in zip(usefulness.changes, keys) {
            let oracle = try #require(expected.pairs[key])
            let test = try #require(change.test)
            #expect(test.method == .mannWhitney)
            #expect(test.u == oracle.mann_whitney.u)
            #expect(test.p.isApproximatelyEqual(to: oracle.mann_whitney.p, relativeTolerance: 1e-9))
            #expect(change.measure == .topTwoBox)
        }
        #expect(usefulness.changes.map(\.isSignificant) == [false, true, false])

        let org = try #require(comparison.questions.first { $0.id == "org_type" })
        for (change, key) in zip(org.changes, keys) {
            let oracle = try #require(expected.pairs[key]).org_type
            let test = try #require(change.test)
            #expect(test.method == .chiSquare)
            let association = try #require(test.association)
            #expect(association.chiSquare.isApproximatelyEqual(to: oracle.chi_square, relativeTolerance: 1e-9))
            #expect(association.degreesOfFreedom == oracle.df)
            #expect(test.p.isApproximatelyEqual(to: oracle.p, relativeTolerance: 1e-9))
        }

        // Few "no" answers: a sparse 2×2, so Fisher's exact p, as the report's cross-tabs do.
        let again = try #require(comparison.questions.first { $0.id == "attend_again" })
        for (change, key) in zip(again.changes, keys) {
            let oracle = try #require(expected.pairs[key]).attend_again
            let test = try #require(change.test)
            #expect(test.method.rawValue == oracle.method)
            #expect(test.p.isApproximatelyEqual(to: oracle.p, relativeTolerance: 1e-9))
            #expect(change.code == "yes")
        }

        // Multiple choice: shares shown, not tested.
        let sessions = try #require(comparison.questions.first { $0.id == "sessions" })
        #expect(sessions.events.map { $0.distribution.map(\.count) } == expected.events.map(\.sessions))
        #expect(sessions.changes.allSatisfy { $0.test == nil && $0.noTestReason == EventChange.multipleChoiceReason })
    }

    @Test func keywordSharesPerEvent() throws {
        let (comparison, expected) = try Self.comparison()
        let improve = try #require(comparison.texts.first { $0.id == "improve" })
        #expect(improve.answered == expected.events.map(\.improve_answered))
        let time = try #require(improve.keywords.first { $0.id == "time" })
        #expect(time.shares.map(\.count) == expected.events.map(\.improve_time))
        #expect(time.shares.map(\.base) == expected.events.map(\.improve_answered))
    }

    /// An event with fewer than 5 answers is not tested, as a group that small is left out of
    /// a cross-tab's test.
    @Test func tooFewAnswersAreNotTested() throws {
        let (results, _) = try Self.comparison(["kashkasuu", "bishkek"])
        #expect(results.questions.allSatisfy { $0.changes.count == 1 })
        let small = ChangeTesting.distributions([3, 1, 0], [10, 12, 6], names: ["a", "b"], codes: ["x", "y", "z"], questionID: "q")
        #expect(small.0 == nil)
        #expect(small.1 == EventChange.fewAnswersReason)
    }
}

extension EventComparerTests {
    /// The definition's themes, counted per event (`ThemeTable`) and shared out of the event's
    /// answering respondents.
    @Test func themeSharesPerEvent() throws {
        let (comparison, expected) = try Self.comparison()
        let improve = try #require(comparison.texts.first { $0.id == "improve" })
        #expect(improve.themes.map(\.id) == ["more_time", "materials"])
        #expect(improve.themes[0].shares.map(\.count) == expected.events.map(\.improve_time))
        #expect(improve.themes[1].shares.map(\.count) == expected.events.map(\.improve_materials))
        #expect(improve.themes[0].shares.map(\.base) == expected.events.map(\.improve_answered))
        #expect(improve.themes[0].labels["ru"] == "Больше времени на обсуждение")
        #expect(try #require(improve.themes[0].shares[0].percent).isApproximatelyEqual(to: 12.0 / 18 * 100))
    }
}
