/// Text as Office Open XML stores it: UTF-8, with characters XML cannot hold written as
/// `_xHHHH_` (`_x000D_` for a carriage return) and a literal `_x` escaped as `_x005F_x`.
enum OOXMLText {
    /// Decodes the bytes of a string item or cell value.
    static func decode(_ bytes: [UInt8]) -> String {
        guard bytes.count >= 7, containsEscape(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var pending: [UInt8] = []
        var index = 0
        func flush() {
            scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
            pending.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            if let value = escape(at: index, in: bytes), let scalar = Unicode.Scalar(value) {
                flush()
                scalars.append(scalar)
                index += 7
            } else {
                pending.append(bytes[index])
                index += 1
            }
        }
        flush()
        return String(scalars)
    }

    private static func containsEscape(_ bytes: [UInt8]) -> Bool {
        for index in 0..<(bytes.count - 1) where bytes[index] == UInt8(ascii: "_") && bytes[index + 1] == UInt8(ascii: "x") {
            return true
        }
        return false
    }

    /// The code of `_xHHHH_` starting at `index`, or nil.
    private static func escape(at index: Int, in bytes: [UInt8]) -> UInt32? {
        guard index + 6 < bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"),
              bytes[index + 6] == UInt8(ascii: "_") else { return nil }
        var value: UInt32 = 0
        for byte in bytes[(index + 2)...(index + 5)] {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value * 16 + UInt32(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value * 16 + UInt32(byte - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value * 16 + UInt32(byte - 55)
            default: return nil
            }
        }
        return value
    }
}
