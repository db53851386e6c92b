import Testing
@testable import SurveyEntry

/// Record boundaries in the files survey writes.
struct CanonicalCSVTests {
    func scan(_ text: String) -> CanonicalCSV.Scan {
        CanonicalCSV.scan(Array(text.utf8))
    }

    @Test func fieldsQuotesAndLineEnds() {
        let found = scan("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\n\"two\nlines\",\n")
        #expect(found.records.map(\.fields) == [["a", "b"], ["x,1", "say \"hi\""], ["two\nlines", ""]])
        #expect(found.records.map(\.line) == [1, 2, 3])
        #expect(found.records.map(\.nextLine) == [2, 3, 5])
        #expect(found.tail == nil)
        #expect(found.lines == 4)
    }

    @Test func textWithoutLineEndIsATail() {
        let found = scan("a,b\n1,2\n3,")
        #expect(found.records.count == 2)
        #expect(found.tail == 8)
    }

    @Test func lineEndInsideAnOpenQuoteIsATail() {
        let found = scan("a,b\n1,\"open\n")
        #expect(found.records.count == 1)
        #expect(found.tail == 4)
    }

    @Test func offsetsAndLinesCountFromTheGivenStart() {
        let found = CanonicalCSV.scan(Array("1,2\n3,4\n".utf8), base: 100, firstLine: 7)
        #expect(found.records.map(\.start) == [100, 104])
        #expect(found.records.map(\.end) == [104, 108])
        #expect(found.records.map(\.line) == [7, 8])
    }
}
