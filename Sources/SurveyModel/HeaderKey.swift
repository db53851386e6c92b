/// How a column header is compared with a question's id, texts and `column:` aliases.
///
/// Exports rename columns in ways that change no word: Excel and R turn `w_hnd` into `W.Hnd`,
/// Google Forms keeps the question's `?` or `:`, people type two spaces. The key keeps letters
/// and digits (case-folded as `TextFolding` does) and turns every run of anything else into one
/// `_`, trimmed at both ends: `W.Hnd` → `w_hnd`, `Location:` → `location`, `Your  Age` → `your_age`.
public enum HeaderKey {
    /// The comparison key of a header, id, question text or alias; empty when it has no letter or digit.
    public static func normalized(_ text: String) -> String {
        var key = ""
        key.reserveCapacity(text.utf8.count)
        var pendingSeparator = false
        for scalar in TextFolding.fold(text).unicodeScalars {
            let properties = scalar.properties
            guard properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark else {
                pendingSeparator = !key.isEmpty
                continue
            }
            if pendingSeparator {
                key.unicodeScalars.append("_")
                pendingSeparator = false
            }
            key.unicodeScalars.append(scalar)
        }
        return key
    }

    /// The candidate closest to `key` (both normalized), when it is close enough to be a typo:
    /// at most one edit in five characters of the shorter of the two, and at least one.
    public static func closest(to key: String, in candidates: [(key: String, name: String)]) -> String? {
        let keyCharacters = Array(key.unicodeScalars)
        // Long texts are not typed by hand; they also keep the quadratic distance cheap.
        guard !keyCharacters.isEmpty, keyCharacters.count <= 300 else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates where !candidate.key.isEmpty {
            let other = Array(candidate.key.unicodeScalars)
            guard other.count <= 300 else { continue }
            let allowed = max(1, min(keyCharacters.count, other.count) / 5)
            guard abs(keyCharacters.count - other.count) <= allowed else { continue }
            let distance = editDistance(keyCharacters, other)
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate.name, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance (insertions, deletions, substitutions), one row of memory.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
