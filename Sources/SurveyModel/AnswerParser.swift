/// Turns one cell of text into an answer for one question, forgivingly but never silently.
///
/// Built once per question (lookups are precomputed) and then used for every row, so the hot
/// path is a dictionary lookup. Accepts codes and labels in any language, ignoring case and
/// spacing; integer codes by value (`1.0`, `01` for code `1`); multiple choice joined by `;`,
/// by `, ` (Google Forms; labels containing commas are matched whole, longest first) or by
/// spaces (KoboToolbox codes; with `other: true`, a cell with a word that is no code is one
/// other answer, not choices picked out of its words); yes/no in several languages; numbers in
/// the declared `NumberConvention`; dates as ISO or dd.mm.yyyy. `NA`, `N/A`, `-`, `null` and blanks are no
/// answer unless they are a code or label of the question, and in text questions only a blank is.
public struct AnswerParser: Sendable {
    /// The question this parser reads answers for.
    public let question: Question
    /// How the question's numbers are written.
    public let convention: NumberConvention
    /// Whether numbers are first read as `Answer.format` writes them (canonical files).
    public let canonicalNumbers: Bool
    private let exact: [String: Int]
    private let folded: [String: Int]
    /// Folded codes, labels and aliases without trailing dots (`U.S.` → `u.s`), tried last.
    private let dotless: [String: Int]
    /// The `other` choice of a question with `other: true`: values outside the list count as it.
    private let otherChoice: Int?
    /// The most comma-separated pieces a code, label or alias spans (`Group work, Action Plan`: 2),
    /// so splitting a Google Forms cell tries no longer runs of pieces than can match.
    private let piecesPerLabel: Int
    /// Choices whose code is a whole number (`1`, `-1`, `01`), by that number; a code written
    /// as the number itself (`1` rather than `01`) wins when two share it.
    private let integerCodes: [Int: Int]
    private let knownForMessages: [String]
    /// Declared missing codes and their labels, folded, and whole-number codes by value.
    private let missingFolded: [String: Int]
    private let missingIntegers: [Int: Int]

    /// The outcome of parsing one cell.
    public struct Outcome: Sendable, Hashable {
        /// The answer, `.missing` when the cell was blank or nothing in it was valid.
        public var answer: Answer
        /// Problems found; a multiple-choice cell can have valid tokens and problems at once.
        public var problems: [AnswerProblem]
    }

    /// An outcome and, with `other: true`, what the cell held outside the list, verbatim (the
    /// whole value of a single choice; the unmatched part of a multiple-choice list).
    ///
    /// Kept out of `Outcome`, which the importer's cache copies for every cell: a bigger outcome
    /// cost 2% of an import of a questionnaire without other answers.
    private struct Reading {
        var answer: Answer
        var problems: [AnswerProblem]
        var otherText: String? = nil

        var outcome: Outcome { Outcome(answer: answer, problems: problems) }
    }

    public init(question: Question, convention: NumberConvention = .decimalPoint, canonicalNumbers: Bool = false) {
        self.question = question
        self.convention = question.numberConvention ?? convention
        self.canonicalNumbers = canonicalNumbers
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        var dotless: [String: Int] = [:]
        var piecesPerLabel = 1
        var integerCodes: [Int: Int] = [:]
        for (index, category) in question.categories.enumerated() {
            exact[category.code] = index
            if let number = AnswerParser.integer(category.code, mark: nil),
               integerCodes[number] == nil || String(number) == category.code {
                integerCodes[number] = index
            }
            for text in [category.code] + category.label.allTexts + category.aliases {
                let key = TextFolding.fold(text)
                if folded[key] == nil { folded[key] = index }
                let bare = AnswerParser.withoutTrailingDots(key)
                if dotless[bare] == nil { dotless[bare] = index }
                piecesPerLabel = max(piecesPerLabel, text.utf8.count { $0 == UInt8(ascii: ",") } + 1)
            }
        }
        if case .yesNo = question.kind {
            for word in AnswerParser.yesWords { folded[word] = 0 }
            for word in AnswerParser.noWords { folded[word] = 1 }
            integerCodes = [:]
        }
        self.exact = exact
        self.folded = folded
        self.dotless = dotless
        self.piecesPerLabel = piecesPerLabel
        otherChoice = question.otherChoice
        self.integerCodes = integerCodes
        knownForMessages = question.categories.map(\.code)
        var missingFolded: [String: Int] = [:]
        var missingIntegers: [Int: Int] = [:]
        if MissingCode.applies(to: question.kind) {
            for (index, missing) in question.missingCodes.enumerated() {
                for text in [missing.code] + missing.label.allTexts where missingFolded[TextFolding.fold(text)] == nil {
                    missingFolded[TextFolding.fold(text)] = index
                }
                if let number = AnswerParser.integer(missing.code, mark: nil), missingIntegers[number] == nil { missingIntegers[number] = index }
            }
        }
        self.missingFolded = missingFolded
        self.missingIntegers = missingIntegers
    }

    static let yesWords = ["yes", "y", "true", "1", "да", "д", "ооба", "иә"]
    static let noWords = ["no", "n", "false", "0", "нет", "н", "жок", "жоқ"]
    /// Words that mean "no answer" where they are not an answer of the question.
    static let blankWords: Set<String> = ["", "na", "n/a", "-", "—", "#n/a", "null"]

    /// Whether the (trimmed) cell is one of the no-answer words: blank, `NA`, `N/A`, `-`, `null`.
    public static func isBlank(_ raw: Substring) -> Bool {
        let trimmed = raw.trimmingWhitespace()
        if trimmed.isEmpty { return true }
        guard trimmed.utf8.count <= 5, let first = trimmed.utf8.first,
              first == UInt8(ascii: "-") || first == UInt8(ascii: "#") || first >= 0x80 || (first | 0x20) == UInt8(ascii: "n") else { return false }
        return blankWords.contains(trimmed.lowercased())
    }

    /// Whether the cell means "no answer" for this question: blank always; `NA`, `N/A`, `-`,
    /// `null` only when they are not a code or label of the question, and never in text.
    public func meansNoAnswer<S: StringProtocol>(_ raw: S) -> Bool {
        let trimmed = Substring(raw).trimmingWhitespace()
        if trimmed.isEmpty { return true }
        if question.kind == .text { return false }
        return AnswerParser.isBlank(trimmed) && lookup(trimmed) == nil && missingCode(trimmed) == nil
    }

    /// The declared missing code a cell names, by code or label (ignoring case and spacing), or a
    /// whole-number code by value (`99.0`, `099` for `99`); nil when it names none.
    public func missingCode<S: StringProtocol>(_ token: S) -> Int? {
        guard !missingFolded.isEmpty else { return nil }
        let trimmed = Substring(token).trimmingWhitespace()
        if let hit = missingFolded[TextFolding.fold(String(trimmed))] { return hit }
        guard !missingIntegers.isEmpty, let number = AnswerParser.integer(trimmed, mark: convention.decimalMark) else { return nil }
        return missingIntegers[number]
    }

    /// Parses a cell's text.
    public func parse(_ raw: String) -> Outcome {
        read(raw).outcome
    }

    /// Parses a cell's text; with `other: true`, also returns what it held outside the list
    /// (nil when nothing was), which the answer then counts as the `other` choice.
    public func parseWithOtherText(_ raw: String) -> (outcome: Outcome, otherText: String?) {
        let reading = read(raw)
        return (reading.outcome, reading.otherText)
    }

    private func read(_ raw: String) -> Reading {
        let cell = Substring(raw).trimmingWhitespace()
        if !missingFolded.isEmpty, !cell.isEmpty, let index = missingCode(cell) {
            return Reading(answer: .missingCode(index), problems: [])
        }
        if meansNoAnswer(cell) { return Reading(answer: .missing, problems: []) }
        switch question.kind {
        case .singleChoice:
            if let index = lookup(cell) { return Reading(answer: .choice(index), problems: []) }
            if let otherChoice { return Reading(answer: .choice(otherChoice), problems: [], otherText: String(cell)) }
            return failure(.unknownChoice(String(cell), known: knownForMessages))
        case .yesNo:
            if let index = lookup(cell) { return Reading(answer: .yesNo(index == 0), problems: []) }
            return failure(.unknownChoice(String(cell), known: ["yes", "no"]))
        case .multipleChoice(_, let maxChoices):
            return parseMultiple(cell, maxChoices: maxChoices)
        case .rating(let scale, _):
            if let index = lookup(cell) { return Reading(answer: .rating(scale.lowerBound + index), problems: []) }
            let outOfRange = failure(.outOfRange(String(cell), allowed: "\(scale.lowerBound)–\(scale.upperBound)"))
            switch readNumber(cell) {
            case .notANumber: return failure(.notANumber(String(cell)))
            case .beyondRange: return outOfRange
            case .ambiguous(let declared, let other):
                return failure(.ambiguousNumber(String(cell), declared: declared, other: other, convention: convention))
            case .value(let value):
                // Compared as Doubles before any conversion: `Int(1e19)` would trap.
                guard value == value.rounded(), value >= Double(scale.lowerBound), value <= Double(scale.upperBound),
                      let point = Int(exactly: value), scale.contains(point) else { return outOfRange }
                return Reading(answer: .rating(point), problems: [])
            }
        case .number(let minimum, let maximum, let integer):
            let value: Double
            switch readNumber(cell) {
            case .notANumber: return failure(.notANumber(String(cell)))
            case .ambiguous(let declared, let other):
                return failure(.ambiguousNumber(String(cell), declared: declared, other: other, convention: convention))
            case .beyondRange:
                let allowed = minimum == nil && maximum == nil ? DecimalNumber.rangeDescription : AnswerParser.range(minimum, maximum)
                return failure(.outOfRange(String(cell), allowed: allowed))
            case .value(let number): value = number
            }
            if integer, value != value.rounded() { return failure(.notAWholeNumber(String(cell))) }
            if let minimum, value < minimum { return failure(.outOfRange(String(cell), allowed: AnswerParser.range(minimum, maximum))) }
            if let maximum, value > maximum { return failure(.outOfRange(String(cell), allowed: AnswerParser.range(minimum, maximum))) }
            return Reading(answer: .number(value), problems: [])
        case .text:
            // The cell itself when nothing was trimmed: a 100 MB answer is not copied again.
            let whole = cell.startIndex == raw.startIndex && cell.endIndex == raw.endIndex
            return Reading(answer: .text(whole ? raw : String(cell)), problems: [])
        case .date:
            guard let date = AnswerParser.date(cell) else { return failure(.notADate(String(cell))) }
            return Reading(answer: .date(date), problems: [])
        }
    }

    private func failure(_ problem: AnswerProblem) -> Reading {
        Reading(answer: .missing, problems: [problem])
    }

    /// A category index for a code or label: exact first, then folded, then a whole-number
    /// code by value (`1.0`, `01`, `+1` for code `1`; `1.5` matches nothing).
    public func lookup<S: StringProtocol>(_ token: S) -> Int? {
        if let hit = exact[String(token)] { return hit }
        let key = TextFolding.fold(String(token))
        if let hit = folded[key] { return hit }
        if key.hasSuffix("."), let hit = dotless[AnswerParser.withoutTrailingDots(key)] { return hit }
        if key.contains(where: \.isLetter), let hit = dotless[key] { return hit }
        guard !integerCodes.isEmpty, let number = AnswerParser.integer(token, mark: convention.decimalMark) else { return nil }
        return integerCodes[number]
    }

    /// The folded text without trailing dots and the spaces before them (`u.s.` → `u.s`), so an
    /// abbreviation matches with or without its final dot. Text without a letter is left as it
    /// is: `1.` is a number written oddly, not code `1`.
    public static func withoutTrailingDots(_ folded: String) -> String {
        guard folded.last == "." || folded.last == " ", folded.contains(where: \.isLetter) else { return folded }
        var text = Substring(folded)
        while let last = text.last, last == "." || last == " " { text = text.dropLast() }
        return String(text)
    }

    /// A whole number written `1`, `01`, `+1`, `-1` or, with the decimal `mark`, `1.0`, `1.00`
    /// (`1,0` with a decimal comma, where `1.000` is a thousand); nil for anything else.
    static func integer<S: StringProtocol>(_ text: S, mark: Character?) -> Int? {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        let digits = utf8.prefix(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        let rest = utf8.dropFirst(digits.count)
        if let separator = rest.first {
            guard let mark, separator == mark.asciiValue,
                  rest.count > 1, rest.dropFirst().allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
        }
        var value = 0
        for digit in digits { value = value * 10 + Int(digit - UInt8(ascii: "0")) }
        return negative ? -value : value
    }

    /// A number in the question's convention; in a canonical file, as `Answer.format` wrote it first.
    private func readNumber(_ cell: Substring) -> DecimalNumber.Reading {
        if canonicalNumbers, let value = DecimalNumber.canonicalValue(cell) { return .value(value) }
        return DecimalNumber.read(cell, in: convention)
    }

    private func parseMultiple(_ cell: Substring, maxChoices: Int?) -> Reading {
        var set = ChoiceSet()
        var problems: [AnswerProblem] = []
        var otherText: String?
        if let whole = lookup(cell) {
            set.insert(whole)
        } else {
            let split = tokens(of: cell)
            var unknown: [String] = []
            for token in split.tokens {
                if let index = lookup(token) {
                    set.insert(index)
                } else if !AnswerParser.isBlank(Substring(token)) {
                    unknown.append(token)
                }
            }
            if let otherChoice, !unknown.isEmpty {
                if set.isEmpty || split.isWordList {
                    // Nothing matched, or a word list with a word that is no code: the whole cell
                    // is the other answer, as written. Spaces join KoboToolbox codes but also the
                    // words of a Google Forms "Other:" text (`A letter to my groups`), whose words
                    // must not tick the choices they happen to spell.
                    set = ChoiceSet()
                    otherText = String(cell)
                } else {
                    otherText = unknown.joined(separator: split.separator)
                }
                set.insert(otherChoice)
            } else {
                problems += unknown.map { .unknownChoice($0, known: knownForMessages) }
            }
        }
        if let maxChoices, set.count > maxChoices {
            return Reading(answer: .missing, problems: problems + [.tooManyChoices(count: set.count, max: maxChoices)], otherText: otherText)
        }
        return Reading(answer: set.isEmpty ? .missing : .choices(set), problems: problems, otherText: otherText)
    }

    /// Splits a multiple-choice cell: `;` first, then `, ` with whole-label matching, then
    /// spaces; tokens keep their letters as written, and the separator joins unmatched ones back.
    /// `isWordList`: split at spaces, which holds codes only if every word is one (KoboToolbox).
    private func tokens(of cell: Substring) -> (tokens: [String], separator: String, isWordList: Bool) {
        if cell.contains(";") {
            return (cell.split(separator: ";").map { String($0.trimmingWhitespace()) }, "; ", false)
        }
        if cell.contains(",") {
            return (commaTokens(cell), ", ", false)
        }
        return (cell.split(whereSeparator: { $0.isWhitespace }).map(String.init), " ", true)
    }

    /// Google Forms joins picked labels with `, ` although labels may contain commas themselves:
    /// at each comma-separated piece take the longest run of pieces that is a known code, label
    /// or alias; pieces matching nothing are joined back as written (`Other:` text with commas
    /// stays one token).
    private func commaTokens(_ cell: Substring) -> [String] {
        let pieces = cell.split(separator: ",", omittingEmptySubsequences: false)
        var result: [String] = []
        var pendingUnknown: Substring?
        var start = 0
        func flush() {
            if let run = pendingUnknown {
                let token = run.trimmingWhitespace()
                if !token.isEmpty { result.append(String(token)) }
                pendingUnknown = nil
            }
        }
        while start < pieces.count {
            if pieces[start].trimmingWhitespace().isEmpty {
                start += 1
                continue
            }
            var matched: (end: Int, text: Substring)?
            var end = min(pieces.count - 1, start + piecesPerLabel - 1)
            while end >= start {
                let run = cell[pieces[start].startIndex..<pieces[end].endIndex]
                if lookup(run.trimmingWhitespace()) != nil {
                    matched = (end, run.trimmingWhitespace())
                    break
                }
                end -= 1
            }
            if let matched {
                flush()
                result.append(String(matched.text))
                start = matched.end + 1
            } else {
                let piece = pieces[start]
                pendingUnknown = pendingUnknown.map { cell[$0.startIndex..<piece.endIndex] } ?? piece
                start += 1
            }
        }
        flush()
        return result
    }

    /// Reads `3`, `3.5`, `3,5`, `1 000`, `2e3` as definitions write them (`DecimalNumber.read(_:)`,
    /// no declared format); nil for anything else, including `nan`, `inf`, hexadecimal and numbers
    /// beyond a Double's range. Answers are read in their question's format instead.
    public static func number<S: StringProtocol>(_ text: S) -> Double? {
        DecimalNumber.value(text)
    }

    /// Whether the text reads as a number in the question's convention (even an ambiguous one).
    public func looksLikeNumber<S: StringProtocol>(_ text: S) -> Bool {
        switch DecimalNumber.read(Substring(text).trimmingWhitespace(), in: convention) {
        case .notANumber: false
        default: true
        }
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
    /// Whether UTF-8 text with these first, last and next-to-last bytes surely starts and ends
    /// with something other than whitespace: a printable ASCII character or a basic Cyrillic
    /// letter (U+0400–U+047F, lead byte D0 or D1: letters, none of them whitespace or a
    /// combining mark). False means "look closer", not "has whitespace".
    public static func hasNoEdgeWhitespace(first: UInt8, last: UInt8, beforeLast: UInt8?) -> Bool {
        let firstIsLetter = (first > 0x20 && first < 0x80) || first == 0xD0 || first == 0xD1
        if !firstIsLetter { return false }
        if last > 0x20, last < 0x80 { return true }
        guard last & 0xC0 == 0x80, let lead = beforeLast else { return false }
        return lead == 0xD0 || lead == 0xD1
    }

    /// The text without leading and trailing whitespace (including no-break spaces).
    ///
    /// Most cells have none: checking the first and last byte settles that without looking
    /// up Unicode properties, which dominated import time when done per character. A cell
    /// that starts or ends with a basic Cyrillic letter is settled the same way
    /// (`hasNoEdgeWhitespace`).
    public func trimmingWhitespace() -> Substring {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        let beforeLast = utf8.count >= 2 ? utf8[utf8.index(utf8.endIndex, offsetBy: -2)] : nil
        if Substring.hasNoEdgeWhitespace(first: first, last: last, beforeLast: beforeLast) { return self }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let end = lastIndex(where: { !isSpace($0) })!
        return self[start...end]
    }
}
