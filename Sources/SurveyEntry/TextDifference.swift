/// Two shown answers with the part where they differ marked `⟦…⟧`, so a trailing period or a
/// doubled space is seen on the double-entry screen instead of two texts that look the same.
///
/// The marked part is what lies between the longest common start and the longest common end;
/// spaces inside it are shown as `␣` (an empty mark `⟦⟧` says the other text has more there).
/// Texts that differ from the start to the end are left unmarked: there is nothing to point at.
struct TextDifference {
    /// The first text, marked.
    let first: String
    /// The second text, marked.
    let second: String

    /// Nil when the texts are equal or share neither a start nor an end.
    init?(_ a: String, _ b: String) {
        let x = Array(a), y = Array(b)
        guard x != y else { return nil }
        var start = 0
        while start < min(x.count, y.count), x[start] == y[start] { start += 1 }
        var end = 0
        while end < min(x.count, y.count) - start, x[x.count - 1 - end] == y[y.count - 1 - end] { end += 1 }
        guard start + end > 0 else { return nil }
        func mark(_ text: [Character]) -> String {
            let middle = text[start..<(text.count - end)].map { $0 == " " ? "␣" : String($0) }.joined()
            return String(text[..<start]) + "⟦" + middle + "⟧" + String(text[(text.count - end)...])
        }
        first = mark(x)
        second = mark(y)
    }
}
