import SurveyImport
import SurveyModel

/// The columns of an exported file and how each response fills them: one row per respondent,
/// one variable per question (named by its id), multiple choice as 0/1 dichotomies
/// (`sessions_legal`), the text of other answers in `ID_other`.
///
/// Closed answers are stored as numbers with value labels: rating points as they are, yes = 1
/// and no = 0, choice codes as written when every code is a whole number, otherwise 1, 2, … in
/// the definition's order. Declared missing codes keep their number when they are whole numbers
/// no real answer uses, otherwise they get -1, -2, … (the labels say which is which).
public struct ExportLayout: Sendable {
    public let questionnaire: Questionnaire
    public let format: ExportFormat
    /// The language of labels.
    public let language: String
    public private(set) var variables: [ExportVariable] = []
    /// Whether any submission time carried a UTC offset: then `submitted_utc_offset` is added.
    public private(set) var hasOffsets = false
    /// The most digits of a second's fraction any submission time wrote (the CSV keeps them all).
    public private(set) var fractionDigits = 0
    /// How many texts hold a line break, which SPSS's `GET DATA` cannot read from a CSV.
    public private(set) var textsWithLineBreaks = 0

    /// The numbers stored for each question's categories and missing codes, by question index.
    private var categoryValues: [[Double]] = []
    private var missingValues: [[Double]] = []

    public init(questionnaire: Questionnaire, format: ExportFormat, language: String? = nil) throws(ExportError) {
        self.questionnaire = questionnaire
        self.format = format
        let languages = ExportLayout.languages(of: questionnaire)
        if let language, !languages.contains(language) {
            throw .unknownLanguage(language, known: languages)
        }
        self.language = language ?? questionnaire.language
        for question in questionnaire.questions {
            let (categories, missing) = try ExportLayout.coding(of: question)
            categoryValues.append(categories)
            missingValues.append(missing)
        }
        variables = makeVariables(offsets: false)
        if format != .dta {
            for variable in variables where !variable.missingValues.isEmpty && variable.spssMissing == nil {
                if case .answer(let question) = variable.source {
                    throw .tooManyMissingCodes(question: questionnaire.questions[question].id, codes: variable.missingValues.map(\.code))
                }
                if case .chosen(let question, _) = variable.source {
                    throw .tooManyMissingCodes(question: questionnaire.questions[question].id, codes: variable.missingValues.map(\.code))
                }
            }
        }
    }

    /// Languages the definition's question texts are written in.
    public static func languages(of questionnaire: Questionnaire) -> [String] {
        var seen: [String] = []
        for question in questionnaire.questions {
            for entry in question.text.translations where !entry.language.isEmpty && !seen.contains(entry.language) {
                seen.append(entry.language)
            }
        }
        if !seen.contains(questionnaire.language) { seen.insert(questionnaire.language, at: 0) }
        return seen
    }

    // MARK: First pass: what the data needs

    /// Bytes of `text` as the file holds it: a CSV puts `'` before a text that a spreadsheet
    /// would run as a formula (`-minus first`), and the .sps's width must count it, or SPSS
    /// cuts the text's last byte.
    private func written(_ text: String) -> Int {
        format == .csv ? CSVFormat.neutralized(text).utf8.count : text.utf8.count
    }

    /// Widens text variables and number decimals to fit `response`; run over every response
    /// before the first row is written (SPSS and Stata declare widths up front).
    public mutating func fit(_ response: Response) {
        if response.submittedAt?.utcOffsetMinutes != nil, !hasOffsets {
            hasOffsets = true
            let fitted = variables
            variables = makeVariables(offsets: true)
            for variable in fitted {
                if let slot = variables.firstIndex(where: { $0.source == variable.source }) { variables[slot].storage = variable.storage }
            }
        }
        fractionDigits = max(fractionDigits, response.submittedAt?.fractionDigits ?? 0)
        for index in variables.indices {
            switch (variables[index].source, variables[index].storage) {
            case (.respondent, .text(let width)):
                variables[index].storage = .text(width: max(width, written(response.respondent)))
            case (.otherText(let question), .text(let width)):
                guard let text = response.otherTexts[question] else { break }
                variables[index].storage = .text(width: max(width, written(text)))
                if ExportLayout.hasLineBreak(text) { textsWithLineBreaks += 1 }
            case (.answer(let question), .text(let width)):
                if case .text(let text) = response.answers[question] {
                    variables[index].storage = .text(width: max(width, written(text)))
                    if ExportLayout.hasLineBreak(text) { textsWithLineBreaks += 1 }
                }
            case (.answer(let question), .number(let decimals)):
                if case .number(let value) = response.answers[question] {
                    variables[index].storage = .number(decimals: max(decimals, ExportLayout.decimals(of: value)))
                }
            default:
                break
            }
        }
    }

    // MARK: Second pass: the rows

    /// The row of `response`, one cell per variable.
    public func cells(for response: Response) -> [ExportCell] {
        // Sources only: copying whole variables (names, labels) per row cost a tenth of an export.
        variables.indices.map { index in
            switch variables[index].source {
            case .respondent:
                return .text(response.respondent)
            case .submittedAt:
                return response.submittedAt.map(ExportCell.moment) ?? .empty
            case .utcOffset:
                return response.submittedAt?.utcOffsetMinutes.map { .number(Double($0)) } ?? .empty
            case .otherText(let question):
                return response.otherTexts[question].map(ExportCell.text) ?? .empty
            case .chosen(let question, let choice):
                switch response.answers[question] {
                case .choices(let set): return .number(set.contains(choice) ? 1 : 0)
                case .missingCode(let code): return .missingCode(code)
                default: return .empty
                }
            case .answer(let question):
                switch response.answers[question] {
                case .missing: return .empty
                case .choice(let index): return .number(categoryValues[question][index])
                case .choices: return .empty
                case .rating(let point): return .number(Double(point))
                case .yesNo(let yes): return .number(yes ? 1 : 0)
                case .number(let value): return .number(value)
                case .text(let text): return .text(text)
                case .date(let date): return .date(date)
                case .missingCode(let code): return .missingCode(code)
                }
            }
        }
    }

    // MARK: Building

    private func makeVariables(offsets: Bool) -> [ExportVariable] {
        var naming = VariableNaming(limit: format.nameLimit)
        var result: [ExportVariable] = []
        func add(_ wanted: String, _ label: String, _ storage: ExportVariable.Storage, _ measure: ExportVariable.Measure,
                 _ source: ExportVariable.Source, values: [ValueLabel] = [], missing: [ValueLabel] = [], base: String? = nil) {
            let name = naming.claim(base ?? wanted)
            result.append(ExportVariable(name: name, wanted: name == wanted ? nil : wanted, label: label, storage: storage, measure: measure,
                                         valueLabels: values, missingValues: missing, source: source))
        }
        let words = ExportWords(language: language)
        add("respondent", words.respondent, .text(width: 1), .nominal, .respondent)
        add("submitted_at", words.submittedAt, .dateTime, .scale, .submittedAt)
        if offsets { add("submitted_utc_offset", words.utcOffset, .number(decimals: 0), .scale, .utcOffset) }
        // Question ids and their `ID_other` columns first, so that they keep their names and a
        // dichotomy that would clash (the `other` choice's `ID_other`) is the one renamed.
        var names: [String: String] = [:]
        for question in questionnaire.questions {
            names[question.id] = naming.claim(question.id)
            if let other = question.otherColumn { names[other] = naming.claim(other) }
        }
        for (index, question) in questionnaire.questions.enumerated() {
            let text = question.text.text(in: language)
            let missing = zip(question.missingCodes, missingValues[index]).map { code, value in
                ValueLabel(value: value, code: code.code, label: code.label.text(in: language))
            }
            // A rating point without a label of its own is labelled with its number: no label then.
            let categories = zip(question.categories, categoryValues[index]).map { category, value in
                ValueLabel(value: value, code: category.code, label: category.label.text(in: language))
            }.filter { $0.label != $0.code || question.kind.keyword != "rating" }
            func own(_ wanted: String) -> (String, String?) {
                let name = names[wanted]!
                return (name, name == wanted ? nil : wanted)
            }
            switch question.kind {
            case .multipleChoice(let choices, _):
                for (position, choice) in choices.enumerated() {
                    let base = question.id + "_" + VariableNaming.codePart(choice.code, position: position + 1)
                    let values = [ValueLabel(value: 0, code: "", label: words.notChosen),
                                  ValueLabel(value: 1, code: choice.code, label: choice.label.text(in: language))]
                    add(question.id + "_" + choice.code, text + ": " + choice.label.text(in: language), .number(decimals: 0), .nominal,
                        .chosen(question: index, choice: position), values: values, missing: missing, base: base)
                }
            default:
                let (name, wanted) = own(question.id)
                let storage: ExportVariable.Storage
                let measure: ExportVariable.Measure
                switch question.kind {
                case .rating: (storage, measure) = (.number(decimals: 0), .ordinal)
                case .singleChoice, .yesNo, .multipleChoice: (storage, measure) = (.number(decimals: 0), .nominal)
                case .number: (storage, measure) = (.number(decimals: 0), .scale)
                case .text: (storage, measure) = (.text(width: 1), .nominal)
                case .date: (storage, measure) = (.date, .scale)
                }
                result.append(ExportVariable(name: name, wanted: wanted, label: text, storage: storage, measure: measure,
                                             valueLabels: categories, missingValues: missing, source: .answer(question: index)))
            }
            if let other = question.otherColumn {
                let (name, wanted) = own(other)
                result.append(ExportVariable(name: name, wanted: wanted, label: text + ": " + words.otherText, storage: .text(width: 1),
                                             measure: .nominal, valueLabels: [], missingValues: [], source: .otherText(question: index)))
            }
        }
        return result
    }

    /// The numbers of a question's categories and missing codes.
    static func coding(of question: Question) throws(ExportError) -> (categories: [Double], missing: [Double]) {
        let categories: [Double]
        switch question.kind {
        case .rating(let scale, _): categories = scale.map(Double.init)
        case .yesNo: categories = [1, 0]
        case .singleChoice(let choices), .multipleChoice(let choices, _):
            let numbers = choices.compactMap { Int($0.code) }
            if numbers.count == choices.count, Set(numbers).count == numbers.count, question.kind.keyword == "single_choice" {
                categories = numbers.map(Double.init)
            } else {
                categories = choices.indices.map { Double($0 + 1) }
            }
        case .number, .text, .date: categories = []
        }
        var used = Set(categories)
        var missing: [Double] = []
        // Where made-up numbers start: -1, or below every answer a number question takes.
        var next: Double = -1
        if case .number(let minimum, _, _) = question.kind {
            next = minimum.map { $0 >= 0 ? -1 : ($0.rounded(.down) - 1) } ?? -1_000_001
        }
        for code in question.missingCodes {
            if let number = ExportLayout.wholeNumber(code.code), !used.contains(number) {
                missing.append(number)
                used.insert(number)
                continue
            }
            while used.contains(next) || question.missingCodes.contains(where: { ExportLayout.wholeNumber($0.code) == next }) {
                next -= 1
            }
            missing.append(next)
            used.insert(next)
        }
        return (categories, missing)
    }

    /// Whether `text` holds a CR or LF, the bytes that end a line for `GET DATA`.
    static func hasLineBreak(_ text: String) -> Bool {
        text.utf8.contains { $0 == 0x0A || $0 == 0x0D }
    }

    /// A code written as a whole number (`99`, `-1`, `+7`), as a number.
    static func wholeNumber(_ code: String) -> Double? {
        Int(code.hasPrefix("+") ? String(code.dropFirst()) : code).map(Double.init)
    }

    /// Decimal places of the shortest text that reads back as `value`.
    static func decimals(of value: Double) -> Int {
        let text = Answer.format(value)
        if text.contains("e") || text.contains("E") { return 16 }
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return min(16, text.distance(from: dot, to: text.endIndex) - 1)
    }
}
