import Foundation
import SurveyModel

/// Reads what an operator types for one question: the key shown on screen (`3`), a code
/// (`ngo`), or the unambiguous start of a label in any language (`non-gov`, `неправ`);
/// several choices as `1 3 5` or `1,3,5`; ratings by number; yes/no as y/n/1/0/да/нет.
///
/// Codes and whole labels go through `AnswerParser`, so entry accepts everything the importer
/// accepts; keys and label prefixes are what make typing from paper fast. Numbers, dates and
/// text are the importer's rules unchanged.
public struct TypedAnswerParser: Sendable {
    /// The question this parser reads answers for.
    public let question: Question
    /// The key shown before each category on screen, in category order.
    public let keys: [String]
    private let parser: AnswerParser
    /// Folded codes and labels (every language) with their category, for prefix matching.
    private let prefixes: [(text: String, index: Int)]
    private let labels: [String]
    private let language: String
    private let fallback: String

    /// `convention`: how numbers are typed (the questionnaire's `number_format:`); by default
    /// that of `language`.
    /// `language`: the one labels are shown in (`--lang`), falling back to `fallback` (the
    /// definition's `language:`) where a text has no translation in it.
    public init(question: Question, language: String, fallback: String? = nil, convention: NumberConvention? = nil) {
        self.question = question
        self.language = language
        let fallback = fallback ?? language
        self.fallback = fallback
        parser = AnswerParser(question: question, convention: convention ?? .of(language: language))
        let categories = question.categories
        switch question.kind {
        case .singleChoice(let choices), .multipleChoice(let choices, _):
            // Choices numbered on screen; when every code is itself a number (`1`, `01`), the
            // codes are the keys, so `2` never means one thing on paper and another on screen.
            let numericCodes = choices.allSatisfy { !$0.code.isEmpty && $0.code.allSatisfy(\.isASCIIDigit) }
            keys = numericCodes ? choices.map(\.code) : choices.indices.map { String($0 + 1) }
        case .rating(let scale, _):
            keys = scale.map(String.init)
        case .yesNo:
            keys = ["y", "n"]
        case .number, .text, .date:
            keys = []
        }
        var prefixes: [(String, Int)] = []
        for (index, category) in categories.enumerated() {
            var texts = category.label.allTexts
            if case .rating(_, let ratingLabels) = question.kind {
                // An unlabelled point's "label" is its number; numbers are read as numbers.
                let point = Int(category.code) ?? 0
                texts = ratingLabels[point]?.allTexts ?? []
            } else {
                texts.insert(category.code, at: 0)
            }
            for text in texts { prefixes.append((TextFolding.fold(text), index)) }
        }
        self.prefixes = prefixes
        labels = categories.map { $0.label.text(in: language, fallback: fallback) }
    }

    /// The answer for a typed line (commands already removed); `.missing` for a blank, and for
    /// NA-like text that is not an answer of the question (never in text questions);
    /// `.missingCode` for a declared missing code or its label.
    public func read(_ typed: String) -> Result<Answer, EntryProblem> {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if parser.meansNoAnswer(text) { return .success(.missing) }
        // A declared missing code by code or label (`99`, `099`, `Don't know`), unless the
        // operator typed a key shown on screen.
        if !keys.contains(text), let index = parser.missingCode(text) { return .success(.missingCode(index)) }
        switch question.kind {
        case .singleChoice:
            return choice(text).map { .choice($0) }
        case .multipleChoice(_, let maxChoices):
            return choices(text, maxChoices: maxChoices)
        case .rating(let scale, _):
            return rating(text, scale: scale)
        case .yesNo:
            let outcome = parser.parse(text)
            if outcome.problems.isEmpty, outcome.answer.isAnswered { return .success(outcome.answer) }
            if let index = prefixMatch(text), case .success(let hit) = index { return .success(.yesNo(hit == 0)) }
            return .failure(.notYesNo(text))
        case .number, .date, .text:
            let outcome = parser.parse(text)
            if let problem = outcome.problems.first { return .failure(.invalid(problem)) }
            return .success(outcome.answer)
        }
    }

    /// A refused line read as `survey import` reads the same paper answer in a CSV cell, for
    /// keeping it on purpose (`!!`): the cell (keys of a list turned into their codes, the rest
    /// as typed; a list of too many choices as its codes joined by `;`) and the importer's
    /// outcome for it. Nil when the importer finds nothing wrong with it either, so there is
    /// no rule broken to keep (an ambiguous label start just needs more letters).
    public func asOnPaper(_ typed: String) -> (value: String, outcome: AnswerParser.Outcome)? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        var cell = text
        if case .multipleChoice(let choices, _) = question.kind {
            let tokens = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
            cell = tokens.map { token in
                if case .success(let index) = choice(token) { return choices[index].code }
                return token
            }.joined(separator: ";")
        }
        let outcome = parser.parse(cell)
        return outcome.problems.isEmpty ? nil : (cell, outcome)
    }

    /// The keys as a range for messages: `1–6`, or `1, 01, 2` when they are codes.
    public var keyRange: String {
        guard let first = keys.first, let last = keys.last else { return "" }
        let numbers = keys.compactMap { Int($0) }
        let consecutive = numbers.count == keys.count && zip(keys, numbers).allSatisfy { $0 == String($1) }
            && zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 + 1 }
        if consecutive { return keys.count == 1 ? first : "\(first)–\(last)" }
        return keys.joined(separator: ", ")
    }

    /// How an answer reads back on screen: keys and labels, `4 Useful`, `1 3 Situation; Letter`.
    public func display(_ answer: Answer) -> String {
        switch answer {
        case .missing:
            return ""
        case .choice(let index):
            return "\(keys[index]) \(labels[index])"
        case .choices(let set):
            let picked = Array(set)
            return picked.map { keys[$0] }.joined(separator: " ") + "  " + picked.map { labels[$0] }.joined(separator: "; ")
        case .rating(let value):
            guard case .rating(let scale, let ratingLabels) = question.kind else { return String(value) }
            let label = ratingLabels[value] == nil ? "" : " " + labels[value - scale.lowerBound]
            return "\(value)\(label)"
        case .yesNo(let value):
            return language == "ru" ? (value ? "да" : "нет") : (value ? "yes" : "no")
        case .missingCode(let index):
            let missing = question.missingCodes[index]
            return "\(missing.code) \(missing.label.text(in: language, fallback: fallback))"
        default:
            return answer.canonicalText(for: question)
        }
    }

    // MARK: Choices

    private func choice(_ text: String) -> Result<Int, EntryProblem> {
        if let index = keys.firstIndex(of: text) { return .success(index) }
        if let index = parser.lookup(text) { return .success(index) }
        if text.allSatisfy(\.isASCIIDigit) { return .failure(.unknownChoice(text, keys: keyRange)) }
        return prefixMatch(text) ?? .failure(.unknownChoice(text, keys: keyRange))
    }

    /// The one category whose code or label starts with `text`; nil when none does.
    private func prefixMatch(_ text: String) -> Result<Int, EntryProblem>? {
        let folded = TextFolding.fold(text)
        guard !folded.isEmpty else { return nil }
        var hits: [Int] = []
        for entry in prefixes where entry.text.hasPrefix(folded) && !hits.contains(entry.index) {
            hits.append(entry.index)
        }
        if hits.count == 1 { return .success(hits[0]) }
        if hits.count > 1 { return .failure(.ambiguous(text, matches: hits.map { "\(keys[$0]) \(labels[$0])" })) }
        return nil
    }

    private func choices(_ text: String, maxChoices: Int?) -> Result<Answer, EntryProblem> {
        var set = ChoiceSet()
        // One whole label first: labels may hold spaces and commas themselves.
        if !text.contains(where: { $0 == "," || $0 == ";" }) || parser.lookup(text) != nil,
           case .success(let index)? = whole(text) {
            set.insert(index)
        } else {
            let tokens = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace })
            for token in tokens {
                switch choice(String(token)) {
                case .success(let index): set.insert(index)
                case .failure(let problem): return .failure(problem)
                }
            }
        }
        if let maxChoices, set.count > maxChoices {
            return .failure(.invalid(.tooManyChoices(count: set.count, max: maxChoices)))
        }
        return .success(set.isEmpty ? .missing : .choices(set))
    }

    /// `text` read as one choice, only when it is not a list of keys.
    private func whole(_ text: String) -> Result<Int, EntryProblem>? {
        if let index = keys.firstIndex(of: text) { return .success(index) }
        if let index = parser.lookup(text) { return .success(index) }
        guard text.contains(where: \.isWhitespace) else { return nil }
        if case .success(let index)? = prefixMatch(text) { return .success(index) }
        return nil
    }

    // MARK: Ratings

    private func rating(_ text: String, scale: ClosedRange<Int>) -> Result<Answer, EntryProblem> {
        if let value = Int(text) {
            guard scale.contains(value) else {
                return .failure(.invalid(.outOfRange(text, allowed: "\(scale.lowerBound)–\(scale.upperBound)")))
            }
            return .success(.rating(value))
        }
        // `1.0`, `01`: the point by value, as the importer reads it.
        if let index = parser.lookup(text) { return .success(.rating(scale.lowerBound + index)) }
        if parser.looksLikeNumber(text) { return .failure(.notOnScale(text, scale: scale)) }
        if case .success(let index)? = prefixMatch(text) { return .success(.rating(scale.lowerBound + index)) }
        if case .failure(let problem)? = prefixMatch(text) { return .failure(problem) }
        return .failure(.notOnScale(text, scale: scale))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension LocalizedText {
    /// The text in `language`, else in `fallback` (the definition's default language), else the
    /// first one written.
    func text(in language: String, fallback: String) -> String {
        translations.contains { $0.language == language } ? text(in: language) : text(in: fallback)
    }
}
