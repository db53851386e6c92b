/// Translates an XLSForm `relevant` cell into a definition's `when:` expression, and back.
///
/// Only the subset feedback forms use is read: `${q} = 'x'` (and `!=`, `<`, `<=`, `>`, `>=`),
/// `selected(${q}, 'x')`, `count-selected(${q})` compared with 0 or 1, `${q} != ''`, `and`,
/// `or`, `not(…)`, parentheses, numbers and strings. Anything else is an `XPathSubsetError`
/// naming what is outside the subset, so the caller reports the cell and leaves the condition
/// out instead of guessing.
enum RelevantExpression {
    /// What the translation needs to know about a referenced question.
    struct Target {
        /// The question's id in the definition.
        var id: String
        /// Whether it is a multiple-choice question (`selected` then means `has`).
        var multiple: Bool
    }

    /// The `when:` text for `source`; `target` resolves an XLSForm name.
    static func when(from source: String, target: @escaping (String) -> Target?) throws(XPathSubsetError) -> String {
        var parser = Parser(tokens: try XPathToken.tokens(source), target: target)
        let result = try parser.orExpression()
        let rest = parser.peek
        if rest.kind != XPathToken.Kind.end {
            throw XPathSubsetError(column: rest.column, message: "unexpected `\(rest.text)`; join conditions with `and` or `or`")
        }
        return result.text
    }

    /// An expression with how tightly it binds, so that parentheses are written only where needed.
    private struct Translated {
        enum Level: Int { case or = 0, and = 1, primary = 2 }
        var text: String
        var level: Level

        func wrapped(below level: Level) -> String { self.level.rawValue < level.rawValue ? "(\(text))" : text }
    }

    private struct Parser {
        let tokens: [XPathToken]
        let target: (String) -> Target?
        var position = 0
        var depth = 0

        init(tokens: [XPathToken], target: @escaping (String) -> Target?) {
            self.tokens = tokens
            self.target = target
        }

        var peek: XPathToken { tokens[min(position, tokens.count - 1)] }

        mutating func next() -> XPathToken {
            defer { position += 1 }
            return peek
        }

        mutating func accept(word: String) -> Bool {
            guard peek.kind == .word, peek.text == word else { return false }
            position += 1
            return true
        }

        mutating func expect(_ text: String, after what: String) throws(XPathSubsetError) {
            let token = next()
            guard token.kind == .punctuation, token.text == text else {
                throw XPathSubsetError(column: token.column, message: "expected `\(text)` after \(what), found `\(token.text.isEmpty ? "the end" : token.text)`")
            }
        }

        mutating func orExpression() throws(XPathSubsetError) -> Translated {
            var parts = [try andExpression()]
            while accept(word: "or") { parts.append(try andExpression()) }
            if parts.count == 1 { return parts[0] }
            return Translated(text: parts.map { $0.wrapped(below: .or) }.joined(separator: " or "), level: .or)
        }

        mutating func andExpression() throws(XPathSubsetError) -> Translated {
            var parts = [try unary()]
            while accept(word: "and") { parts.append(try unary()) }
            if parts.count == 1 { return parts[0] }
            return Translated(text: parts.map { $0.wrapped(below: .and) }.joined(separator: " and "), level: .and)
        }

        mutating func unary() throws(XPathSubsetError) -> Translated {
            depth += 1
            defer { depth -= 1 }
            if depth > 100 { throw XPathSubsetError(column: peek.column, message: "more than 100 levels of parentheses and not()") }
            if peek.kind == .word, peek.text == "not" {
                position += 1
                try expect("(", after: "`not`")
                let inner = try orExpression()
                try expect(")", after: "the condition in `not(`")
                return Translated(text: "not (\(inner.text))", level: .primary)
            }
            return try primary()
        }

        mutating func primary() throws(XPathSubsetError) -> Translated {
            let token = peek
            if token.kind == .punctuation, token.text == "(" {
                position += 1
                let inner = try orExpression()
                try expect(")", after: "the condition in parentheses")
                return inner.level == .primary ? inner : Translated(text: "(\(inner.text))", level: .primary)
            }
            if token.kind == .word, token.text == "selected" {
                position += 1
                try expect("(", after: "`selected`")
                let question = try reference()
                try expect(",", after: "the question in `selected(`")
                let value = try literal()
                try expect(")", after: "the value in `selected(`")
                let op = question.multiple ? "has" : "=="
                return Translated(text: "\(question.id) \(op) \(RelevantExpression.quoted(value.text))", level: .primary)
            }
            return try comparison()
        }

        /// `operand OP operand`, with one side a question (or `count-selected` of one) and the
        /// other a literal.
        mutating func comparison() throws(XPathSubsetError) -> Translated {
            let left = try operand()
            let opToken = next()
            guard opToken.kind == .comparison else {
                throw XPathSubsetError(column: opToken.column, message: opToken.kind == .end
                    ? "a condition must compare, e.g. `${q} = 'x'`" : "expected a comparison (= != < <= > >=), found `\(opToken.text)`")
            }
            let right = try operand()
            var op = opToken.text == "=" ? "==" : opToken.text
            let question: Operand, value: Operand
            switch (left, right) {
            case (.question, .literal), (.countSelected, .literal):
                (question, value) = (left, right)
            case (.literal, .question), (.literal, .countSelected):
                (question, value) = (right, left)
                op = ["<": ">", "<=": ">=", ">": "<", ">=": "<="][op] ?? op
            default:
                throw XPathSubsetError(column: opToken.column, message: "`\(opToken.text)` must compare a question with a value")
            }
            guard case .literal(let literal) = value else { fatalError("checked above") }
            switch question {
            case .question(let target):
                if literal.kind == .string, literal.text.isEmpty {
                    switch op {
                    case "!=": return Translated(text: "answered(\(target.id))", level: .primary)
                    case "==": return Translated(text: "not answered(\(target.id))", level: .primary)
                    default: throw XPathSubsetError(column: literal.column, message: "`\(opToken.text) ''` orders an empty text")
                    }
                }
                if target.multiple {
                    throw XPathSubsetError(column: opToken.column, message: "`${\(target.id)}` is select_multiple: write `selected(${\(target.id)}, '\(literal.text)')`")
                }
                return Translated(text: "\(target.id) \(op) \(RelevantExpression.quoted(literal.text))", level: .primary)
            case .countSelected(let target):
                guard literal.kind == .number, let count = Double(literal.text) else {
                    throw XPathSubsetError(column: literal.column, message: "count-selected(…) compares with a number")
                }
                // Only "some picked" and "none picked" have a `when:` twin: answered(q).
                switch (op, count) {
                case (">", 0), (">=", 1), ("!=", 0): return Translated(text: "answered(\(target.id))", level: .primary)
                case ("==", 0), ("<", 1), ("<=", 0): return Translated(text: "not answered(\(target.id))", level: .primary)
                default:
                    throw XPathSubsetError(column: opToken.column, message: "`count-selected(${\(target.id)}) \(opToken.text) \(literal.text)` has no `when:` twin; only comparisons meaning \"some picked\" (> 0) or \"none picked\" (= 0) do")
                }
            case .literal:
                fatalError("checked above")
            }
        }

        enum Operand {
            case question(Target)
            case countSelected(Target)
            case literal(XPathToken)
        }

        mutating func operand() throws(XPathSubsetError) -> Operand {
            let token = peek
            switch token.kind {
            case .reference: return .question(try reference())
            case .string, .number: position += 1; return .literal(token)
            case .word where token.text == "count-selected":
                position += 1
                try expect("(", after: "`count-selected`")
                let question = try reference()
                try expect(")", after: "the question in `count-selected(`")
                return .countSelected(question)
            case .word:
                throw XPathSubsetError(column: token.column, message: "`\(token.text)` is outside the supported XPath subset")
            case .current:
                throw XPathSubsetError(column: token.column, message: "`.` (the question itself) has no meaning in `relevant`")
            default:
                throw XPathSubsetError(column: token.column, message: token.kind == .end ? "the condition ends too early" : "expected a question or a value, found `\(token.text)`")
            }
        }

        mutating func reference() throws(XPathSubsetError) -> Target {
            let token = next()
            guard token.kind == .reference else {
                throw XPathSubsetError(column: token.column, message: "expected a question reference such as `${q}`, found `\(token.text.isEmpty ? "the end" : token.text)`")
            }
            guard let found = target(token.text) else {
                throw XPathSubsetError(column: token.column, message: "`${\(token.text)}` is not a question of the definition (not in the form, left out, or not before this one)")
            }
            return found
        }

        mutating func literal() throws(XPathSubsetError) -> XPathToken {
            let token = next()
            guard token.kind == .string || token.kind == .number else {
                throw XPathSubsetError(column: token.column, message: "expected a value such as 'x', found `\(token.text)`")
            }
            return token
        }
    }

    /// A value as `when:` writes it: bare when it is one word or a number, else in quotes.
    static func quoted(_ value: String) -> String {
        let bare = !value.isEmpty && value.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "_.-".unicodeScalars.contains($0) }
            && !["and", "or", "not", "has", "answered"].contains(value.lowercased())
        if bare { return value }
        return value.contains("'") ? "\"\(value)\"" : "'\(value)'"
    }
}

import Foundation
