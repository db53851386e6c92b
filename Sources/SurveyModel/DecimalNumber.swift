/// How a questionnaire reads a number written by a person: decimal digits, nothing else.
///
/// `Double("…")` also reads `nan`, `inf`, `Infinity`, hexadecimal (`0x20`, `0x1p3`) and
/// numbers too large to store (`1e400` becomes infinity); none of those is a number anyone
/// means on a feedback form, and a NaN or an infinity would poison every mean it reaches.
/// So answers, `min:`/`max:` in definitions, `when:`/`--where` comparisons and the terminal
/// form all read numbers here:
///
///     [+|-] digits [. digits] [e|E [+|-] digits]     (or `.5`, `5.`)
///
/// with ASCII digits only; spaces, no-break spaces and narrow no-break spaces are thousands
/// separators (`1 000`) and dropped; when the text has no `.` and exactly one `,`, the comma is
/// the decimal point (`3,5`, as Russian spreadsheets write it).
public enum DecimalNumber {
    /// What a text holds.
    public enum Reading: Sendable, Hashable {
        /// A finite number.
        case value(Double)
        /// Not a decimal number at all (letters, hexadecimal, `nan`, `inf`, two points…).
        case notANumber
        /// A well-formed decimal number beyond what a Double can hold (about ±1.8e308), e.g. `1e400`.
        case beyondRange
    }

    /// The range of numbers that can be stored, for messages about `beyondRange`.
    public static let rangeDescription = "±1.79e308"

    /// Reads `text` by the rules above.
    public static func read<S: StringProtocol>(_ text: S) -> Reading {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var points = 0
        var commas = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\u{00A0}", "\u{202F}": continue
            case ".": points += 1
            case ",": commas += 1
            default: break
            }
            // Anything outside ASCII is never part of a decimal number.
            guard scalar.isASCII else { return .notANumber }
            bytes.append(UInt8(scalar.value))
        }
        if points == 0, commas == 1, let comma = bytes.firstIndex(of: UInt8(ascii: ",")) {
            bytes[comma] = UInt8(ascii: ".")
        }
        guard isDecimal(bytes) else { return .notANumber }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)) else { return .notANumber }
        return value.isFinite ? .value(value) : .beyondRange
    }

    /// The finite value, or nil for anything else.
    public static func value<S: StringProtocol>(_ text: S) -> Double? {
        if case .value(let value) = read(text) { return value }
        return nil
    }

    /// `[+-] (digits [. [digits]] | . digits) [(e|E) [+-] digits]`, ASCII only.
    static func isDecimal(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }
        func sign() {
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        }
        sign()
        var mantissa = digits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            sign()
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }
}
