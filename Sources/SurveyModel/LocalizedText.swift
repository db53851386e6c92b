/// A question text or label that may exist in several languages.
///
/// Definitions are often bilingual (English and Russian), and reports are rendered in one
/// language, so every text keeps all its translations in the order they were written.
public struct LocalizedText: Sendable, Hashable {
    /// Translations as (language code, text), in definition order.
    public var translations: [(language: String, text: String)]

    /// A text with one untagged translation, shown in every language.
    public init(_ text: String) {
        translations = [("", text)]
    }

    /// A text with explicit translations.
    public init(translations: [(language: String, text: String)]) {
        self.translations = translations
    }

    /// The text in `language`, falling back to the untagged or first translation.
    public func text(in language: String?) -> String {
        if let language, let hit = translations.first(where: { $0.language == language }) {
            return hit.text
        }
        if let plain = translations.first(where: { $0.language.isEmpty }) { return plain.text }
        return translations.first?.text ?? ""
    }

    /// Every translation, for matching CSV headers and values written in any language.
    public var allTexts: [String] { translations.map(\.text) }

    public static func == (lhs: LocalizedText, rhs: LocalizedText) -> Bool {
        lhs.translations.elementsEqual(rhs.translations) { $0.language == $1.language && $0.text == $1.text }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in translations {
            hasher.combine(entry.language)
            hasher.combine(entry.text)
        }
    }
}
