/// A token of the XPath subset XLSForms use in `relevant` and `constraint` cells.
struct XPathToken: Equatable {
    enum Kind: Equatable {
        /// `${name}`: a reference to another question.
        case reference
        /// `.`: the current question (constraints).
        case current
        /// `'text'` or `"text"`.
        case string
        /// `12`, `-3`, `2.5`.
        case number
        /// `= != < <= > >=`.
        case comparison
        /// `(`, `)`, `,`.
        case punctuation
        /// `and`, `or`, `not`, `selected`, `count-selected`, `today`, …
        case word
        case end
    }

    var kind: Kind
    var text: String
    /// 1-based character position in the cell, for messages.
    var column: Int

    /// Splits `source`; an unknown character or an unclosed quote is an `XPathSubsetError`.
    static func tokens(_ source: String) throws(XPathSubsetError) -> [XPathToken] {
        let chars = Array(source)
        var tokens: [XPathToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c.isWhitespace { i += 1; continue }
            if c == "$" {
                guard i + 1 < chars.count, chars[i + 1] == "{", let close = chars[(i + 2)...].firstIndex(of: "}") else {
                    throw XPathSubsetError(column: column, message: "`$` must start a reference such as `${age}`")
                }
                tokens.append(XPathToken(kind: .reference, text: String(chars[(i + 2)..<close]).trimmingCharacters(in: .whitespaces), column: column))
                i = close + 1
            } else if c == "'" || c == "\"" {
                guard let close = chars[(i + 1)...].firstIndex(of: c) else {
                    throw XPathSubsetError(column: column, message: "the quote opened here is never closed")
                }
                tokens.append(XPathToken(kind: .string, text: String(chars[(i + 1)..<close]), column: column))
                i = close + 1
            } else if c == "!" || c == "<" || c == ">" || c == "=" {
                if i + 1 < chars.count, chars[i + 1] == "=" {
                    tokens.append(XPathToken(kind: .comparison, text: String(c) + "=", column: column))
                    i += 2
                } else if c == "!" {
                    throw XPathSubsetError(column: column, message: "`!` alone is not XPath; write `not(…)` or `!=`")
                } else {
                    tokens.append(XPathToken(kind: .comparison, text: String(c), column: column))
                    i += 1
                }
            } else if c == "(" || c == ")" || c == "," {
                tokens.append(XPathToken(kind: .punctuation, text: String(c), column: column))
                i += 1
            } else if c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isNumber && !(tokens.last.map(\.isValue) ?? false)) {
                var j = i + 1
                while j < chars.count, chars[j].isNumber || chars[j] == "." { j += 1 }
                tokens.append(XPathToken(kind: .number, text: String(chars[i..<j]), column: column))
                i = j
            } else if c == "." && !(i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1] == ".")) {
                tokens.append(XPathToken(kind: .current, text: ".", column: column))
                i += 1
            } else if c.isLetter || c == "_" {
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "-" || chars[j] == "_" || chars[j] == ":" { j += 1 }
                tokens.append(XPathToken(kind: .word, text: String(chars[i..<j]), column: column))
                i = j
            } else {
                throw XPathSubsetError(column: column, message: "`\(c)` is outside the supported XPath subset")
            }
        }
        tokens.append(XPathToken(kind: .end, text: "", column: chars.count + 1))
        return tokens
    }

    /// Whether the token ends a value (so a following `-` is subtraction, not a sign).
    var isValue: Bool {
        kind == .reference || kind == .number || kind == .string || kind == .current || (kind == .punctuation && text == ")")
    }
}

/// Why an XPath cell could not be carried over: the position and what is outside the subset.
struct XPathSubsetError: Error, Equatable {
    /// 1-based character position in the cell.
    var column: Int
    var message: String
}

import Foundation
