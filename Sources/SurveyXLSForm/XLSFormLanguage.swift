/// Language columns of an XLSForm (`label::Russian (ru)`, `label:English`, `hint::ru`) and the
/// language codes a definition uses for them.
///
/// XLSForm names a language by free text, optionally followed by its code in parentheses (the
/// form ODK recommends); a definition keys texts by code. The code in parentheses wins; else a
/// short table of names; else the name itself, lowercased, with a note.
enum XLSFormLanguage {
    /// English names of the languages feedback forms in this project meet, by code.
    static let names: [String: String] = [
        "english": "en", "russian": "ru", "kyrgyz": "ky", "kirghiz": "ky", "kazakh": "kk", "uzbek": "uz",
        "tajik": "tg", "french": "fr", "spanish": "es", "german": "de", "arabic": "ar", "portuguese": "pt",
        "chinese": "zh", "turkish": "tr", "ukrainian": "uk", "italian": "it", "swahili": "sw", "hindi": "hi",
        "bengali": "bn", "urdu": "ur", "persian": "fa", "dari": "prs", "pashto": "ps", "amharic": "am",
        "somali": "so", "hausa": "ha", "indonesian": "id", "vietnamese": "vi", "thai": "th", "nepali": "ne",
        "burmese": "my", "dutch": "nl", "polish": "pl", "romanian": "ro", "armenian": "hy", "georgian": "ka",
        "azerbaijani": "az", "mongolian": "mn", "turkmen": "tk",
    ]

    /// The language code for an XLSForm language name; `known` is false when it was guessed
    /// from the name alone.
    static func code(for name: String) -> (code: String, known: Bool) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "("), trimmed.hasSuffix(")") {
            let code = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmingCharacters(in: .whitespaces)
            if !code.isEmpty { return (code.lowercased(), true) }
        }
        let lower = trimmed.lowercased()
        if let code = names[lower] { return (code, true) }
        if names.values.contains(lower) { return (lower, true) }
        return (lower, false)
    }

    /// The XLSForm name written for a code: `Russian (ru)`, or the code alone when unknown.
    static func columnName(for code: String) -> String {
        guard let name = names.first(where: { $0.value == code && $0.key != "kirghiz" })?.key else { return code }
        return name.prefix(1).uppercased() + name.dropFirst() + " (\(code))"
    }

    /// Splits a header such as `label::Russian (ru)` or `label:English` into its base column
    /// (`label`) and language name; the language is nil for an untagged column.
    static func split(header: String) -> (base: String, language: String?) {
        let lower = header.trimmingCharacters(in: .whitespaces)
        if let range = lower.range(of: "::") {
            return (String(lower[..<range.lowerBound]).lowercased(), String(lower[range.upperBound...]))
        }
        if let colon = lower.firstIndex(of: ":") {
            return (String(lower[..<colon]).lowercased(), String(lower[lower.index(after: colon)...]))
        }
        return (lower.lowercased(), nil)
    }
}

import Foundation
