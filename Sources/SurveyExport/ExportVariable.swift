/// One column of an exported file: its name, labels and how it is stored, and which part of a
/// response fills it.
public struct ExportVariable: Sendable, Hashable {
    /// How the values are stored.
    public enum Storage: Sendable, Hashable {
        /// A number shown with `decimals` places (codes, ratings, dichotomies, number answers).
        case number(decimals: Int)
        /// Text of at most `width` bytes of UTF-8 (at least 1).
        case text(width: Int)
        /// A calendar date.
        case date
        /// A date and time of day (`submitted_at`).
        case dateTime
    }

    /// SPSS's measurement level, which tells analysts which statistics make sense.
    public enum Measure: String, Sendable, Hashable { case nominal, ordinal, scale }

    /// Where a value comes from.
    public enum Source: Sendable, Hashable {
        case respondent
        case submittedAt
        /// Minutes east of UTC of `submitted_at`, when the export wrote a zone.
        case utcOffset
        /// The answer to question `question` (index in form order).
        case answer(question: Int)
        /// 1 when choice `choice` of multiple-choice question `question` was picked, 0 when not.
        case chosen(question: Int, choice: Int)
        /// The text of an other answer (`ID_other`).
        case otherText(question: Int)
    }

    /// The variable name, valid in SPSS and Stata.
    public var name: String
    /// What the name would be without the format's rules, when it had to change (`to` → `to_`).
    public var wanted: String?
    /// The question text in the chosen language (with the choice label for a dichotomy).
    public var label: String
    public var storage: Storage
    public var measure: Measure
    /// Value labels of real answers, in the order tables show them.
    public var valueLabels: [ValueLabel]
    /// The question's declared missing codes, as the numbers stored for them.
    public var missingValues: [ValueLabel]
    public var source: Source

    /// Whether the storage is text.
    public var isText: Bool {
        if case .text = storage { return true }
        return false
    }
}

/// A number with the label people read for it.
public struct ValueLabel: Sendable, Hashable {
    /// The number stored in the file.
    public var value: Double
    /// The code as written in the definition and in canonical files (`gov`, `99`).
    public var code: String
    /// The label in the chosen language.
    public var label: String
}

/// How SPSS declares a variable's missing codes: at most three values, or one range plus one value.
public struct SPSSMissing: Sendable, Hashable {
    public var range: ClosedRange<Double>?
    public var values: [Double]
}

extension ExportVariable {
    /// The SPSS declaration of the missing codes; nil when there are none, or when there are more
    /// than three and no range can hold all but one of them without holding a real answer (a
    /// number question's real answers are unknown, so it never gets a range).
    public var spssMissing: SPSSMissing? {
        let values = missingValues.map(\.value).sorted()
        guard !values.isEmpty else { return nil }
        if values.count <= 3 { return SPSSMissing(range: nil, values: values) }
        guard measure != .scale else { return nil }
        let real = valueLabels.map(\.value)
        func clear(_ codes: ArraySlice<Double>) -> ClosedRange<Double>? {
            let range = codes.first!...codes.last!
            return real.contains(where: range.contains) ? nil : range
        }
        if let range = clear(values[...]) { return SPSSMissing(range: range, values: []) }
        if let range = clear(values.dropLast()) { return SPSSMissing(range: range, values: [values.last!]) }
        if let range = clear(values.dropFirst()) { return SPSSMissing(range: range, values: [values.first!]) }
        return nil
    }
}
