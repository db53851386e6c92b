/// Characters that make two different texts look the same: invisible ones (zero-width spaces and
/// joiners, bidirectional controls, the byte order mark) and letters of other alphabets that are
/// drawn like Latin ones (Cyrillic `а`, Greek `ο`).
///
/// A choice question whose codes are `a` and Cyrillic `а`, or `a` and `a` + U+200B, has two
/// answers that nobody can tell apart on screen or on paper, and the counts of one silently go to
/// what readers take for the other. The loader refuses such definitions, and shows the characters
/// by name so that the author can find them.
public enum Confusables {
    /// Whether `scalar` is drawn as nothing (or moves text around): format characters (zero-width
    /// space U+200B, joiners U+200C/U+200D, word joiner U+2060, BOM U+FEFF, bidi embeddings and
    /// overrides U+202A–U+202E and isolates U+2066–U+2069, soft hyphen), other default-ignorable
    /// code points (variation selectors, Hangul fillers) and control characters.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .format, .control: return true
        default: return properties.isDefaultIgnorableCodePoint
        }
    }

    /// Whether any character of `text` is invisible.
    public static func hasInvisible(_ text: String) -> Bool {
        if isPrintableASCII(text) { return false }
        return text.unicodeScalars.contains(where: isInvisible)
    }

    /// Printable ASCII (U+0020–U+007E) has nothing invisible and no look-alikes: most codes and
    /// many labels are settled without looking up a Unicode property.
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Cyrillic and Greek letters drawn like a Latin letter, with that letter.
    ///
    /// A hand-picked subset of Unicode's confusables.txt (UTS #39, "Unicode Security Mechanisms",
    /// https://www.unicode.org/Public/security/latest/confusables.txt): the entries whose source is
    /// a Cyrillic or Greek letter and whose prototype is a single ASCII letter, in both cases,
    /// which are the ones a Russian or Kyrgyz keyboard produces by accident in a Latin code.
    static let latinLookAlikes: [Unicode.Scalar: Unicode.Scalar] = [
        // Cyrillic small letters
        "\u{0430}": "a", "\u{0441}": "c", "\u{0435}": "e", "\u{043E}": "o", "\u{0440}": "p", "\u{0445}": "x",
        "\u{0443}": "y", "\u{0456}": "i", "\u{0458}": "j", "\u{0455}": "s", "\u{04BB}": "h", "\u{0501}": "d",
        "\u{051B}": "q", "\u{051D}": "w", "\u{04AF}": "y", "\u{04CF}": "l",
        // Cyrillic capital letters
        "\u{0410}": "A", "\u{0412}": "B", "\u{0421}": "C", "\u{0415}": "E", "\u{041D}": "H", "\u{0406}": "I",
        "\u{0408}": "J", "\u{041A}": "K", "\u{041C}": "M", "\u{041E}": "O", "\u{0420}": "P", "\u{0405}": "S",
        "\u{0422}": "T", "\u{0425}": "X", "\u{0423}": "Y", "\u{04AE}": "Y", "\u{051A}": "Q", "\u{051C}": "W",
        "\u{04C0}": "l",
        // Greek small letters
        "\u{03B1}": "a", "\u{03BF}": "o", "\u{03C1}": "p", "\u{03BD}": "v", "\u{03C5}": "u", "\u{03B9}": "i",
        // Greek capital letters
        "\u{0391}": "A", "\u{0392}": "B", "\u{0395}": "E", "\u{0396}": "Z", "\u{0397}": "H", "\u{0399}": "I",
        "\u{039A}": "K", "\u{039C}": "M", "\u{039D}": "N", "\u{039F}": "O", "\u{03A1}": "P", "\u{03A4}": "T",
        "\u{03A5}": "Y", "\u{03A7}": "X",
    ]

    /// What `text` looks like: invisible characters dropped, look-alike letters replaced by their
    /// Latin twin. Two texts with one skeleton cannot be told apart by eye.
    public static func skeleton(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isInvisible(scalar) {
            result.append(latinLookAlikes[scalar] ?? scalar)
        }
        return String(result)
    }

    /// `text` with each invisible character written as `\u{200B}`, for messages.
    public static func visible(_ text: String) -> String {
        guard hasInvisible(text) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) {
                result += "\\u{" + hex(scalar) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The characters of `text` that make it look like other text, by code point and name:
    /// `U+0430 CYRILLIC SMALL LETTER A, U+200B ZERO WIDTH SPACE` (each once, in order).
    public static func suspects(in text: String) -> [String] {
        var seen: Set<Unicode.Scalar> = []
        var names: [String] = []
        for scalar in text.unicodeScalars where isInvisible(scalar) || latinLookAlikes[scalar] != nil {
            if seen.insert(scalar).inserted { names.append(describe(scalar)) }
        }
        return names
    }

    /// `` `а` (U+0430 CYRILLIC SMALL LETTER A) ``: the text shown visibly, with its suspects named.
    public static func quoted(_ text: String) -> String {
        let names = suspects(in: text)
        return "`\(visible(text))`" + (names.isEmpty ? "" : " (" + names.joined(separator: ", ") + ")")
    }

    /// `U+0430 CYRILLIC SMALL LETTER A`.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        "U+" + hex(scalar) + (scalar.properties.name.map { " " + $0 } ?? "")
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
