/// The languages the report's own words exist in.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case russian = "ru"

    /// Reads `--lang`; nil for a language the report has no words in.
    public init?(code: String) {
        switch code.lowercased() {
        case "en", "english": self = .english
        case "ru", "russian", "русский": self = .russian
        default: return nil
        }
    }
}
