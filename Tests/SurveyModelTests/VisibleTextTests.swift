import Testing
import SurveyModel

/// Control, bidi and zero-width characters are shown as `\u{HEX}`, by audience.
@Suite struct VisibleTextTests {
    @Test(arguments: [
        ("\u{1B}[31mred", "\\u{1B}[31mred"),
        ("a\u{0}b", "a\\u{0}b"),
        ("bell\u{7}", "bell\\u{7}"),
        ("tab\there", "tab\\u{9}here"),
        ("cr\rhere", "cr\\u{D}here"),
        ("del\u{7F}", "del\\u{7F}"),
        ("c1\u{85}\u{9B}", "c1\\u{85}\\u{9B}"),
        ("spe\u{202E}cialist", "spe\\u{202E}cialist"),
        ("\u{2066}isolate\u{2069}", "\\u{2066}isolate\\u{2069}"),
        ("mark\u{200F}", "mark\\u{200F}"),
        ("zero\u{200B}width", "zero\\u{200B}width"),
        ("join\u{200D}er", "join\\u{200D}er"),
        ("bom\u{FEFF}", "bom\\u{FEFF}"),
        ("word\u{2060}joiner", "word\\u{2060}joiner"),
        ("line\u{2028}sep", "line\\u{2028}sep"),
    ] as [(String, String)])
    func messages(_ text: String, _ shown: String) {
        #expect(VisibleText.message(text) == shown)
        #expect(VisibleText.line(text) == shown)
    }

    @Test func plainTextIsUnchanged() {
        for text in ["", "Больше времени на работу в группах", "café, Müller, año", "«Письмо Президенту» — 100%", "😀 👍", "path\\with\\backslashes"] {
            #expect(VisibleText.message(text) == text)
            #expect(VisibleText.line(text) == text)
            #expect(VisibleText.report(text) == text)
        }
    }

    @Test func messagesKeepTheirLineBreaksLinesDoNot() {
        #expect(VisibleText.message("expected: a\n  found: b") == "expected: a\n  found: b")
        #expect(VisibleText.line("two\nlines") == "two\\u{A}lines")
    }

    /// Reports keep what their renderers lay out (tab, line breaks) and the joiners of emoji
    /// and scripts; everything XML 1.0 forbids, and every bidi control, becomes visible.
    @Test func reports() {
        #expect(VisibleText.report("a\tb\nc\r\nd") == "a\tb\nc\r\nd")
        #expect(VisibleText.report("👩\u{200D}💻 and \u{200C}") == "👩\u{200D}💻 and \u{200C}")
        #expect(VisibleText.report("x\u{1}y\u{1B}z\u{FFFE}") == "x\\u{1}y\\u{1B}z\\u{FFFE}")
        #expect(VisibleText.report("Fine \u{202E}gnp.exe") == "Fine \\u{202E}gnp.exe")
        #expect(VisibleText.report("zero\u{200B}width") == "zero\\u{200B}width")
    }

    /// Escaping twice changes nothing: escapes are plain text.
    @Test func idempotent() {
        let once = VisibleText.line("\u{1B}[2J\u{202E}\n\u{0}")
        #expect(VisibleText.line(once) == once)
        #expect(VisibleText.message(once) == once)
        #expect(!once.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
    }
}
