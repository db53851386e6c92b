import Testing
@testable import SurveyReport

/// The terminal tables of `survey stats`: one huge cell must not make rendering quadratic or
/// widen every row (issue 8: a 128,000-character word took 79 s).
@Suite struct TextTableTests {
    @Test func columnsAlignAndTrailingSpacesGo() {
        var table = TextTable(header: ["keyword", "answers"], numeric: [1])
        table.add(["seminar", "12"])
        table.add(["good", "3"])
        #expect(table.render() == "  keyword  answers\n  seminar       12\n  good           3\n")
        var labels = TextTable(header: ["code", "label"], numeric: [])
        labels.add(["a", "x"])
        #expect(labels.render() == "  code  label\n  a     x\n")
    }

    @Test func aHugeCellIsClippedAndRenderedInLinearTime() {
        var table = TextTable(header: ["keyword", "answers", "occurrences"], numeric: [1, 2])
        table.add([String(repeating: "a", count: 128_000), "1", "1"])
        for word in ["good", "seminar", "useful"] { table.add([word, "28", "28"]) }
        let started = ContinuousClock.now
        let text = table.render()
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(text.split(separator: "\n")[1] == "  " + String(repeating: "a", count: 63) + "…        1            1")
        #expect(text.utf8.count < 500)
    }

    @Test(arguments: [("short", 64, "short"), ("abcdef", 5, "abcd…"), ("abcde", 5, "abcde"), ("ёжик-ёжик", 4, "ёжи…")] as [(String, Int, String)])
    func clip(_ cell: String, _ limit: Int, _ clipped: String) {
        #expect(TextTable.clip(cell, to: limit) == clipped)
    }
}
