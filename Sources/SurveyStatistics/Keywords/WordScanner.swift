/// Finds the words of an answer in its UTF-8 bytes, one Unicode scalar at a time, for answers in
/// which every scalar is a character of its own: the `Tokenizer`'s rules without a `Character`
/// (grapheme cluster) or a `String` per step.
///
/// That holds when every scalar is one that the Unicode grapheme rules never join to another of
/// them: U+0000–U+02FF (ASCII, Latin-1, Latin Extended, spacing modifiers), U+0400–U+0482
/// (Cyrillic without its combining marks) and U+2010–U+2029 (dashes, quotes, `’`, line and
/// paragraph separators). These are Swift's own quick check for grapheme breaks
/// (`_hasGraphemeBreakBetween`). The one pair that does join, CR LF, behaves like its two halves:
/// both break words and phrases. `canScan(_:)` says whether an answer qualifies; the benchmark's
/// English and Russian answers all do. Others (emoji, combining marks, other scripts) go through
/// `Tokenizer`'s `Character` path.
enum WordScanner {
    private enum Kind {
        case word
        /// `-`, `'` or `’`: kept when it sits between two word characters.
        case joiner
        /// Whitespace that is not a line break.
        case space
        case other
    }

    /// Whether every scalar of this valid UTF-8 is one that stands as a character of its own.
    static func canScan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        while index < count {
            // Eight ASCII bytes at a time.
            if index + 8 <= count && raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            switch lead {
            case 0xC2...0xCB, 0xD0, 0xD1:
                // U+0080–U+02FF, U+0400–U+047F
                index += 2
            case 0xD2 where bytes[index + 1] <= 0x82:
                // U+0480–U+0482
                index += 2
            case 0xE2 where bytes[index + 1] == 0x80 && (0x90...0xA9).contains(bytes[index + 2]):
                // U+2010–U+2029
                index += 3
            default:
                return false
            }
        }
        return true
    }

    /// Calls `body` with the byte range of each word of `bytes` (which passed `canScan(_:)`) and
    /// whether only spaces separate it from the previous word. Joiners inside a word are as
    /// written: `’` is still U+2019 here, and `Tokenizer.rawText(_:)` reads it as `'`.
    ///
    /// The hot loop of keyword counting: inside a word it steps over ASCII letters and digits
    /// (a bitmap test) and basic Cyrillic letters (lead byte D0 or D1, never decoded) without
    /// classifying each scalar; everything else goes through `kind(at:)`. Reads the bytes in
    /// place, allocates nothing and touches no reference-counted object.
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Bool) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var position = 0
        // Only whitespace since the last word? The answer's start counts as a break.
        var gapIsWhitespace = false

        outside: while position < count {
            // Between words: skip to the next word character.
            let (kind, length) = Self.kind(at: position, in: base)
            guard kind == .word else {
                // A line break separates list items ("кофе\nобед"), so it breaks phrases like punctuation.
                if kind != .space { gapIsWhitespace = false }
                position += length
                continue
            }
            let wordStart = position
            position += length
            while true {
                // Word characters, the common ones first.
                while position < count {
                    let byte = base[position]
                    if byte < 0x80 {
                        guard isASCIIWordByte(byte) else { break }
                        position += 1
                    } else if byte == 0xD0 || byte == 0xD1 {
                        // U+0400–U+047F are all Cyrillic letters.
                        position += 2
                    } else {
                        let (kind, length) = Self.kind(at: position, in: base)
                        guard kind == .word else { break }
                        position += length
                    }
                }
                let wordEnd = position
                guard position < count else {
                    body(wordStart..<wordEnd, gapIsWhitespace)
                    return
                }
                let (kind, length) = Self.kind(at: position, in: base)
                if kind == .joiner {
                    let next = position + length
                    if next < count && Self.kind(at: next, in: base).kind == .word {
                        // "follow-up", "don't": the joiner stays inside the word's byte range.
                        position = next
                        continue
                    }
                    // "well-" or "rock--roll": the joiner did not sit between two word
                    // characters; whatever follows it is not a word character and only keeps
                    // or breaks the gap, which is broken already.
                    body(wordStart..<wordEnd, gapIsWhitespace)
                    gapIsWhitespace = false
                    position = next
                    continue outside
                }
                body(wordStart..<wordEnd, gapIsWhitespace)
                gapIsWhitespace = kind == .space
                position += length
                continue outside
            }
        }
    }

    /// ASCII letters and digits, as a 128-bit map.
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        // Bits 0x30–0x39 in the low word; 0x41–0x5A and 0x61–0x7A in the high word.
        let low: UInt64 = 0x03FF_0000_0000_0000
        let high: UInt64 = 0x07FF_FFFE_07FF_FFFE
        return byte < 64 ? (low >> UInt64(byte)) & 1 != 0 : (high >> UInt64(byte & 63)) & 1 != 0
    }

    /// The kind and length in bytes of the scalar starting at `position` (in bytes that passed `canScan`).
    @inline(__always)
    private static func kind(at position: Int, in base: UnsafePointer<UInt8>) -> (kind: Kind, length: Int) {
        let lead = base[position]
        if lead < 0x80 { return (asciiKind(lead), 1) }
        // U+0400–U+047F are all Cyrillic letters: no decoding, no property lookup.
        if lead == 0xD0 || lead == 0xD1 { return (.word, 2) }
        if lead < 0xE0 { return (otherKind(UInt32(lead & 0x1F) << 6 | UInt32(base[position + 1] & 0x3F)), 2) }
        // canScan let no 4-byte scalar through.
        return (otherKind(UInt32(lead & 0x0F) << 12 | UInt32(base[position + 1] & 0x3F) << 6 | UInt32(base[position + 2] & 0x3F)), 3)
    }

    private static func asciiKind(_ byte: UInt8) -> Kind {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: .word
        case 0x27, 0x2D: .joiner
        case 0x09, 0x20: .space
        default: .other  // line breaks (LF, VT, FF, CR), punctuation, controls
        }
    }

    /// Scalars U+0080–U+02FF, U+0480–U+0482 and U+2010–U+2029.
    private static func otherKind(_ value: UInt32) -> Kind {
        if value == 0x2019 { return .joiner }
        let scalar = Unicode.Scalar(value)!
        if Tokenizer.isWordScalar(scalar) { return .word }
        if scalar.properties.isWhitespace {
            // NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are line breaks, as Character.isNewline says.
            return value == 0x85 || value == 0x2028 || value == 0x2029 ? .other : .space
        }
        return .other
    }
}
