/// Parses `when` and `--where` expressions and resolves them against a questionnaire.
///
/// Grammar: `or` of `and` of [`not`] primaries; a primary is `( expr )`, `answered(id)`,
/// `id has code`, or `id OP value` with OP one of `== != < <= > >=`; `&&`, `||` and `!`
/// are accepted as spellings of `and`, `or` and `not`.
///
/// Expressions are bounded (`DefinitionLimits`): at most 10,000 characters, 100 levels of
/// parentheses and `not`, 1,000 comparisons. The parser recurses once per level, and chains of
/// `and`/`or` are built as balanced trees, so neither parsing nor evaluating a row can run out of
/// stack whatever is typed.
public struct ConditionParser {
    private let questions: [Question]
    private let earlierThan: Int?
    private var tokens: [Token] = []
    private var position = 0
    private let source: String
    /// Parentheses and `not`s open around the current token.
    private var depth = 0
    /// Comparisons read so far.
    private var terms = 0

    /// Parses `source`; when `earlierThan` is set, only questions before that index may appear
    /// (skip logic can only look back).
    public static func parse(_ source: String, questions: [Question], earlierThan: Int? = nil) throws(ConditionError) -> Condition {
        let limit = DefinitionLimits.expressionLength
        if source.utf8.count > limit, source.count > limit {
            throw ConditionError(column: limit + 1, message: "the expression is too long: \(source.count) characters, at most \(limit) are allowed; write a shorter one")
        }
        var parser = ConditionParser(questions: questions, earlierThan: earlierThan, source: source)
        parser.tokens = try ConditionParser.tokenize(source)
        guard parser.tokens.count > 1 else { throw ConditionError(column: 1, message: "the expression is empty") }
        let root = try parser.parseOr()
        if let extra = parser.peek, extra.kind != .end {
            throw ConditionError(column: extra.column, message: "unexpected `\(extra.text)`; join conditions with `and` or `or`")
        }
        return Condition(source: source, root: root)
    }

    private init(questions: [Question], earlierThan: Int?, source: String) {
        self.questions = questions
        self.earlierThan = earlierThan
        self.source = source
    }

    // MARK: Grammar

    private mutating func parseOr() throws(ConditionError) -> Condition.Node {
        var operands = [try parseAnd()]
        while accept(word: "or") || accept(symbol: "||") {
            operands.append(try parseAnd())
        }
        return ConditionParser.balanced(operands[...], Condition.Node.or)
    }

    private mutating func parseAnd() throws(ConditionError) -> Condition.Node {
        var operands = [try parseUnary()]
        while accept(word: "and") || accept(symbol: "&&") {
            operands.append(try parseUnary())
        }
        return ConditionParser.balanced(operands[...], Condition.Node.and)
    }

    /// `a or b or c or d` as `(a or b) or (c or d)`: the same result, in the same left-to-right
    /// order, from a tree only log₂(n) deep instead of n.
    private static func balanced(_ operands: ArraySlice<Condition.Node>, _ join: (Condition.Node, Condition.Node) -> Condition.Node) -> Condition.Node {
        if operands.count == 1 { return operands.first! }
        let middle = operands.startIndex + (operands.count + 1) / 2
        return join(balanced(operands[..<middle], join), balanced(operands[middle...], join))
    }

    private mutating func parseUnary() throws(ConditionError) -> Condition.Node {
        let column = peek?.column ?? 1
        if accept(word: "not") || accept(symbol: "!") {
            try enterLevel(at: column)
            defer { depth -= 1 }
            return .not(try parseUnary())
        }
        return try parsePrimary()
    }

    /// One more level of parentheses or `not`, refused past `DefinitionLimits.expressionDepth`.
    private mutating func enterLevel(at column: Int) throws(ConditionError) {
        depth += 1
        let limit = DefinitionLimits.expressionDepth
        if depth > limit {
            throw ConditionError(column: column, message: "the expression is nested too deep: more than \(limit) levels of parentheses and `not`; at most \(limit) are allowed")
        }
    }

    /// One more comparison, refused past `DefinitionLimits.expressionTerms`.
    private mutating func countTerm(at column: Int) throws(ConditionError) {
        terms += 1
        let limit = DefinitionLimits.expressionTerms
        if terms > limit {
            throw ConditionError(column: column, message: "the expression is too long: more than \(limit) comparisons; at most \(limit) are allowed")
        }
    }

    private mutating func parsePrimary() throws(ConditionError) -> Condition.Node {
        let token = next()
        switch token.kind {
        case .symbol where token.text == "(":
            try enterLevel(at: token.column)
            defer { depth -= 1 }
            let inner = try parseOr()
            try expect(symbol: ")", after: "the expression in parentheses")
            return inner
        case .word where token.text.lowercased() == "answered" && peek?.text == "(":
            try countTerm(at: token.column)
            position += 1
            let idToken = next()
            guard idToken.kind == .word else {
                throw ConditionError(column: idToken.column, message: "`answered(…)` takes a question id, not `\(idToken.text)`")
            }
            let index = try resolve(idToken)
            try expect(symbol: ")", after: "answered(\(idToken.text)")
            return .answered(question: index)
        case .word:
            try countTerm(at: token.column)
            let index = try resolve(token)
            let question = questions[index]
            if accept(word: "has") {
                let value = next()
                guard case .multipleChoice(let choices, _) = question.kind else {
                    throw ConditionError(column: token.column, message: "`has` is for multiple-choice questions; `\(question.id)` is \(question.kind.keyword), use `==`")
                }
                return .has(question: index, choice: try choiceIndex(value, in: choices, question: question))
            }
            let opToken = next()
            guard opToken.kind == .symbol, let op = ComparisonOperator(rawValue: opToken.text) else {
                throw ConditionError(column: opToken.column, message: "expected a comparison (== != < <= > >=) or `has` after `\(token.text)`, found `\(opToken.text)`")
            }
            let value = next()
            return .compare(question: index, op, try operand(value, op: op, opToken: opToken, question: question))
        case .end:
            throw ConditionError(column: token.column, message: "the expression ends too early; expected a question id")
        default:
            throw ConditionError(column: token.column, message: "expected a question id, `not`, `answered(id)` or `(`, found `\(token.text)`")
        }
    }

    // MARK: Resolution

    private func resolve(_ token: Token) throws(ConditionError) -> Int {
        guard let index = questions.firstIndex(where: { $0.id == token.text }) else {
            let usable = questions.prefix(earlierThan ?? questions.count).map(\.id)
            let hint = QuestionnaireLoader.closest(to: token.text, in: questions.map(\.id)).map { "did you mean `\($0)`? " } ?? ""
            let known = usable.isEmpty ? "no earlier question can be referred to" : "known ids: \(usable.joined(separator: ", "))"
            throw ConditionError(column: token.column, message: "unknown question `\(token.text)`; \(hint)\(known)")
        }
        if let limit = earlierThan, index >= limit {
            let what = index == limit ? "the question itself" : "a later question (number \(index + 1))"
            throw ConditionError(column: token.column, message: "`\(token.text)` is \(what); skip logic may only refer to earlier questions")
        }
        return index
    }

    private func choiceIndex(_ token: Token, in choices: [Choice], question: Question) throws(ConditionError) -> Int {
        if let index = choices.firstIndex(where: { $0.code == token.text }) { return index }
        let codes = choices.map(\.code).joined(separator: ", ")
        throw ConditionError(column: token.column, message: "`\(token.text)` is not a choice code of `\(question.id)`; codes: \(codes)")
    }

    private func operand(_ token: Token, op: ComparisonOperator, opToken: Token, question: Question) throws(ConditionError) -> Condition.Operand {
        guard token.kind != .end, token.kind != .symbol else {
            throw ConditionError(column: token.column, message: "expected a value after `\(opToken.text)`")
        }
        // `q == 99` names a declared missing code: only then does a missing code count.
        if !op.isOrdering, let index = question.missingCodes.firstIndex(where: { MissingCode.sameValue($0.code, token.text) }) {
            return .missingCode(index)
        }
        switch question.kind {
        case .rating, .number:
            guard token.kind == .number, let value = DecimalNumber.value(token.text) else {
                throw ConditionError(column: token.column, message: "`\(question.id)` is \(question.kind.keyword): compare it with a number, not `\(token.text)`")
            }
            return .number(value)
        case .singleChoice(let choices):
            if op.isOrdering {
                throw ConditionError(column: opToken.column, message: "`\(opToken.text)` orders numbers; `\(question.id)` is single_choice, use == or !=")
            }
            return .choice(try choiceIndex(token, in: choices, question: question))
        case .yesNo:
            if op.isOrdering {
                throw ConditionError(column: opToken.column, message: "`\(opToken.text)` orders numbers; `\(question.id)` is yes_no, use == yes or == no")
            }
            switch token.text.lowercased() {
            case "yes": return .yesNo(true)
            case "no": return .yesNo(false)
            default: throw ConditionError(column: token.column, message: "`\(question.id)` is yes_no: compare it with yes or no, not `\(token.text)`")
            }
        case .multipleChoice:
            throw ConditionError(column: opToken.column, message: "`\(question.id)` is multiple_choice: write `\(question.id) has \(token.text)`")
        case .text, .date:
            throw ConditionError(column: opToken.column, message: "`\(question.id)` is \(question.kind.keyword) and cannot be compared; use answered(\(question.id))")
        }
    }

    // MARK: Tokens

    private struct Token {
        enum Kind { case word, number, symbol, end }
        var kind: Kind
        var text: String
        var column: Int
    }

    private var peek: Token? { position < tokens.count ? tokens[position] : nil }

    private mutating func next() -> Token {
        let token = tokens[min(position, tokens.count - 1)]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func accept(word: String) -> Bool {
        guard let token = peek, token.kind == .word, token.text.lowercased() == word else { return false }
        position += 1
        return true
    }

    private mutating func accept(symbol: String) -> Bool {
        guard let token = peek, token.kind == .symbol, token.text == symbol else { return false }
        position += 1
        return true
    }

    private mutating func expect(symbol: String, after what: String) throws(ConditionError) {
        guard accept(symbol: symbol) else {
            let found = peek.map { $0.kind == .end ? "the end" : "`\($0.text)`" } ?? "the end"
            throw ConditionError(column: peek?.column ?? source.count + 1, message: "expected `\(symbol)` after \(what), found \(found)")
        }
    }

    private static func tokenize(_ source: String) throws(ConditionError) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(source)
        var i = 0
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" }
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c.isWhitespace { i += 1; continue }
            if c == "\"" || c == "'" {
                var j = i + 1
                while j < chars.count, chars[j] != c { j += 1 }
                guard j < chars.count else { throw ConditionError(column: column, message: "the quote opened here is never closed") }
                tokens.append(Token(kind: .word, text: String(chars[(i + 1)..<j]), column: column))
                i = j + 1
                continue
            }
            if let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : nil, ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
                tokens.append(Token(kind: .symbol, text: two, column: column))
                i += 2
                continue
            }
            if "<>()!".contains(c) {
                tokens.append(Token(kind: .symbol, text: String(c), column: column))
                i += 1
                continue
            }
            if c == "=" {
                throw ConditionError(column: column, message: "use `==` to compare, not `=`")
            }
            if isWordChar(c) || c == "." {
                var j = i
                while j < chars.count, isWordChar(chars[j]) || chars[j] == "." { j += 1 }
                let text = String(chars[i..<j])
                // Decimal numbers only: `inf`, `nan` and `0x20` are words (possibly question ids).
                let isNumber = DecimalNumber.value(text) != nil
                tokens.append(Token(kind: isNumber ? .number : .word, text: text, column: column))
                i = j
                continue
            }
            throw ConditionError(column: column, message: "unexpected character `\(c)`")
        }
        tokens.append(Token(kind: .end, text: "", column: chars.count + 1))
        return tokens
    }
}

/// Why an expression could not be parsed; `column` counts characters from 1 within the expression.
public struct ConditionError: Error, Sendable, Hashable {
    /// The expression as messages quote it: whole up to 200 characters, else its start and its
    /// length, so that a 100,000-term expression does not flood the terminal.
    public static func excerpt(_ source: String) -> String {
        guard source.utf8.count > 200, source.count > 200 else { return source }
        return "\(source.prefix(80))… (\(source.count) characters)"
    }

    /// Where in the expression the problem is (1-based).
    public var column: Int
    /// What is wrong and how to fix it.
    public var message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }
}
