import Testing
@testable import SurveyReport

/// `Escaping`'s Markdown for headings, emphasis spans and code spans.
@Suite struct EscapingTests {
    /// One line, trimmed, escaped; the text itself otherwise as written.
    @Test(arguments: [
        ("Annual staff survey\nSecond wave\n", "Annual staff survey Second wave"),
        ("  Padded title  ", "Padded title"),
        ("a\r\nb\rc\n\nd", "a b c d"),
        ("\n\t x *y*  z \n", "x \\*y\\*  z"),
        ("# not a heading\n- nor a list", "\\# not a heading - nor a list"),
        ("\n \n", ""),
    ])
    func markdownInline(_ text: String, _ expected: String) {
        #expect(Escaping.markdownInline(text) == expected)
    }

    /// Never backslash-escaped: a fence longer than any run of backticks, padded when the text
    /// starts or ends with a backtick or with spaces on both sides (CommonMark strips one each).
    @Test(arguments: [
        ("out_of_range", "`out_of_range`"),
        ("a\\b*c*<d>&", "`a\\b*c*<d>&`"),
        ("improve == \"a`b\"", "``improve == \"a`b\"``"),
        ("x ``` y", "````x ``` y````"),
        ("`start", "`` `start ``"),
        ("end`", "`` end` ``"),
        (" both ", "`  both  `"),
        (" one", "` one`"),
        ("two\nlines\r\nhere", "`two lines here`"),
        ("", ""),
    ])
    func markdownCode(_ text: String, _ expected: String) {
        #expect(Escaping.markdownCode(text) == expected)
    }

    /// In a table cell a pipe would still end the cell, even inside a code span.
    @Test func codeCellEscapesOnlyThePipe() {
        #expect(MarkdownTable.codeCell("a|b_c") == "`a\\|b_c`")
    }
}
