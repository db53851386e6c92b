import Foundation

/// The character encodings found in real survey exports.
public enum TextEncoding: String, Sendable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// UTF-16 little endian (Excel's "Unicode text").
    case utf16LittleEndian = "utf-16le"
    /// UTF-16 big endian.
    case utf16BigEndian = "utf-16be"
    /// Windows-1251, what Excel writes for "CSV" in a Russian locale.
    case windows1251 = "windows-1251"

    public var description: String { rawValue }

    /// Reads an `--encoding` value; accepts common aliases (`utf8`, `cp1251`, `utf-16`).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16", "ucs-2": self = .utf16LittleEndian
        case "utf-16be", "utf16be": self = .utf16BigEndian
        case "windows-1251", "cp1251", "win1251", "windows1251", "1251": self = .windows1251
        default: return nil
        }
    }

    /// Names accepted by `--encoding`, for error messages.
    public static let acceptedNames = "utf-8, utf-16le, utf-16be, windows-1251 (cp1251)"

    /// Guesses the encoding from the first bytes of a file and says how many bytes of BOM to skip.
    ///
    /// A BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is taken as
    /// Windows-1251, the one legacy encoding our users' Excel writes.
    public static func detect(_ head: [UInt8], isWholeFile: Bool) -> (encoding: TextEncoding, bomLength: Int) {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if head.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if head.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        return (isValidUTF8Prefix(head, isWholeFile: isWholeFile) ? .utf8 : .windows1251, 0)
    }

    /// The BOM length for an encoding forced by the user (the BOM is still skipped).
    static func bomLength(of head: [UInt8], for encoding: TextEncoding) -> Int {
        switch encoding {
        case .utf8: head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        case .utf16LittleEndian: head.starts(with: [0xFF, 0xFE]) ? 2 : 0
        case .utf16BigEndian: head.starts(with: [0xFE, 0xFF]) ? 2 : 0
        case .windows1251: 0
        }
    }

    /// Whether `bytes` is valid UTF-8, allowing a sequence cut off at the end of a chunk.
    static func isValidUTF8Prefix(_ bytes: [UInt8], isWholeFile: Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 { length = 2 }
            else if b & 0xF0 == 0xE0 { length = 3 }
            else if b & 0xF8 == 0xF0, b <= 0xF4 { length = 4 }
            else { return false }
            if i + length > n { return !isWholeFile }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}
