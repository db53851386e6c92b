/// What the first MiB of a file without a byte order mark says about its encoding, counted
/// rather than guessed from the first bad byte.
///
/// One invalid byte in an otherwise UTF-8 export must not turn every Cyrillic answer into
/// mojibake, and a Latin-1 file must not be read as Windows-1251 because it is not UTF-8. So
/// the evidence for each reading is counted: valid and invalid UTF-8 sequences, NUL bytes by
/// position (UTF-16 and UTF-32 without a BOM), and how non-ASCII bytes sit among their
/// neighbours (Cyrillic words are runs of high bytes; é, ü, ñ stand alone between Latin letters).
struct EncodingEvidence {
    /// Multi-byte sequences that are valid UTF-8.
    private(set) var validSequences = 0
    /// Byte runs that are not valid UTF-8 (each would be one U+FFFD).
    private(set) var invalidSequences = 0
    /// NUL bytes by offset modulo 4.
    private(set) var zeros = [0, 0, 0, 0]
    /// The one-byte reading (`LegacyScore`), counted only for bytes that are not UTF-8.
    var legacy: LegacyScore {
        var score = LegacyScore()
        bytes.withUnsafeBufferPointer { score.add($0) }
        return score
    }
    private let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>, isWholeFile: Bool) {
        self.bytes = bytes
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                // Eight ASCII bytes, none of them NUL, at a time: most of nearly every file
                // (the byte-by-byte loop was ~3 ms of every command's start on a 1 MiB head).
                if index + 8 <= buffer.count {
                    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    let high = word & 0x8080_8080_8080_8080
                    let nul = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                    if high | nul == 0 {
                        index += 8
                        continue
                    }
                }
                let byte = buffer[index]
                if byte < 0x80 {
                    if byte == 0 { zeros[index & 3] += 1 }
                    index += 1
                    continue
                }
                let sequence = UTF8Sequence.at(index, in: buffer)
                if sequence.isValid {
                    validSequences += 1
                } else if !(sequence.isCut && !isWholeFile) {
                    // A sequence cut off by the end of the chunk is no evidence against UTF-8.
                    invalidSequences += 1
                }
                index += sequence.length
            }
        }
    }

    /// Whether the non-ASCII bytes are mostly valid UTF-8: at least as many valid sequences as
    /// invalid ones, or a real share of them (one in eleven), so that a UTF-8 file with bad
    /// bytes stays UTF-8 (they are reported cell by cell) while a Windows-1251 file, where a
    /// valid pair turns up only by chance («ООО» ends in CE BB), does not.
    var looksLikeUTF8: Bool {
        validSequences >= invalidSequences || (validSequences >= 2 && validSequences * 10 >= invalidSequences)
    }

    /// UTF-16 or UTF-32 recognised by where its NUL bytes fall (at least 5% of the bytes are
    /// NUL, nearly all of them in one position of each 2 or 4), with the pattern in words.
    var wideEncoding: (encoding: TextEncoding, pattern: String)? {
        let count = bytes.count
        let total = zeros.reduce(0, +)
        guard count >= 4, total >= 2, total * 20 >= count else { return nil }
        let slots = (0..<4).map { (count - $0 + 3) / 4 }
        func share(_ position: Int) -> Double { Double(zeros[position]) / Double(max(1, slots[position])) }
        if share(2) >= 0.9, share(3) >= 0.9, share(0) <= 0.1 {
            return (.utf32LittleEndian, "the last two of every four bytes are NUL, as in UTF-32 little endian")
        }
        if share(0) >= 0.9, share(1) >= 0.9, share(3) <= 0.1 {
            return (.utf32BigEndian, "the first two of every four bytes are NUL, as in UTF-32 big endian")
        }
        let odd = zeros[1] + zeros[3], even = zeros[0] + zeros[2]
        if odd >= 9 * even { return (.utf16LittleEndian, "\(odd) of its \(total) NUL bytes are second in a pair, as in UTF-16 little endian") }
        if even >= 9 * odd { return (.utf16BigEndian, "\(even) of its \(total) NUL bytes are first in a pair, as in UTF-16 big endian") }
        return nil
    }

    /// Windows-1251 when the high bytes run together as Cyrillic words (or nothing says
    /// otherwise); unsure when they stand alone between Latin letters.
    var legacyDetection: TextEncoding.Detection {
        let legacy = legacy
        var notes: [String] = []
        if validSequences >= 3 {
            notes.append("\(validSequences) byte sequences in it are valid UTF-8 and read as Windows-1251 (Р°, Рё…): the file may mix two encodings")
        }
        switch legacy.verdict {
        case .cyrillic:
            return .read(.windows1251, bomLength: 0, reason: notes.isEmpty ? nil : notes.joined(separator: "; "))
        case .undecided:
            notes.insert("its bytes are not UTF-8, and its \(legacy.highBytes) non-ASCII byte\(legacy.highBytes == 1 ? "" : "s") are too few to be sure it is Windows-1251; if the text looks wrong, name the encoding with --encoding", at: 0)
            return .read(.windows1251, bomLength: 0, reason: notes.joined(separator: "; "))
        case .latin, .mixed:
            return .unsure(explanation: unsureExplanation(legacy))
        }
    }

    private func unsureExplanation(_ legacy: LegacyScore) -> String {
        var text = legacy.verdict == .latin
            ? "the bytes look like Latin-1 (or Windows-1252), not Windows-1251: "
            : "cannot tell whether the bytes are Windows-1251 (Cyrillic) or Latin-1 / Windows-1252: "
        text += "\(legacy.latin) non-ASCII letter\(legacy.latin == 1 ? " stands" : "s stand") alone between Latin letters, as é, ü or ñ do"
        if legacy.cyrillic > 0 {
            text += ", \(legacy.cyrillic) run\(legacy.cyrillic == 1 ? "s" : "") together as the letters of Cyrillic words do"
        }
        if let example = example(legacy) { text += "; \(example)" }
        return text + ". Name the encoding: --encoding windows-1252 (or latin-1) for Western European text, --encoding windows-1251 for Cyrillic, or --encoding utf-8 if the file is UTF-8 with a few broken bytes"
    }

    /// `line 3 reads "café" in windows-1252 but "cafй" in windows-1251`, around the first
    /// Latin-looking byte.
    private func example(_ legacy: LegacyScore) -> String? {
        guard let offset = legacy.firstLatin else { return nil }
        let position = bytes.startIndex + offset
        let lineStart = bytes[..<position].lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
        let lineEnd = bytes[position...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? bytes.endIndex
        let from = max(lineStart, position - 30), to = min(lineEnd, position + 30)
        let line = bytes[..<position].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        func read(_ encoding: TextEncoding) -> String {
            var transcoder = Transcoder(encoding: encoding)
            var out: [UInt8] = []
            transcoder.decode(bytes[from..<to], into: &out)
            return (from > lineStart ? "…" : "") + String(decoding: out, as: UTF8.self) + (to < lineEnd ? "…" : "")
        }
        return "line \(line) reads `\(read(.windows1252))` in windows-1252 but `\(read(.windows1251))` in windows-1251"
    }
}

/// How the non-ASCII bytes of one-byte text sit among their neighbours.
///
/// In Windows-1251 Russian text, letters are the bytes C0–FF (and A8, B8 for Ё, ё), and a
/// word is a run of them. In Latin-1 or Windows-1252 text, the same bytes are à–ÿ and À–ß, and
/// they usually stand alone inside a word of ASCII letters (café, Müller, año).
struct LegacyScore {
    /// Letter bytes next to another letter byte: Cyrillic evidence.
    private(set) var cyrillic = 0
    /// Letter bytes with no high neighbour and an ASCII letter beside them: Latin evidence.
    private(set) var latin = 0
    /// Bytes 0x80–0xFF seen.
    private(set) var highBytes = 0
    /// Offset of the first Latin-looking byte in the bytes first added.
    private(set) var firstLatin: Int?

    /// The verdict: `.cyrillic` when runs outnumber lone letters four to one (or there are
    /// no lone ones and some runs), `.latin` when lone letters are at least as many as runs.
    enum Verdict: Equatable { case cyrillic, latin, mixed, undecided }

    var verdict: Verdict {
        if latin == 0 { return cyrillic > 0 ? .cyrillic : .undecided }
        if cyrillic >= 4 * latin { return .cyrillic }
        return latin >= cyrillic ? .latin : .mixed
    }

    /// Adds the counts of bytes that come after these.
    mutating func merge(_ later: LegacyScore) {
        if highBytes == 0, cyrillic == 0, latin == 0 { firstLatin = later.firstLatin }
        cyrillic += later.cyrillic
        latin += later.latin
        highBytes += later.highBytes
    }

    /// Counts the bytes of `buffer`.
    mutating func add(_ buffer: UnsafeBufferPointer<UInt8>) {
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { byte >= 0xC0 || byte == 0xA8 || byte == 0xB8 }
        @inline(__always) func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        let firstAdd = highBytes == 0 && cyrillic == 0 && latin == 0
        for index in buffer.indices where buffer[index] >= 0x80 {
            let byte = buffer[index]
            highBytes += 1
            guard isLetter(byte) else { continue }
            let before: UInt8? = index > 0 ? buffer[index - 1] : nil
            let after: UInt8? = index + 1 < buffer.count ? buffer[index + 1] : nil
            if before.map(isLetter) == true || after.map(isLetter) == true {
                cyrillic += 1
            } else if byte != 0xD7, byte != 0xF7, byte >= 0xC0, (before ?? 0) < 0x80, (after ?? 0) < 0x80,
                      before.map(isASCIILetter) == true || after.map(isASCIILetter) == true {
                latin += 1
                if firstAdd, firstLatin == nil { firstLatin = index }
            }
        }
    }

    /// Counts the bytes of text that is partly UTF-8 with its valid UTF-8 sequences blanked
    /// out, so that only the bytes that are not UTF-8 (and their ASCII neighbours) count.
    mutating func addInvalidBytes<C: Collection>(of bytes: C) where C.Element == UInt8 {
        var kept = Array(bytes)
        kept.withUnsafeMutableBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                guard buffer[index] >= 0x80 else { index += 1; continue }
                let sequence = UTF8Sequence.at(index, in: UnsafeBufferPointer(buffer))
                if sequence.isValid {
                    for blank in index..<(index + sequence.length) { buffer[blank] = 0x20 }
                }
                index += sequence.length
            }
        }
        kept.withUnsafeBufferPointer { add($0) }
    }

    /// The one-byte encoding these bytes look like, when they say: the encoding to read them
    /// in for a message.
    var lookalikeEncoding: TextEncoding? {
        switch verdict {
        case .cyrillic: .windows1251
        case .latin: .windows1252
        case .mixed, .undecided: nil
        }
    }

    /// The encoding these bytes look like, for messages: nil when they do not say.
    var lookalike: String? {
        switch verdict {
        case .cyrillic: "windows-1251"
        case .latin: "latin-1 or windows-1252"
        case .mixed, .undecided: nil
        }
    }
}
