/// The Russian ЙЦУКЕН and English QWERTY layouts share keys: the key that types `y` in one
/// types `н` in the other. An operator who forgot to switch layouts types `н` for "yes", and
/// `н` is also the start of "нет"; `KeyboardLayout` names the Latin twin of a Cyrillic letter
/// so the form can ask instead of guessing (issue 12, "layout guard").
public enum KeyboardLayout {
    /// The Latin letter on the same key as `letter` (lower-cased), or nil when `letter` is not a
    /// Cyrillic letter of the Russian layout.
    public static func latinTwin(of letter: Character) -> Character? {
        let lower = Character(letter.lowercased())
        return cyrillicToLatin[lower]
    }

    /// Key by key: `йцукенгшщзхъ` / `qwertyuiop[]`, `фывапролджэ` / `asdfghjkl;'`,
    /// `ячсмитьбю` / `zxcvbnm,.`; only pairs whose Latin side is a letter are kept.
    private static let cyrillicToLatin: [Character: Character] = {
        let rows: [(String, String)] = [("йцукенгшщз", "qwertyuiop"), ("фывапролд", "asdfghjkl"), ("ячсмить", "zxcvbnm")]
        var table: [Character: Character] = [:]
        for (cyrillic, latin) in rows {
            for (from, to) in zip(cyrillic, latin) { table[from] = to }
        }
        return table
    }()
}
