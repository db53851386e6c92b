/// Folds text for forgiving comparisons: headers, labels and codes typed by people.
public enum TextFolding {
    /// Lower-cased, trimmed, inner whitespace runs collapsed to one space, `ё` read as `е`.
    ///
    /// Google Forms headers, Excel exports and paper-form typists disagree on case and
    /// spacing, never on the words, so matching ignores exactly those differences.
    public static func fold(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar == "ё" ? "е" : scalar)
        }
        return result
    }
}
