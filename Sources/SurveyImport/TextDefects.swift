import Foundation

/// One UTF-8 sequence read from a buffer: how long it is and whether it is valid.
///
/// An invalid sequence is a "maximal subpart" (Unicode 15, §3.9): the longest start of a
/// well-formed sequence, or one byte. That is what Swift's `String(decoding:as:)` replaces with
/// one U+FFFD, so the problems listed and the U+FFFD written always match one to one.
struct UTF8Sequence {
    var length: Int
    var isValid: Bool
    /// The buffer ended before an otherwise well-formed sequence did.
    var isCut = false

    /// The sequence starting at `index` (a non-ASCII byte).
    static func at(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UTF8Sequence {
        let lead = bytes[index]
        var needed: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return UTF8Sequence(length: 1, isValid: true)
        case 0xC2...0xDF: needed = 1
        case 0xE0: needed = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: needed = 2
        case 0xED: needed = 2; high = 0x9F
        case 0xF0: needed = 3; low = 0x90
        case 0xF1...0xF3: needed = 3
        case 0xF4: needed = 3; high = 0x8F
        default: return UTF8Sequence(length: 1, isValid: false)
        }
        var next = index + 1
        while needed > 0 {
            guard next < bytes.count else { return UTF8Sequence(length: next - index, isValid: false, isCut: true) }
            let byte = bytes[next]
            guard byte >= low, byte <= high else { return UTF8Sequence(length: next - index, isValid: false) }
            low = 0x80
            high = 0xBF
            next += 1
            needed -= 1
        }
        return UTF8Sequence(length: next - index, isValid: true)
    }
}

/// Bytes of decoded text that cannot reach an answer as they are: sequences that are not
/// valid UTF-8 (in a transcoded file, the marker for a character its encoding could not
/// decode, `Transcoder.undecodable`) and NUL bytes.
///
/// The reader checks each 1 MiB chunk at once (`isClean`: one validation pass and one
/// `memchr`, the only cost on clean files) and looks line by line only in a chunk that fails.
/// The importer repairs the cells of the records that hold such bytes (`repair`): each
/// defect becomes one U+FFFD and is listed as a problem, every other byte is kept.
enum TextDefects {
    /// One defect in a cell.
    struct Defect: Equatable, Sendable {
        /// The bytes as they were (`[0]` for NUL).
        var bytes: [UInt8]
        /// Where it is: the character (Unicode scalar, from 1) of the repaired cell.
        var character: Int
        var isNUL: Bool { bytes == [0] }
    }

    /// Whether `bytes` is valid UTF-8 without a NUL byte.
    ///
    /// The standard library's validation goes byte by byte once a buffer holds one non-ASCII
    /// byte, and every 1 MiB chunk of a Russian export does: here runs of ASCII are skipped
    /// eight bytes at a time and only the stretches between them are validated. A stretch
    /// starts and ends beside an ASCII byte, which is always where a character starts, so the
    /// stretches are valid exactly when the whole is.
    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
        if memchr(base, 0, bytes.count) != nil { return false }
        let raw = UnsafeRawPointer(base), count = bytes.count
        let high: UInt64 = 0x8080_8080_8080_8080
        var position = 0
        while position < count {
            while position + 8 <= count, raw.loadUnaligned(fromByteOffset: position, as: UInt64.self) & high == 0 { position += 8 }
            if position + 8 > count {
                return (try? UTF8Span(validating: UnsafeBufferPointer(rebasing: bytes[position...]).span)) != nil
            }
            var end = position + 8
            while end + 8 <= count, raw.loadUnaligned(fromByteOffset: end, as: UInt64.self) & high != 0 { end += 8 }
            if end + 8 > count { end = count }
            guard (try? UTF8Span(validating: UnsafeBufferPointer(rebasing: bytes[position..<end]).span)) != nil else { return false }
            position = end
        }
        return true
    }

    /// How many invalid sequences and NUL bytes `bytes` holds.
    static func count(in bytes: UnsafeBufferPointer<UInt8>) -> (invalid: Int, nul: Int) {
        var invalid = 0, nul = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 { nul += 1 }
                index += 1
                continue
            }
            let sequence = UTF8Sequence.at(index, in: bytes)
            if !sequence.isValid { invalid += 1 }
            index += sequence.length
        }
        return (invalid, nul)
    }

    /// `bytes` with each defect replaced by U+FFFD, and the defects; nil when there are none.
    static func repair(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], defects: [Defect])? {
        var out: [UInt8] = []
        var defects: [Defect] = []
        var characters = 0
        var index = 0
        var copied = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            let isDefect: Bool
            if byte < 0x80 {
                length = 1
                isDefect = byte == 0
            } else {
                let sequence = UTF8Sequence.at(index, in: bytes)
                length = sequence.length
                isDefect = !sequence.isValid
            }
            characters += 1
            if isDefect {
                if defects.isEmpty { out.reserveCapacity(bytes.count + 8) }
                out.append(contentsOf: bytes[copied..<index])
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                defects.append(Defect(bytes: Array(bytes[index..<(index + length)]), character: characters))
                copied = index + length
            }
            index += length
        }
        guard !defects.isEmpty else { return nil }
        out.append(contentsOf: bytes[copied...])
        return (out, defects)
    }

    /// `bytes` as text with each defect shown as U+FFFD (rejected rows, raw text).
    static func text<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let array = Array(bytes)
        let repaired = array.withUnsafeBufferPointer { repair($0) }
        return String(decoding: repaired?.bytes ?? array, as: UTF8.self)
    }

    /// A cell that held defects: its bytes as they were and what was wrong.
    struct Cell: Sendable {
        var raw: [UInt8]
        var defects: [Defect]
    }

    /// The record with every defective field repaired, and those cells by field index; nil
    /// when no field has one.
    static func repair(_ record: CSVRecord) -> (record: CSVRecord, cells: [Int: Cell])? {
        var found: [Int: Cell] = [:]
        var repaired = CSVRecord()
        record.bytes.withUnsafeBufferPointer { buffer in
            for field in 0..<record.count {
                let start = field == 0 ? 0 : record.ends[field - 1]
                let bytes = UnsafeBufferPointer(rebasing: buffer[start..<record.ends[field]])
                if let fixed = repair(bytes) {
                    found[field] = Cell(raw: Array(bytes), defects: fixed.defects)
                    repaired.append(fixed.bytes)
                } else {
                    repaired.append(bytes)
                }
            }
        }
        return found.isEmpty ? nil : (repaired, found)
    }
}
