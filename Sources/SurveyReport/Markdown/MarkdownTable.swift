/// A pipe table of `report.md` that stays readable where the Markdown goes: GitHub and editors
/// show it as is, and `pandoc report.md -o report.docx` turns it into a Word table.
///
/// Every column has a header (pandoc and Word take an empty header row for a missing one).
/// pandoc gives a table's columns equal widths unless a line of it is longer than its
/// `--columns` (72): then it sizes them by the dashes of the separator line. So the separator
/// always gets at least `separatorWidth` characters, shared out by how wide each column's
/// content is: a label column gets the room and wraps, counts keep to a narrow column and
/// never break in the middle.
struct MarkdownTable {
    enum Alignment {
        case left, right
    }

    /// Characters of the separator line, which pandoc reads as the table's relative widths.
    /// More than pandoc's default 72, so the widths always apply.
    static let separatorWidth = 80
    /// A text column's share is measured on at most this many characters: a long label
    /// wraps instead of squeezing the numbers.
    static let widestMeasure = 40

    private let headers: [String]
    private let alignments: [Alignment]
    private var rows: [[String]] = []

    /// Headers are plain text (escaped here); every column needs one.
    init(_ columns: [(header: String, alignment: Alignment)]) {
        headers = columns.map { MarkdownTable.cell($0.header) }
        alignments = columns.map(\.alignment)
    }

    /// A row of cells already in Markdown (escape user text with `MarkdownTable.cell`); short rows
    /// are filled with empty cells.
    mutating func append(_ cells: [String]) {
        rows.append(cells + Array(repeating: "", count: max(0, headers.count - cells.count)))
    }

    /// Plain text as one table cell: Markdown escaped, a line break as `<br>` (with a space before
    /// it, so that Word, which drops the `<br>`, still sees two words).
    static func cell(_ text: String) -> String {
        Escaping.markdownCell(text, lineBreak: " <br>")
    }

    /// Plain text as a code span in one table cell (`Escaping.markdownCode`). A `|` still ends
    /// a GFM table cell inside a code span, so it alone is escaped: the table reads `\|` as a
    /// pipe before the span is parsed.
    static func codeCell(_ text: String) -> String {
        Escaping.markdownCode(text).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }

    func render() -> String {
        var lines = ["| " + headers.joined(separator: " | ") + " |"]
        lines.append("|" + dashes().enumerated().map { index, count in
            String(repeating: "-", count: count - (alignments[index] == .right ? 1 : 0)) + (alignments[index] == .right ? ":" : "")
        }.joined(separator: "|") + "|")
        for row in rows { lines.append("|" + row.prefix(headers.count).map { $0.isEmpty ? " " : " \($0) " }.joined(separator: "|") + "|") }
        return lines.joined(separator: "\n")
    }

    /// Each column's dashes: its widest cell (or the longest word of its header, which may wrap),
    /// scaled so that the line has at least `separatorWidth` characters; never fewer than 3.
    private func dashes() -> [Int] {
        let measures = headers.indices.map { column in
            let header = headers[column].split(separator: " ").map(\.count).max() ?? 0
            let widest = rows.map { $0[column].count }.max() ?? 0
            return max(3, min(MarkdownTable.widestMeasure, max(header, widest)))
        }
        let total = measures.reduce(0, +)
        let room = MarkdownTable.separatorWidth - measures.count - 1
        guard total < room else { return measures }
        return measures.map { max(3, Int((Double($0) * Double(room) / Double(total)).rounded(.up))) }
    }
}
