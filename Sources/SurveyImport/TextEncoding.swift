import Foundation

/// The character encodings found in real survey exports.
public enum TextEncoding: String, Sendable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// UTF-16 little endian (Excel's "Unicode text").
    case utf16LittleEndian = "utf-16le"
    /// UTF-16 big endian.
    case utf16BigEndian = "utf-16be"
    /// UTF-32 little endian (rare; some database dumps).
    case utf32LittleEndian = "utf-32le"
    /// UTF-32 big endian.
    case utf32BigEndian = "utf-32be"
    /// Windows-1251, what Excel writes for "CSV" in a Russian locale.
    case windows1251 = "windows-1251"
    /// Windows-1252, what Excel writes for "CSV" in a Western European locale.
    case windows1252 = "windows-1252"
    /// ISO-8859-1 (Latin-1): each byte is the character with that number.
    case latin1 = "latin-1"

    public var description: String { rawValue }

    /// Reads an `--encoding` value; accepts common aliases (`utf8`, `cp1251`, `utf-16`, `iso-8859-1`).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16", "ucs-2": self = .utf16LittleEndian
        case "utf-16be", "utf16be": self = .utf16BigEndian
        case "utf-32le", "utf32le", "utf-32", "utf32", "ucs-4": self = .utf32LittleEndian
        case "utf-32be", "utf32be": self = .utf32BigEndian
        case "windows-1251", "cp1251", "win1251", "windows1251", "1251": self = .windows1251
        case "windows-1252", "cp1252", "win1252", "windows1252", "1252": self = .windows1252
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1": self = .latin1
        default: return nil
        }
    }

    /// Names accepted by `--encoding`, for error messages.
    public static let acceptedNames = "utf-8, utf-16le, utf-16be, utf-32le, utf-32be, windows-1251 (cp1251), windows-1252 (cp1252), latin-1 (iso-8859-1)"

    /// What the first bytes of a file say: the encoding to read it in (with the BOM length to
    /// skip and, when no BOM decided, why), or that the bytes do not decide it.
    public enum Detection: Sendable, Equatable {
        /// Read the file as `encoding` after skipping `bomLength` bytes; `reason` says why when
        /// it was not a BOM or plain UTF-8, for the "read as" note.
        case read(TextEncoding, bomLength: Int, reason: String?)
        /// The bytes could be Windows-1251 or a Western encoding; `explanation` says what they
        /// look like and which `--encoding` values to try.
        case unsure(explanation: String)

        /// The encoding decided on, nil when unsure.
        public var encoding: TextEncoding? {
            if case .read(let encoding, _, _) = self { return encoding }
            return nil
        }
    }

    /// Guesses the encoding from the first bytes of a file (the first MiB).
    ///
    /// A BOM decides. Without one, NUL bytes in a steady pattern mean UTF-16 or UTF-32. Then
    /// the evidence is counted (`EncodingEvidence`): text whose non-ASCII bytes are mostly valid
    /// UTF-8 is UTF-8, and its few bad bytes are reported cell by cell, never taken as a reason
    /// to read everything else as Windows-1251. Otherwise the bytes are a one-byte encoding:
    /// Windows-1251 when they run together as Cyrillic words do, unsure when they sit alone
    /// between Latin letters as é, ü and ñ do in Latin-1 text.
    public static func detect(_ head: [UInt8], isWholeFile: Bool) -> Detection {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .read(.utf8, bomLength: 3, reason: nil) }
        if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .read(.utf32LittleEndian, bomLength: 4, reason: nil) }
        if head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .read(.utf32BigEndian, bomLength: 4, reason: nil) }
        if head.starts(with: [0xFF, 0xFE]) { return .read(.utf16LittleEndian, bomLength: 2, reason: nil) }
        if head.starts(with: [0xFE, 0xFF]) { return .read(.utf16BigEndian, bomLength: 2, reason: nil) }
        let evidence = EncodingEvidence(head[...], isWholeFile: isWholeFile)
        if let wide = evidence.wideEncoding {
            return .read(wide.encoding, bomLength: 0, reason: "no byte order mark, but \(wide.pattern)")
        }
        if evidence.invalidSequences == 0 || evidence.looksLikeUTF8 { return .read(.utf8, bomLength: 0, reason: nil) }
        return evidence.legacyDetection
    }

    /// The BOM length for an encoding forced by the user (the BOM is still skipped).
    static func bomLength(of head: [UInt8], for encoding: TextEncoding) -> Int {
        switch encoding {
        case .utf8: head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        case .utf16LittleEndian: head.starts(with: [0xFF, 0xFE]) ? 2 : 0
        case .utf16BigEndian: head.starts(with: [0xFE, 0xFF]) ? 2 : 0
        case .utf32LittleEndian: head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) ? 4 : 0
        case .utf32BigEndian: head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) ? 4 : 0
        case .windows1251, .windows1252, .latin1: 0
        }
    }
}
