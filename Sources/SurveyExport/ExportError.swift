import Foundation

/// Why `survey export` cannot write its file. Problems with single answers are not errors: the
/// importer lists them as `survey import` does, and the answer is exported as missing.
public enum ExportError: Error, LocalizedError, Sendable, Equatable {
    /// The output file (or the syntax file beside it) could not be written.
    case writeFailed(path: String, reason: String)
    /// ReadStat refused the file it was asked to write.
    case readStat(path: String, step: String, message: String)
    /// More declared missing codes than SPSS can declare for one variable (three values, or a
    /// range holding no real answer plus one value).
    case tooManyMissingCodes(question: String, codes: [String])
    /// `--lang` names a language none of the definition's texts is written in.
    case unknownLanguage(String, known: [String])
    /// The output (`path`: the data file, or the syntax file beside it) would overwrite an input:
    /// a response file, or the definition.
    case outputIsInput(path: String, input: String, isDefinition: Bool)

    public var errorDescription: String? {
        switch self {
        case .writeFailed(let path, let reason):
            return "\(path): error: cannot write: \(reason)"
        case .readStat(let path, let step, let message):
            return "\(path): error: ReadStat could not write the file (\(step)): \(message)"
        case .tooManyMissingCodes(let question, let codes):
            return "error: question `\(question)` declares \(codes.count) missing codes (\(codes.joined(separator: ", "))); an SPSS variable holds at most three, or a range without real answers in it plus one. Give the question fewer codes (`missing:` on the question), or export --to dta or csv"
        case .unknownLanguage(let language, let known):
            return "error: --lang \(language): the definition has no texts in `\(language)`; its languages: \(known.joined(separator: ", "))"
        case .outputIsInput(let path, let input, let isDefinition):
            let what = isDefinition ? "the questionnaire definition" : "one of the response files"
            return "\(path): error: this would overwrite \(input), \(what) being read; choose another --out"
        }
    }

    /// Whether the command line or definition is at fault (exit 2) rather than the output (exit 1).
    public var isUsageError: Bool {
        switch self {
        case .writeFailed, .readStat: false
        case .tooManyMissingCodes, .unknownLanguage, .outputIsInput: true
        }
    }
}
