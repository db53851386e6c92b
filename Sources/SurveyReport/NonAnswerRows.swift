import SurveyModel
import SurveyStatistics

/// The rows every question table shows under its answers, in this order: declared missing
/// codes, "No answer" (left blank), "Invalid", "Not asked" (skip logic).
///
/// One list for every format (stats text, csv and json; report md, html and frequencies.csv),
/// so they cannot disagree. Missing codes, invalid and not asked appear only when someone falls
/// in them; "No answer" always, so a reader sees that blanks were looked for. Percentages are of
/// the respondents asked; "Not asked" is outside that base and has none.
public struct NonAnswerRow: Sendable, Hashable {
    /// What the row counts.
    public enum Kind: String, Sendable, Hashable {
        case missingCode = "missing_code", blank, invalid, notAsked = "not_asked"
    }

    public var kind: Kind
    /// The missing code (for `.missingCode`), else empty.
    public var code: String
    /// The label of a missing code (for `.missingCode`).
    public var label: LocalizedText?
    public var count: Int
    /// count / asked × 100; nil for "Not asked" and when nobody was asked.
    public var percentOfAsked: Double?

    /// The rows for one question's result.
    public static func rows(_ result: QuestionResult, question: Question) -> [NonAnswerRow] {
        let base = result.base
        func share(_ count: Int) -> Double? { base.asked > 0 ? Double(count) / Double(base.asked) * 100 : nil }
        var rows: [NonAnswerRow] = []
        for (index, missing) in (result.missingCodes ?? []).enumerated() where missing.count > 0 {
            let label = index < question.missingCodes.count ? question.missingCodes[index].label : LocalizedText(missing.code)
            rows.append(NonAnswerRow(kind: .missingCode, code: missing.code, label: label, count: missing.count, percentOfAsked: missing.percent))
        }
        rows.append(NonAnswerRow(kind: .blank, code: "", label: nil, count: base.blank, percentOfAsked: share(base.blank)))
        if base.invalid > 0 {
            rows.append(NonAnswerRow(kind: .invalid, code: "", label: nil, count: base.invalid, percentOfAsked: share(base.invalid)))
        }
        if base.skipped > 0 {
            rows.append(NonAnswerRow(kind: .notAsked, code: "", label: nil, count: base.skipped, percentOfAsked: nil))
        }
        return rows
    }

    /// The row's label in a report: the missing code's label, or the phrase for its kind.
    func title(_ phrases: ReportPhrases) -> String {
        switch kind {
        case .missingCode: label?.text(in: phrases.language.rawValue) ?? code
        case .blank: phrases.noAnswer
        case .invalid: phrases.invalidAnswer
        case .notAsked: phrases.notAsked
        }
    }
}
