/// Turns one cell of text into an answer for one question, forgivingly but never silently.
///
/// Built once per question (lookups are precomputed) and then used for every row, so the hot
/// path is a dictionary lookup. Accepts codes and labels in any language, ignoring case and
/// spacing; multiple choice joined by `;`, by `, ` (Google Forms; labels containing commas are
/// matched whole, longest first) or by spaces (KoboToolbox codes); yes/no in several languages;
/// numbers with `.` or `,` decimals; dates as ISO or dd.mm.yyyy; `NA`, `N/A`, `-` and blanks
/// as no answer.
public struct AnswerParser: Sendable {
    /// The question this parser reads answers for.
    public let question: Question
    private let exact: [String: Int]
    private let folded: [String: Int]
    private let labelsLongestFirst: [(text: String, index: Int)]
    private let knownForMessages: [String]

    /// The outcome of parsing one cell.
    public struct Outcome: Sendable, Hashable {
        /// The answer, `.missing` when the cell was blank or nothing in it was valid.
        public var answer: Answer
        /// Problems found; a multiple-choice cell can have valid tokens and problems at once.
        public var problems: [AnswerProblem]
    }

    public init(question: Question) {
        self.question = question
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        var labels: [(String, Int)] = []
        for (index, category) in question.categories.enumerated() {
            exact[category.code] = index
            for text in [category.code] + category.label.allTexts {
                let key = TextFolding.fold(text)
                if folded[key] == nil { folded[key] = index }
                labels.append((key, index))
            }
        }
        if case .yesNo = question.kind {
            for word in AnswerParser.yesWords { folded[word] = 0 }
            for word in AnswerParser.noWords { folded[word] = 1 }
        }
        self.exact = exact
        self.folded = folded
        labelsLongestFirst = labels.sorted { $0.0.count > $1.0.count }
        knownForMessages = question.categories.map(\.code)
    }

    static let yesWords = ["yes", "y", "true", "1", "да", "д", "ооба", "иә"]
    static let noWords = ["no", "n", "false", "0", "нет", "н", "жок", "жоқ"]
    static let blankWords: Set<String> = ["", "na", "n/a", "-", "—", "#n/a", "null"]

    /// Whether the cell means "no answer" (blank, `NA`, `N/A`, `-`).
    public static func isBlank(_ raw: Substring) -> Bool {
        let trimmed = raw.trimmingWhitespace()
        if trimmed.isEmpty { return true }
        guard trimmed.utf8.count <= 5, let first = trimmed.utf8.first,
              first == UInt8(ascii: "-") || first == UInt8(ascii: "#") || first >= 0x80 || (first | 0x20) == UInt8(ascii: "n") else { return false }
        return blankWords.contains(trimmed.lowercased())
    }

    /// Parses a cell's text.
    public func parse(_ raw: String) -> Outcome {
        let cell = Substring(raw).trimmingWhitespace()
        if AnswerParser.isBlank(cell) { return Outcome(answer: .missing, problems: []) }
        switch question.kind {
        case .singleChoice:
            if let index = lookup(cell) { return Outcome(answer: .choice(index), problems: []) }
            return failure(.unknownChoice(String(cell), known: knownForMessages))
        case .yesNo:
            if let index = lookup(cell) { return Outcome(answer: .yesNo(index == 0), problems: []) }
            return failure(.unknownChoice(String(cell), known: ["yes", "no"]))
        case .multipleChoice(_, let maxChoices):
            return parseMultiple(cell, maxChoices: maxChoices)
        case .rating(let scale, _):
            if let index = lookup(cell) { return Outcome(answer: .rating(scale.lowerBound + index), problems: []) }
            let outOfRange = failure(.outOfRange(String(cell), allowed: "\(scale.lowerBound)–\(scale.upperBound)"))
            switch DecimalNumber.read(cell) {
            case .notANumber: return failure(.notANumber(String(cell)))
            case .beyondRange: return outOfRange
            case .value(let value):
                // Compared as Doubles before any conversion: `Int(1e19)` would trap.
                guard value == value.rounded(), value >= Double(scale.lowerBound), value <= Double(scale.upperBound),
                      let point = Int(exactly: value), scale.contains(point) else { return outOfRange }
                return Outcome(answer: .rating(point), problems: [])
            }
        case .number(let minimum, let maximum, let integer):
            let value: Double
            switch DecimalNumber.read(cell) {
            case .notANumber: return failure(.notANumber(String(cell)))
            case .beyondRange:
                let allowed = minimum == nil && maximum == nil ? DecimalNumber.rangeDescription : AnswerParser.range(minimum, maximum)
                return failure(.outOfRange(String(cell), allowed: allowed))
            case .value(let number): value = number
            }
            if integer, value != value.rounded() { return failure(.notAWholeNumber(String(cell))) }
            if let minimum, value < minimum { return failure(.outOfRange(String(cell), allowed: AnswerParser.range(minimum, maximum))) }
            if let maximum, value > maximum { return failure(.outOfRange(String(cell), allowed: AnswerParser.range(minimum, maximum))) }
            return Outcome(answer: .number(value), problems: [])
        case .text:
            // The cell itself when nothing was trimmed: a 100 MB answer is not copied again.
            let whole = cell.startIndex == raw.startIndex && cell.endIndex == raw.endIndex
            return Outcome(answer: .text(whole ? raw : String(cell)), problems: [])
        case .date:
            guard let date = AnswerParser.date(cell) else { return failure(.notADate(String(cell))) }
            return Outcome(answer: .date(date), problems: [])
        }
    }

    private func failure(_ problem: AnswerProblem) -> Outcome {
        Outcome(answer: .missing, problems: [problem])
    }

    /// A category index for a code or label, exact first, then folded.
    public func lookup<S: StringProtocol>(_ token: S) -> Int? {
        if let hit = exact[String(token)] { return hit }
        return folded[TextFolding.fold(String(token))]
    }

    private func parseMultiple(_ cell: Substring, maxChoices: Int?) -> Outcome {
        var set = ChoiceSet()
        var problems: [AnswerProblem] = []
        if let whole = lookup(cell) {
            set.insert(whole)
        } else {
            for token in tokens(of: cell) {
                if let index = lookup(token) {
                    set.insert(index)
                } else if !AnswerParser.isBlank(Substring(token)) {
                    problems.append(.unknownChoice(token, known: knownForMessages))
                }
            }
        }
        if let maxChoices, set.count > maxChoices {
            return Outcome(answer: .missing, problems: problems + [.tooManyChoices(count: set.count, max: maxChoices)])
        }
        return Outcome(answer: set.isEmpty ? .missing : .choices(set), problems: problems)
    }

    /// Splits a multiple-choice cell: `;` first, then `, ` with whole-label matching, then spaces.
    private func tokens(of cell: Substring) -> [String] {
        if cell.contains(";") {
            return cell.split(separator: ";").map { String($0.trimmingWhitespace()) }
        }
        if cell.contains(",") {
            return commaTokens(TextFolding.fold(String(cell)))
        }
        return cell.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// Google Forms joins picked labels with `, ` although labels may contain commas themselves:
    /// at each position take the longest known label that ends at a comma or the end.
    private func commaTokens(_ text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            rest = rest.drop(while: { $0 == " " || $0 == "," })
            guard !rest.isEmpty else { break }
            if let match = labelsLongestFirst.first(where: { label in
                rest.hasPrefix(label.text) && (rest.count == label.text.count || rest.dropFirst(label.text.count).first == ",")
            }) {
                result.append(match.text)
                rest = rest.dropFirst(match.text.count)
            } else {
                let token = rest.prefix(while: { $0 != "," })
                result.append(String(token.trimmingWhitespace()))
                rest = rest.dropFirst(token.count)
            }
        }
        return result
    }

    /// Reads `3`, `3.5`, `3,5`, `1 000`, `2e3`; nil for anything else, including `nan`, `inf`,
    /// hexadecimal and numbers beyond a Double's range (`DecimalNumber`).
    public static func number<S: StringProtocol>(_ text: S) -> Double? {
        DecimalNumber.value(text)
    }

    /// Reads `2013-01-25` and `25.01.2013`.
    public static func date<S: StringProtocol>(_ text: S) -> CalendarDate? {
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2].prefix(2)),
           iso[2].count == 2 || iso[2].dropFirst(2).first == "T" || iso[2].dropFirst(2).first == " " {
            return CalendarDate(year: y, month: m, day: d)
        }
        let dotted = text.split(separator: ".", omittingEmptySubsequences: false)
        if dotted.count == 3, dotted[2].count == 4, let d = Int(dotted[0]), let m = Int(dotted[1]), let y = Int(dotted[2]) {
            return CalendarDate(year: y, month: m, day: d)
        }
        return nil
    }

    private static func range(_ minimum: Double?, _ maximum: Double?) -> String {
        switch (minimum, maximum) {
        case let (lo?, hi?): "\(Answer.format(lo))–\(Answer.format(hi))"
        case let (lo?, nil): "≥ \(Answer.format(lo))"
        case let (nil, hi?): "≤ \(Answer.format(hi))"
        default: "any"
        }
    }
}

extension Substring {
    /// The text without leading and trailing whitespace (including no-break spaces).
    ///
    /// Most cells have none: checking the first and last byte settles that without looking
    /// up Unicode properties, which dominated import time when done per character.
    public func trimmingWhitespace() -> Substring {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let end = lastIndex(where: { !isSpace($0) })!
        return self[start...end]
    }
}
