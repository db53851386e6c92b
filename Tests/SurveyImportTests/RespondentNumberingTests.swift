import Testing
@testable import SurveyImport

/// Which ids count as numbers when fresh ids are made up after them.
@Suite struct RespondentNumberingTests {
    @Test(arguments: [
        ("1", 1), ("0042", 42), ("999999999999999999", 999_999_999_999_999_999),
    ] as [(String, Int)])
    func numericIds(_ id: String, _ value: Int) {
        #expect(RespondentNumbering.number(id.utf8) == value)
    }

    @Test(arguments: ["", "A-17", "line-4", "-3", "+3", "1e3", "3.0", " 3", "1000000000000000000", "٣"])
    func otherIds(_ id: String) {
        #expect(RespondentNumbering.number(id.utf8) == nil)
    }

    @Test func highestAndLowestFresh() {
        var numbering = RespondentNumbering()
        for id in ["3", "A-90", "12", "7"] { numbering.note(id) }
        #expect(numbering.highest == 12)
        #expect(numbering.lowestFresh == nil)
        numbering.madeUp(14)
        numbering.madeUp(13)
        #expect(numbering.lowestFresh == 13)
    }
}
