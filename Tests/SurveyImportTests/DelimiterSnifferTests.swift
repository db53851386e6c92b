import Testing
@testable import SurveyImport

/// Guessing `,` `;` tab or `|` from the first lines.
@Suite struct DelimiterSnifferTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var delimiter: String
        var testDescription: String { name }
    }

    static let samples: [Sample] = [
        Sample(name: "comma", text: "a,b,c\n1,2,3\n", delimiter: ","),
        Sample(name: "semicolon with decimal commas", text: "a;b;c\n1;2,5;3\n4;0,5;6\n", delimiter: ";"),
        Sample(name: "tab with commas in values", text: "a\tb\tc\n1\tx, y\t3\n", delimiter: "tab"),
        Sample(name: "pipe", text: "a|b|c\n1|2|3\n", delimiter: "|"),
        Sample(name: "comma inside a quoted header", text: "\"Group work, Action Plan\";b\n1;2\n", delimiter: ";"),
        Sample(name: "rows agree on ; although the header has more commas", text: "q;a, b, c\n1;x\n2;y\n", delimiter: ";"),
        Sample(name: "quoted newline in the first rows", text: "a;b\n1;\"x\ny, z, w\"\n2;3\n", delimiter: ";"),
        Sample(name: "CRLF", text: "a;b\r\n1;2\r\n", delimiter: ";"),
        Sample(name: "one column falls back to comma", text: "answer\nyes\n", delimiter: ","),
        Sample(name: "empty falls back to comma", text: "", delimiter: ","),
    ]

    @Test(arguments: samples)
    func sniff(_ sample: Sample) {
        #expect(DelimiterSniffer.name(DelimiterSniffer.sniff(Array(sample.text.utf8)[...])) == sample.delimiter)
    }

    /// Through files: what the importer reports having used.
    @Test(arguments: [
        ("a;b;c\n1;2,5;3\n", ";"), ("a\tb\n1\t2\n", "tab"), ("a|b\n1|2\n", "|"), ("a,b\n1,2\n", ","),
    ] as [(String, String)])
    func sniffedFromAFile(_ text: String, _ delimiter: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("input.csv", text)
        let reader = CSVFileReader(path: path, encoding: nil, delimiter: nil)
        var records: [[String]] = []
        try reader.read { event in
            if case .record(let record, _) = event { records.append(record.strings) }
        }
        #expect(DelimiterSniffer.name(reader.delimiter) == delimiter)
        #expect(records.map(\.count) == [records[0].count, records[0].count])
        #expect(records[0].count >= 2)
    }

    /// Any one Unicode character works, `§`, `¦` and the full-width `；` too.
    @Test(arguments: [("tab", "\t"), ("\\t", "\t"), (";", ";"), ("semicolon", ";"), ("comma", ","), ("|", "|"),
                      ("§", "§"), ("¦", "¦"), ("；", "；")] as [(String, Unicode.Scalar)])
    func delimiterOption(_ text: String, _ delimiter: Unicode.Scalar) {
        #expect(ImportOptions.delimiter(text) == delimiter)
    }

    @Test(arguments: ["", ";;", "\"", "\n", "ab", "e\u{301}"])
    func badDelimiterOption(_ text: String) {
        #expect(ImportOptions.delimiter(text) == nil)
    }

    /// The usage error says how many characters the value has, and which.
    @Test(arguments: [
        ("ab", "not \"ab\": that is 2 characters (a, b)"),
        ("e\u{301}", "that is 2 characters (e, U+301)"),
        ("§§", "that is 2 characters (§, §)"),
        ("\"", "other than the quote"),
        ("", "--delimiter is empty"),
    ] as [(String, String)])
    func delimiterRefusal(_ text: String, _ expected: String) {
        #expect(ImportOptions.delimiterRefusal(text).contains(expected), "\(ImportOptions.delimiterRefusal(text))")
    }
}
