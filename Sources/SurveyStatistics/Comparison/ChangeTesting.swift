/// The tests of a change between two events, with the report's honest-test rules.
enum ChangeTesting {

    /// Mann–Whitney U of two events' ratings (counts per scale point).
    static func ratings(_ before: [Int], _ after: [Int]) -> (ChangeTest?, String?) {
        guard before.reduce(0, +) > 0, after.reduce(0, +) > 0 else { return (nil, EventChange.emptyReason) }
        guard let test = MannWhitneyU(first: before, second: after) else { return (nil, EventChange.sameRatingReason) }
        return (ChangeTest(method: .mannWhitney, p: test.p, u: test.u, z: test.z), nil)
    }

    /// Chi-square of the 2 × k table (events × answers), by the rules the report's cross-tabs
    /// follow (`AssociationTesting`): an event with fewer than 5 answers is not tested, empty
    /// answers are dropped, a sparse 2×2 gets Fisher's exact p, a larger sparse table Monte Carlo.
    static func distributions(_ before: [Int], _ after: [Int], names: [String], codes: [String], questionID: String) -> (ChangeTest?, String?) {
        let outcome = AssociationTesting.run(counts: [before, after], rowTotals: [before.reduce(0, +), after.reduce(0, +)],
                                             rowQuestion: "event", rowCodes: names, columnCodes: codes,
                                             minimum: StatisticsOptions.defaultSmallCategoryMinimum)
        guard let test = outcome.test else {
            if before.reduce(0, +) == 0 || after.reduce(0, +) == 0 { return (nil, EventChange.emptyReason) }
            if !outcome.leftOut.isEmpty { return (nil, EventChange.fewAnswersReason) }
            return (nil, EventChange.oneAnswerReason)
        }
        let method: ChangeTest.Method = switch test.pMethod {
        case .chiSquare: .chiSquare
        case .fisherExact: .fisherExact
        case .monteCarlo: .monteCarlo
        }
        return (ChangeTest(method: method, p: test.p, association: test), nil)
    }
}
