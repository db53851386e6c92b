/// The alphabet of a letter, because the stemmer (per word) and the language guess (per answer) follow it.
enum Script: Equatable, Sendable {
    case latin
    case cyrillic

    /// The script of a letter; nil for digits, punctuation and letters of other alphabets.
    init?(_ scalar: Unicode.Scalar) {
        // Ranges first: the Unicode property lookup is the slow part, and most text is ASCII or
        // basic Cyrillic, whose letters need no lookup.
        let script: Script
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A:
            self = .latin
            return
        case 0x410...0x44F:
            self = .cyrillic
            return
        case 0xC0...0x24F, 0x1E00...0x1EFF, 0xA720...0xA7FF, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            script = .latin
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F:
            script = .cyrillic
        default:
            return nil
        }
        guard scalar.properties.isAlphabetic else { return nil }
        self = script
    }

    /// The script most letters belong to; ties go to the script of the first such letter.
    static func dominant(in scalars: String.UnicodeScalarView) -> Script? {
        var latin = 0
        var cyrillic = 0
        var first: Script?
        for scalar in scalars {
            guard let script = Script(scalar) else { continue }
            switch script {
            case .latin: latin += 1
            case .cyrillic: cyrillic += 1
            }
            if first == nil { first = script }
        }
        if latin == cyrillic { return first }
        return latin > cyrillic ? .latin : .cyrillic
    }
}
