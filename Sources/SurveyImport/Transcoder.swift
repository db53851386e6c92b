/// Converts a byte stream in one of the supported encodings to UTF-8, chunk by chunk.
///
/// libcsv and the rest of the importer see only UTF-8; a chunk may end in the middle of a
/// character, so the few bytes left over are carried into the next chunk. A character the
/// encoding cannot decode (a lone UTF-16 surrogate, a UTF-32 value past U+10FFFF, a cut unit
/// at the end, a byte Windows-1251 or -1252 leaves unassigned) becomes `undecodable`, a byte
/// that is never valid UTF-8: the reader then finds it like any invalid byte, and the importer
/// shows it as U+FFFD and lists it as a problem with its line and column, never silently.
struct Transcoder {
    let encoding: TextEncoding
    private var carry: [UInt8] = []
    private var pendingHighSurrogate: UInt16?

    /// Written for a character that cannot be decoded; 0xFF never occurs in UTF-8.
    static let undecodable: UInt8 = 0xFF

    init(encoding: TextEncoding) {
        self.encoding = encoding
    }

    /// Appends the UTF-8 form of `chunk` to `output`.
    mutating func decode(_ chunk: ArraySlice<UInt8>, into output: inout [UInt8]) {
        switch encoding {
        case .utf8:
            output.append(contentsOf: chunk)
        case .windows1251, .windows1252, .latin1:
            output.reserveCapacity(output.count + chunk.count * 2)
            for byte in chunk {
                if byte < 0x80 {
                    output.append(byte)
                } else {
                    appendOneByte(byte, to: &output)
                }
            }
        case .utf16LittleEndian, .utf16BigEndian:
            var bytes = carry
            bytes.append(contentsOf: chunk)
            let usable = bytes.count & ~1
            var i = 0
            while i < usable {
                let unit = encoding == .utf16LittleEndian
                    ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                    : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
                i += 2
                appendUTF16(unit, to: &output)
            }
            carry = Array(bytes[usable...])
        case .utf32LittleEndian, .utf32BigEndian:
            var bytes = carry
            bytes.append(contentsOf: chunk)
            let usable = bytes.count & ~3
            var i = 0
            while i < usable {
                let value = encoding == .utf32LittleEndian
                    ? UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
                    : UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
                i += 4
                if Unicode.Scalar(value) != nil {
                    Transcoder.appendUTF8(value, to: &output)
                } else {
                    output.append(Transcoder.undecodable)
                }
            }
            carry = Array(bytes[usable...])
        }
    }

    private func appendOneByte(_ byte: UInt8, to output: inout [UInt8]) {
        let scalar: UInt16
        switch encoding {
        case .windows1251: scalar = Windows1251.table[Int(byte) - 0x80]
        case .windows1252 where byte < 0xA0: scalar = Windows1252.table[Int(byte) - 0x80]
        default: scalar = UInt16(byte)
        }
        if scalar == 0xFFFD {
            output.append(Transcoder.undecodable)
        } else {
            Transcoder.appendUTF8(UInt32(scalar), to: &output)
        }
    }

    /// Flushes what is left at the end of the input (a cut unit or a lone surrogate is undecodable).
    mutating func finish(into output: inout [UInt8]) {
        if !carry.isEmpty || pendingHighSurrogate != nil {
            output.append(Transcoder.undecodable)
        }
        carry = []
        pendingHighSurrogate = nil
    }

    private mutating func appendUTF16(_ unit: UInt16, to output: inout [UInt8]) {
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                Transcoder.appendUTF8(scalar, to: &output)
                return
            }
            output.append(Transcoder.undecodable)
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHighSurrogate = unit
        case 0xDC00...0xDFFF: output.append(Transcoder.undecodable)
        default: Transcoder.appendUTF8(UInt32(unit), to: &output)
        }
    }

    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
