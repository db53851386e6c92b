import Foundation

/// Splits free-text answers into words: runs of Unicode letters and digits, keeping a `-` or an
/// apostrophe that sits between two of them ("follow-up", "don't", "кое-что").
///
/// Words are normalised so that spellings of one word count together:
/// - lower-cased with Unicode rules (`String.lowercased()`), so "Миграция" and "миграция" match;
/// - composed to NFC, because text pasted from some editors spells "й" as "и" + U+0306 and
///   libstemmer only recognises the composed letter;
/// - `ё` folded to `е`: Russian writers mostly omit the dots ("всё"/"все", "ещё"/"еще"), and the
///   Russian Snowball stemmer folds it too, so surface forms and stop words must agree with it;
/// - the typographic apostrophe `’` (U+2019), which phones and word processors insert, read as `'`.
///
/// Most answers are read from their UTF-8 bytes by `WordScanner`; answers with characters made of
/// several scalars (combining marks, emoji) or from other scripts are read one `Character` at a
/// time. Both give the same words.
public enum Tokenizer {
    /// The words of one answer, in order.
    public static func tokens(in answer: String) -> [Token] {
        var tokens: [Token] = []
        forEachWord(in: answer) { word, followsPreviousDirectly in
            tokens.append(Token(normalize(rawText(word)), followsPreviousDirectly: followsPreviousDirectly))
        }
        return tokens
    }

    /// Calls `body` with each word of `answer` as UTF-8 bytes, before normalisation, and whether
    /// only spaces separate it from the previous word. The bytes are valid only during the call.
    /// A joined apostrophe may be `'` or `’`: `rawText(_:)` makes it `'`.
    ///
    /// A native string's bytes are read in place (no copy, no second UTF-8 validation: a
    /// `String` holds valid UTF-8); only a bridged or foreign string is copied first.
    static func forEachWord(in answer: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            guard WordScanner.canScan(bytes) else { return false }
            WordScanner.forEachWord(in: bytes) { range, followsPreviousDirectly in
                body(UnsafeBufferPointer(rebasing: bytes[range]), followsPreviousDirectly)
            }
            return true
        }
        let scanned: Bool
        if let inPlace = answer.utf8.withContiguousStorageIfAvailable(scan) {
            scanned = inPlace
        } else {
            var contiguous = answer
            scanned = contiguous.withUTF8(scan)
        }
        guard !scanned else { return }
        for (word, followsPreviousDirectly) in wordsByCharacter(in: answer) {
            var word = word
            word.withUTF8 { body($0, followsPreviousDirectly) }
        }
    }

    /// The text of a word from `forEachWord`, with its joiners as `tokens(in:)` keeps them (`’` as `'`).
    static func rawText(_ word: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: word, as: UTF8.self)
        // U+2019 is E2 80 99; inside a word it can only be a joiner.
        guard word.contains(0x99), text.unicodeScalars.contains("\u{2019}") else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }

    /// The words of one answer before normalisation, one `Character` (grapheme cluster) at a time:
    /// the path for answers that `WordScanner` cannot read.
    private static func wordsByCharacter(in answer: String) -> [(String, Bool)] {
        var words: [(String, Bool)] = []
        var word = ""
        var pendingJoiner: Character?
        // Only whitespace since the last word? The answer's start counts as a break.
        var gapIsWhitespace = false

        func finishWord() {
            guard !word.isEmpty else { return }
            words.append((word, gapIsWhitespace))
            word = ""
            gapIsWhitespace = true
        }

        for character in answer {
            if isWordCharacter(character) {
                if let joiner = pendingJoiner {
                    word.append(joiner)
                    pendingJoiner = nil
                }
                word.append(character)
                continue
            }
            if pendingJoiner != nil {
                // "well-" or "rock--roll": the joiner did not sit between two word characters.
                pendingJoiner = nil
                finishWord()
                gapIsWhitespace = false
            }
            if !word.isEmpty, let joiner = joinerReplacement(character) {
                pendingJoiner = joiner
                continue
            }
            finishWord()
            // A line break separates list items ("кофе\nобед"), so it breaks phrases like punctuation.
            if !character.isWhitespace || character.isNewline {
                gapIsWhitespace = false
            }
        }
        finishWord()
        return words
    }

    /// A word as it is compared and counted; stop-word lists go through it too, so they match tokens.
    public static func normalize(_ word: String) -> String {
        var normalized = word.lowercased()
        if normalized.unicodeScalars.contains(where: { $0.properties.canonicalCombiningClass != .notReordered }) {
            normalized = normalized.precomposedStringWithCanonicalMapping
        }
        if normalized.unicodeScalars.contains(where: { $0 == "ё" || $0 == "\u{2019}" }) {
            var folded = String.UnicodeScalarView()
            for scalar in normalized.unicodeScalars {
                switch scalar {
                case "ё": folded.append("е")
                case "\u{2019}": folded.append("'")
                default: folded.append(scalar)
                }
            }
            normalized = String(folded)
        }
        return normalized
    }

    /// Letters (any script) and decimal digits make up words.
    static func isWordCharacter(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        if first.isASCII {
            // Most separators and much of the text are ASCII: skip the Unicode property lookup.
            switch first {
            case "a"..."z", "A"..."Z", "0"..."9": return true
            default: return false
            }
        }
        return isWordScalar(first)
    }

    /// Whether a character that starts with this scalar is a word character: a letter or a decimal digit.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// The character kept inside a word for a hyphen or apostrophe, or nil for any other character.
    private static func joinerReplacement(_ character: Character) -> Character? {
        switch character {
        case "-": "-"
        case "'", "\u{2019}": "'"
        default: nil
        }
    }
}
