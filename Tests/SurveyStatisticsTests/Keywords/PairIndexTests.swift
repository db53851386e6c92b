import Testing
@testable import SurveyStatistics

@Suite struct PairIndexTests {
    /// Pairs are ordered ((1, 2) is not (2, 1)), numbered from 0 in order of arrival, and keep
    /// their numbers while the table grows.
    @Test func numbersEachPairOnceInOrderOfArrival() {
        var index = PairIndex()
        var expected: [[Int32]: Int32] = [:]
        for first in Int32(0)..<70 {
            for second in Int32(0)..<70 where (first * 7 + second) % 3 != 0 {
                let (number, isNew) = index.number(first, second)
                #expect(isNew)
                #expect(number == Int32(expected.count))
                expected[[first, second]] = number
            }
        }
        #expect(index.count == expected.count)
        for (pair, number) in expected {
            let (found, isNew) = index.number(pair[0], pair[1])
            #expect(!isNew)
            #expect(found == number)
        }
        #expect(index.number(Int32.max, 0) == (Int32(expected.count), true))
        #expect(index.number(0, Int32.max) == (Int32(expected.count + 1), true))
    }
}
