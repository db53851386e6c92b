/// One question of a questionnaire.
public struct Question: Sendable, Hashable {
    /// Identifier used as the column name in canonical response files (`[a-z][a-z0-9_]*`).
    public var id: String
    /// What answers it takes.
    public var kind: QuestionKind
    /// The question as printed on the form.
    public var text: LocalizedText
    /// Whether an asked question must be answered.
    public var required: Bool
    /// Skip logic: the question is asked only when this holds; nil means always asked.
    public var when: Condition?
    /// Other headers the question's column has in exports (`column:` in the definition), matched
    /// like ids and texts, ignoring case, punctuation and spacing (`HeaderKey`).
    public var columns: [String]
    /// How this question's numbers are written (`number_format:`), when it differs from the
    /// questionnaire's.
    public var numberConvention: NumberConvention?
    /// Declared missing codes in effect for this question (`missing:` of the question, merged
    /// with the questionnaire's by the loader); `Answer.missingCode(i)` indexes this list.
    public var missingCodes: [MissingCode]
    /// With `other: true`: the index of the `other` choice, which counts answers outside the
    /// list; their text is kept in the `ID_other` column (`otherColumn`). Nil otherwise.
    public var otherChoice: Int?
    /// A rating's best point when it is not the highest (`best: 3` for "Just enough" on a
    /// too-little…too-much scale); nil means the highest point is best. Reports draw the points
    /// on either side of it as falling short and going too far.
    public var bestRating: Int?

    /// The canonical column holding the text of other answers (`org_type_other`), when the
    /// question takes them.
    public var otherColumn: String? { otherChoice == nil ? nil : id + "_other" }

    public init(id: String, kind: QuestionKind, text: LocalizedText, required: Bool = false, when: Condition? = nil, columns: [String] = [],
                numberConvention: NumberConvention? = nil, missingCodes: [MissingCode] = []) {
        self.missingCodes = missingCodes
        self.id = id
        self.kind = kind
        self.text = text
        self.required = required
        self.when = when
        self.columns = columns
        self.numberConvention = numberConvention
    }

    /// The value of the first category: a rating's lowest point (category `i` is the point
    /// `lowestPoint + i`), 0 for every other kind. Row loops keep it apart, so that they need
    /// not copy `kind` out of the question for every answer.
    public var lowestPoint: Int {
        if case .rating(let scale, _) = kind { return scale.lowerBound }
        return 0
    }

    /// The categories of a closed question, as (code, label), in the order tables show them.
    ///
    /// Ratings use the scale points as codes; yes/no uses `yes` and `no`.
    public var categories: [Category] {
        switch kind {
        case .singleChoice(let choices), .multipleChoice(let choices, _):
            return choices.map { Category(code: $0.code, label: $0.label, aliases: $0.aliases) }
        case .rating(let scale, let labels):
            return scale.map { Category(code: String($0), label: labels[$0] ?? LocalizedText(String($0))) }
        case .yesNo:
            return [
                Category(code: "yes", label: LocalizedText(translations: [("en", "Yes"), ("ru", "Да")])),
                Category(code: "no", label: LocalizedText(translations: [("en", "No"), ("ru", "Нет")])),
            ]
        case .number, .text, .date:
            return []
        }
    }
}

/// A category of a closed question: what tables count.
public struct Category: Sendable, Hashable {
    /// The code as written in canonical files.
    public var code: String
    /// The label shown in reports.
    public var label: LocalizedText
    /// Other texts meaning this category (`Choice.aliases`).
    public var aliases: [String] = []
}
