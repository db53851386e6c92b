/// A label in results' JSON (`survey stats --format json`): `{"en": "…", "ru": "…"}`, or a
/// plain string when it has one untagged text, as the definition writes it.
extension LocalizedText: Codable {
    private struct LanguageKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        if translations.count == 1, translations[0].language.isEmpty {
            var container = encoder.singleValueContainer()
            try container.encode(translations[0].text)
            return
        }
        var container = encoder.container(keyedBy: LanguageKey.self)
        for (language, text) in translations {
            try container.encode(text, forKey: LanguageKey(stringValue: language))
        }
    }

    /// Reads either form; the languages of a mapping come back in alphabetical order (JSON
    /// objects keep none).
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self.init(text)
            return
        }
        let container = try decoder.container(keyedBy: LanguageKey.self)
        let keys = container.allKeys.sorted { $0.stringValue < $1.stringValue }
        self.init(translations: try keys.map { ($0.stringValue, try container.decode(String.self, forKey: $0)) })
    }
}
