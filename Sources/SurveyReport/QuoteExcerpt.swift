/// A free-text answer as report.md and report.html quote it: whole up to
/// `maximumCharacters`, else its beginning and how much was left out.
///
/// One pasted 100 MB answer would otherwise be the report; a reader needs its start. Nothing is
/// lost: comments.csv (or, without `--format csv`, the responses file) holds the answer whole,
/// and the report says where.
struct QuoteExcerpt {
    /// Characters of one answer shown in a report.
    static let maximumCharacters = 2_000

    /// The part shown.
    let shown: String
    /// Characters left out; 0 when the answer is shown whole.
    let moreCharacters: Int

    init(_ text: String) {
        let limit = QuoteExcerpt.maximumCharacters
        // A text has no more characters than UTF-8 bytes: most answers need no counting.
        guard text.utf8.count > limit else {
            shown = text
            moreCharacters = 0
            return
        }
        let cut = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex) ?? text.endIndex
        shown = String(text[..<cut])
        moreCharacters = text[cut...].count
    }
}
