import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Encodings, bytes and terminals, end to end on the built binary (docs/safety.md): bad bytes
/// are listed and never spread, encodings are detected with evidence or asked for, and no
/// control, bidi or zero-width character from a file reaches the terminal or a report raw.
@Suite struct BytesAndTerminalTests {
    /// C0 (but LF), DEL, C1, and the bidi embeddings, overrides and isolates.
    static func raw(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
    }

    // MARK: Encodings

    /// One 0xFF in a UTF-8 file: read as UTF-8, every other Cyrillic answer intact, one
    /// problem naming line, column, question and the byte.
    @Test func oneBadByteDoesNotSwitchTheWholeFile() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-utf8-one-bad-byte.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "out.csv")
        #expect(result.status == 0, "\(result)")
        #expect(dir.bytes("out.csv") == (try Fixture.bytes("responses-utf8-one-bad-byte-expected.csv")))
        #expect(dir.text("out.csv")?.contains("Мало практической информации о законе о миграции") == true)
        #expect(result.stderr.contains("read as utf-8, delimiter ,"), "\(result)")
        #expect(result.stderr.contains("1 byte sequence on line 3 is not valid UTF-8"), "\(result)")
        #expect(result.stderr.contains("1 problem: invalid_encoding 1."), "\(result)")
        let problems = parseCSV(dir.text("out.problems.csv") ?? "")
        #expect(problems.count == 2)
        #expect(problems.last?.prefix(7) == [input, "3", "10", "102", "improve", "Боль\u{FFFD}ше времени на работу в группах", "invalid_encoding"])
        #expect(problems.last?.last?.hasPrefix("byte FF at character 5 is not valid UTF-8") == true)
    }

    /// The first 1.1 MiB is UTF-8, the rest Windows-1251: noticed, reported cell by cell and
    /// with a note on where the tail starts and how to read it.
    @Test func windows1251TailAfterTheFirstMiB() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        var bytes = Array("respondent,org_type,improve\n".utf8)
        var rows = 0
        while bytes.count < 1_150_000 {
            rows += 1
            bytes += Array("\(rows),gov,Больше времени на работу в группах\n".utf8)
        }
        // "Раздавать материалы" in Windows-1251.
        let tail: [UInt8] = [0xD0, 0xE0, 0xE7, 0xE4, 0xE0, 0xE2, 0xE0, 0xF2, 0xFC, 0x20, 0xEC, 0xE0, 0xF2, 0xE5, 0xF0, 0xE8, 0xE0, 0xEB, 0xFB]
        for offset in 1...2 { bytes += Array("\(rows + offset),ngo,".utf8) + tail + [0x0A] }
        try Data(bytes).write(to: dir.url.appendingPathComponent("joined.csv"))
        let result = try dir.run("import", Fixture.feedback, "joined.csv", "--into", "out.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("joined.csv: bytes after line \(rows + 1) are not UTF-8: 36 byte sequences on lines \(rows + 2)–\(rows + 3) (2 lines)"), "\(result)")
        #expect(result.stderr.contains("They look like windows-1251"), "\(result)")
        #expect(result.stderr.contains("split the file after line \(rows + 1) and import the rest with --encoding windows-1251"), "\(result)")
        #expect(result.stderr.contains("2 problems: invalid_encoding 2."), "\(result)")
        let problems = parseCSV(dir.text("out.problems.csv") ?? "")
        #expect(problems.dropFirst().map { $0[1] } == ["\(rows + 2)", "\(rows + 3)"])
        #expect(problems.last?.last?.contains("read as windows-1251, the cell says `Раздавать материалы`") == true, "\(problems)")
        let written = parseCSV(dir.text("out.csv") ?? "")
        #expect(written.count == rows + 3)
        #expect(written[1][9] == "Больше времени на работу в группах")
    }

    @Test(arguments: ["responses-utf16le-no-bom.csv", "responses-utf32le-no-bom.csv"])
    func wideEncodingsWithoutAByteOrderMark(_ fixture: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: fixture)
        let result = try dir.run("import", Fixture.feedback, input, "--into", "out.csv")
        #expect(result.status == 0, "\(result)")
        #expect(dir.bytes("out.csv") == (try Fixture.bytes("responses-expected.csv")))
        #expect(result.stderr.contains("(no byte order mark, but "), "\(result)")
    }

    /// Latin-1 is not Windows-1251: the command says what the bytes look like, asks for
    /// `--encoding` and writes nothing; with it, the answers are read as written.
    @Test func latin1AsksForTheEncoding() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-latin1.csv")
        let refused = try dir.run("import", Fixture.feedback, input, "--into", "out.csv")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("responses-latin1.csv: error: cannot tell the file's encoding: the bytes look like Latin-1 (or Windows-1252), not Windows-1251"), "\(refused)")
        #expect(refused.stderr.contains("Name the encoding: --encoding windows-1252 (or latin-1)"), "\(refused)")
        #expect(dir.listing() == [input], "nothing written")
        let read = try dir.run("import", Fixture.feedback, input, "--encoding", "latin-1", "--into", "out.csv")
        #expect(read.status == 0, "\(read)")
        #expect(dir.bytes("out.csv") == (try Fixture.bytes("responses-latin1-expected.csv")))
    }

    /// A NUL byte is a problem with its line and column and never reaches an output file.
    @Test func nulByteIsListedNeverWritten() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-nul-byte.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "out.csv")
        #expect(result.status == 0, "\(result)")
        #expect(dir.bytes("out.csv") == (try Fixture.bytes("responses-nul-byte-expected.csv")))
        for file in ["out.csv", "out.problems.csv"] {
            #expect(dir.bytes(file)?.contains(0) == false, "\(file) holds a NUL")
        }
        #expect(parseCSV(dir.text("out.problems.csv") ?? "").last?.prefix(7) == [input, "2", "10", "101", "improve", "More time\u{FFFD} for discussion, please.", "nul_byte"])
        #expect(!result.stderr.unicodeScalars.contains("\u{0}"))
    }

    // MARK: Delimiters

    @Test func excelSepLineIsNotAHeader() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-sep-line.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "out.csv")
        #expect(result.status == 0, "\(result)")
        #expect(dir.bytes("out.csv") == (try Fixture.bytes("responses-expected.csv")))
        #expect(result.stderr.contains("read as utf-8, delimiter ; (declared by the first line, sep=;)"), "\(result)")
    }

    @Test func anyOneCharacterIsADelimiter() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-section-sign.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--delimiter", "§", "--into", "out.csv")
        #expect(result.status == 0, "\(result)")
        #expect(dir.bytes("out.csv") == (try Fixture.bytes("responses-section-sign-expected.csv")))
        #expect(result.stderr.contains("read as utf-8, delimiter §"), "\(result)")
        let refused = try dir.run("import", Fixture.feedback, input, "--delimiter", "§§")
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("--delimiter must be one character (, ; | § …) or `tab`, not \"§§\": that is 2 characters (§, §)"), "\(refused)")
    }

    // MARK: Terminals

    /// ESC in a header, an id and a cell (and in the file's name): every message shows
    /// `\u{1B}`, and stderr holds no raw ESC or BEL byte.
    @Test func escapeSequencesNeverReachTheTerminal() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-escape-sequences.csv", as: "in\u{1B}[2J.csv")
        let result = try dir.run("import", Fixture.feedback, input)
        #expect(result.status == 0, "\(result)")
        #expect(!Array(result.stderr.utf8).contains(0x1B), "raw ESC on stderr")
        #expect(!Array(result.stderr.utf8).contains(0x07), "raw BEL on stderr")
        #expect(result.stderr.contains("in\\u{1B}[2J.csv:2:3: role (respondent 7\\u{1B}[31m): `head\\u{1B}]0;pwned\\u{7}` is not one of the choices"), "\(result)")
        #expect(result.stderr.contains("matched no question and was ignored: note\\u{1B}[2J\\u{1B}[H"), "\(result)")
    }

    /// U+202E (right-to-left override) in a value: visible in messages, and neutralized in
    /// the report's Markdown and HTML (shown as `\u{202E}`, so it cannot reverse what follows).
    @Test func bidiOverrideIsShownAndNeutralized() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.copy(fixture: "responses-bidi-override.csv")
        let imported = try dir.run("import", Fixture.feedback, input)
        #expect(imported.stderr.contains("`spe\\u{202E}cialist` is not one of the choices"), "\(imported)")
        #expect(!imported.stderr.unicodeScalars.contains("\u{202E}"))
        let report = try dir.run("report", Fixture.feedback, input, "--out", "report")
        #expect(report.status == 0, "\(report)")
        let markdown = dir.text("report/report.md") ?? "", html = dir.text("report/report.html") ?? ""
        for (name, text) in [("report.md", markdown), ("report.html", html)] {
            #expect(!text.unicodeScalars.contains("\u{202E}"), "\(name) holds a raw U+202E")
        }
        #expect(html.contains("Fine \\u{202E}gnp.exe and the rest"))
        #expect(markdown.contains("Fine \\\\u{202E}gnp.exe and the rest"))
    }

    /// A label holding U+0001 (and ESC, DEL, C1, bidi): report.html and every chart parse as
    /// XML; `check` and `stats` print no raw control character.
    @Test func controlCharactersInLabelsKeepReportsValid() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let yaml = try dir.copy(fixture: "report/control-characters.yaml", as: "hostile.yaml")
        let answers = try dir.copy(fixture: "report/responses-control-characters.csv", as: "answers.csv")
        let report = try dir.run("report", yaml, answers, "--out", "report")
        #expect(report.status == 0, "\(report)")
        let documents = ["report/report.html"] + dir.listing().filter { $0.hasPrefix("report/charts/") && $0.hasSuffix(".svg") }
        #expect(documents.count >= 3, "\(dir.listing())")
        for name in documents {
            let text = dir.text(name) ?? ""
            #expect(Self.raw(text).filter { $0 != "\t" && $0 != "\r" }.isEmpty, "\(name): \(Self.raw(text))")
            #expect(XMLCheck.error(in: text) == nil, "\(name): \(XMLCheck.error(in: text) ?? "")")
        }
        #expect(dir.text("report/report.html")?.contains("Gov \\u{1} agency") == true)
        let check = try dir.run("check", yaml)
        #expect(check.stdout == "hostile.yaml: ok: 3 questions (2 closed, 0 with skip logic), \"Feedback \\u{1} with \\u{1B}[31mcolour\\u{1B}[0m\"\n", "\(check)")
        let stats = try dir.run("stats", yaml, answers)
        #expect(stats.status == 0, "\(stats)")
        #expect(Self.raw(stats.stdout).isEmpty, "\(Self.raw(stats.stdout))")
        #expect(stats.stdout.contains("  ngo    NGO \\u{202E}esrever  1"), "\(stats)")
    }

    /// The terminal form through a pipe: a refused answer holding ESC and a saved answer with
    /// one are shown visibly; the answer itself is stored as typed.
    @Test func theFormShowsControlCharactersVisibly() throws {
        let dir = try EnterWorkdir()
        defer { dir.remove() }
        let yaml = EnterWorkdir.repoRoot.appendingPathComponent("Tests/Fixtures/report/control-characters.yaml").path
        let result = try dir.run(["enter", yaml, "--into", "f.csv"], input: "5\ngov\u{1B}[2J\n1\n3\nok \u{1B}]0;x\u{7}\n\n")
        #expect(!Array(result.stderr.utf8).contains(0x1B), "raw ESC on stderr: \(result)")
        #expect(result.stderr.contains("stdin:2: `gov\\u{1B}[2J` is not one of the choices"), "\(result)")
        #expect(result.stderr.contains("Saved respondent 5"), "\(result)")
        #expect(dir.text("f.csv")?.hasSuffix("5,,gov,3,ok \u{1B}]0;x\u{7}\n") == true, "the answer is kept as typed")
    }
}

/// Whether a document is well-formed XML, by Foundation's parser.
enum XMLCheck {
    static func error(in document: String) -> String? {
        let parser = XMLParser(data: Data(document.utf8))
        guard !parser.parse() else { return nil }
        return "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber), column \(parser.columnNumber)"
    }
}
