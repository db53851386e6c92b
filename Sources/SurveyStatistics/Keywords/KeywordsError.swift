import Foundation

/// Problems that stop keyword counting, worded so that the person running `survey` can fix them.
public enum KeywordsError: Error, Equatable, Sendable {
    /// The questionnaire's `language` names a language we have no stop words and stemmer for.
    case unsupportedLanguage(String)
    /// libstemmer could not make a stemmer: the installed library lacks the algorithm, or memory ran out.
    case stemmerUnavailable(algorithm: String)
}

extension KeywordsError: LocalizedError {
    /// The message shown to the user, naming the valid values and repeating the bad one.
    public var errorDescription: String? {
        switch self {
        case .unsupportedLanguage(let code):
            let valid = KeywordLanguage.allCases.map { "\"\($0.rawValue)\"" }
            return "`language` must be one of \(valid.dropLast().joined(separator: ", ")) or \(valid.last!), not \"\(code)\""
        case .stemmerUnavailable(let algorithm):
            return "libstemmer has no \"\(algorithm)\" stemmer for UTF_8 (is Debian's libstemmer0d installed?)"
        }
    }
}
