/// Where a file's bytes were not text, counted line by line, and the notes that say so.
///
/// The cells are listed one by one as problems; these notes give the whole picture in a few
/// lines: how many bytes on which lines, what they look like, and what to do about it — above
/// all when a UTF-8 export has a Windows-1251 tail appended after the first MiB, the part the
/// encoding was chosen from.
struct DefectTally {
    private(set) var invalid = 0
    private(set) var invalidLines = 0
    private(set) var firstInvalidLine: Int?
    private(set) var lastInvalidLine = 0
    private(set) var nul = 0
    private(set) var nulLines = 0
    private(set) var firstNULLine: Int?
    private(set) var lastNULLine = 0
    /// What the bad bytes of a UTF-8 file look like, valid sequences left out.
    private var score = LegacyScore()

    /// Counts the defects of one line.
    mutating func add(line: Int, invalid lineInvalid: Int, nul lineNUL: Int, bytes: ArraySlice<UInt8>, encoding: TextEncoding) {
        if lineInvalid > 0 {
            invalid += lineInvalid
            invalidLines += 1
            if firstInvalidLine == nil { firstInvalidLine = line }
            lastInvalidLine = line
            if encoding == .utf8 { score.addInvalidBytes(of: bytes) }
        }
        if lineNUL > 0 {
            nul += lineNUL
            nulLines += 1
            if firstNULLine == nil { firstNULLine = line }
            lastNULLine = line
        }
    }

    /// Adds the tally of the lines after these (a later part of the same file).
    mutating func merge(_ later: DefectTally) {
        invalid += later.invalid
        invalidLines += later.invalidLines
        if firstInvalidLine == nil { firstInvalidLine = later.firstInvalidLine }
        if later.firstInvalidLine != nil { lastInvalidLine = later.lastInvalidLine }
        nul += later.nul
        nulLines += later.nulLines
        if firstNULLine == nil { firstNULLine = later.firstNULLine }
        if later.firstNULLine != nil { lastNULLine = later.lastNULLine }
        score.merge(later.score)
    }

    /// The notes for `path`, read as `encoding`; `headEndLine` is the first line past the
    /// first chunk.
    func notes(path: String, encoding: TextEncoding, headEndLine: Int) -> [String] {
        var notes: [String] = []
        if let first = firstInvalidLine {
            let place = DefectTally.place(first, lastInvalidLine, lines: invalidLines)
            let sequences = "\(invalid) byte sequence\(invalid == 1 ? "" : "s")"
            if encoding != .utf8 {
                notes.append("\(path): \(invalid) character\(invalid == 1 ? "" : "s") on \(place) could not be decoded as \(encoding) (\(DefectTally.undecodable(in: encoding))): \(invalid == 1 ? "it is" : "each is") shown as U+FFFD and its cell listed as invalid_encoding")
            } else if let lookalike = score.lookalike, first >= headEndLine {
                notes.append("\(path): bytes after line \(first - 1) are not UTF-8: \(sequences) on \(place). They look like \(lookalike), while the encoding was chosen from the first \(headEndLine - 1) lines, which are UTF-8: the file may join two exports. Each cell holding them is listed as invalid_encoding and shown with U+FFFD; to read those lines as written, split the file after line \(first - 1) and import the rest with --encoding \(DefectTally.option(for: score.verdict))")
            } else {
                let looks = score.lookalike.map { "; they look like \($0) (the file may mix two encodings)" } ?? ""
                notes.append("\(path): \(sequences) on \(place) \(invalid == 1 ? "is" : "are") not valid UTF-8\(looks): \(invalid == 1 ? "it is" : "each is") shown as U+FFFD and its cell listed as invalid_encoding; everything else is kept as written")
            }
        }
        if let first = firstNULLine {
            var note = "\(path): \(nul) NUL byte\(nul == 1 ? "" : "s") on \(DefectTally.place(first, lastNULLine, lines: nulLines)): \(nul == 1 ? "it is" : "each is") shown as U+FFFD and its cell listed as nul_byte"
            let isWide = [.utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian].contains(encoding)
            if !isWide, nul >= 10 || nulLines > 1 {
                note += "; many NUL bytes often mean UTF-16 or UTF-32 without a byte order mark: try --encoding utf-16le (or utf-16be, utf-32le, utf-32be)"
            }
            notes.append(note)
        }
        return notes
    }

    /// `line 5`, or `lines 5–90 (12 lines)`.
    private static func place(_ first: Int, _ last: Int, lines: Int) -> String {
        first == last ? "line \(first)" : "lines \(first)–\(last) (\(lines) line\(lines == 1 ? "" : "s"))"
    }

    private static func undecodable(in encoding: TextEncoding) -> String {
        switch encoding {
        case .utf16LittleEndian, .utf16BigEndian: "a lone surrogate, or a code unit cut off at the end"
        case .utf32LittleEndian, .utf32BigEndian: "a value that is not a Unicode character, or a code unit cut off at the end"
        case .windows1251: "byte 98 has no character in windows-1251"
        case .windows1252: "bytes 81, 8D, 8F, 90 and 9D have no character in windows-1252"
        case .utf8, .latin1: "bytes with no character"
        }
    }

    private static func option(for verdict: LegacyScore.Verdict) -> String {
        verdict == .latin ? "windows-1252 (or latin-1)" : "windows-1251"
    }
}
