/// How a questionnaire reads a number written by a person: decimal digits, nothing else.
///
/// `Double("…")` also reads `nan`, `inf`, `Infinity`, hexadecimal (`0x20`, `0x1p3`) and
/// numbers too large to store (`1e400` becomes infinity); none of those is a number anyone
/// means on a feedback form, and a NaN or an infinity would poison every mean it reaches.
///
/// Answers (import, the terminal form, responses files) are read by `read(_:in:)`, in the
/// questionnaire's declared `NumberConvention`, checked against the other convention so that a
/// value is never silently rescaled (`1,500` is not 1.5 where it may be 1500). `min:`/`max:` in
/// definitions and `when:`/`--where` comparisons are written by the questionnaire's author and
/// read by `read(_:)`:
///
///     [+|-] digits [. digits] [e|E [+|-] digits]     (or `.5`, `5.`)
///
/// with ASCII digits only; spaces, no-break spaces and narrow no-break spaces are dropped; when
/// the text has no `.` and exactly one `,`, the comma is the decimal point.
public enum DecimalNumber {
    /// What a text holds.
    public enum Reading: Sendable, Hashable {
        /// A finite number.
        case value(Double)
        /// Not a decimal number at all (letters, hexadecimal, `nan`, `inf`, two points…).
        case notANumber
        /// A well-formed decimal number beyond what a Double can hold (about ±1.8e308), e.g. `1e400`.
        case beyondRange
        /// Not a number in the declared convention, or two numbers at once: `declared` is the
        /// value in the declared convention (nil when it does not read there) and `other` the
        /// value in the other one (`1,500` in a decimal-comma file: 1.5 or 1500).
        case ambiguous(declared: Double?, other: Double)
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

    // MARK: Declared conventions

    /// Reads `text` (already trimmed) in `convention`, checked against the other convention.
    ///
    /// - Reads the same in both (`42`, `1 500`, `1e3`): that value.
    /// - Reads only in the declared one (`2,5` with a decimal comma): that value.
    /// - Reads only in the other one (`2.5` with a decimal comma): `.ambiguous`, never a guess.
    /// - Reads differently in both: one separator before exactly three digits (`1,500`). When the
    ///   declared convention reads it as a thousands separator (`55,000` with a decimal point)
    ///   that reading stands: nobody who writes `,` between thousands writes 55 as `55,000`. When
    ///   it reads it as the decimal mark (`1,500` with a decimal comma) it is `.ambiguous`: this
    ///   is exactly how the other convention writes a thousand, and a thousandfold error
    ///   is the one the issue was about.
    public static func read<S: StringProtocol>(_ text: S, in convention: NumberConvention) -> Reading {
        let mine = strict(text, convention)
        let theirs = strict(text, convention.other)
        switch (mine, theirs) {
        case (nil, nil): return .notANumber
        case (nil, .some(let other)):
            guard let value = other.value else { return .beyondRange }
            return .ambiguous(declared: nil, other: value)
        case (.some(let declared), nil):
            return declared.value.map { .value($0) } ?? .beyondRange
        case (.some(let declared), .some(let other)):
            guard let value = declared.value else { return .beyondRange }
            guard let otherValue = other.value, otherValue != value else { return .value(value) }
            return declared.grouped ? .value(value) : .ambiguous(declared: value, other: otherValue)
        }
    }

    /// A number as read in one convention: its value (nil beyond a Double) and whether a
    /// thousands separator was read.
    struct Strict {
        var value: Double?
        var grouped: Bool
    }

    /// `[+-] integer [mark digits] [(e|E) [+-] digits]`, where the integer part is plain digits
    /// or groups of three after a first group of 1–3 digits (not `0`), all joined by one kind
    /// of separator of the convention; also `.5`. Nil when the text is not that.
    static func strict<S: StringProtocol>(_ text: S, _ convention: NumberConvention) -> Strict? {
        let mark = convention.decimalMark.asciiValue!
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{00A0}", "\u{202F}": bytes.append(UInt8(ascii: " "))
            default:
                guard scalar.isASCII else { return nil }
                bytes.append(UInt8(scalar.value))
            }
        }
        var plain: [UInt8] = []
        plain.reserveCapacity(bytes.count)
        var index = 0
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func digits() -> Int {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { plain.append(bytes[index]); index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            plain.append(bytes[index]); index += 1
        }
        let first = digits()
        var grouped = false
        if first > 0, index < bytes.count, bytes[index] != mark, convention.grouping.contains(Character(Unicode.Scalar(bytes[index]))) {
            // Thousands: 1–3 digits, not a lone 0, then groups of exactly three, one separator kind.
            let separator = bytes[index]
            let lead = plain.drop(while: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") })
            guard first <= 3, !(first == 1 && lead.first == UInt8(ascii: "0")) else { return nil }
            while index < bytes.count, bytes[index] == separator {
                index += 1
                guard digits() == 3 else { return nil }
            }
            grouped = true
        }
        var fraction = 0
        var hasMark = false
        if index < bytes.count, bytes[index] == mark {
            hasMark = true
            plain.append(UInt8(ascii: "."))
            index += 1
            fraction = digits()
        }
        guard first + fraction > 0, !(grouped && hasMark && fraction == 0) else { return nil }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            plain.append(UInt8(ascii: "e"))
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                plain.append(bytes[index]); index += 1
            }
            guard digits() > 0 else { return nil }
        }
        guard index == bytes.count, let value = Double(String(decoding: plain, as: UTF8.self)) else { return nil }
        return Strict(value: value.isFinite ? value : nil, grouped: grouped)
    }

    /// The text as `Answer.format` writes the number it holds (`1500.25`, `-3`, `1e+20`), or nil
    /// when it is written any other way: how canonical response files are read back exactly.
    public static func canonicalValue<S: StringProtocol>(_ text: S) -> Double? {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")),
              text.utf8.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                  || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "e") }),
              let value = Double(String(text)), value.isFinite, Answer.format(value) == text else { return nil }
        return value
    }
}
